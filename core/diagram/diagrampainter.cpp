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
    painter->fillRect(model.bounds, state.theme.background);
    for (const DiagramZone &zone : model.zones)
        paintZone(painter, model, zone, state);
    paintBoundary(painter, model, state);
    // Dimmed flows first, highlighted ones on top.
    for (int pass = 0; pass < 2; ++pass) {
        for (const DiagramFlow &flow : model.flows) {
            if ((pass == 1) == (state.hasHighlight() && state.isHighlighted(flow)))
                paintFlow(painter, model, flow, state);
        }
    }
    for (const DiagramNode &node : model.nodes)
        paintNode(painter, model, node, state);
    paintLegend(painter, model, state);
    painter->restore();
}

void DiagramPainter::paintZone(QPainter *painter, const DiagramModel &model, const DiagramZone &zone,
                               const DiagramState &state)
{
    painter->save();
    const QColor fill = state.theme.zone(zone.id);
    const qreal inset = 3 * model.lineWidth / 1.5;
    painter->setPen(QPen(state.theme.isDark ? fill.lighter(150) : fill.darker(118), 1.0));
    painter->setBrush(fill);
    painter->drawRoundedRect(zone.rect.adjusted(inset, inset, -inset, -inset), 10, 10);
    painter->setFont(model.zoneFont);
    painter->setPen(state.theme.zoneText(zone.id));
    const QString text =
            QFontMetricsF(model.zoneFont).elidedText(zone.label, Qt::ElideRight, zone.labelRect.width());
    painter->drawText(zone.labelRect, Qt::AlignLeft | Qt::AlignVCenter, text);
    painter->restore();
}

void DiagramPainter::paintBoundary(QPainter *painter, const DiagramModel &model, const DiagramState &state)
{
    const DiagramBoundary &boundary = model.boundary;
    if (boundary.isNull())
        return;
    painter->save();
    // A wall: a wide line broken into bricks, so that it reads as a barrier in grey too.
    QPen wall(state.theme.boundary, 2.5 * model.lineWidth);
    wall.setCapStyle(Qt::FlatCap);
    wall.setStyle(Qt::CustomDashLine);
    wall.setDashPattern({3.0, 1.0});
    painter->setPen(wall);
    painter->drawLine(boundary.line);
    QFont font = model.labelFont;
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(state.theme.boundary);
    painter->drawText(boundary.labelRect, Qt::AlignCenter, boundary.label);
    painter->restore();
}

QRectF DiagramPainter::nodeSymbolRect(const DiagramModel &model, const DiagramNode &node)
{
    const qreal side = model.symbolSize > 0 ? model.symbolSize : 12.0;
    const qreal inset = side * 0.3;
    return QRectF(node.rect.left() + inset, node.rect.top() + inset, side, side);
}

void DiagramPainter::paintStatusSymbol(QPainter *painter, const QRectF &rect, FlowStatus status,
                                       const DiagramTheme &theme)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor color = theme.status(status);
    const QColor mark = theme.background;
    const qreal w = rect.width();
    const qreal stroke = std::max<qreal>(1.2, w * 0.14);
    QPen pen(mark, stroke);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    const auto at = [&](qreal x, qreal y) { return QPointF(rect.left() + x * w, rect.top() + y * w); };
    switch (status) {
    case FlowStatus::Passed:
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawEllipse(rect);
        painter->setPen(pen);
        painter->drawPolyline(QPolygonF{at(0.26, 0.52), at(0.44, 0.70), at(0.76, 0.32)});
        break;
    case FlowStatus::Failed:
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRect(rect);
        painter->setPen(pen);
        painter->drawLine(at(0.28, 0.28), at(0.72, 0.72));
        painter->drawLine(at(0.72, 0.28), at(0.28, 0.72));
        break;
    case FlowStatus::Partial: {
        const QPolygonF diamond{at(0.5, 0.0), at(1.0, 0.5), at(0.5, 1.0), at(0.0, 0.5)};
        painter->setPen(QPen(color, stroke));
        painter->setBrush(mark);
        painter->drawPolygon(diamond);
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawPolygon(QPolygonF{at(0.5, 0.0), at(0.5, 1.0), at(0.0, 0.5)});
        break;
    }
    case FlowStatus::Untested:
        painter->setPen(QPen(color, stroke));
        painter->setBrush(Qt::NoBrush);
        painter->drawEllipse(rect.adjusted(stroke / 2, stroke / 2, -stroke / 2, -stroke / 2));
        break;
    }
    painter->restore();
}

