#pragma once

#include <QFont>
#include <QList>
#include <QPolygonF>
#include <QRectF>
#include <QString>

// The laid-out diagram: what DiagramLayout computes from a catalog and what the painter, the
// scene and the exporters draw. Plain values in scene coordinates (pixels at 100 %).

struct DiagramNode
{
    QString id; // component id
    QString label; // component name in the diagram's language
    QString zone;
    bool isFocus = false; // the component the role filter shows
    QRectF rect;
    QRectF textRect; // where the (wrapped) name is drawn
};

struct DiagramFlow
{
    QString entryId;
    QString from; // component that opens the connection
    QString to; // the listener
    QString label; // "443/TCP HTTPS"
    QString requirement; // "required", "optional", "conditional"
    QPolygonF path; // from the source's edge to the destination's edge; the arrow head is at the end
    QRectF labelRect;

    bool isRequired() const { return requirement == QLatin1String("required"); }
    // Unique within a diagram: an entry with several sources has one flow per source.
    QString key() const { return entryId + QLatin1Char('|') + from; }
};

struct DiagramZone
{
    QString id;
    QString label;
    QRectF rect;
    QRectF labelRect;
};

struct DiagramLegendItem
{
    enum class Kind { Required, Optional, Note, Passed, Failed, Partial, Untested };

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
    QList<DiagramZone> zones;
    QList<DiagramNode> nodes;
    QList<DiagramFlow> flows;
    DiagramLegend legend;
    QRectF bounds;
    QFont nodeFont;
    QFont labelFont;
    QFont zoneFont;
    qreal lineWidth = 1.5;

    const DiagramNode *node(const QString &id) const;
    const DiagramFlow *flow(const QString &key) const;
    QList<const DiagramFlow *> flowsOfEntry(const QString &entryId) const;
    QStringList entryIds() const;
    // Every text the diagram shows, for checks of exported files.
    QStringList texts() const;
};
