#include "catalog/catalogstore.h"
#include "i18n/translations.h"
#include "mainwindow.h"

#include <QApplication>
#include <QMessageBox>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Portolan"));
    QApplication::setOrganizationName(QStringLiteral("Portolan"));
    QApplication::setApplicationVersion(QStringLiteral(PORTOLAN_VERSION));
    Translations::install(systemLanguage());

    CatalogStore store;
    if (const auto error = store.loadBuiltin()) {
        QMessageBox::critical(
                nullptr, QObject::tr("Portolan"),
                QObject::tr("The built-in catalog could not be loaded:\n%1").arg(error->toString()));
        return 1;
    }
    MainWindow window(&store);
    window.show();
    return app.exec();
}
