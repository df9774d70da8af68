#pragma once

#include <QCoreApplication>
#include <QStringList>

// portolan-cli diagram: writes the ports diagram to an SVG, PNG or PDF file, for scripts.
// Needs a QGuiApplication (main creates one for this command).
class DiagramCommand
{
    Q_DECLARE_TR_FUNCTIONS(DiagramCommand)

public:
    static int run(const QStringList &arguments);
};
