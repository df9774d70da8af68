#include "fortigateexporter.h"

#include "core/export/exporttext.h"
#include "core/export/objectgroups.h"
#include "core/export/uniquenames.h"

#include <QSet>

namespace {
QString quoted(const QString &name)
{
    return QLatin1Char('"') + name + QLatin1Char('"');
}

// "34.205.5.0/27" -> "34.205.5.0 255.255.255.224"; an address -> "/32".
QString subnet(const QString &value)
{
    const int slash = value.indexOf(QLatin1Char('/'));
    const QString address = slash < 0 ? value : value.left(slash);
    const int length = slash < 0 ? 32 : value.mid(slash + 1).toInt();
    return address + QLatin1Char(' ') + ObjectGroup::netmask(length);
}

QString serviceName(const PortSpec &port, const QString &transport)
{
    return QStringLiteral("portolan-%1-%2").arg(transport).arg(port.port);
}

} // namespace

QString FortigateExporter::displayName() const
{
    return tr("FortiGate (FortiOS CLI)");
}

ExportResult FortigateExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    QString &out = result.text;
    out = ExportText::headerComments(request, displayName());
    out += ExportText::commentLine(
            tr("FortiOS 6.2.2 or later (wildcard FQDN addresses). Replace the interfaces "
               "\"internal\" and \"wan1\" with yours; the FortiGate resolves the names "
               "itself (set its DNS servers)."));
    UniqueNames names;
    QSet<QString> services;
    for (const ObjectGroup &group : ObjectGroup::egress(request)) {
        group.writeComments(result);
        for (const QString &v6 : group.ipv6)
            result.addComment(ExportText::commentLine(
                    tr("%1: IPv6, needs an address6 object and a policy of its own").arg(v6)));
        if (group.hosts.isEmpty() && group.wildcards.isEmpty() && group.ipv4.isEmpty())
            continue;
        const QString base =
                names.take(QStringLiteral("portolan-") + ObjectGroup::safeName(group.flowId, 60));
        QStringList members;
        out += QStringLiteral("config firewall address\n");
        int n = 0;
        const auto address = [&](const QString &type, const QString &setting) {
            const QString name = QStringLiteral("%1-%2").arg(base).arg(++n);
            members.append(quoted(name));
            out += QStringLiteral("    edit %1\n").arg(quoted(name));
            if (!type.isEmpty())
                out += QStringLiteral("        set type %1\n").arg(type);
            out += QStringLiteral("        %1\n").arg(setting);
            out += QStringLiteral("    next\n");
        };
        for (const QString &host : group.hosts + group.wildcards)
            address(QStringLiteral("fqdn"), QStringLiteral("set fqdn %1").arg(quoted(host)));
        for (const QString &v4 : group.ipv4)
            address(QString(), QStringLiteral("set subnet %1").arg(subnet(v4)));
        out += QStringLiteral("end\n");
        // "set member" replaces the members, "append member" adds to them.
        out += QStringLiteral("config firewall addrgrp\n    edit %1\n").arg(quoted(base));
        bool first = true;
        for (const QStringList &chunk : ObjectGroup::chunks(members)) {
            out += QStringLiteral("        %1 member %2\n")
                           .arg(first ? QStringLiteral("set") : QStringLiteral("append"),
                                chunk.join(QLatin1Char(' ')));
            first = false;
        }
        out += QStringLiteral("    next\nend\n");

        QStringList serviceNames;
        QString serviceConfig;
        for (const PortSpec &port : group.ports) {
            for (const QString &transport : ExportText::transports(port)) {
                const QString name = serviceName(port, transport);
                serviceNames.append(quoted(name));
                if (services.contains(name))
                    continue;
                services.insert(name);
                serviceConfig += QStringLiteral("    edit %1\n        set %2-portrange %3\n    next\n")
                                         .arg(quoted(name), transport)
                                         .arg(port.port);
            }
        }
        if (!serviceConfig.isEmpty())
            out += QStringLiteral("config firewall service custom\n") + serviceConfig
                    + QStringLiteral("end\n");
        // Policy names: at most 35 characters.
        result.addRule(
                QStringLiteral("config firewall policy\n"
                               "    edit 0\n"
                               "        set name %1\n"
                               "        set srcintf \"internal\"\n"
                               "        set dstintf \"wan1\"\n"
                               "        set srcaddr \"all\"\n"
                               "        set dstaddr %2\n"
                               "        set action accept\n"
                               "        set schedule \"always\"\n"
                               "        set service %3\n"
                               "    next\n"
                               "end\n")
                        .arg(quoted(base.left(35)), quoted(base), serviceNames.join(QLatin1Char(' '))));
    }
    return result;
}
