#include "diagramtext.h"

#include "catalog/catalog.h"
#include "catalog/catalogtext.h"
#include "diagramlayout.h"

#include <algorithm>

namespace {
QString componentName(const Catalog &catalog, const QString &id, Language language)
{
    const Component *c = catalog.component(id);
    return c ? c->name.text(language) : id;
}

// The service names of a flow's entries, each once, without the listener's name in front
// ("Smart Protection Network – Web Reputation service" -> "Web Reputation service").
QStringList shortServiceNames(const Catalog &catalog, const QList<const Entry *> &entries,
                              const QString &listener, Language language)
{
    const QString destination = componentName(catalog, listener, language);
    QStringList names;
    for (const Entry *entry : entries) {
        QString name = entry->service.text(language).trimmed();
        if (name.startsWith(destination) && name.size() > destination.size()) {
            QString rest = name.mid(destination.size()).trimmed();
            if (!rest.isEmpty() && (rest.front() == QChar(0x2013) || rest.front() == QLatin1Char('-'))) {
                rest = rest.mid(1).trimmed();
                if (!rest.isEmpty())
                    name = rest;
            }
        }
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    return names;
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
    const QList<const Entry *> entries = DiagramLayout::bundledEntries(catalog, flow);
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(flowTitle(catalog, flow, language).toHtmlEscaped());
    if (entries.size() == 1) {
        const Entry *entry = entries.first();
        lines << CatalogText::ports(entry->ports).toHtmlEscaped();
        QString requirement = CatalogText::requirement(entry->requirement);
        if (entry->requirement == QLatin1String("conditional") && !entry->condition.isEmpty())
            requirement = tr("%1: %2").arg(requirement, entry->condition.text(language));
        lines << requirement.toHtmlEscaped();
        lines << tr("Service: %1").arg(entry->service.text(language)).toHtmlEscaped();
        lines << entry->description.text(language).toHtmlEscaped();
        if (!entry->notes.isEmpty())
            lines << QStringLiteral("<i>%1</i>").arg(entry->notes.text(language).toHtmlEscaped());
    } else if (!entries.isEmpty()) {
        // A bundle: the ports once, then each service with its requirement (and result).
        lines << CatalogText::ports(DiagramLayout::bundledPorts(entries)).toHtmlEscaped();
        lines << CatalogText::requirement(flow.requirement).toHtmlEscaped();
        lines << tr("Services (%n catalog entries):", nullptr, int(entries.size())).toHtmlEscaped();
        QStringList services;
        for (const Entry *entry : entries) {
            QString line =
                    tr("\u2022 %1 \u2014 %2")
                            .arg(entry->service.text(language), CatalogText::requirement(entry->requirement));
            if (!results.isEmpty())
                //: A service in an arrow's tooltip, then its test result.
                line = tr("%1 (%2)").arg(line, statusText(results.status(entry->id)));
            if (!services.contains(line))
                services.append(line);
        }
        for (const QString &line : std::as_const(services))
            lines << line.toHtmlEscaped();
    }
    if (!results.isEmpty())
        lines << tr("Test result: %1")
                         .arg(statusText(results.status(flow.bundledEntryIds())))
                         .toHtmlEscaped();
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
    const QList<const Entry *> entries = DiagramLayout::bundledEntries(catalog, flow);
    const QString from = componentName(catalog, flow.from, language);
    const QString to = componentName(catalog, flow.to, language);
    if (entries.isEmpty())
        return tr("%1 connects to %2.").arg(from, to);
    const QString opens = tr("%1 opens a connection to %2 on %3.")
                                  .arg(from, to, CatalogText::ports(DiagramLayout::bundledPorts(entries)));
    if (entries.size() == 1) {
        const Entry *entry = entries.first();
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
    // A bundle: the requirement of the arrow, then the services that use it, briefly.
    QString requirement;
    if (flow.isRequired())
        requirement = tr("This connection is required.");
    else if (std::all_of(entries.begin(), entries.end(),
                         [](const Entry *e) { return e->requirement == QLatin1String("optional"); }))
        requirement = tr("This connection is optional.");
    else
        requirement = tr("This connection is needed only when one of its services is used.");
    const QStringList services = shortServiceNames(catalog, entries, flow.to, language);
    //: Two sentences of the narration, one after the other.
    QString text = tr("%1 %2").arg(opens, requirement);
    //: The services that share an arrow; %1 is a list joined with the list separator.
    text += QLatin1Char('\n') + tr("Used by: %1.").arg(services.join(tr(", ", "list separator")));
    return text;
}
