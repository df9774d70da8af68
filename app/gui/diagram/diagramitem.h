#pragma once

#include <QGraphicsItem>
#include <QStringList>

class DiagramScene;

// One part of the diagram in the scene: a zone, the network boundary, a component box, an arrow
// or the legend. It
// paints itself with DiagramPainter from the scene's model; index points into that model.
class DiagramItem final : public QGraphicsItem
{
public:
    enum class Kind { Zone, Boundary, Node, Flow, Legend };
    enum { Type = UserType + 1 };

    DiagramItem(DiagramScene *scene, Kind kind, int index);

    Kind kind() const { return m_kind; }
    int index() const { return m_index; }
    // The component id for a node, the (first) catalog flow id for an arrow.
    QString id() const;
    // Every catalog flow an arrow draws; empty for other kinds.
    QStringList flowIds() const;
    // The arrow's key (flow|initiator).
    QString flowKey() const;
    bool isHighlighted() const;
    bool isDimmed() const;
    bool isHovered() const { return m_hovered; }

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    DiagramScene *m_scene;
    Kind m_kind;
    int m_index;
    bool m_hovered = false;
};
