// portolan-diagram: the one command of portolan-cli that paints (QtGui, QtSvg). portolan-cli
// hands "diagram" over to it (DiagramLauncher), so that the CLI itself stays headless.
#include "app/cli/diagramcommand.h"

#include <QGuiApplication>

int main(int argc, char *argv[])
{
    // It paints text and needs a QGuiApplication; without a display it renders offscreen.
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("portolan-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Portolan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTOLAN_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    // The command sees its own name where a program name goes, as under portolan-cli.
    arguments.first() = QStringLiteral("portolan-cli diagram");
    return DiagramCommand::run(arguments);
}
