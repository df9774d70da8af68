#include "app/gui/common/apppalette.h"
#include "app/gui/diagram/presentationwindow.h"
#include "app/gui/lookup/lookupbar.h"
#include "app/gui/mainwindow.h"
#include "app/gui/tables/catalogtableview.h"
#include "app/gui/tables/filterbar.h"
#include "core/catalog/catalogstore.h"
#include "core/i18n/translations.h"
#include "core/models/catalogfilterproxymodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

#include <cstring>
#include <memory>

namespace {
// Renders the window offscreen at a fixed size for the README (scripts/screenshots.sh).
int takeScreenshot(QApplication &app, MainWindow &window, const CatalogStore &store,
                   const QCommandLineParser &parser)
{
    const QStringList size = parser.value(QStringLiteral("size")).split(QLatin1Char('x'));
    window.resize(size.value(0).toInt() > 0 ? size.value(0).toInt() : 1400,
                  size.value(1).toInt() > 0 ? size.value(1).toInt() : 860);
    window.show();
    if (parser.isSet(QStringLiteral("role")))
        window.filterBar()->setRole(parser.value(QStringLiteral("role")));
    if (parser.isSet(QStringLiteral("search")))
        window.filterBar()->searchField()->setText(parser.value(QStringLiteral("search")));
    if (parser.isSet(QStringLiteral("lookup")))
        window.lookupBar()->lookup(parser.value(QStringLiteral("lookup")));
    if (parser.isSet(QStringLiteral("select")))
        window.selectFlow(parser.value(QStringLiteral("select")));
    window.tableView()->setFocus();

    // --tab diagram: the Diagram tab; --present N: step N of Present (0: the overview).
    if (parser.value(QStringLiteral("tab")) == QLatin1String("diagram"))
        window.tabs()->setCurrentIndex(1);
    std::unique_ptr<PresentationWindow> present;
    if (parser.isSet(QStringLiteral("present"))) {
        present = std::make_unique<PresentationWindow>();
        present->setCatalog(store.catalog());
        present->setLanguage(window.language());
        if (parser.isSet(QStringLiteral("role")))
            present->setRoleFilter(parser.value(QStringLiteral("role")));
        present->resize(window.size());
        present->show();
        present->setStep(parser.value(QStringLiteral("present")).toInt());
    }
    QWidget *target = present ? static_cast<QWidget *>(present.get()) : &window;

    const QString fileName = parser.value(QStringLiteral("screenshot"));
    int rc = 0;
    QTimer::singleShot(300, &window, [&] {
        if (!target->grab().save(fileName)) {
            qWarning("portolan: cannot write %s", qPrintable(fileName));
            rc = 1;
        }
        app.quit();
    });
    app.exec();
    return rc;
}
struct Options
{
    QCommandLineOption catalog;
    QCommandLineOption lang;
    QCommandLineOption help;
};

Options addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Network requirements explorer for Trend Micro Cloud One Workload Security."));
    // Our own help option: Qt's text for it has no Japanese translation.
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help"), QStringLiteral("?")},
                                        QCoreApplication::translate("main", "Show this help."));
    parser.addOption(helpOption);
    parser.addVersionOption();
    const QCommandLineOption catalogOption(QStringLiteral("catalog"),
                                           QCoreApplication::translate("main", "Open this catalog file."),
                                           QStringLiteral("file"));
    const QCommandLineOption langOption(
            QStringLiteral("lang"), QCoreApplication::translate("main", "User interface language: en or ja."),
            QStringLiteral("code"));
    parser.addOption(catalogOption);
    parser.addOption(langOption);
    // Hidden options for scripts/screenshots.sh.
    const QList<QCommandLineOption> hidden{
            {QStringLiteral("screenshot"), QString(), QStringLiteral("file")},
            {QStringLiteral("size"), QString(), QStringLiteral("WxH")},
            {QStringLiteral("search"), QString(), QStringLiteral("text")},
            {QStringLiteral("lookup"), QString(), QStringLiteral("value")},
            {QStringLiteral("select"), QString(), QStringLiteral("flow")},
            {QStringLiteral("role"), QString(), QStringLiteral("component")},
            {QStringLiteral("dark"), QString()},
            {QStringLiteral("tab"), QString(), QStringLiteral("name")},
            {QStringLiteral("present"), QString(), QStringLiteral("step")},
    };
    for (QCommandLineOption option : hidden) {
        option.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(option);
    }
    return {catalogOption, langOption, helpOption};
}

// --help and --version print and exit before any window system is needed (no display, a
// terminal over ssh).
bool wantsOnlyText(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "-?", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

int printHelpOrVersion(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Portolan"));
    QCoreApplication::setOrganizationName(QStringLiteral("Portolan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTOLAN_VERSION));
    Language language = MainWindow::savedLanguage();
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--lang") == 0) {
            if (const auto chosen = languageFromCode(QString::fromLocal8Bit(argv[i + 1])))
                language = *chosen;
        }
    }
    Translations::install(language);
    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app); // --version: prints and exits
    parser.showHelp(0);
}
} // namespace

int main(int argc, char *argv[])
{
    if (wantsOnlyText(argc, argv))
        return printHelpOrVersion(argc, argv);

    // Screenshots render without a display.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Portolan"));
    QApplication::setOrganizationName(QStringLiteral("Portolan"));
    QApplication::setApplicationVersion(QStringLiteral(PORTOLAN_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.portolan.Portolan"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/portolan.svg")));
    const bool systemDark = AppPalette::systemPrefersDark();
    QApplication::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    const Options options = addOptions(parser);
    const QCommandLineOption &catalogOption = options.catalog;
    const QCommandLineOption &langOption = options.lang;
    parser.process(app);
    const bool screenshot = parser.isSet(QStringLiteral("screenshot"));

    Language language = screenshot ? Language::English : MainWindow::savedLanguage();
    if (parser.isSet(langOption)) {
        const auto chosen = languageFromCode(parser.value(langOption));
        if (!chosen) {
            qWarning("portolan: unknown language \"%s\" (en or ja)", qPrintable(parser.value(langOption)));
            return 2;
        }
        language = *chosen;
    }
    Translations::install(language);

    const bool dark = screenshot ? parser.isSet(QStringLiteral("dark"))
                                 : QSettings().value(QStringLiteral("ui/darkPalette"), systemDark).toBool();
    AppPalette::apply(dark);

    CatalogStore store;
    const auto error =
            parser.isSet(catalogOption) ? store.loadFile(parser.value(catalogOption)) : store.loadBuiltin();
    if (error) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "Portolan"),
                              QApplication::translate("main", "The catalog could not be loaded:\n%1")
                                      .arg(error->toString()));
        return 1;
    }
    MainWindow window(&store);
    window.setLanguage(language);
    if (screenshot)
        return takeScreenshot(app, window, store, parser);

    window.readSettings();
    window.show();
    return app.exec();
}
