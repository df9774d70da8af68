#pragma once

#include "core/diagram/diagrammodel.h"
#include "core/diagram/diagramresults.h"

#include <QColor>
#include <QHash>
#include <QSet>

class Catalog;
class QPainter;

// What the diagram shows on top of the layout: test results and highlighted flows.
struct DiagramState
{
    bool showResults = false;
    QHash<QString, FlowStatus> flowStatuses; // by catalog flow id
    QHash<QString, FlowStatus> componentStatuses;
    QSet<QString> highlightedFlows; // catalog flow ids; empty: nothing dimmed
    QSet<QString> highlightedComponents;
    QSet<QString> highlightedArrows; // DiagramFlow::key()

    static DiagramState fromResults(const Catalog &catalog, const DiagramResults &results);
    bool hasHighlight() const
    {
        return !highlightedFlows.isEmpty() || !highlightedComponents.isEmpty()
                || !highlightedArrows.isEmpty();
    }
    // An arrow is highlighted when any flow it draws is.
    bool isHighlighted(const DiagramFlow &flow) const;
    // The arrow's flows combined (DiagramResults::aggregate()).
    FlowStatus flowStatus(const DiagramFlow &flow) const;
    bool isHighlighted(const DiagramNode &node, const DiagramModel &model) const;
};

// Paints a laid-out diagram with QPainter only, so the widgets, the exporters and the CLI draw
// the same picture. Each part can be painted alone (the scene paints item by item).
class DiagramPainter
{
public:
    static void paint(QPainter *painter, const DiagramModel &model, const DiagramState &state = {});

    static void paintZone(QPainter *painter, const DiagramModel &model, const DiagramZone &zone);
    static void paintNode(QPainter *painter, const DiagramModel &model, const DiagramNode &node,
                          const DiagramState &state);
    static void paintFlow(QPainter *painter, const DiagramModel &model, const DiagramFlow &flow,
                          const DiagramState &state, bool hovered = false);
    static void paintLegend(QPainter *painter, const DiagramModel &model);

    static QColor statusColor(FlowStatus status);
    static QColor zoneColor(Zone zone);
    static QColor expiredColor();
    static QColor highlightColor();
    // The arrow head polygon at the end of a path.
    static QPolygonF arrowHead(const QPolygonF &path, qreal size);
};
