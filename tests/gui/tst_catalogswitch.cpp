#include "app/gui/catalogs/whatchangeddialog.h"
#include "app/gui/mainwindow.h"
#include "core/catalog/catalogloader.h"
#include "core/catalog/catalogstore.h"
#include "core/catalog/recentcatalogs.h"
#include "core/i18n/translations.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <memory>

namespace {
const QString TestCatalog = QStringLiteral(PORTOLAN_TEST_DATA "/gui/explorer.json");

// Removes the flow "static", its endpoint list and its table, which no other flow uses.
void removeStaticFlow(QJsonObject &root)
{
    for (const char *key : {"flows", "endpointLists"}) {
        QJsonArray items = root.value(QLatin1String(key)).toArray();
        for (int i = items.size() - 1; i >= 0; --i) {
            if (items.at(i).toObject().value(QLatin1String("id")) == QLatin1String("static"))
                items.removeAt(i);
        }
        root.insert(QLatin1String(key), items);
    }
    // And the page's table that only it came from.
    QJsonArray tables = root.value(QLatin1String("tables")).toArray();
    for (int i = tables.size() - 1; i >= 0; --i) {
        if (tables.at(i).toObject().value(QLatin1String("id")) == QLatin1String("ips.out"))
            tables.removeAt(i);
    }
    root.insert(QStringLiteral("tables"), tables);
}

QAction *actionNamed(QMenu *menu, const QString &text)
{
    emit menu->aboutToShow();
    for (QAction *action : menu->actions()) {
        if (action->text().remove(QLatin1Char('&')).endsWith(text))
            return action;
    }
    return nullptr;
}
} // namespace

// Switching catalogs in the GUI (issue 18): "What changed" against the previous catalog, File >
// Catalog with the built-in one and the recent files, and a bad file that changes nothing.
class TestCatalogSwitch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void recentListIsCappedAndDeduplicated();
    void whatChangedShowsEveryKindOfChange();
    void catalogMenuSwitchesBackAndForth();
    void badFileChangesNothing();
    void whatChangedFollowsTheLanguage();

private:
    // Writes explorer.json with the given edit to the temporary folder.
    QString writeEdited(const QString &name, const std::function<void(QJsonObject &)> &edit);

    QTemporaryDir m_dir;
    std::unique_ptr<CatalogStore> m_store;
    std::unique_ptr<MainWindow> m_window;
};

void TestCatalogSwitch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("PortolanTest"));
    QApplication::setApplicationName(QStringLiteral("tst_catalogswitch"));
    QVERIFY(m_dir.isValid());
}

void TestCatalogSwitch::init()
{
    QSettings().clear();
    Translations::install(Language::English);
    m_store = std::make_unique<CatalogStore>();
    QVERIFY(!m_store->loadFile(TestCatalog));
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->setLanguage(Language::English);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestCatalogSwitch::cleanup()
{
    m_window.reset();
    m_store.reset();
}

QString TestCatalogSwitch::writeEdited(const QString &name, const std::function<void(QJsonObject &)> &edit)
{
    QFile in(TestCatalog);
    if (!in.open(QIODevice::ReadOnly))
        return {};
    QJsonObject root = QJsonDocument::fromJson(in.readAll()).object();
    edit(root);
    const QString fileName = m_dir.filePath(name);
    QFile out(fileName);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(QJsonDocument(root).toJson());
    return fileName;
}

void TestCatalogSwitch::recentListIsCappedAndDeduplicated()
{
    QStringList list;
    for (int i = 0; i < 12; ++i)
        list = RecentCatalogs::withFile(list, QStringLiteral("/c/%1.json").arg(i));
    QCOMPARE(list.size(), RecentCatalogs::MaxEntries);
    QCOMPARE(list.first(), QStringLiteral("/c/11.json"));
    list = RecentCatalogs::withFile(list, QStringLiteral("/c/8.json"));
    QCOMPARE(list.first(), QStringLiteral("/c/8.json"));
    QCOMPARE(list.count(QStringLiteral("/c/8.json")), 1);
    QCOMPARE(list.size(), RecentCatalogs::MaxEntries);
    // The built-in catalog is never a recent file.
    RecentCatalogs::add(CatalogLoader::builtinFileName());
    QVERIFY(RecentCatalogs::list().isEmpty());
}

void TestCatalogSwitch::whatChangedShowsEveryKindOfChange()
{
    const QString edited = writeEdited(QStringLiteral("edited.json"), [](QJsonObject &root) {
        QJsonArray flows = root.value(QLatin1String("flows")).toArray();
        QJsonObject web;
        for (int i = 0; i < flows.size(); ++i) {
            QJsonObject flow = flows.at(i).toObject();
            if (flow.value(QLatin1String("id")) == QLatin1String("web"))
                web = flow;
            if (flow.value(QLatin1String("id")) == QLatin1String("dns")) {
                flow.insert(QStringLiteral("requirement"), QStringLiteral("optional"));
                flows[i] = flow;
            }
        }
        web.insert(QStringLiteral("id"), QStringLiteral("web-copy"));
        flows.append(web);
        root.insert(QStringLiteral("flows"), flows);
        removeStaticFlow(root);
    });
    QVERIFY(!edited.isEmpty());
    QVERIFY(!m_window->whatChangedDialog());
    QVERIFY2(m_window->openCatalog(edited),
             qPrintable(m_window->errorBox() ? m_window->errorBox()->informativeText() : QString()));
    WhatChangedDialog *dialog = m_window->whatChangedDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal()); // the tables stay usable beside it

    QMap<QString, QString> kinds;
    for (int i = 0; i < dialog->tree()->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = dialog->tree()->topLevelItem(i);
        kinds.insert(item->text(0), item->data(0, Qt::UserRole).toString());
    }
    QCOMPARE(kinds.value(QStringLiteral("dns")), QStringLiteral("changed"));
    QCOMPARE(kinds.value(QStringLiteral("static")), QStringLiteral("removed"));
    QCOMPARE(kinds.value(QStringLiteral("web-copy")), QStringLiteral("added"));
    QCOMPARE(kinds.size(), 3);
    // The changed field, before and after.
    const QTreeWidgetItem *dns = dialog->tree()->findItems(QStringLiteral("dns"), Qt::MatchExactly).value(0);
    QVERIFY(dns);
    bool sawRequirement = false;
    for (int i = 0; i < dns->childCount(); ++i) {
        if (dns->child(i)->text(0) == QLatin1String("requirement")) {
            QCOMPARE(dns->child(i)->text(1), QStringLiteral("required"));
            QCOMPARE(dns->child(i)->text(2), QStringLiteral("optional"));
            sawRequirement = true;
        }
    }
    QVERIFY(sawRequirement);
    QVERIFY(dialog->summaryText().contains(QLatin1String("Flows added: 1, removed: 1, changed: 1")));

    // PORTOLAN_SCREENSHOTS=DIR: the dialog in both languages, for looking at it.
    const QString shots = qEnvironmentVariable("PORTOLAN_SCREENSHOTS");
    if (!shots.isEmpty()) {
        QVERIFY(dialog->grab().save(shots + QStringLiteral("/whatchanged-en.png")));
        m_window->setLanguage(Language::Japanese);
        QVERIFY(dialog->grab().save(shots + QStringLiteral("/whatchanged-ja.png")));
        m_window->setLanguage(Language::English);
    }

    // Copy gives the summary and the same text as `portolan-cli catalog diff`.
    dialog->findChild<QPushButton *>(QStringLiteral("copyChangesButton"))->click();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.contains(QLatin1String("~ dns (changed)")), qPrintable(copied));
    QVERIFY(copied.contains(QLatin1String("- static (removed")));
    QVERIFY(copied.contains(QLatin1String("+ web-copy (added")));
}

