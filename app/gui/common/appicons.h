#pragma once

#include <QIcon>
#include <QString>

class QPalette;

// The toolbar and menu icons: monochrome SVGs (resources/icons) drawn in the palette's text
// colour, so that they stay visible in the dark palette, where the style's and the icon
// theme's dark glyphs vanish; and present where no icon theme is installed.
class AppIcons
{
public:
    // name: run, stop, rerun, site, zoom-in, zoom-out, zoom-fit, export, print, present.
    static QIcon icon(const QString &name, const QPalette &palette);
};
