#include "diagramtheme.h"

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
// Per status: the line and symbol colour, then the box fill; light, then dark.
struct StatusColours
{
    QColor line[2];
    QColor fill[2];
};

StatusColours statusColours(FlowStatus status)
{
    switch (status) {
    case FlowStatus::Passed:
        return {{QColor(0x2e, 0x7d, 0x32), QColor(0x81, 0xc7, 0x84)},
                {QColor(0xd4, 0xed, 0xd6), QColor(0x1e, 0x3a, 0x22)}};
    case FlowStatus::Failed:
        return {{QColor(0xc6, 0x28, 0x28), QColor(0xff, 0x8a, 0x80)},
                {QColor(0xfc, 0xd5, 0xd8), QColor(0x4a, 0x1f, 0x1f)}};
    case FlowStatus::Partial:
        return {{QColor(0xb2, 0x5e, 0x00), QColor(0xff, 0xb7, 0x4d)},
                {QColor(0xff, 0xe6, 0xc2), QColor(0x47, 0x33, 0x12)}};
    case FlowStatus::Untested:
        break;
    }
    return {{QColor(0x75, 0x75, 0x75), QColor(0x9e, 0x9e, 0x9e)},
            {QColor(0xee, 0xee, 0xee), QColor(0x33, 0x33, 0x33)}};
}
} // namespace

QColor DiagramTheme::status(FlowStatus status) const
{
    return statusColours(status).line[isDark ? 1 : 0];
}

QColor DiagramTheme::statusFill(FlowStatus status) const
{
    return statusColours(status).fill[isDark ? 1 : 0];
}
