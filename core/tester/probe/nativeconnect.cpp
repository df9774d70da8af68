#include "nativeconnect.h"

#include <QHostAddress>
#include <QString>

#ifdef Q_OS_UNIX
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>
#endif

bool NativeConnect::isSupported()
{
#ifdef Q_OS_UNIX
    return true;
#else
    return false;
#endif
}

qintptr NativeConnect::start(const QHostAddress &address, quint16 port, int *error)
{
    *error = 0;
#ifdef Q_OS_UNIX
    sockaddr_storage storage;
    std::memset(&storage, 0, sizeof(storage));
    socklen_t length = 0;
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, &bytes, sizeof(bytes));
        in6->sin6_scope_id = address.scopeId().toUInt();
        length = sizeof(sockaddr_in6);
    } else {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    const int descriptor = ::socket(storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (descriptor < 0) {
        *error = errno;
        return -1;
    }
    int result = 0;
    do {
        result = ::connect(descriptor, reinterpret_cast<sockaddr *>(&storage), length);
    } while (result < 0 && errno == EINTR);
    if (result < 0 && errno != EINPROGRESS) {
        *error = errno;
        ::close(descriptor);
        return -1;
    }
    return descriptor;
#else
    Q_UNUSED(address);
    Q_UNUSED(port);
    *error = -1;
    return -1;
#endif
}

int NativeConnect::pendingError(qintptr descriptor)
{
#ifdef Q_OS_UNIX
    int error = 0;
    socklen_t length = sizeof(error);
    if (::getsockopt(int(descriptor), SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        return errno;
    return error;
#else
    Q_UNUSED(descriptor);
    return 0;
#endif
}

bool NativeConnect::isConnected(qintptr descriptor)
{
#ifdef Q_OS_UNIX
    sockaddr_storage peer;
    socklen_t length = sizeof(peer);
    return ::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&peer), &length) == 0;
#else
    Q_UNUSED(descriptor);
    return false;
#endif
}

void NativeConnect::close(qintptr descriptor)
{
#ifdef Q_OS_UNIX
    if (descriptor >= 0)
        ::close(int(descriptor));
#else
    Q_UNUSED(descriptor);
#endif
}

QString NativeConnect::errorText(int error)
{
    return qt_error_string(error);
}

bool NativeConnect::isFiltered(int error)
{
#ifdef Q_OS_UNIX
    return error == EHOSTUNREACH || error == ENETUNREACH || error == EACCES || error == EPERM;
#else
    Q_UNUSED(error);
    return false;
#endif
}

bool NativeConnect::isRefused(int error)
{
#ifdef Q_OS_UNIX
    return error == ECONNREFUSED;
#else
    Q_UNUSED(error);
    return false;
#endif
}
