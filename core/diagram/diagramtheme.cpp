#include "diagramtheme.h"

#include "core/models/statuspalette.h"

#include <QPalette>

DiagramTheme DiagramTheme::light()
{
    DiagramTheme t;
    t.background = Qt::white;
    t.text = QColor(0x21, 0x21, 0x21);
    t.nodeFill = Qt::white;
    t.nodeBorder = QColor(0x37, 0x47, 0x4f);
    t.required = QColor(0x1f, 0x3a, 0x5f);
    t.optional = QColor(0x55, 0x65, 0x78);
    t.expired = QColor(0x9e, 0x9e, 0x9e);
    t.highlight = QColor(0x00, 0x6c, 0xe0);
    t.legendFill = Qt::white;
    t.legendBorder = QColor(0xbd, 0xbd, 0xbd);
    t.boundary = QColor(0xa8, 0x3a, 0x1c);
    t.customerZone = QColor(0xea, 0xf2, 0xfb);
    t.internetZone = QColor(0xf3, 0xf3, 0xf3);
    t.cloudZone = QColor(0xfd, 0xec, 0xec);
    return t;
}

DiagramTheme DiagramTheme::dark()
{
    DiagramTheme t;
    t.isDark = true;
    t.background = QColor(0x1e, 0x1f, 0x22);
    t.text = QColor(0xe8, 0xea, 0xed);
    t.nodeFill = QColor(0x2b, 0x2d, 0x31);
    t.nodeBorder = QColor(0xb0, 0xbe, 0xc5);
    t.required = QColor(0x9c, 0xc4, 0xf0);
    t.optional = QColor(0xa7, 0xb1, 0xbd);
    t.expired = QColor(0x80, 0x80, 0x80);
    t.highlight = QColor(0x5e, 0xb1, 0xff);
    t.legendFill = QColor(0x26, 0x28, 0x2b);
    t.legendBorder = QColor(0x5f, 0x63, 0x68);
    t.boundary = QColor(0xff, 0x8a, 0x65);
    t.customerZone = QColor(0x1b, 0x2a, 0x3d);
    t.internetZone = QColor(0x2a, 0x2a, 0x2a);
    t.cloudZone = QColor(0x3a, 0x22, 0x24);
    return t;
}

DiagramTheme DiagramTheme::forPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5 ? dark() : light();
}

QColor DiagramTheme::zone(Zone zone) const
{
    switch (zone) {
    case Zone::Customer:
        return customerZone;
    case Zone::Internet:
        return internetZone;
    case Zone::TrendCloud:
        return cloudZone;
    }
    return internetZone;
}

QColor DiagramTheme::zoneText(Zone id) const
{
    // The zone's hue, at 4.5:1 or more on its fill.
    switch (id) {
    case Zone::Customer:
        return isDark ? QColor(0x9f, 0xc5, 0xef) : QColor(0x1f, 0x4e, 0x79);
    case Zone::TrendCloud:
        return isDark ? QColor(0xf4, 0xa9, 0xa9) : QColor(0x8e, 0x2a, 0x2a);
    case Zone::Internet:
        break;
    }
    return isDark ? QColor(0xcf, 0xcf, 0xcf) : QColor(0x42, 0x42, 0x42);
}

namespace {
StatusPalette::Role roleOf(FlowStatus status)
{
    switch (status) {
    case FlowStatus::Passed:
        return StatusPalette::Role::Good;
    case FlowStatus::Failed:
        return StatusPalette::Role::Bad;
    case FlowStatus::Partial:
        return StatusPalette::Role::Warning;
    case FlowStatus::Untested:
        break;
    }
    return StatusPalette::Role::Neutral;
}
} // namespace

QColor DiagramTheme::status(FlowStatus status) const
{
    return StatusPalette::line(roleOf(status), isDark);
}

QColor DiagramTheme::statusFill(FlowStatus status) const
{
    return StatusPalette::fill(roleOf(status), isDark);
}
