#include "asaexporter.h"

#include "core/export/exporttext.h"
#include "core/export/objectgroups.h"
#include "core/export/uniquenames.h"

namespace {
// ASA remarks: at most 100 characters, printable ASCII.
QString remark(const QString &text)
{
    QString out;
    for (const QChar c : text)
        out += c.unicode() >= 0x20 && c.unicode() < 0x7f ? c : QLatin1Char('?');
    return out.left(100).trimmed();
}

} // namespace

QString AsaExporter::displayName() const
{
    return tr("Cisco ASA (object groups and access list)");
}

ExportResult AsaExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    QString &out = result.text;
    out = ExportText::headerComments(request, displayName(), QStringLiteral("! "));
    out += ExportText::commentLine(
            tr("FQDN objects need \"dns domain-lookup\" on an interface and a DNS server "
               "group. Bind the list with \"access-group portolan-egress in interface "
               "inside\"."),
            QStringLiteral("! "));
    UniqueNames names;
    for (const ObjectGroup &group : ObjectGroup::egress(request)) {
        group.writeComments(result, QStringLiteral("! "));
        for (const QString &wildcard : group.wildcards)
            result.addComment(ExportText::commentLine(
                    tr("%1: an ASA FQDN object cannot take a wildcard; list the hosts, or use a proxy")
                            .arg(wildcard),
                    QStringLiteral("! ")));
        if (group.hosts.isEmpty() && group.ipv4.isEmpty() && group.ipv6.isEmpty())
            continue;
        const QString base =
                names.take(QStringLiteral("portolan-") + ObjectGroup::safeName(group.flowId, 50));
        QStringList objects;
        int n = 0;
        const auto object = [&](const QString &line) {
            const QString name = QStringLiteral("%1-%2").arg(base).arg(++n);
            objects.append(name);
            out += QStringLiteral("object network %1\n %2\n").arg(name, line);
        };
        for (const QString &host : group.hosts)
            object(QStringLiteral("fqdn %1").arg(host));
        for (const QString &v4 : group.ipv4) {
            const int slash = v4.indexOf(QLatin1Char('/'));
            object(slash < 0 ? QStringLiteral("host %1").arg(v4)
                             : QStringLiteral("subnet %1 %2")
                                       .arg(v4.left(slash), ObjectGroup::netmask(v4.mid(slash + 1).toInt())));
        }
        for (const QString &v6 : group.ipv6)
            object(v6.contains(QLatin1Char('/')) ? QStringLiteral("subnet %1").arg(v6)
                                                 : QStringLiteral("host %1").arg(v6));
        out += QStringLiteral("object-group network %1\n").arg(base);
        for (const QString &name : std::as_const(objects))
            out += QStringLiteral(" network-object object %1\n").arg(name);
        const QString services = base + QStringLiteral("-ports");
        out += QStringLiteral("object-group service %1\n").arg(services);
        for (const PortSpec &port : group.ports) {
            for (const QString &transport : ExportText::transports(port))
                out += QStringLiteral(" service-object %1 destination eq %2\n").arg(transport).arg(port.port);
        }
        const QString remarkText = remark(group.comment);
        if (!remarkText.isEmpty())
            out += QStringLiteral("access-list portolan-egress remark %1\n").arg(remarkText);
        result.addRule(
                QStringLiteral(
                        "access-list portolan-egress extended permit object-group %1 any object-group %2\n")
                        .arg(services, base));
    }
    return result;
}
