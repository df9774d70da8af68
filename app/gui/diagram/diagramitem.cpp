#include "diagramitem.h"

#include "app/gui/diagram/diagramscene.h"
#include "core/diagram/diagrampainter.h"

#include <QCursor>
#include <QPainter>
#include <QPainterPathStroker>

DiagramItem::DiagramItem(DiagramScene *scene, Kind kind, int index)
    : m_scene(scene)
    , m_kind(kind)
    , m_index(index)
{
    setAcceptHoverEvents(kind == Kind::Flow || kind == Kind::Node);
    if (kind == Kind::Node || kind == Kind::Flow)
        setCursor(QCursor(Qt::PointingHandCursor));
}

QString DiagramItem::id() const
{
    const DiagramModel &model = m_scene->model();
    if (m_kind == Kind::Node)
        return model.nodes.at(m_index).id;
    if (m_kind == Kind::Flow)
        return model.flows.at(m_index).flowId;
    if (m_kind == Kind::Zone)
        return Vocabulary::name(model.zones.at(m_index).id);
    return {};
}

QStringList DiagramItem::flowIds() const
{
    return m_kind == Kind::Flow ? m_scene->model().flows.at(m_index).allFlowIds() : QStringList();
}

QString DiagramItem::flowKey() const
{
    return m_kind == Kind::Flow ? m_scene->model().flows.at(m_index).key() : QString();
}

bool DiagramItem::isHighlighted() const
{
    const DiagramState &state = m_scene->state();
    if (!state.hasHighlight())
        return false;
    if (m_kind == Kind::Flow)
        return state.isHighlighted(m_scene->model().flows.at(m_index));
    if (m_kind == Kind::Node)
        return state.isHighlighted(m_scene->model().nodes.at(m_index), m_scene->model());
    return false;
}

bool DiagramItem::isDimmed() const
{
    return (m_kind == Kind::Flow || m_kind == Kind::Node) && m_scene->state().hasHighlight()
            && !isHighlighted();
}

QRectF DiagramItem::boundingRect() const
{
    const DiagramModel &model = m_scene->model();
    const qreal margin = 4 * model.lineWidth;
    switch (m_kind) {
    case Kind::Zone:
        return model.zones.at(m_index).rect;
    case Kind::Node:
        return model.nodes.at(m_index).rect.adjusted(-margin, -margin, margin, margin);
    case Kind::Flow: {
        const DiagramFlow &flow = model.flows.at(m_index);
        return flow.path.boundingRect()
                .united(flow.labelRect)
                .adjusted(-margin * 2, -margin * 2, margin * 2, margin * 2);
    }
    case Kind::Legend:
        return model.legend.rect.adjusted(-margin, -margin, margin, margin);
    case Kind::Boundary: {
        const QLineF &line = model.boundary.line;
        return QRectF(line.p1(), line.p2())
                .normalized()
                .united(model.boundary.labelRect)
                .adjusted(-margin * 2, -margin, margin * 2, margin);
    }
    }
    return {};
}

QPainterPath DiagramItem::shape() const
{
    const DiagramModel &model = m_scene->model();
    QPainterPath path;
    switch (m_kind) {
    case Kind::Node:
        path.addRect(model.nodes.at(m_index).rect);
        return path;
    case Kind::Flow: {
        const DiagramFlow &flow = model.flows.at(m_index);
        QPainterPath line;
        line.addPolygon(flow.path);
        QPainterPathStroker stroker;
        stroker.setWidth(6 * model.lineWidth);
        path = stroker.createStroke(line);
        path.addRect(flow.labelRect);
        path.addPolygon(DiagramPainter::arrowHead(flow.path, 12 * model.lineWidth));
        return path.simplified();
    }
    default:
        path.addRect(boundingRect());
        return path;
    }
}

void DiagramItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    const DiagramModel &model = m_scene->model();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    switch (m_kind) {
    case Kind::Zone:
        DiagramPainter::paintZone(painter, model, model.zones.at(m_index), m_scene->state());
        break;
    case Kind::Boundary:
        DiagramPainter::paintBoundary(painter, model, m_scene->state());
        break;
    case Kind::Node:
        DiagramPainter::paintNode(painter, model, model.nodes.at(m_index), m_scene->state());
        break;
    case Kind::Flow:
        DiagramPainter::paintFlow(painter, model, model.flows.at(m_index), m_scene->state(), m_hovered);
        break;
    case Kind::Legend:
        DiagramPainter::paintLegend(painter, model, m_scene->state());
        break;
    }
}

void DiagramItem::hoverEnterEvent(QGraphicsSceneHoverEvent *event)
{
    m_hovered = m_kind == Kind::Flow;
    if (m_hovered)
        setZValue(zValue() + 10);
    update();
    QGraphicsItem::hoverEnterEvent(event);
}

void DiagramItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *event)
{
    if (m_hovered)
        setZValue(zValue() - 10);
    m_hovered = false;
    update();
    QGraphicsItem::hoverLeaveEvent(event);
}
