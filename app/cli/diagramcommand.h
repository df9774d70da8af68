#pragma once

#include <QStringList>

// portolan-cli diagram: writes the ports diagram to an SVG, PNG or PDF file, for scripts.
// Needs a QGuiApplication (main creates one for this command).
class DiagramCommand
{
public:
    static int run(const QStringList &arguments);
};
