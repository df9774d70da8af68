#include "diagramtext.h"

#include "core/catalog/catalog.h"
#include "core/catalog/catalogtext.h"
#include "core/diagram/diagramlayout.h"

#include <algorithm>

namespace {
QString componentName(const Catalog &catalog, const QString &id, Language language)
{
    const Component *c = catalog.component(id);
    return c ? c->name.text(language) : id;
}

// The service names of an arrow's flows, each once, without the listener's name in front
// ("Smart Protection Network – Web Reputation service" -> "Web Reputation service").
QStringList shortServiceNames(const QList<const Flow *> &flows, const QString &destination, Language language)
{
    QStringList names;
    for (const Flow *flow : flows) {
        QString name = flow->service.text(language).trimmed();
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

QString DiagramText::directionText(const Catalog &catalog, const DiagramModel &model, const DiagramFlow &flow,
                                   Language language)
{
    const QString direction = CatalogText::direction(flow.direction);
    if (model.role.isEmpty())
        //: %1 is Outbound or Inbound, relative to the customer network.
        return tr("%1 (seen from the customer network)").arg(direction);
    //: %1 is Outbound, Inbound or Both directions; %2 the component the diagram is drawn for.
    return tr("%1 for %2").arg(direction, componentName(catalog, model.role, language));
}

QString DiagramText::flowToolTip(const Catalog &catalog, const DiagramModel &model, const DiagramFlow &flow,
                                 Language language, const DiagramResults &results)
{
    const QList<const Flow *> flows = DiagramLayout::flowsOf(catalog, flow);
    QStringList lines;
    lines << QStringLiteral("<b>%1</b>").arg(flowTitle(catalog, flow, language).toHtmlEscaped());
    lines << directionText(catalog, model, flow, language).toHtmlEscaped();
    if (flow.isExpired)
        //: An arrow drawn only because "Show expired" is on; %1 is "expired 2022-12-31".
        lines << QStringLiteral("<i>%1</i>")
                         .arg(tr("No longer needed: every address of this flow %1.")
                                      .arg(flow.validity)
                                      .toHtmlEscaped());
    if (flows.size() == 1) {
        const Flow *f = flows.first();
        lines << CatalogText::ports(f->ports).toHtmlEscaped();
        QString requirement = CatalogText::requirement(f->requirement);
        if (f->requirement == Requirement::Conditional && !f->condition.isEmpty())
            requirement = tr("%1: %2").arg(requirement, f->condition.text(language));
        lines << requirement.toHtmlEscaped();
        lines << tr("Service: %1").arg(f->service.text(language)).toHtmlEscaped();
        lines << f->description.text(language).toHtmlEscaped();
        if (!f->notes.isEmpty())
            lines << QStringLiteral("<i>%1</i>").arg(f->notes.text(language).toHtmlEscaped());
    } else if (!flows.isEmpty()) {
        // Several flows on one arrow: the ports once, then each service with its requirement.
        lines << CatalogText::ports(DiagramLayout::bundledPorts(flows)).toHtmlEscaped();
        lines << CatalogText::requirement(flow.requirement).toHtmlEscaped();
        QStringList services;
        for (const Flow *f : flows) {
            QString line = tr("\u2022 %1 \u2014 %2")
                                   .arg(f->service.text(language), CatalogText::requirement(f->requirement));
            if (!results.isEmpty())
                //: A service in an arrow's tooltip, then its test result.
                line = tr("%1 (%2)").arg(line, statusText(results.status(f->id)));
            if (!services.contains(line))
                services.append(line);
        }
        for (const QString &line : std::as_const(services))
            lines << line.toHtmlEscaped();
    }
    if (!results.isEmpty())
        lines << tr("Test result: %1").arg(statusText(results.status(flow.allFlowIds()))).toHtmlEscaped();
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
    lines << tr("Opens %n connections", nullptr, outgoing).toHtmlEscaped();
    lines << tr("Listens to %n connections", nullptr, incoming).toHtmlEscaped();
    for (const QString &id : node.localFlowIds) {
        const Flow *flow = catalog.flow(id);
        if (!flow)
            continue;
        //: A flow that never leaves the computer: %1 its initiators, %2 its ports.
        lines << tr("On the same computer, no network rule: %1 on %2")
                         .arg(CatalogText::componentNames(catalog, flow->initiators, language),
                              CatalogText::ports(flow->ports))
                         .toHtmlEscaped();
    }
    if (!results.isEmpty())
        lines << tr("Test result: %1")
                         .arg(statusText(results.componentStatus(catalog, node.id)))
                         .toHtmlEscaped();
    lines << tr("Click to show its rows in the tables.").toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

QString DiagramText::narration(const Catalog &catalog, const DiagramModel &model, const DiagramFlow &flow,
                               Language language)
{
    const QList<const Flow *> flows = DiagramLayout::flowsOf(catalog, flow);
    const QString from = componentName(catalog, flow.from, language);
    const QString to = componentName(catalog, flow.to, language);
    if (flows.isEmpty())
        return tr("%1 connects to %2.").arg(from, to);
    const QString opens = tr("%1 opens a connection to %2 on %3.")
                                  .arg(from, to, CatalogText::ports(DiagramLayout::bundledPorts(flows)));
    QString direction;
    if (!model.role.isEmpty()) {
        const QString role = componentName(catalog, model.role, language);
        switch (flow.direction) {
        case Direction::Outbound:
            direction = tr("For %1 it is outbound.").arg(role);
            break;
        case Direction::Inbound:
            direction = tr("For %1 it is inbound.").arg(role);
            break;
        case Direction::Both:
            direction = tr("For %1 it is both outbound and inbound.").arg(role);
            break;
        case Direction::Local:
        case Direction::None:
            break;
        }
    }
    QString requirement;
    if (flow.isExpired) {
        //: %1 is "expired 2022-12-31".
        requirement = tr("It is no longer needed: its addresses %1.").arg(flow.validity);
    } else if (flows.size() == 1) {
        const Flow *f = flows.first();
        if (f->requirement == Requirement::Required)
            requirement = tr("This connection is required.");
        else if (f->requirement == Requirement::Optional)
            requirement = tr("This connection is optional.");
        else
            requirement = tr("This connection is needed when: %1").arg(f->condition.text(language));
    } else if (flow.isRequired()) {
        requirement = tr("This connection is required.");
    } else if (std::all_of(flows.begin(), flows.end(),
                           [](const Flow *f) { return f->requirement == Requirement::Optional; })) {
        requirement = tr("This connection is optional.");
    } else {
        requirement = tr("This connection is needed only when one of its services is used.");
    }
    //: Two sentences of the narration, one after the other.
    QString text = tr("%1 %2").arg(opens, requirement);
    if (!direction.isEmpty())
        //: Two sentences of the narration, one after the other.
        text = tr("%1 %2").arg(text, direction);
    if (flows.size() == 1) {
        const QString description = flows.first()->description.text(language);
        if (!description.isEmpty())
            text += QLatin1Char('\n') + description;
    } else {
        const QStringList services = shortServiceNames(flows, to, language);
        //: The services that share an arrow; %1 is a list joined with the list separator.
        text += QLatin1Char('\n') + tr("Used by: %1.").arg(services.join(tr(", ", "list separator")));
    }
    return text;
}
