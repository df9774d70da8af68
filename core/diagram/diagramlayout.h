#pragma once

#include "diagrammodel.h"
#include "i18n/language.h"

#include <QCoreApplication>

class Catalog;
struct Entry;

// What to lay out: the language of the texts, the role filter, the type size.
struct DiagramOptions
{
    Language language = Language::English;
    QString role; // a component id: only its flows; empty: every flow
    qreal fontScale = 1.0; // presentation mode uses larger type
    bool showResultsLegend = false;
};

// Lays out the ports diagram of a catalog, deterministically, from the catalog data alone:
// zones are columns (customer network | internet | Trend Micro cloud); a zone's components that
// only talk inside the zone get their own outer column; components are stacked in their column
// in the order that reduces crossings; each flow (entry x source) is an orthogonal arrow from
// the source to the listener with its own slot on both boxes and its own vertical track, and its
// label sits next to the listener, above the arrow. Nothing overlaps by construction.
class DiagramLayout
{
    Q_DECLARE_TR_FUNCTIONS(DiagramLayout)

public:
    static DiagramModel layout(const Catalog &catalog, const DiagramOptions &options = {});

    // "443/TCP HTTPS, 80/TCP HTTP"
    static QString flowLabel(const Entry &entry);

    static QFont nodeFont(qreal scale = 1.0);
    static QFont labelFont(qreal scale = 1.0);
    static QFont zoneFont(qreal scale = 1.0);
    // Height of text wrapped to width as the painter draws it (word boundary or anywhere).
    static qreal wrappedTextHeight(const QFont &font, qreal width, const QString &text);
};
