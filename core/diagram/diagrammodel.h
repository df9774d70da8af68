#pragma once

#include <QFont>
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
    QString zone;
    bool isFocus = false; // the component the role filter shows
    QRectF rect;
    QRectF textRect; // where the (wrapped) name is drawn
};

// One arrow: a network flow. It bundles every catalog entry with the same source, the same
// listener and the same ports (port and transport), e.g. the eleven services an agent reaches at
// the Smart Protection Network on 80/TCP and 443/TCP.
struct DiagramFlow
{
    QString entryId; // the first bundled entry
    QStringList entryIds; // every bundled entry, in catalog order; empty: entryId alone
    QString from; // component that opens the connection
    QString to; // the listener
    QString label; // "443/TCP HTTPS"
    QString requirement; // "required" when any bundled entry is, else "optional" or "conditional"
    QPolygonF path; // from the source's edge to the destination's edge; the arrow head is at the end
    QRectF labelRect;

    bool isRequired() const { return requirement == QLatin1String("required"); }
    // entryIds, or entryId alone for a flow built without entryIds.
    QStringList bundledEntryIds() const { return entryIds.isEmpty() ? QStringList{entryId} : entryIds; }
    bool bundles(const QString &id) const
    {
        return entryIds.isEmpty() ? entryId == id : entryIds.contains(id);
    }
    // Unique within a diagram: an entry with several sources is in one flow per source.
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
    // By DiagramFlow::key(), or by "entry|source" of any bundled entry.
    const DiagramFlow *flow(const QString &key) const;
    // The flows that bundle the entry (one per source).
    QList<const DiagramFlow *> flowsOfEntry(const QString &entryId) const;
    QStringList entryIds() const;
    // Every text the diagram shows, for checks of exported files.
    QStringList texts() const;
};
