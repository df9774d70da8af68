#include "awssgexporter.h"

#include "core/export/exportselection.h"
#include "core/export/exporttext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace {
// AWS takes only ASCII in descriptions: the English purpose stands in for other languages.
QString description(const ExportRequest &request, const ExportRule &rule)
{
    QString text = rule.comment;
    if (request.language != Language::English) {
        const Flow &flow = request.catalog.flows.at(rule.flowIndex);
        text = rule.flowId + QStringLiteral(": ") + ExportText::bounded(flow.description.en, 200);
        if (rule.isExpired)
            text += QStringLiteral(" [EXPIRED: static address valid until %1]")
                            .arg(rule.validUntil.toString(Qt::ISODate));
        if (!rule.resolvedFrom.isEmpty())
            text += QStringLiteral(" (%1 resolved at %2)")
                            .arg(rule.resolvedFrom, request.resolvedAt.toUTC().toString(Qt::ISODate));
    }
    return ExportText::awsDescription(text);
}

struct Permission
{
    QJsonArray ipv4;
    QJsonArray ipv6;
    QSet<QString> cidrs; // AWS rejects a CIDR twice in one permission
};
} // namespace

QString AwsSgExporter::displayName() const
{
    return tr("AWS security group (AWS CLI JSON)");
}

ExportResult AwsSgExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    // Per direction: one IpPermission per protocol and port, in order of first appearance.
    struct Direction
    {
        QList<QPair<QString, int>> order;
        QHash<QString, Permission> permissions;
    } egress, ingress;
    QJsonArray notes;
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        if (const auto note = ExportText::addressOnlyNote(rule)) {
            notes.append(ExportText::bounded(*note));
            ++result.commentCount;
            continue;
        }
        Direction &direction = rule.direction == ExportRule::Direction::Ingress ? ingress : egress;
        const QString desc = description(request, rule);
        for (const PortSpec &port : rule.ports) {
            for (const QString &protocol : ExportText::transports(port)) {
                const QString key = protocol + QLatin1Char('/') + QString::number(port.port);
                if (!direction.permissions.contains(key))
                    direction.order.append({protocol, port.port});
                Permission &permission = direction.permissions[key];
                if (permission.cidrs.contains(rule.cidr()))
                    continue;
                permission.cidrs.insert(rule.cidr());
                QJsonObject range;
                if (rule.isIpv6()) {
                    range.insert(QStringLiteral("CidrIpv6"), rule.cidr());
                    range.insert(QStringLiteral("Description"), desc);
                    permission.ipv6.append(range);
                } else {
                    range.insert(QStringLiteral("CidrIp"), rule.cidr());
                    range.insert(QStringLiteral("Description"), desc);
                    permission.ipv4.append(range);
                }
                ++result.ruleCount;
            }
        }
    }

    const auto permissionsOf = [](const Direction &direction) {
        QJsonArray list;
        for (const auto &[protocol, port] : direction.order) {
            const Permission &p =
                    direction.permissions.value(protocol + QLatin1Char('/') + QString::number(port));
            QJsonObject permission{{QStringLiteral("IpProtocol"), protocol},
                                   {QStringLiteral("FromPort"), port},
                                   {QStringLiteral("ToPort"), port}};
            if (!p.ipv4.isEmpty())
                permission.insert(QStringLiteral("IpRanges"), p.ipv4);
            if (!p.ipv6.isEmpty())
                permission.insert(QStringLiteral("Ipv6Ranges"), p.ipv6);
            list.append(permission);
        }
        return list;
    };

    QJsonArray header;
    for (const QString &line : ExportText::header(request, displayName()))
        header.append(line);
    header.append(ExportText::bounded(
            tr("Pass one of the objects to the AWS CLI, for example: aws ec2 authorize-security-group-egress "
               "--group-id sg-... --cli-input-json file://egress.json")));
    QJsonObject root{{QStringLiteral("portolan"),
                      QJsonObject{{QStringLiteral("about"), header}, {QStringLiteral("notes"), notes}}}};
    const QJsonArray egressPermissions = permissionsOf(egress);
    const QJsonArray ingressPermissions = permissionsOf(ingress);
    if (!egressPermissions.isEmpty())
        root.insert(QStringLiteral("authorize-security-group-egress"),
                    QJsonObject{{QStringLiteral("IpPermissions"), egressPermissions}});
    if (!ingressPermissions.isEmpty())
        root.insert(QStringLiteral("authorize-security-group-ingress"),
                    QJsonObject{{QStringLiteral("IpPermissions"), ingressPermissions}});
    result.text = QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    return result;
}
