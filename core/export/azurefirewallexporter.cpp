#include "azurefirewallexporter.h"

#include "core/export/exporttext.h"
#include "core/export/objectgroups.h"
#include "core/export/uniquenames.h"

namespace {
// Application rules take HTTP and HTTPS on any port; everything else is a network rule.
bool isWebPort(const PortSpec &port)
{
    return port.transport != Transport::Udp
            && (port.protocol.compare(QLatin1String("HTTP"), Qt::CaseInsensitive) == 0
                || port.protocol.compare(QLatin1String("HTTPS"), Qt::CaseInsensitive) == 0);
}

QString quotedList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted.append(QLatin1Char('\'') + v + QLatin1Char('\''));
    return quoted.join(QLatin1Char(' '));
}
} // namespace

QString AzureFirewallExporter::displayName() const
{
    return tr("Azure Firewall (az CLI, classic rules)");
}

ExportResult AzureFirewallExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    QString &out = result.text;
    out = QStringLiteral("#!/bin/sh\n") + ExportText::headerComments(request, displayName());
    out += ExportText::commentLine(tr("Needs \"az extension add --name azure-firewall\". Set RG and FW; "
                                      "network rules with FQDNs need the firewall's DNS proxy."));
    out += QStringLiteral(
            "set -eu\n: \"${RG:?set RG to the resource group}\"\n: \"${FW:?set FW to the firewall}\"\n");
    UniqueNames names;
    // The first rule of a collection creates it with a priority and an action.
    bool applicationCollection = false;
    bool networkCollection = false;
    const QString common = QStringLiteral("--resource-group \"$RG\" --firewall-name \"$FW\"");
    for (const ObjectGroup &group : ObjectGroup::egress(request)) {
        group.writeComments(result);
        if (group.isEmpty())
            continue;
        const QString name = names.take(ObjectGroup::safeName(group.flowId, 60));
        const QStringList fqdns = group.hosts + group.wildcards;
        QStringList web;
        QList<PortSpec> other;
        for (const PortSpec &port : group.ports) {
            if (isWebPort(port))
                web.append(QStringLiteral("%1=%2")
                                   .arg(port.protocol.toLower() == QLatin1String("http")
                                                ? QStringLiteral("Http")
                                                : QStringLiteral("Https"))
                                   .arg(port.port));
            else
                other.append(port);
        }
        // One rule per 20 names, so that no command line grows long.
        const QList<QStringList> fqdnChunks =
                web.isEmpty() ? QList<QStringList>() : ObjectGroup::chunks(fqdns);
        for (int i = 0; i < fqdnChunks.size(); ++i) {
            result.addRule(QStringLiteral("az network firewall application-rule create %1 --collection-name "
                                          "portolan-app %2--name %3 --protocols %4 --source-addresses '*' "
                                          "--target-fqdns %5\n")
                                   .arg(common,
                                        applicationCollection
                                                ? QString()
                                                : QStringLiteral("--priority 200 --action Allow "),
                                        i == 0 ? name : names.take(name), web.join(QLatin1Char(' ')),
                                        quotedList(fqdnChunks.at(i))));
            applicationCollection = true;
        }
        // Network rules: the other ports of the names (no wildcard: DNS proxy), and every port of
        // the addresses.
        QList<QPair<QString, QList<PortSpec>>> network;
        const QStringList addresses = group.ipv4 + group.ipv6;
        for (const QStringList &chunk : ObjectGroup::chunks(addresses))
            network.append({QStringLiteral("--destination-addresses ") + quotedList(chunk), group.ports});
        if (!other.isEmpty()) {
            for (const QStringList &chunk : ObjectGroup::chunks(group.hosts))
                network.append({QStringLiteral("--destination-fqdns ") + quotedList(chunk), other});
        }
        if (!group.wildcards.isEmpty() && !other.isEmpty())
            result.addComment(
                    ExportText::commentLine(tr("%1: a network rule cannot take a wildcard FQDN")
                                                    .arg(group.wildcards.join(QStringLiteral(", ")))));
        for (int i = 0; i < network.size(); ++i) {
            QStringList protocols;
            QStringList ports;
            for (const PortSpec &port : network.at(i).second) {
                const QString protocol = port.transport == Transport::Unstated ? QStringLiteral("Any")
                        : port.transport == Transport::Udp                     ? QStringLiteral("UDP")
                                                                               : QStringLiteral("TCP");
                if (!protocols.contains(protocol))
                    protocols.append(protocol);
                ports.append(QString::number(port.port));
            }
            ports.removeDuplicates();
            result.addRule(QStringLiteral("az network firewall network-rule create %1 --collection-name "
                                          "portolan-net %2--name %3 --protocols %4 --source-addresses '*' %5 "
                                          "--destination-ports %6\n")
                                   .arg(common,
                                        networkCollection ? QString()
                                                          : QStringLiteral("--priority 210 --action Allow "),
                                        i == 0 ? name : names.take(name), protocols.join(QLatin1Char(' ')),
                                        network.at(i).first, ports.join(QLatin1Char(' '))));
            networkCollection = true;
        }
    }
    return result;
}
