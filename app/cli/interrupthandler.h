#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM into a Qt signal, the pattern of Qt's "Calling Qt Functions From Unix
// Signal Handlers": the handler only writes a byte to a socket pair, a QSocketNotifier reads it on
// the event loop. The first signal emits interrupted(); a second one, while the program is still
// finishing, ends the process at once with exitCode(). One instance at a time; the previous
// handlers are restored by the destructor. On non-POSIX platforms it does nothing.
class InterruptHandler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InterruptHandler)

public:
    static constexpr int ExitCode = 130; // 128 + SIGINT, what shells report for Ctrl-C

    explicit InterruptHandler(QObject *parent = nullptr);
    ~InterruptHandler() override;

    // Whether the handlers are in place (false on non-POSIX platforms or when the socket pair
    // could not be made).
    bool isInstalled() const { return m_installed; }
    // Before exiting on a second signal, write a newline to standard error (it holds an unfinished
    // status line).
    void setNewlineOnExit(bool newline);

signals:
    void interrupted(int signalNumber);

private:
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
    bool m_installed = false;
};
