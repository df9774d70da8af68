#include "interrupthandler.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {
int s_fds[2] = {-1, -1}; // [0] written by the handler, [1] read by the notifier
volatile sig_atomic_t s_count = 0;
volatile sig_atomic_t s_newlineOnExit = 0;
struct sigaction s_previousInt;
struct sigaction s_previousTerm;

extern "C" void handleSignal(int signalNumber)
{
    const int savedErrno = errno;
    if (++s_count > 1) {
        if (s_newlineOnExit) {
            const char newline = '\n';
            [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, &newline, 1);
        }
        ::_exit(InterruptHandler::ExitCode);
    }
    const unsigned char byte = static_cast<unsigned char>(signalNumber);
    [[maybe_unused]] const ssize_t written = ::write(s_fds[0], &byte, 1);
    errno = savedErrno;
}
} // namespace
#endif

InterruptHandler::InterruptHandler(QObject *parent)
    : QObject(parent)
{
#ifdef Q_OS_UNIX
    if (s_fds[0] != -1 || ::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) != 0)
        return;
    for (int fd : s_fds) {
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    }
    s_count = 0;
    m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptHandler::readSignal);
    struct sigaction action = {};
    action.sa_handler = handleSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &s_previousInt);
    ::sigaction(SIGTERM, &action, &s_previousTerm);
    m_installed = true;
#endif
}

InterruptHandler::~InterruptHandler()
{
#ifdef Q_OS_UNIX
    if (!m_installed)
        return;
    ::sigaction(SIGINT, &s_previousInt, nullptr);
    ::sigaction(SIGTERM, &s_previousTerm, nullptr);
    delete m_notifier;
    for (int &fd : s_fds) {
        ::close(fd);
        fd = -1;
    }
#endif
}

void InterruptHandler::setNewlineOnExit(bool newline)
{
#ifdef Q_OS_UNIX
    s_newlineOnExit = newline ? 1 : 0;
#else
    Q_UNUSED(newline);
#endif
}

void InterruptHandler::readSignal()
{
#ifdef Q_OS_UNIX
    unsigned char byte = 0;
    while (::read(s_fds[1], &byte, 1) == 1)
        emit interrupted(int(byte));
#endif
}
