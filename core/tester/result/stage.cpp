#include "stage.h"

#include <iterator>

namespace {
struct StageInfo
{
    Stage::Id id;
    const char *name;
    bool afterConnect;
};

constexpr StageInfo stageInfo[] = {
        {Stage::Dns, "dns", false},
        {Stage::Proxy, "proxy", false},
        {Stage::Tunnel, "tunnel", true},
        {Stage::Tcp, "tcp", false},
        {Stage::Tls, "tls", true},
        {Stage::Http, "http", true},
        {Stage::DnsQuery, "dns-query", true},
        {Stage::Ntp, "ntp", false},
        {Stage::UdpSend, "udp-send", false},
};

const StageInfo &infoOf(Stage::Id stage)
{
    for (const StageInfo &info : stageInfo) {
        if (info.id == stage)
            return info;
    }
    Q_ASSERT_X(false, "Stage", "a stage missing from the table");
    return stageInfo[0];
}
} // namespace

QList<Stage::Id> Stage::all()
{
    QList<Id> stages;
    for (const StageInfo &info : stageInfo)
        stages.append(info.id);
    return stages;
}

QString Stage::name(Id stage)
{
    return QString::fromLatin1(infoOf(stage).name);
}

std::optional<Stage::Id> Stage::fromName(const QString &name)
{
    for (const StageInfo &info : stageInfo) {
        if (name == QLatin1String(info.name))
            return info.id;
    }
    return std::nullopt;
}

QString Stage::label(Id stage)
{
    switch (stage) {
    case Dns:
        return tr("Name resolution");
    case Proxy:
        return tr("Proxy");
    case Tunnel:
        return tr("Proxy tunnel (CONNECT)");
    case Tcp:
        return tr("TCP connection");
    case Tls:
        return tr("TLS handshake");
    case Http:
        return tr("HTTP request");
    case DnsQuery:
        return tr("DNS query");
    case Ntp:
        return tr("NTP query");
    case UdpSend:
        return tr("UDP send");
    }
    return {};
}

QString Stage::label(const QString &name)
{
    const auto stage = fromName(name);
    return stage ? label(*stage) : name;
}

bool Stage::isAfterConnect(Id stage)
{
    return infoOf(stage).afterConnect;
}

QString Stage::stalledHint(const QString &stageName, const QString &host, int port, const QString &transport)
{
    const QString flow = QStringLiteral("%1 %2").arg(transport.toUpper()).arg(port);
    switch (fromName(stageName).value_or(Tcp)) {
    case Tls:
        return tr("%1 to %2 is open, but the TLS handshake stalled: an IPS or a TLS filter dropping the "
                  "handshake, an MTU black hole (large packets dropped: check the path MTU and that ICMP "
                  "\"fragmentation needed\" is allowed), or a hung server.")
                .arg(flow, host);
    case Http:
        return tr("%1 to %2 is open, but the HTTP request got no answer: an IPS or a web filter holding the "
                  "request, an MTU black hole (large packets dropped), or a hung server.")
                .arg(flow, host);
    case Tunnel:
        return tr("The proxy accepted the connection but did not answer CONNECT for %1 to %2: the proxy "
                  "cannot reach the destination, or it is hung.")
                .arg(flow, host);
    default:
        break;
    }
    return tr("%1 to %2 is open, but the exchange stalled after connecting: an IPS dropping data, an MTU "
              "black hole (large packets dropped), or a hung server.")
            .arg(flow, host);
}