void TestCatalogSwitch::catalogMenuSwitchesBackAndForth()
{
    const QString other = writeEdited(QStringLiteral("other.json"), [](QJsonObject &root) {
        root.insert(QStringLiteral("catalogVersion"), QStringLiteral("2026120301"));
    });
    QVERIFY(m_window->openCatalog(other));
    QMenu *menu = m_window->catalogMenu();
    QVERIFY(menu);
    QAction *recent = actionNamed(menu, QStringLiteral("other.json"));
    QVERIFY(recent);
    QVERIFY(recent->isChecked());
    QCOMPARE(RecentCatalogs::list(), QStringList{QFileInfo(other).absoluteFilePath()});

    QAction *builtin = actionNamed(menu, QStringLiteral("Built-in catalog"));
    QVERIFY(builtin);
    QVERIFY(!builtin->isChecked());
    builtin->trigger();
    QCOMPARE(m_store->fileName(), CatalogLoader::builtinFileName());
    QVERIFY(m_store->catalog().flows.size() > 20); // the real catalog, not the test one
    QVERIFY(actionNamed(menu, QStringLiteral("Built-in catalog"))->isChecked());

    // And back to the recent file from the menu.
    actionNamed(menu, QStringLiteral("other.json"))->trigger();
    QCOMPARE(m_store->catalog().catalogVersion, QStringLiteral("2026120301"));
    QCOMPARE(m_store->catalog().flows.size(), 6);

    QAction *clear = actionNamed(menu, QStringLiteral("Clear the list"));
    QVERIFY(clear && clear->isEnabled());
    clear->trigger();
    QVERIFY(RecentCatalogs::list().isEmpty());
    QVERIFY(!actionNamed(menu, QStringLiteral("other.json")));
}

void TestCatalogSwitch::badFileChangesNothing()
{
    const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"schemaVersion\": 2, \"flows\": [");
    file.close();
    const int flows = m_store->catalog().flows.size();
    QVERIFY(!m_window->openCatalog(bad));
    QVERIFY(m_window->errorBox());
    QTRY_VERIFY(m_window->errorBox()->isVisible());
    QVERIFY(m_window->errorBox()->informativeText().contains(QLatin1String("bad.json")));
    QCOMPARE(m_store->catalog().flows.size(), flows);
    QVERIFY(!m_window->whatChangedDialog());
    QVERIFY(RecentCatalogs::list().isEmpty());
}

void TestCatalogSwitch::whatChangedFollowsTheLanguage()
{
    const QString edited = writeEdited(QStringLiteral("lang.json"), removeStaticFlow);
    QVERIFY(m_window->openCatalog(edited));
    WhatChangedDialog *dialog = m_window->whatChangedDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("What changed"));
    m_window->setLanguage(Language::Japanese);
    QTRY_VERIFY(dialog->windowTitle() != QLatin1String("What changed"));
    QVERIFY(dialog->tree()->topLevelItem(0)->text(1) != QLatin1String("removed"));
    m_window->setLanguage(Language::English);
    QTRY_COMPARE(dialog->windowTitle(), QStringLiteral("What changed"));
}

QTEST_MAIN(TestCatalogSwitch)
#include "tst_catalogswitch.moc"
