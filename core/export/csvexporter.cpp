#include "csvexporter.h"

#include "exportselection.h"
#include "util/csvwriter.h"

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
        return QStringLiteral("local");
    }
    return {};
}
} // namespace

QString CsvExporter::displayName() const
{
    return tr("CSV");
}

QString CsvExporter::render(const ExportRequest &request) const
{
    CsvWriter csv;
    // Column names are stable identifiers for spreadsheets and scripts, not translated.
    csv.addRow({QStringLiteral("entry"), QStringLiteral("direction"), QStringLiteral("kind"),
                QStringLiteral("endpoint"), QStringLiteral("url"), QStringLiteral("port"),
                QStringLiteral("transport"), QStringLiteral("protocol"), QStringLiteral("requirement"),
                QStringLiteral("service"), QStringLiteral("expired"), QStringLiteral("valid_until"),
                QStringLiteral("resolved_from"), QStringLiteral("comment")});
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        for (const PortSpec &port : rule.ports) {
            csv.addRow({rule.entryId, directionName(rule.direction), kindName(rule.kind), rule.value,
                        rule.url, QString::number(port.port), port.transport, port.protocol, rule.requirement,
                        rule.service, rule.isExpired ? QStringLiteral("yes") : QStringLiteral("no"),
                        rule.validUntil.toString(Qt::ISODate), rule.resolvedFrom, rule.comment});
        }
    }
    return csv.text();
}
