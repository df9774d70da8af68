#include "allowlistexporter.h"

#include "core/catalog/catalogtext.h"
#include "core/export/exportselection.h"
#include "core/export/exporttext.h"

#include <QSet>

QString AllowlistExporter::displayName() const
{
    return tr("Allowlist (plain hosts and addresses)");
}

ExportResult AllowlistExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    QString &out = result.text;
    out = ExportText::headerComments(request, displayName());
    out += ExportText::commentLine(
            tr("A wildcard \"*.example.com\" is followed by its apex \"example.com\"."));

    const ExportRule *current = nullptr;
    QSet<QString> seen;
    const QList<ExportRule> rules = ExportSelection::rules(request);
    for (const ExportRule &rule : rules) {
        if (!current || !current->sameGroup(rule)) {
            current = &rule;
            seen.clear();
            const QString direction = rule.direction == ExportRule::Direction::Ingress
                    ? tr("inbound from")
                    : (rule.direction == ExportRule::Direction::Local ? tr("local") : tr("outbound to"));
            out += QLatin1Char('\n')
                    + ExportText::commentLine(
                            QStringLiteral("%1 (%2 %3)")
                                    .arg(rule.groupComment, direction, ExportText::ports(rule)));
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
            result.addComment(ExportText::commentLine(rule.direction == ExportRule::Direction::Local
                                                              ? *ExportText::addressOnlyNote(rule)
                                                              : rule.note));
            break;
        }
        for (const QString &value : std::as_const(values)) {
            if (!seen.contains(value))
                result.addRule(ExportText::oneLine(value) + QLatin1Char('\n'));
            seen.insert(value);
        }
    }
    return result;
}
