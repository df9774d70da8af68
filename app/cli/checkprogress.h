#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>

class TestSession;
class QTextStream;

// The live progress of portolan-cli check on a terminal: one status line rewritten in place
// ("checked 12 of 190 · 3 failed · 32 running"), each failure printed above it as it happens.
// Redraws at most ten times a second; finish() draws the last state and ends the line.
class CheckProgress final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckProgress)

public:
    // Follows the runs the session starts from now on.
    CheckProgress(TestSession *session, QTextStream &stream, QObject *parent = nullptr);

    void finish();

private:
    void draw(bool force);
    QString statusText() const;

    QTextStream &m_stream;
    QString m_shown; // the status line on the terminal now
    QSet<int> m_running;
    QElapsedTimer m_sinceDraw;
    QTimer m_timer;
    int m_total = 0;
    int m_done = 0;
    int m_failed = 0;
    bool m_dirty = false;
    bool m_finished = false;
};
