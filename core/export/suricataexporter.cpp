#include "suricataexporter.h"

#include "core/export/exporttext.h"
#include "core/export/objectgroups.h"

namespace {
constexpr int FirstSid = 1000001; // the range Suricata leaves to local rules

bool isHttp(const PortSpec &port)
{
    return port.protocol.compare(QLatin1String("HTTP"), Qt::CaseInsensitive) == 0;
}

// Name matches need an application protocol Suricata can read the name from.
bool carriesName(const PortSpec &port)
{
    return port.transport != Transport::Udp
            && (isHttp(port) || port.protocol.compare(QLatin1String("HTTPS"), Qt::CaseInsensitive) == 0);
}

} // namespace

QString SuricataExporter::displayName() const
{
    return tr("Suricata rules (AWS Network Firewall)");
}

ExportResult SuricataExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    QString &out = result.text;
    out = ExportText::headerComments(request, displayName());
    out += ExportText::commentLine(
            tr("AWS Network Firewall: a stateful rule group with strict rule order and a "
               "default drop (aws network-firewall create-rule-group --type STATEFUL --rules "
               "file://THIS-FILE). Set HOME_NET to your clients."));
    int sid = FirstSid;
    const auto rule = [&](const QString &header, const QString &options, const QString &flowId) {
        // msg holds only the flow id: catalog ids are [a-z0-9.-].
        result.addRule(QStringLiteral("pass %1 (%2msg:\"portolan %3\"; sid:%4; rev:1;)\n")
                               .arg(header, options, ObjectGroup::safeName(flowId, 64))
                               .arg(sid++));
    };
    for (const ObjectGroup &group : ObjectGroup::egress(request)) {
        group.writeComments(result);
        if (group.isEmpty())
            continue;
        for (const PortSpec &port : group.ports) {
            const QString flowOption = QStringLiteral("flow:to_server, established; ");
            if (!group.hosts.isEmpty() || !group.wildcards.isEmpty()) {
                if (!carriesName(port)) {
                    result.addComment(ExportText::commentLine(
                            tr("%1/%2: Suricata reads host names only from TLS and HTTP; allow the addresses")
                                    .arg(port.port)
                                    .arg(port.transportName().toUpper())));
                } else {
                    const QString header =
                            QStringLiteral("%1 $HOME_NET any -> $EXTERNAL_NET %2")
                                    .arg(isHttp(port) ? QStringLiteral("http") : QStringLiteral("tls"))
                                    .arg(port.port);
                    const QString buffer =
                            isHttp(port) ? QStringLiteral("http.host") : QStringLiteral("tls.sni");
                    for (const QString &host : group.hosts)
                        rule(header,
                             QStringLiteral("%1; content:\"%2\"; nocase; startswith; endswith; %3")
                                     .arg(buffer, host, flowOption),
                             group.flowId);
                    for (const QString &wildcard : group.wildcards)
                        rule(header,
                             QStringLiteral("%1; dotprefix; content:\"%2\"; nocase; endswith; %3")
                                     .arg(buffer, wildcard.mid(1), flowOption),
                             group.flowId);
                }
            }
            const QStringList addresses = group.ipv4 + group.ipv6;
            for (const QStringList &chunk : ObjectGroup::chunks(addresses)) {
                for (const QString &transport : ExportText::transports(port)) {
                    const QString list = chunk.size() == 1
                            ? chunk.constFirst()
                            : QLatin1Char('[') + chunk.join(QLatin1Char(',')) + QLatin1Char(']');
                    rule(QStringLiteral("%1 $HOME_NET any -> %2 %3").arg(transport, list).arg(port.port),
                         transport == QLatin1String("tcp") ? QStringLiteral("flow:to_server; ") : QString(),
                         group.flowId);
                }
            }
        }
    }
    return result;
}
