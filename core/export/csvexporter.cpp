#include "csvexporter.h"

#include "core/export/exportselection.h"
#include "core/export/exporttext.h"
#include "core/util/csvwriter.h"

namespace {
QString kindName(ExportRule::Kind kind)
{
    switch (kind) {
    case ExportRule::Kind::Address:
        return QStringLiteral("address");
    case ExportRule::Kind::Network:
        return QStringLiteral("network");
    case ExportRule::Kind::HostName:
        return QStringLiteral("host");
    case ExportRule::Kind::SiteSpecific:
        return QStringLiteral("site-specific");
    }
    return {};
}

QString directionName(ExportRule::Direction direction)
{
    switch (direction) {
    case ExportRule::Direction::Egress:
        return QStringLiteral("egress");
    case ExportRule::Direction::Ingress:
        return QStringLiteral("ingress");
    case ExportRule::Direction::Local:
        break;
    }
    return {};
}
} // namespace

QString CsvExporter::displayName() const
{
    return tr("CSV");
}

ExportResult CsvExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    CsvWriter csv;
    // Column names are stable identifiers for spreadsheets and scripts, not translated.
    csv.addRow({QStringLiteral("flow"), QStringLiteral("direction"), QStringLiteral("kind"),
                QStringLiteral("endpoint"), QStringLiteral("url"), QStringLiteral("port"),
                QStringLiteral("transport"), QStringLiteral("protocol"), QStringLiteral("requirement"),
                QStringLiteral("service"), QStringLiteral("expired"), QStringLiteral("valid_until"),
                QStringLiteral("resolved_from"), QStringLiteral("comment")});
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        // A flow that needs no network rule is no row of a rule list.
        if (rule.direction == ExportRule::Direction::Local) {
            ++result.commentCount;
            continue;
        }
        for (const PortSpec &port : rule.ports) {
            // The transport as the catalog states it ("unstated" included): a list, not a rule set.
            csv.addRow({rule.flowId, directionName(rule.direction), kindName(rule.kind), rule.value, rule.url,
                        QString::number(port.port), port.transportName(), port.protocol,
                        Vocabulary::name(rule.requirement), rule.service,
                        rule.isExpired ? QStringLiteral("yes") : QStringLiteral("no"),
                        rule.validUntil.toString(Qt::ISODate), rule.resolvedFrom, rule.comment});
            if (rule.kind != ExportRule::Kind::SiteSpecific)
                ++result.ruleCount;
            else
                ++result.commentCount;
        }
    }
    result.text = csv.text();
    return result;
}
