#pragma once

#include "core/catalog/vocabulary.h"
#include "core/diagram/diagramresults.h"

#include <QColor>

class QPalette;

// The diagram's colours. Light for files and paper; dark when the window uses a dark palette,
// so the diagram does not glare out of a dark window. Status colours keep their hue in both,
// and a status is also told by its symbol (DiagramPainter::paintStatusSymbol), not by colour
// alone.
struct DiagramTheme
{
    QColor background;
    QColor text;
    QColor nodeFill;
    QColor nodeBorder;
    QColor required;
    QColor optional;
    QColor expired;
    QColor highlight;
    QColor legendFill;
    QColor legendBorder;
    QColor boundary; // the firewall or proxy between the customer network and the internet
    QColor customerZone;
    QColor internetZone;
    QColor cloudZone;
    bool isDark = false;

    static DiagramTheme light();
    static DiagramTheme dark();
    // Dark when the palette's window colour is dark.
    static DiagramTheme forPalette(const QPalette &palette);

    QColor zone(Zone zone) const;
    QColor zoneText(Zone zone) const;
    QColor status(FlowStatus status) const; // lines, borders and symbols
    QColor statusFill(FlowStatus status) const; // component boxes
};
