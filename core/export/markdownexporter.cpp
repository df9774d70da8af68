#include "markdownexporter.h"

#include "core/catalog/catalogtext.h"
#include "core/export/exportselection.h"
#include "core/export/exporttext.h"

namespace {
// Text for a table cell: Markdown and HTML syntax characters lose their meaning.
QString cell(const QString &text)
{
    static const QString special = QStringLiteral("\\`*_[]|~$");
    QString result;
    for (const QChar c : ExportText::bounded(text)) {
        if (c == QLatin1Char('<'))
            result += QStringLiteral("&lt;");
        else if (c == QLatin1Char('>'))
            result += QStringLiteral("&gt;");
        else if (c == QLatin1Char('&'))
            result += QStringLiteral("&amp;");
        else if (special.contains(c))
            result += QLatin1Char('\\') + c;
        else
            result += c;
    }
    return result;
}

QString row(const QStringList &cells)
{
    return QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}
} // namespace

QString MarkdownExporter::displayName() const
{
    return tr("Markdown table");
}

ExportResult MarkdownExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    QString &out = result.text;
    const QStringList header = ExportText::header(request, displayName());
    out = QStringLiteral("# ") + cell(header.value(0)) + QStringLiteral("\n\n");
    for (int i = 1; i < header.size(); ++i)
        out += cell(header.at(i)) + QStringLiteral("\n\n");
    out += row({tr("Flow"), tr("Direction"), tr("Endpoint"), tr("Ports"), tr("Requirement"), tr("Comment")});
    out += row({QStringLiteral("---"), QStringLiteral("---"), QStringLiteral("---"), QStringLiteral("---"),
                QStringLiteral("---"), QStringLiteral("---")});
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        QString direction;
        switch (rule.direction) {
        case ExportRule::Direction::Egress:
            direction = tr("Outbound");
            break;
        case ExportRule::Direction::Ingress:
            direction = tr("Inbound");
            break;
        case ExportRule::Direction::Local:
            direction = tr("Local");
            break;
        }
        QString endpoint = rule.value;
        if (rule.direction == ExportRule::Direction::Local)
            endpoint = tr("%1 (no network rule: on the same computer)").arg(rule.value);
        else if (rule.kind == ExportRule::Kind::SiteSpecific)
            endpoint = tr("%1 (site-specific)").arg(rule.value);
        else if (!rule.resolvedFrom.isEmpty())
            endpoint = tr("%1 (resolved from %2)").arg(rule.value, rule.resolvedFrom);
        const QString line =
                row({cell(rule.flowId), cell(direction), cell(endpoint), cell(ExportText::ports(rule)),
                     cell(rule.requirementText), cell(rule.comment)});
        if (rule.kind != ExportRule::Kind::SiteSpecific)
            result.addRule(line);
        else
            result.addComment(line);
    }
    return result;
}
