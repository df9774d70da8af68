#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

// `portolan-cli diagram` paints, which needs QtGui and QtSvg; portolan-cli itself links only
// QtCore and QtNetwork so that it runs on servers without a display stack. The command lives in
// portolan-diagram (installed with the GUI package, in libexec) and this hands the arguments
// over to it, with its exit status.
class DiagramLauncher
{
    Q_DECLARE_TR_FUNCTIONS(DiagramLauncher)

public:
    // Runs the helper with arguments (the command's, without "portolan-cli diagram"); returns
    // its exit status, or 69 (EX_UNAVAILABLE) with a message when it is not installed.
    static int run(const QStringList &arguments);
    // Where the helper is looked for: next to portolan-cli (the build tree), then the libexec
    // directory relative to it (an installation).
    static QStringList candidates();
};