void DiagramPainter::paintNode(QPainter *painter, const DiagramModel &model, const DiagramNode &node,
                               const DiagramState &state)
{
    const DiagramTheme &theme = state.theme;
    painter->save();
    const bool highlighted = state.hasHighlight() && state.isHighlighted(node, model);
    const bool dimmed = state.hasHighlight() && !highlighted;
    if (dimmed)
        painter->setOpacity(0.35);
    QColor fill = theme.nodeFill;
    QColor border = theme.nodeBorder;
    const FlowStatus status = state.componentStatuses.value(node.id, FlowStatus::Untested);
    if (state.showResults) {
        fill = theme.statusFill(status);
        border = theme.status(status);
    }
    qreal width = node.isFocus ? 3.0 : 1.5;
    if (highlighted) {
        border = state.showResults ? border : theme.highlight;
        width = 3.0;
    }
    painter->setPen(QPen(border, width * model.lineWidth / 1.5));
    painter->setBrush(fill);
    painter->drawRoundedRect(node.rect, 6, 6);
    if (state.showResults)
        paintStatusSymbol(painter, nodeSymbolRect(model, node), status, theme);
    painter->setFont(model.nodeFont);
    painter->setPen(theme.text);
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
    const DiagramTheme &theme = state.theme;
    painter->save();
    const bool highlighted = hovered || (state.hasHighlight() && state.isHighlighted(flow));
    const bool dimmed = state.hasHighlight() && !highlighted;
    if (dimmed)
        painter->setOpacity(0.22);
    QColor color = flow.isRequired() ? theme.required : theme.optional;
    if (flow.isExpired)
        color = theme.expired;
    const bool showStatus = state.showResults && !flow.isExpired;
    if (showStatus)
        color = theme.status(state.flowStatus(flow));
    else if (highlighted)
        color = theme.highlight;
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

    QRectF textRect = flow.labelRect;
    if (showStatus && model.symbolSize > 0) {
        // The symbol before the first line of the label, in the room the layout left for it.
        const qreal lineHeight = flow.labelRect.height() / std::max<qsizetype>(1, flow.labelLines.size());
        const QRectF symbol(flow.labelRect.left(), flow.labelRect.top() + (lineHeight - model.symbolSize) / 2,
                            model.symbolSize, model.symbolSize);
        paintStatusSymbol(painter, symbol, state.flowStatus(flow), theme);
        textRect.setLeft(symbol.right());
    }
    painter->setFont(model.labelFont);
    if (highlighted) {
        QFont bold = model.labelFont;
        bold.setWeight(QFont::DemiBold);
        painter->setFont(bold);
    }
    painter->setPen(theme.isDark ? color.lighter(highlighted ? 110 : 100)
                                 : color.darker(highlighted ? 110 : 125));
    const QString label = flow.labelLines.isEmpty() ? flow.label : flow.labelLines.join(QLatin1Char('\n'));
    painter->drawText(textRect, Qt::AlignCenter | Qt::TextDontClip, label);
    painter->restore();
}

void DiagramPainter::paintLegend(QPainter *painter, const DiagramModel &model, const DiagramState &state)
{
    const DiagramTheme &theme = state.theme;
    const DiagramLegend &legend = model.legend;
    painter->save();
    painter->setPen(QPen(theme.legendBorder, 1.0));
    painter->setBrush(theme.legendFill);
    painter->drawRoundedRect(legend.rect, 6, 6);
    painter->setFont(model.nodeFont);
    painter->setPen(theme.text);
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
            const QColor color = sample.isExpired ? theme.expired
                                                  : (sample.isRequired() ? theme.required : theme.optional);
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
            const qreal side = std::min(s.height() * 0.8, s.width());
            paintStatusSymbol(painter, QRectF(s.center().x() - side / 2, y - side / 2, side, side), status,
                              theme);
            break;
        }
        }
        painter->setFont(model.labelFont);
        painter->setPen(theme.text);
        painter->drawText(item.textRect, Qt::AlignLeft | Qt::AlignVCenter, item.text);
    }
    painter->restore();
}
