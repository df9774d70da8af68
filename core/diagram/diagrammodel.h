#pragma once

#include "core/catalog/vocabulary.h"

#include <QFont>
#include <QLineF>
#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <QStringList>

// The laid-out diagram: what DiagramLayout computes from a catalog and what the painter, the
// scene and the exporters draw. Plain values in scene coordinates (pixels at 100 %).

struct DiagramNode
{
    QString id; // component id
    QString label; // component name in the diagram's language
    Zone zone = Zone::Customer;
    bool isFocus = false; // the component the role filter shows
    // Flows this component listens to that never cross the network (4123: the relay's own
    // agent on the same computer). They get no arrow; the tooltip names them.
    QStringList localFlowIds;
    QRectF rect;
    QRectF textRect; // where the (wrapped) name is drawn
    QStringList labelLines; // the name broken at word boundaries (DiagramLayout::wrapText), as drawn
};

// One arrow: the catalog flows from one initiator to one listener (flowIds), their ports in
// one label. Fully expired flows get an arrow of their own.
struct DiagramFlow
{
    QString flowId; // the (first) catalog flow
    QStringList flowIds; // every flow the arrow draws, in catalog order; empty: flowId alone
    QString from; // component that opens the connection
    QString to; // the listener
    QString label; // "443/TCP HTTPS"; "… (expired 2022-12-31)" for an expired flow
    QStringList labelLines; // the label as drawn: one port a line
    Requirement requirement = Requirement::Required; // required when any of its flows is
    Direction direction = Direction::None; // for the diagram's role (FlowFilter::directionOf)
    bool isExpired = false; // every endpoint expired: drawn only with "show expired", grey dotted
    QString validity; // "expired 2022-12-31" for an expired arrow, else empty
    QPolygonF path; // from the source's edge to the destination's edge; the arrow head is at the end
    QRectF labelRect;

    bool isRequired() const { return requirement == Requirement::Required; }
    QStringList allFlowIds() const { return flowIds.isEmpty() ? QStringList{flowId} : flowIds; }
    bool draws(const QString &id) const { return flowIds.isEmpty() ? flowId == id : flowIds.contains(id); }
    // Unique within a diagram: a flow with several initiators has one arrow per initiator.
    QString key() const { return flowId + QLatin1Char('|') + from; }
};

struct DiagramZone
{
    Zone id = Zone::Customer;
    QString label;
    QRectF rect;
    QRectF labelRect;
};

// Where the customer network meets the internet: the firewall or proxy that the rules are for.
// A line down the gap between the customer zone and the next one, its label at the top.
struct DiagramBoundary
{
    QString label;
    QLineF line;
    QRectF labelRect;

    bool isNull() const { return line.isNull(); }
};

struct DiagramLegendItem
{
    enum class Kind { Required, Optional, Expired, Note, Passed, Failed, Partial, Untested };

    Kind kind = Kind::Required;
    QString text;
    QRectF swatchRect;
    QRectF textRect;
};

struct DiagramLegend
{
    QRectF rect;
    QString title;
    QRectF titleRect;
    QList<DiagramLegendItem> items;
};

class DiagramModel
{
public:
    QString role; // the component the diagram is drawn for; empty: every flow
    QList<DiagramZone> zones;
    QList<DiagramNode> nodes;
    QList<DiagramFlow> flows; // the arrows
    DiagramBoundary boundary; // null without a customer zone or without one beyond it
    DiagramLegend legend;
    QRectF bounds;
    QFont nodeFont;
    QFont labelFont;
    QFont zoneFont;
    qreal lineWidth = 1.5;
    // Side of a test result's symbol; 0 when the layout made no room for results.
    qreal symbolSize = 0;

    const DiagramNode *node(const QString &id) const;
    // By DiagramFlow::key(), or by "flow|initiator" of any flow an arrow draws.
    const DiagramFlow *flow(const QString &key) const;
    // The arrows that draw the catalog flow (one per drawn initiator).
    QList<const DiagramFlow *> arrowsOfFlow(const QString &flowId) const;
    // Every catalog flow the diagram draws, in order of the arrows.
    QStringList flowIds() const;
    // The drawn flows (arrows and local flows) the component takes part in.
    QStringList flowIdsOf(const QString &componentId) const;
    // Every text the diagram shows, a port label line by line, for checks of exported files.
    QStringList texts() const;
};
