#include "diagrampainter.h"

#include "core/catalog/catalog.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QPainter>
#include <QPainterPath>
#include <QTextOption>

#include <algorithm>
#include <cmath>

namespace {
const QColor requiredColor(0x1f, 0x3a, 0x5f);
const QColor optionalColor(0x55, 0x65, 0x78);
const QColor nodeBorder(0x37, 0x47, 0x4f);
const QColor textColor(0x21, 0x21, 0x21);

QColor statusFill(FlowStatus status)
{
    switch (status) {
    case FlowStatus::Passed:
        return QColor(0xd4, 0xed, 0xd6);
    case FlowStatus::Failed:
        return QColor(0xfc, 0xd5, 0xd8);
    case FlowStatus::Partial:
        return QColor(0xff, 0xe6, 0xc2);
    case FlowStatus::Untested:
        break;
    }
    return QColor(0xee, 0xee, 0xee);
}

QPen flowPen(const DiagramModel &model, const DiagramFlow &flow, const QColor &color, qreal widthFactor)
{
    QPen pen(color, model.lineWidth * widthFactor);
    pen.setCapStyle(Qt::FlatCap);
    pen.setJoinStyle(Qt::MiterJoin);
    if (flow.isExpired) {
        pen.setStyle(Qt::CustomDashLine);
        pen.setDashPattern({1.0, 2.5});
    } else if (!flow.isRequired()) {
        pen.setStyle(Qt::CustomDashLine);
        pen.setDashPattern({4.0, 3.0});
    }
    return pen;
}
} // namespace

DiagramState DiagramState::fromResults(const Catalog &catalog, const DiagramResults &results)
{
    DiagramState state;
    state.showResults = !results.isEmpty();
    state.flowStatuses = results.statuses();
    if (state.showResults)
        state.componentStatuses = results.componentStatuses(catalog);
    return state;
}

namespace {
bool hasHighlightedFlow(const DiagramState &state, const DiagramFlow &flow)
{
    if (state.highlightedFlows.isEmpty())
        return false;
    const QStringList ids = flow.allFlowIds();
    return std::any_of(ids.begin(), ids.end(),
                       [&](const QString &id) { return state.highlightedFlows.contains(id); });
}
} // namespace

bool DiagramState::isHighlighted(const DiagramFlow &flow) const
{
    return hasHighlightedFlow(*this, flow) || highlightedArrows.contains(flow.key())
            || highlightedComponents.contains(flow.from) || highlightedComponents.contains(flow.to);
}

FlowStatus DiagramState::flowStatus(const DiagramFlow &flow) const
{
    QList<FlowStatus> statuses;
    for (const QString &id : flow.allFlowIds())
        statuses.append(flowStatuses.value(id, FlowStatus::Untested));
    return DiagramResults::aggregate(statuses);
}

bool DiagramState::isHighlighted(const DiagramNode &node, const DiagramModel &model) const
{
    if (highlightedComponents.contains(node.id))
        return true;
    for (const DiagramFlow &flow : model.flows) {
        if ((hasHighlightedFlow(*this, flow) || highlightedArrows.contains(flow.key()))
            && (flow.from == node.id || flow.to == node.id))
            return true;
    }
    return false;
}

QColor DiagramPainter::statusColor(FlowStatus status)
{
    switch (status) {
    case FlowStatus::Passed:
        return QColor(0x2e, 0x7d, 0x32);
    case FlowStatus::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case FlowStatus::Partial:
        return QColor(0xe0, 0x7b, 0x00);
    case FlowStatus::Untested:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);
}

QColor DiagramPainter::zoneColor(Zone zone)
{
    switch (zone) {
    case Zone::Customer:
        return QColor(0xea, 0xf2, 0xfb);
    case Zone::Internet:
        return QColor(0xf3, 0xf3, 0xf3);
    case Zone::TrendCloud:
        return QColor(0xfd, 0xec, 0xec);
    }
    return QColor(0xf1, 0xf0, 0xe8);
}

QColor DiagramPainter::expiredColor()
{
    return QColor(0x9e, 0x9e, 0x9e);
}

