#include "awsnetworkfirewallexporter.h"

#include "core/export/exporttext.h"
#include "core/export/objectgroups.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

QString AwsNetworkFirewallExporter::displayName() const
{
    return tr("AWS Network Firewall domain list (AWS CLI JSON)");
}

ExportResult AwsNetworkFirewallExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    QStringList targets;
    int addresses = 0;
    int notes = 0;
    for (const ObjectGroup &group : ObjectGroup::egress(request)) {
        for (const QString &host : group.hosts)
            targets.append(host);
        for (const QString &wildcard : group.wildcards)
            targets.append(wildcard.mid(1)); // "*.example.com" -> ".example.com"
        addresses += int(group.ipv4.size() + group.ipv6.size());
        notes += int(group.notes.size());
    }
    targets.removeDuplicates();
    // Names a listed wildcard already covers are left out.
    QStringList kept;
    for (const QString &target : std::as_const(targets)) {
        const bool covered = !target.startsWith(QLatin1Char('.'))
                && std::any_of(targets.cbegin(), targets.cend(), [&target](const QString &t) {
                       return t.startsWith(QLatin1Char('.')) && (target.endsWith(t) || target == t.mid(1));
                   });
        if (!covered)
            kept.append(target);
    }
    // The description says what a domain list cannot hold; AWS takes at most 512 ASCII
    // characters, so it stays English in every language.
    const QString description = ExportText::awsDescription(
            QStringLiteral(
                    "Portolan, catalog %1: %2 host names; %3 addresses and %4 flows without a name are not "
                    "in a domain list (see the suricata format)")
                    .arg(request.catalog.catalogVersion)
                    .arg(kept.size())
                    .arg(addresses)
                    .arg(notes));
    QJsonObject list{{QStringLiteral("Targets"), QJsonArray::fromStringList(kept)},
                     {QStringLiteral("TargetTypes"),
                      QJsonArray{QStringLiteral("TLS_SNI"), QStringLiteral("HTTP_HOST")}},
                     {QStringLiteral("GeneratedRulesType"), QStringLiteral("ALLOWLIST")}};
    const QJsonObject root{{QStringLiteral("RuleGroupName"), QStringLiteral("portolan-egress")},
                           {QStringLiteral("Type"), QStringLiteral("STATEFUL")},
                           // Two generated rules per target and type, with room to grow.
                           {QStringLiteral("Capacity"), qMax(100, int(kept.size()) * 4)},
                           {QStringLiteral("Description"), description},
                           {QStringLiteral("RuleGroup"),
                            QJsonObject{{QStringLiteral("RulesSource"),
                                         QJsonObject{{QStringLiteral("RulesSourceList"), list}}}}}};
    result.text = QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    result.ruleCount = int(kept.size());
    result.commentCount = addresses + notes;
    return result;
}
