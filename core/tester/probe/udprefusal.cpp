#include "udprefusal.h"

#include <QUdpSocket>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#include <sys/types.h>
#endif

bool UdpRefusal::isRefused(QUdpSocket *socket)
{
#ifdef Q_OS_UNIX
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor < 0)
        return false;
    char byte = 0;
    ssize_t result = 0;
    do {
        result = ::recv(int(descriptor), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    } while (result < 0 && errno == EINTR);
    return result < 0 && errno == ECONNREFUSED;
#else
    return !socket->hasPendingDatagrams();
#endif
}