QColor DiagramPainter::highlightColor()
{
    return QColor(0x00, 0x6c, 0xe0);
}

QPolygonF DiagramPainter::arrowHead(const QPolygonF &path, qreal size)
{
    if (path.size() < 2)
        return {};
    const QPointF tip = path.last();
    const QPointF before = path.at(path.size() - 2);
    QLineF line(tip, before);
    if (line.length() <= 0)
        return {};
    line.setLength(size);
    const QPointF base = line.p2();
    const QPointF normal(-(base.y() - tip.y()) * 0.45, (base.x() - tip.x()) * 0.45);
    return QPolygonF{tip, base + normal, base - normal};
}

void DiagramPainter::paint(QPainter *painter, const DiagramModel &model, const DiagramState &state)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    painter->fillRect(model.bounds, Qt::white);
    for (const DiagramZone &zone : model.zones)
        paintZone(painter, model, zone);
    // Dimmed flows first, highlighted ones on top.
    for (int pass = 0; pass < 2; ++pass) {
        for (const DiagramFlow &flow : model.flows) {
            if ((pass == 1) == (state.hasHighlight() && state.isHighlighted(flow)))
                paintFlow(painter, model, flow, state);
        }
    }
    for (const DiagramNode &node : model.nodes)
        paintNode(painter, model, node, state);
    paintLegend(painter, model);
    painter->restore();
}

void DiagramPainter::paintZone(QPainter *painter, const DiagramModel &model, const DiagramZone &zone)
{
    painter->save();
    const QColor fill = zoneColor(zone.id);
    const qreal inset = 3 * model.lineWidth / 1.5;
    painter->setPen(QPen(fill.darker(118), 1.0));
    painter->setBrush(fill);
    painter->drawRoundedRect(zone.rect.adjusted(inset, inset, -inset, -inset), 10, 10);
    painter->setFont(model.zoneFont);
    painter->setPen(fill.darker(260));
    const QString text =
            QFontMetricsF(model.zoneFont).elidedText(zone.label, Qt::ElideRight, zone.labelRect.width());
    painter->drawText(zone.labelRect, Qt::AlignLeft | Qt::AlignVCenter, text);
    painter->restore();
}

void DiagramPainter::paintNode(QPainter *painter, const DiagramModel &model, const DiagramNode &node,
                               const DiagramState &state)
{
    painter->save();
    const bool highlighted = state.hasHighlight() && state.isHighlighted(node, model);
    const bool dimmed = state.hasHighlight() && !highlighted;
    if (dimmed)
        painter->setOpacity(0.35);
    QColor fill = Qt::white;
    QColor border = nodeBorder;
    if (state.showResults) {
        const FlowStatus status = state.componentStatuses.value(node.id, FlowStatus::Untested);
        fill = statusFill(status);
        border = statusColor(status);
    }
    qreal width = node.isFocus ? 3.0 : 1.5;
    if (highlighted) {
        border = state.showResults ? border : highlightColor();
        width = 3.0;
    }
    painter->setPen(QPen(border, width * model.lineWidth / 1.5));
    painter->setBrush(fill);
    painter->drawRoundedRect(node.rect, 6, 6);
    painter->setFont(model.nodeFont);
    painter->setPen(textColor);
    // The lines the layout broke at word boundaries; nothing wraps again here.
    QTextOption option(Qt::AlignCenter);
    option.setWrapMode(QTextOption::NoWrap);
    const QString text = node.labelLines.isEmpty() ? node.label : node.labelLines.join(QLatin1Char('\n'));
    painter->drawText(node.textRect, text, option);
    painter->restore();
}

