#pragma once

#include "core/diagram/diagrammodel.h"
#include "core/diagram/diagramresults.h"
#include "core/diagram/diagramtheme.h"

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
    DiagramTheme theme = DiagramTheme::light();

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

    static void paintZone(QPainter *painter, const DiagramModel &model, const DiagramZone &zone,
                          const DiagramState &state);
    // The firewall or proxy between the customer network and the internet.
    static void paintBoundary(QPainter *painter, const DiagramModel &model, const DiagramState &state);
    static void paintNode(QPainter *painter, const DiagramModel &model, const DiagramNode &node,
                          const DiagramState &state);
    static void paintFlow(QPainter *painter, const DiagramModel &model, const DiagramFlow &flow,
                          const DiagramState &state, bool hovered = false);
    static void paintLegend(QPainter *painter, const DiagramModel &model, const DiagramState &state);
    // A test result as a shape, so that it reads without colour too: a tick in a disc (passed),
    // a cross in a square (failed), a half-filled diamond (partly passed), an empty ring
    // (untested).
    static void paintStatusSymbol(QPainter *painter, const QRectF &rect, FlowStatus status,
                                  const DiagramTheme &theme);
    // Where a component's symbol goes: its box's top left corner.
    static QRectF nodeSymbolRect(const DiagramModel &model, const DiagramNode &node);
    // The arrow head polygon at the end of a path.
    static QPolygonF arrowHead(const QPolygonF &path, qreal size);
};
