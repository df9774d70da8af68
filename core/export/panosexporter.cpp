#include "panosexporter.h"

#include "core/export/exporttext.h"
#include "core/export/objectgroups.h"
#include "core/export/uniquenames.h"

#include <QSet>

namespace {
// A description in double quotes: printable characters without quotes or backslashes, at most
// 255 characters.
QString description(const QString &text)
{
    QString out;
    for (const QChar c : text)
        out += c.isPrint() && c != QLatin1Char('"') && c != QLatin1Char('\\') ? c : QLatin1Char(' ');
    return QLatin1Char('"') + out.simplified().left(255) + QLatin1Char('"');
}

} // namespace

QString PanosExporter::displayName() const
{
    return tr("Palo Alto PAN-OS (set commands)");
}

ExportResult PanosExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    QString &out = result.text;
    out = ExportText::headerComments(request, displayName());
    out += ExportText::commentLine(tr("Paste the set commands in configure mode, then commit; lines starting "
                                      "with # are notes for you. Replace the zones \"trust\" and \"untrust\" "
                                      "with yours; the firewall resolves the names itself."));
    UniqueNames names;
    QSet<QString> services;
    for (const ObjectGroup &group : ObjectGroup::egress(request)) {
        group.writeComments(result);
        if (group.isEmpty())
            continue;
        const QString base =
                names.take(QStringLiteral("portolan-") + ObjectGroup::safeName(group.flowId, 50));
        QStringList serviceNames;
        for (const PortSpec &port : group.ports) {
            for (const QString &transport : ExportText::transports(port)) {
                const QString name = QStringLiteral("portolan-%1-%2").arg(transport).arg(port.port);
                serviceNames.append(name);
                if (!services.contains(name))
                    out += QStringLiteral("set service %1 protocol %2 port %3\n")
                                   .arg(name, transport)
                                   .arg(port.port);
                services.insert(name);
            }
        }
        const QString serviceList =
                QStringLiteral("[ ") + serviceNames.join(QLatin1Char(' ')) + QStringLiteral(" ]");
        QStringList members;
        int n = 0;
        const auto address = [&](const QString &type, const QString &value) {
            const QString name = QStringLiteral("%1-%2").arg(base).arg(++n);
            members.append(name);
            out += QStringLiteral("set address %1 %2 %3\n").arg(name, type, value);
        };
        for (const QString &host : group.hosts)
            address(QStringLiteral("fqdn"), host);
        for (const QString &v : group.ipv4 + group.ipv6)
            address(QStringLiteral("ip-netmask"), v);
        const QString text = description(group.comment);
        if (!members.isEmpty()) {
            // "set" on a member list adds to it: one line per chunk.
            for (const QStringList &chunk : ObjectGroup::chunks(members))
                out += QStringLiteral("set address-group %1 static [ %2 ]\n")
                               .arg(base, chunk.join(QLatin1Char(' ')));
            result.addRule(QStringLiteral("set rulebase security rules %1 from trust to untrust source any "
                                          "destination %1 application any service %2 action allow\n"
                                          "set rulebase security rules %1 description %3\n")
                                   .arg(base, serviceList, text));
        }
        if (!group.wildcards.isEmpty()) {
            // A custom URL category matches the host of HTTP requests and the SNI of TLS.
            const QString category = base + QStringLiteral("-wildcards");
            out += QStringLiteral("set profiles custom-url-category %1 type \"URL List\"\n").arg(category);
            for (const QStringList &chunk : ObjectGroup::chunks(group.wildcards))
                out += QStringLiteral("set profiles custom-url-category %1 list [ %2 ]\n")
                               .arg(category, chunk.join(QLatin1Char(' ')));
            result.addRule(
                    QStringLiteral("set rulebase security rules %1 from trust to untrust source any "
                                   "destination any category %1 application any service %2 action allow\n"
                                   "set rulebase security rules %1 description %3\n")
                            .arg(category, serviceList, text));
        }
    }
    return result;
}
