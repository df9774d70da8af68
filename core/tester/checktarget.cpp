#include "checktarget.h"

QString CheckTarget::dedupKey() const
{
    return QStringLiteral("%1|%2|%3|%4").arg(kindName(kind), host.toLower()).arg(port).arg(path);
}

QString CheckTarget::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Tcp:
        return QStringLiteral("tcp");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::Https:
        return QStringLiteral("https");
    case Kind::Ntp:
        return QStringLiteral("ntp");
    case Kind::SyslogUdp:
        return QStringLiteral("syslog-udp");
    case Kind::Dns:
        return QStringLiteral("dns");
    case Kind::Wildcard:
        return QStringLiteral("wildcard");
    case Kind::None:
        return QStringLiteral("none");
    }
    return {};
}
