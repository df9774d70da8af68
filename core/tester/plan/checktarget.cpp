#include "checktarget.h"

#include <algorithm>

QStringList CheckTarget::flowIds() const
{
    QStringList ids;
    for (const FlowRef &ref : flows) {
        if (!ids.contains(ref.flow))
            ids.append(ref.flow);
    }
    return ids;
}

bool CheckTarget::serves(const QString &flowId) const
{
    return std::any_of(flows.cbegin(), flows.cend(),
                       [&flowId](const FlowRef &ref) { return ref.flow == flowId; });
}

void CheckTarget::addFlow(const QString &flowId, int endpoint)
{
    const FlowRef ref{flowId, endpoint};
    if (!flows.contains(ref))
        flows.append(ref);
}

QString CheckTarget::dedupKey() const
{
    if (isSkipped())
        return QStringLiteral("skipped|%1|%2|%3").arg(kindName(kind), endpoint, skipReason);
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
    case Kind::DnsTcp:
        return QStringLiteral("dns-tcp");
    case Kind::Wildcard:
        return QStringLiteral("wildcard");
    case Kind::None:
        return QStringLiteral("none");
    }
    return {};
}