void DiagramPainter::paintFlow(QPainter *painter, const DiagramModel &model, const DiagramFlow &flow,
                               const DiagramState &state, bool hovered)
{
    painter->save();
    const bool highlighted = hovered || (state.hasHighlight() && state.isHighlighted(flow));
    const bool dimmed = state.hasHighlight() && !highlighted;
    if (dimmed)
        painter->setOpacity(0.22);
    QColor color = flow.isRequired() ? requiredColor : optionalColor;
    if (flow.isExpired)
        color = expiredColor();
    if (state.showResults && !flow.isExpired)
        color = statusColor(state.flowStatus(flow));
    else if (highlighted)
        color = highlightColor();
    const qreal widthFactor = highlighted ? 2.0 : 1.0;
    const qreal headSize = 9 * model.lineWidth / 1.5 * (highlighted ? 1.25 : 1.0);

    // The line stops at the base of the arrow head.
    QPolygonF line = flow.path;
    if (line.size() >= 2) {
        QLineF last(line.at(line.size() - 2), line.last());
        if (last.length() > headSize)
            last.setLength(last.length() - headSize * 0.8);
        line.last() = last.p2();
    }
    painter->setPen(flowPen(model, flow, color, widthFactor));
    painter->setBrush(Qt::NoBrush);
    painter->drawPolyline(line);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPolygon(arrowHead(flow.path, headSize));

    painter->setFont(model.labelFont);
    if (highlighted) {
        QFont bold = model.labelFont;
        bold.setWeight(QFont::DemiBold);
        painter->setFont(bold);
    }
    painter->setPen(color.darker(highlighted ? 110 : 125));
    const QString label = flow.labelLines.isEmpty() ? flow.label : flow.labelLines.join(QLatin1Char('\n'));
    painter->drawText(flow.labelRect, Qt::AlignCenter | Qt::TextDontClip, label);
    painter->restore();
}

void DiagramPainter::paintLegend(QPainter *painter, const DiagramModel &model)
{
    const DiagramLegend &legend = model.legend;
    painter->save();
    painter->setPen(QPen(QColor(0xbd, 0xbd, 0xbd), 1.0));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(legend.rect, 6, 6);
    painter->setFont(model.nodeFont);
    painter->setPen(textColor);
    painter->drawText(legend.titleRect, Qt::AlignLeft | Qt::AlignVCenter, legend.title);
    for (const DiagramLegendItem &item : legend.items) {
        const QRectF &s = item.swatchRect;
        const qreal y = s.center().y();
        switch (item.kind) {
        case DiagramLegendItem::Kind::Required:
        case DiagramLegendItem::Kind::Optional:
        case DiagramLegendItem::Kind::Expired: {
            DiagramFlow sample;
            sample.requirement = item.kind == DiagramLegendItem::Kind::Required ? Requirement::Required
                                                                                : Requirement::Optional;
            sample.isExpired = item.kind == DiagramLegendItem::Kind::Expired;
            const QColor color =
                    sample.isExpired ? expiredColor() : (sample.isRequired() ? requiredColor : optionalColor);
            const qreal head = 9 * model.lineWidth / 1.5;
            painter->setPen(flowPen(model, sample, color, 1.0));
            painter->drawLine(QPointF(s.left(), y), QPointF(s.right() - head * 0.8, y));
            painter->setPen(Qt::NoPen);
            painter->setBrush(color);
            painter->drawPolygon(arrowHead(QPolygonF{QPointF(s.left(), y), QPointF(s.right(), y)}, head));
            break;
        }
        case DiagramLegendItem::Kind::Note:
            break;
        default: {
            FlowStatus status = FlowStatus::Untested;
            if (item.kind == DiagramLegendItem::Kind::Passed)
                status = FlowStatus::Passed;
            else if (item.kind == DiagramLegendItem::Kind::Failed)
                status = FlowStatus::Failed;
            else if (item.kind == DiagramLegendItem::Kind::Partial)
                status = FlowStatus::Partial;
            const qreal side = s.height() * 0.7;
            const QRectF box(s.center().x() - side, y - side / 2, 2 * side, side);
            painter->setPen(QPen(statusColor(status), 2.0));
            painter->setBrush(statusFill(status));
            painter->drawRoundedRect(box, 3, 3);
            break;
        }
        }
        painter->setFont(model.labelFont);
        painter->setPen(textColor);
        painter->drawText(item.textRect, Qt::AlignLeft | Qt::AlignVCenter, item.text);
    }
    painter->restore();
}
