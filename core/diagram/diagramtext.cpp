#include "diagramtext.h"

#include "catalog/catalog.h"
#include "catalog/catalogtext.h"

namespace {
QString componentName(const Catalog &catalog, const QString &id, Language language)
{
    const Component *c = catalog.component(id);
    return c ? c->name.text(language) : id;
}
} // namespace

QString DiagramText::statusText(FlowStatus status)
{
    switch (status) {
    case FlowStatus::Passed:
        return tr("Passed");
    case FlowStatus::Failed:
        return tr("Failed");
    case FlowStatus::Partial:
        return tr("Partly passed");
    case FlowStatus::Untested:
        break;
    }
    return tr("Untested");
}

QString DiagramText::flowTitle(const Catalog &catalog, const DiagramFlow &flow, Language language)
{
    return tr("%1 \u2192 %2")
            .arg(componentName(catalog, flow.from, language), componentName(catalog, flow.to, language));
}

QString DiagramText::flowToolTip(const Catalog &catalog, const DiagramFlow &flow, Language language,
                                 const DiagramResults &results)
{
    const Entry *entry = catalog.entry(flow.entryId);
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(flowTitle(catalog, flow, language).toHtmlEscaped());
    if (entry) {
        lines << CatalogText::ports(entry->ports).toHtmlEscaped();
        QString requirement = CatalogText::requirement(entry->requirement);
        if (entry->requirement == QLatin1String("conditional") && !entry->condition.isEmpty())
            requirement = tr("%1: %2").arg(requirement, entry->condition.text(language));
        lines << requirement.toHtmlEscaped();
        lines << tr("Service: %1").arg(entry->service.text(language)).toHtmlEscaped();
        lines << entry->description.text(language).toHtmlEscaped();
        if (!entry->notes.isEmpty())
            lines << QStringLiteral("<i>%1</i>").arg(entry->notes.text(language).toHtmlEscaped());
    }
    if (!results.isEmpty())
        lines << tr("Test result: %1").arg(statusText(results.status(flow.entryId))).toHtmlEscaped();
    return QStringLiteral("<p style='white-space:pre-wrap'>%1</p>").arg(lines.join(QStringLiteral("<br>")));
}

QString DiagramText::nodeToolTip(const Catalog &catalog, const DiagramModel &model, const DiagramNode &node,
                                 Language language, const DiagramResults &results)
{
    int outgoing = 0;
    int incoming = 0;
    for (const DiagramFlow &flow : model.flows) {
        outgoing += flow.from == node.id ? 1 : 0;
        incoming += flow.to == node.id ? 1 : 0;
    }
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(componentName(catalog, node.id, language).toHtmlEscaped());
    lines << CatalogText::zone(node.zone).toHtmlEscaped();
    lines << tr("Opens %n connection(s)", nullptr, outgoing).toHtmlEscaped();
    lines << tr("Listens to %n connection(s)", nullptr, incoming).toHtmlEscaped();
    if (!results.isEmpty())
        lines << tr("Test result: %1")
                         .arg(statusText(results.componentStatus(catalog, node.id)))
                         .toHtmlEscaped();
    lines << tr("Click to show its rows in the tables.").toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

QString DiagramText::narration(const Catalog &catalog, const DiagramFlow &flow, Language language)
{
    const Entry *entry = catalog.entry(flow.entryId);
    const QString from = componentName(catalog, flow.from, language);
    const QString to = componentName(catalog, flow.to, language);
    if (!entry)
        return tr("%1 connects to %2.").arg(from, to);
    const QString opens =
            tr("%1 opens a connection to %2 on %3.").arg(from, to, CatalogText::ports(entry->ports));
    QString requirement;
    if (entry->requirement == QLatin1String("required"))
        requirement = tr("This connection is required.");
    else if (entry->requirement == QLatin1String("optional"))
        requirement = tr("This connection is optional.");
    else
        requirement = tr("This connection is needed when: %1").arg(entry->condition.text(language));
    //: Two sentences of the narration, one after the other.
    QString text = tr("%1 %2").arg(opens, requirement);
    const QString description = entry->description.text(language);
    if (!description.isEmpty())
        text += QLatin1Char('\n') + description;
    return text;
}
