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

QString DiagramText::stepFacts(const Catalog &catalog, const DiagramModel &model, const DiagramFlow &flow,
                               Language language)
{
    const QList<const Flow *> flows = DiagramLayout::flowsOf(catalog, flow);
    QStringList facts;
    if (!flows.isEmpty())
        facts << CatalogText::ports(DiagramLayout::bundledPorts(flows));
    if (flow.isExpired)
        facts << flow.validity;
    else
        facts << CatalogText::requirement(flow.requirement);
    if (flow.direction != Direction::None && flow.direction != Direction::Local)
        facts << directionText(catalog, model, flow, language);
    //: Separates the facts of a Present step: ports · requirement · direction.
    return facts.join(tr(" · "));
}

QString DiagramText::narration(const Catalog &catalog, const DiagramFlow &flow, Language language)
{
    const QList<const Flow *> flows = DiagramLayout::flowsOf(catalog, flow);
    const QString from = componentName(catalog, flow.from, language);
    const QString to = componentName(catalog, flow.to, language);
    if (flows.isEmpty())
        return tr("%1 connects to %2.").arg(from, to);
    if (flow.isExpired)
        //: %1 is "expired 2022-12-31".
        return tr("%1 no longer needs to reach %2: its addresses %3.").arg(from, to, flow.validity);
    // The catalog's sentence for a customer, one per flow the arrow draws.
    QStringList sentences;
    for (const Flow *f : flows) {
        const QString sentence = f->narration.text(language);
        if (sentence.isEmpty()) {
            sentences.clear();
            break;
        }
        if (!sentences.contains(sentence))
            sentences.append(sentence);
    }
    if (!sentences.isEmpty())
        return sentences.join(language == Language::Japanese ? QString() : QStringLiteral(" "));
    // A catalog without narration: its service descriptions.
    QStringList descriptions;
    for (const Flow *f : flows) {
        const QString description = f->description.text(language);
        if (!description.isEmpty() && !descriptions.contains(description))
            descriptions.append(description);
    }
    if (!descriptions.isEmpty())
        return descriptions.join(language == Language::Japanese ? QString() : QStringLiteral(" "));
    //: %3 is a list of ports, "443/TCP (HTTPS)".
    return tr("%1 connects to %2 on %3.")
            .arg(from, to, CatalogText::ports(DiagramLayout::bundledPorts(flows)));
}
