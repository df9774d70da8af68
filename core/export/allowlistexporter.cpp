#include "allowlistexporter.h"

#include "catalog/catalogtext.h"
#include "exportselection.h"
#include "exporttext.h"

QString AllowlistExporter::displayName() const
{
    return tr("Allowlist (plain hosts and addresses)");
}

QString AllowlistExporter::render(const ExportRequest &request) const
{
    QString out = ExportText::headerComments(request, displayName());
    out += ExportText::commentLine(
            tr("A wildcard \"*.example.com\" is followed by its apex \"example.com\"."));

    int current = -1;
    QStringList seen;
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        if (rule.entryIndex != current) {
            current = rule.entryIndex;
            seen.clear();
            const QString direction = rule.direction == ExportRule::Direction::Ingress
                    ? tr("inbound from")
                    : (rule.direction == ExportRule::Direction::Local ? tr("local") : tr("outbound to"));
            out += QLatin1Char('\n')
                    + ExportText::commentLine(
                            QStringLiteral("%1 (%2 %3)")
                                    .arg(rule.entryComment, direction, ExportText::ports(rule)));
        }
        QStringList values;
        switch (rule.kind) {
        case ExportRule::Kind::HostName:
            values << rule.value;
            if (rule.isWildcard())
                values << rule.domain();
            break;
        case ExportRule::Kind::Address:
        case ExportRule::Kind::Network:
            if (!rule.resolvedFrom.isEmpty()) {
                out += ExportText::commentLine(tr("%1 resolved from %2").arg(rule.value, rule.resolvedFrom));
                break;
            }
            values << rule.value;
            break;
        case ExportRule::Kind::SiteSpecific:
            out += ExportText::commentLine(rule.note);
            break;
        }
        for (const QString &value : std::as_const(values)) {
            if (!seen.contains(value))
                out += ExportText::oneLine(value) + QLatin1Char('\n');
            seen.append(value);
        }
    }
    return out;
}
