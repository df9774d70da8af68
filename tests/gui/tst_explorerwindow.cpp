#include "app/gui/common/apppalette.h"
#include "app/gui/common/filedialogs.h"
#include "app/gui/details/detailspane.h"
#include "app/gui/diagram/diagramscene.h"
#include "app/gui/diagram/diagramview.h"
#include "app/gui/diagram/diagramwidget.h"
#include "app/gui/export/exportdialog.h"
#include "app/gui/help/helpdialog.h"
#include "app/gui/lookup/lookupbar.h"
#include "app/gui/mainwindow.h"
#include "app/gui/tables/catalogitemdelegate.h"
#include "app/gui/tables/catalogtableview.h"
#include "app/gui/tables/filterbar.h"
#include "app/gui/tables/filterchips.h"
#include "app/gui/tester/testerpanel.h"
#include "app/gui/triage/triageview.h"
#include "core/catalog/catalogstore.h"
#include "core/catalog/catalogtext.h"
#include "core/i18n/translations.h"
#include "core/models/catalogfilterproxymodel.h"
#include "core/models/catalogmodel.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QTranslator>

#include <memory>

namespace {
const QString TestCatalog = QStringLiteral(PORTOLAN_TEST_DATA "/gui/explorer.json");
const QChar Mark(0x27EA); // ⟪

// Translates every string to "⟪source", so that a test sees which texts were retranslated.
class MarkingTranslator final : public QTranslator
{
public:
    QString translate(const char *, const char *source, const char *, int) const override
    {
        return Mark + QString::fromUtf8(source);
    }
    bool isEmpty() const override { return false; }
};

// "flow#endpoint" for each row.
QStringList rowIdsOf(const QModelIndexList &indexes)
{
    QStringList ids;
    for (const QModelIndex &index : indexes)
        ids.append(index.data(CatalogModel::FlowIdRole).toString() + QLatin1Char('#')
                   + index.data(CatalogModel::EndpointRole).toString());
    ids.sort();
    return ids;
}

QStringList shownFlowIds(const QAbstractItemModel *model)
{
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString id = model->index(row, 0).data(CatalogModel::FlowIdRole).toString();
        if (!ids.contains(id))
            ids.append(id);
    }
    ids.sort();
    return ids;
}

// QTest::keyClicks only knows ASCII; other characters are sent as text key events.
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar ch : text) {
        if (ch.unicode() < 0x80)
            QTest::keyClick(widget, ch.toLatin1());
        else
            QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(ch), Qt::NoModifier);
    }
}

QMenu *menuNamed(MainWindow *window, const QString &objectName)
{
    return window->findChild<QMenu *>(objectName);
}
} // namespace

class TestExplorerWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void diagramFlowsFilterTables();
    void tableSelectionHighlightsArrows();
    void roleFilterAppliesToDiagram();
    void exportRulesOpensDialog();

    void startsWithAllRowsButExpired();
    void searchReducesAndClearRestores_data();
    void searchReducesAndClearRestores();
    void escapeClearsSearch();
    void slowSearchWaitsForAPause();
    void facetFilters_data();
    void facetFilters();
    void requiredOnly();
    void expiredRowsGreyedAndMarked_data();
    void expiredRowsGreyedAndMarked();
    void endpointsElideInTheMiddle();
    void columnsFitContentOnFirstShow();
    void endpointStaysVisibleWhenScrollingRight();
    void roleViewIsOneClick();
    void lookupShowsChangedFiltersAndBackRestores();
    void diagramFilterIsAChip();
    void relatedLinkChangesFiltersVisibly();
    void chipsRemoveTheirFilter();
    void lookupOfExpiredIsNotRemembered();
    void emptyResultSaysWhy();
    void directionFollowsRole();
    void agentOutboundOmitsManagerInitiated();
    void expiredReadsExpired();
    void featureFilter();
    void agentVersionFilter();
    void languageSwitchKeepsSelectionAndRole();
    void lookupSelectsRows_data();
    void lookupSelectsRows();
    void lookupNotInCatalog_data();
    void lookupNotInCatalog();
    void languageSwitchChangesCellsAndBack();
    void languageSwitchRetranslatesWidgets();
    void languageChoiceIsRemembered();
    void ctrlCCopiesSelectedRows();
    void copyCurrentCell();
    void rowContextMenu();
    void detailsPaneShowsEverything();
    void detailsPaneClearsWithoutSelection();
    void relatedFlowLinkSelectsIt();
    void exportView_data();
    void exportView();
    void badCatalogLeavesWindowUnchanged_data();
    void badCatalogLeavesWindowUnchanged();
    void goodCatalogReplacesRows();
    void builtinCatalogPortsSortNumerically();
    void builtinCatalogRoles();
    void settingsRoundTrip();
    void fileDialogsShareFolderAndCsvChoice();
    void statusBelongsToTab();
    void shortcutsFocusFields();
    void tabLeavesTable();
    void roleButtonsInTabChain();
    void toolbarIconsVisibleInBothPalettes_data();
    void toolbarIconsVisibleInBothPalettes();
    void checkedRoleDoesNotShiftNeighbours_data();
    void checkedRoleDoesNotShiftNeighbours();
    void helpPages();
    void everyWidgetHasAccessibleName();

private:
    std::unique_ptr<CatalogStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestExplorerWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("PortolanTest"));
    QApplication::setApplicationName(QStringLiteral("tst_explorerwindow"));
    QApplication::setStyle(QStringLiteral("Fusion"));
    QSettings().clear();
}

void TestExplorerWindow::init()
{
    QSettings().clear();
    Translations::install(Language::English);
    m_store = std::make_unique<CatalogStore>();
    const auto error = m_store->loadFile(TestCatalog);
    QVERIFY2(!error, qPrintable(error ? error->toString() : QString()));
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->setLanguage(Language::English);
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_window->catalogModel());
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_window->filterModel());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestExplorerWindow::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_window.reset();
    m_store.reset();
    Translations::install(Language::English);
    AppPalette::apply(false);
}

void TestExplorerWindow::slowSearchWaitsForAPause()
{
    FilterBar *bar = m_window->filterBar();
    CatalogFilterProxyModel *proxy = m_window->filterModel();
    // A catalog this small filters at once, key by key.
    QTest::keyClicks(bar->searchField(), QStringLiteral("name"));
    QVERIFY(!bar->isSearchPending());
    QCOMPARE(proxy->filterText(), QStringLiteral("name"));
    bar->searchField()->clear();
    QCOMPARE(proxy->filterText(), QString());

    // As when the last filtering took more than half a frame: typing waits for a pause.
    bar->setSearchDelay(-200);
    QTest::keyClicks(bar->searchField(), QStringLiteral("name"));
    QVERIFY(bar->isSearchPending());
    QCOMPARE(proxy->filterText(), QString());
    // What the bar shows already counts for Back and the chips' state.
    QCOMPARE(bar->state().text, QStringLiteral("name"));
    QTRY_COMPARE(proxy->filterText(), QStringLiteral("name"));
    QVERIFY(!bar->isSearchPending());
    // Enter does not wait; Esc (clearing) does not either.
    QTest::keyClicks(bar->searchField(), QStringLiteral(" service"));
    QVERIFY(bar->isSearchPending());
    QTest::keyClick(bar->searchField(), Qt::Key_Return);
    QVERIFY(!bar->isSearchPending());
    QCOMPARE(proxy->filterText(), QStringLiteral("name service"));
    QTest::keyClick(bar->searchField(), Qt::Key_Escape);
    QVERIFY(!bar->isSearchPending());
    QCOMPARE(proxy->filterText(), QString());
}

void TestExplorerWindow::diagramFlowsFilterTables()
{
    DiagramScene *scene = m_window->diagram()->view()->diagramScene();
    QSignalSpy filtered(m_window->filterModel(), &CatalogFilterProxyModel::filterChanged);
    emit scene->flowsActivated({QStringLiteral("dns")});
    QCOMPARE(filtered.count(), 1);
    QCOMPARE(m_window->filterModel()->flowIds(), QSet<QString>{QStringLiteral("dns")});
    QCOMPARE(m_window->filterModel()->rowCount(), 1);
    emit scene->flowsActivated({QStringLiteral("web"), QStringLiteral("update")});
    QCOMPARE(m_window->filterModel()->flowIds(),
             (QSet<QString>{QStringLiteral("web"), QStringLiteral("update")}));
    QCOMPARE(m_window->filterModel()->rowCount(), 4); // 3 web endpoints and the update host
    m_window->filterBar()->clearFilters();
    QCOMPARE(m_window->filterModel()->flowIds(), QSet<QString>());
    QCOMPARE(m_window->filterModel()->rowCount(), 7);
}

void TestExplorerWindow::tableSelectionHighlightsArrows()
{
    const DiagramScene *scene = m_window->diagram()->view()->diagramScene();
    QVERIFY(!scene->state().hasHighlight());
    const QList<int> rows = m_window->catalogModel()->rowsForFlow(QStringLiteral("dns"));
    QCOMPARE(rows.size(), 1);
    m_window->selectSourceRows(rows);
    QCOMPARE(m_window->selectedFlowIds(), QSet<QString>{QStringLiteral("dns")});
    QCOMPARE(scene->state().highlightedFlows, QSet<QString>{QStringLiteral("dns")});
    m_window->tableView()->clearSelection();
    QVERIFY(!scene->state().hasHighlight());
}

void TestExplorerWindow::roleFilterAppliesToDiagram()
{
    const DiagramScene *scene = m_window->diagram()->view()->diagramScene();
    QCOMPARE(scene->roleFilter(), QString());
    m_window->filterModel()->setRole(QStringLiteral("relay"));
    QCOMPARE(scene->roleFilter(), QStringLiteral("relay"));
    QVERIFY(!scene->nodeItem(QStringLiteral("dns-server"))); // only the relay's flows are drawn
    m_window->filterModel()->setRole(QString());
    QVERIFY(scene->nodeItem(QStringLiteral("dns-server")));
}

void TestExplorerWindow::exportRulesOpensDialog()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("exportRulesAction"));
    QVERIFY(action);
    QVERIFY(m_window->fileMenu()->actions().contains(action));
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_window->selectSourceRows(m_window->catalogModel()->rowsForFlow(QStringLiteral("update")));
    action->trigger();
    auto *dialog = m_window->findChild<ExportDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->selectedOnlyBox()->isEnabled()); // the explorer's selection is offered
    dialog->selectedOnlyBox()->setChecked(true);
    QCOMPARE(dialog->request().scope.flowIds, QSet<QString>{QStringLiteral("update")});
    QVERIFY(dialog->previewText().contains(QStringLiteral("update")));
    dialog->close();
}

void TestExplorerWindow::startsWithAllRowsButExpired()
{
    // 9 rows: dns, relay-in, relay-local, 3 x web, update, 2 x static (expired, hidden).
    QCOMPARE(m_window->catalogModel()->rowCount(), 9);
    QCOMPARE(m_window->filterModel()->rowCount(), 7);
    QCOMPARE(m_window->statusText(), QStringLiteral("showing 7 of 9"));
    QVERIFY(!m_window->filterBar()->showExpiredBox()->isChecked());
}

void TestExplorerWindow::searchReducesAndClearRestores_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("flows");
    QTest::addRow("host") << "svc.local" << QStringList{"web"};
    QTest::addRow("two words") << "relay port" << QStringList{"relay-in", "relay-local"};
    QTest::addRow("japanese") << "ハートビート" << QStringList{"web"};
    QTest::addRow("japanese component") << "DNSサーバ" << QStringList{"dns"};
    QTest::addRow("condition") << "manager-initiated" << QStringList{"relay-in"};
    QTest::addRow("port") << "4123" << QStringList{"relay-local"};
    QTest::addRow("feature") << "smart feedback" << QStringList{"update"};
    QTest::addRow("page table") << "Relay ports" << QStringList{"relay-in", "relay-local"};
    QTest::addRow("case") << "NAME SERVICE" << QStringList{"dns"};
    QTest::addRow("nothing") << "no-such-thing" << QStringList{};
}

void TestExplorerWindow::searchReducesAndClearRestores()
{
    QFETCH(QString, text);
    QFETCH(QStringList, flows);
    QLineEdit *search = m_window->filterBar()->searchField();
    QSignalSpy filterSpy(m_window->filterModel(), &CatalogFilterProxyModel::filterChanged);
    typeText(search, text);
    // Live: one filter per keystroke that changes the words (a space alone does not). Under
    // AddressSanitizer a filter is slow enough that typing waits for a pause, by design.
#ifdef __SANITIZE_ADDRESS__
    QTRY_COMPARE(shownFlowIds(m_window->filterModel()), flows);
    QVERIFY(filterSpy.count() >= 1 && filterSpy.count() <= text.size() - text.count(QLatin1Char(' ')));
#else
    QCOMPARE(filterSpy.count(), text.size() - text.count(QLatin1Char(' ')));
#endif
    QCOMPARE(shownFlowIds(m_window->filterModel()), flows);
    QVERIFY(m_window->statusText().startsWith(
            QStringLiteral("showing %1 of 9").arg(m_window->filterModel()->rowCount())));
    search->clear();
    QCOMPARE(m_window->filterModel()->rowCount(), 7);
    QCOMPARE(m_window->statusText(), QStringLiteral("showing 7 of 9"));
}

void TestExplorerWindow::escapeClearsSearch()
{
    QLineEdit *search = m_window->filterBar()->searchField();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("update"));
    QCOMPARE(m_window->filterModel()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(search->text(), QString());
    QCOMPARE(m_window->filterModel()->rowCount(), 7);
}

void TestExplorerWindow::facetFilters_data()
{
    QTest::addColumn<QString>("facet");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QStringList>("flows");
    // All roles: the direction relative to the customer network.
    QTest::addRow("direction inbound")
            << "directionFilter" << QVariant(int(Direction::Inbound)) << QStringList{"relay-in"};
    QTest::addRow("direction local") << "directionFilter" << QVariant(int(Direction::Local))
                                     << QStringList{"relay-local"};
    QTest::addRow("direction outbound")
            << "directionFilter" << QVariant(int(Direction::Outbound)) << QStringList{"dns", "update", "web"};
    QTest::addRow("requirement required")
            << "requirementFilter" << QVariant(int(Requirement::Required)) << QStringList{"dns", "web"};
    QTest::addRow("requirement optional") << "requirementFilter" << QVariant(int(Requirement::Optional))
                                          << QStringList{"relay-local", "update"};
    QTest::addRow("requirement conditional")
            << "requirementFilter" << QVariant(int(Requirement::Conditional)) << QStringList{"relay-in"};
    QTest::addRow("agent version 20") << "agentVersionFilter" << QVariant(QStringLiteral("20.0"))
                                      << QStringList{"dns", "relay-in", "relay-local", "update", "web"};
    QTest::addRow("protocol HTTPS") << "protocolFilter" << QVariant("HTTPS")
                                    << QStringList{"relay-in", "web"};
    QTest::addRow("protocol DNS") << "protocolFilter" << QVariant("DNS") << QStringList{"dns"};
    QTest::addRow("transport UDP") << "protocolFilter" << QVariant("UDP") << QStringList{"dns"};
    QTest::addRow("port 80") << "portFilter" << QVariant(80) << QStringList{"update"};
    QTest::addRow("port 4122") << "portFilter" << QVariant(4122) << QStringList{"relay-in"};
    QTest::addRow("port 443") << "portFilter" << QVariant(443) << QStringList{"web"};
}

void TestExplorerWindow::facetFilters()
{
    QFETCH(QString, facet);
    QFETCH(QVariant, value);
    QFETCH(QStringList, flows);
    auto *box = m_window->findChild<QComboBox *>(facet);
    QVERIFY(box);
    const int index = box->findData(value);
    QVERIFY2(index > 0, qPrintable(value.toString()));
    box->setCurrentIndex(index);
    QCOMPARE(shownFlowIds(m_window->filterModel()), flows);
    box->setCurrentIndex(0);
    QCOMPARE(m_window->filterModel()->rowCount(), 7);

    // The facet combines with the search.
    box->setCurrentIndex(index);
    QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("no-such-thing"));
    // Typing waits for a pause when the last filter was slow (under AddressSanitizer it is).
    QTRY_COMPARE(m_window->filterModel()->rowCount(), 0);
    m_window->filterBar()->clearFilters();
    QCOMPARE(box->currentIndex(), 0);
    QCOMPARE(m_window->filterModel()->rowCount(), 7);
}

void TestExplorerWindow::requiredOnly()
{
    QCheckBox *box = m_window->filterBar()->requiredOnlyBox();
    QTest::mouseClick(box, Qt::LeftButton);
    QVERIFY(box->isChecked());
    QCOMPARE(shownFlowIds(m_window->filterModel()), (QStringList{"dns", "web"}));
    QCOMPARE(m_window->statusText(), QStringLiteral("showing 4 of 9"));
    QTest::mouseClick(box, Qt::LeftButton);
    QCOMPARE(m_window->filterModel()->rowCount(), 7);
}

void TestExplorerWindow::expiredRowsGreyedAndMarked_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addRow("light palette") << false;
    QTest::addRow("dark palette") << true;
}

void TestExplorerWindow::expiredRowsGreyedAndMarked()
{
    QFETCH(bool, dark);
    AppPalette::apply(dark);
    const QPalette palette = QApplication::palette();
    QCheckBox *box = m_window->filterBar()->showExpiredBox();
    QTest::mouseClick(box, Qt::LeftButton);
    QCOMPARE(m_window->filterModel()->rowCount(), 9);
    QAbstractItemModel *proxy = m_window->filterModel();
    int expired = 0;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QModelIndex validity = proxy->index(row, CatalogModel::ValidityColumn);
        if (validity.data(CatalogModel::FlowIdRole).toString() != QLatin1String("static"))
            continue;
        ++expired;
        QCOMPARE(validity.data().toString(), QStringLiteral("expired 2022-12-31"));
        const QColor grey = validity.data(Qt::ForegroundRole).value<QBrush>().color();
        QCOMPARE(grey, CatalogModel::expiredColor(palette));
        QVERIFY(grey != palette.color(QPalette::Text));
        // At least 4.5:1 on both row colours.
        QVERIFY2(CatalogModel::contrastRatio(grey, palette.color(QPalette::Base)) >= 4.5,
                 qPrintable(grey.name()));
        QVERIFY(CatalogModel::contrastRatio(grey, palette.color(QPalette::AlternateBase)) >= 4.5);
        // Not colour alone: the endpoint carries a clock marker.
        QStyleOptionViewItem option;
        option.initFrom(m_window->tableView());
        const QStyleOptionViewItem endpoint = m_window->tableView()->catalogDelegate()->styleOption(
                option, validity.siblingAtColumn(CatalogModel::EndpointColumn));
        QVERIFY(endpoint.features & QStyleOptionViewItem::HasDecoration);
        QVERIFY(!endpoint.icon.isNull());
    }
    QCOMPARE(expired, 2);
    // Rows that have not expired carry no marker.
    QStyleOptionViewItem option;
    option.initFrom(m_window->tableView());
    const int web = m_window->catalogModel()->rowsForFlow(QStringLiteral("web")).first();
    const QStyleOptionViewItem current = m_window->tableView()->catalogDelegate()->styleOption(
            option,
            proxy->index(
                    m_window->filterModel()->mapFromSource(m_window->catalogModel()->index(web, 0)).row(),
                    CatalogModel::EndpointColumn));
    QVERIFY(current.icon.isNull());
    QTest::mouseClick(box, Qt::LeftButton);
    QCOMPARE(m_window->filterModel()->rowCount(), 7);
}

void TestExplorerWindow::endpointsElideInTheMiddle()
{
    CatalogTableView *table = m_window->tableView();
    QStyleOptionViewItem option;
    option.initFrom(table);
    option.textElideMode = table->textElideMode();
    const QModelIndex endpoint = m_window->filterModel()->index(0, CatalogModel::EndpointColumn);
    QCOMPARE(table->catalogDelegate()->styleOption(option, endpoint).textElideMode, Qt::ElideMiddle);
    QCOMPARE(table->itemDelegateForIndex(endpoint), table->catalogDelegate());
    const QModelIndex service = endpoint.siblingAtColumn(CatalogModel::ServiceColumn);
    QCOMPARE(table->catalogDelegate()->styleOption(option, service).textElideMode, Qt::ElideRight);
    // The frozen column paints the same way.
    QCOMPARE(table->frozenView()->itemDelegate(), table->catalogDelegate());
}

void TestExplorerWindow::columnsFitContentOnFirstShow()
{
    CatalogTableView *table = m_window->tableView();
    QAbstractItemModel *proxy = m_window->filterModel();
    // Every endpoint is shown whole: the three URLs of "web" are not cut to the same prefix.
    int widest = 0;
    for (int row = 0; row < proxy->rowCount(); ++row)
        widest = std::max(widest,
                          table->fontMetrics().horizontalAdvance(
                                  proxy->index(row, CatalogModel::EndpointColumn).data().toString()));
    QVERIFY2(table->columnWidth(CatalogModel::EndpointColumn) > widest,
             qPrintable(QStringLiteral("%1 <= %2")
                                .arg(table->columnWidth(CatalogModel::EndpointColumn))
                                .arg(widest)));
    int widestService = 0;
    for (int row = 0; row < proxy->rowCount(); ++row)
        widestService = std::max(widestService,
                                 table->fontMetrics().horizontalAdvance(
                                         proxy->index(row, CatalogModel::ServiceColumn).data().toString()));
    QVERIFY(table->columnWidth(CatalogModel::ServiceColumn) > widestService);
    // Reset columns fits again.
    table->setColumnWidth(CatalogModel::EndpointColumn, 40);
    auto *view = menuNamed(m_window.get(), QStringLiteral("viewMenu"));
    QAction *reset = view->actions().constLast();
    reset->trigger();
    QVERIFY(table->columnWidth(CatalogModel::EndpointColumn) > widest);
    // A saved layout is kept on the next start.
    table->setColumnWidth(CatalogModel::EndpointColumn, 123);
    m_window->close();
    MainWindow second(m_store.get());
    second.readSettings();
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QCOMPARE(second.tableView()->columnWidth(CatalogModel::EndpointColumn), 123);
}

void TestExplorerWindow::endpointStaysVisibleWhenScrollingRight()
{
    CatalogTableView *table = m_window->tableView();
    QTableView *frozen = table->frozenView();
    QCOMPARE(frozen->objectName(), QStringLiteral("frozenEndpointColumn"));
    QVERIFY(!frozen->isVisible()); // not scrolled: the table's own column shows it
    m_window->resize(640, 600);
    for (int column = 0; column < CatalogModel::ColumnCount; ++column)
        table->setColumnHidden(column, false);
    QTRY_VERIFY(table->horizontalScrollBar()->maximum() > 0);
    table->horizontalScrollBar()->setValue(table->horizontalScrollBar()->maximum());
    QTRY_VERIFY(frozen->isVisible());
    QCOMPARE(frozen->width(), table->columnWidth(CatalogModel::EndpointColumn));
    QCOMPARE(frozen->model(), table->model());
    QCOMPARE(frozen->selectionModel(), table->selectionModel());
    for (int column = 0; column < CatalogModel::ColumnCount; ++column)
        QCOMPARE(frozen->isColumnHidden(column), column != CatalogModel::EndpointColumn);
    // The endpoint column is scrolled out of the table, but drawn by the frozen view.
    QVERIFY(table->columnViewportPosition(CatalogModel::EndpointColumn) < 0);
    QVERIFY(frozen->visualRect(frozen->model()->index(0, CatalogModel::EndpointColumn)).isValid());
    // Scrolling down moves both.
    m_window->filterBar()->setShowExpired(true);
    table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
    QCOMPARE(frozen->verticalScrollBar()->value(), table->verticalScrollBar()->value());
    // Selecting in the frozen column selects the row of the table.
    const QModelIndex first = frozen->model()->index(0, CatalogModel::EndpointColumn);
    frozen->scrollTo(first);
    QTest::mouseClick(frozen->viewport(), Qt::LeftButton, Qt::NoModifier, frozen->visualRect(first).center());
    QCOMPARE(table->selectionModel()->selectedRows().value(0).row(), 0);
    // Back at the left edge, or with another column first, nothing is drawn over the table.
    table->horizontalScrollBar()->setValue(0);
    QTRY_VERIFY(!frozen->isVisible());
    table->horizontalScrollBar()->setValue(table->horizontalScrollBar()->maximum());
    QTRY_VERIFY(frozen->isVisible());
    table->horizontalHeader()->moveSection(0, 2);
    QTRY_VERIFY(!frozen->isVisible());
}

void TestExplorerWindow::roleViewIsOneClick()
{
    QAbstractButton *relay = m_window->filterBar()->roleButton(QStringLiteral("relay"));
    QVERIFY(relay);
    QCOMPARE(relay->text(), QStringLiteral("Relay"));
    QTest::mouseClick(relay, Qt::LeftButton);
    QVERIFY(relay->isChecked());
    QCOMPARE(m_window->filterModel()->role(), QStringLiteral("relay"));
    QCOMPARE(shownFlowIds(m_window->filterModel()),
             (QStringList{"relay-in", "relay-local", "update", "web"}));

    QAbstractButton *all = m_window->filterBar()->roleButton(QString());
    QVERIFY(all);
    QTest::mouseClick(all, Qt::LeftButton);
    QCOMPARE(m_window->filterModel()->rowCount(), 7);
    QVERIFY(!relay->isChecked());
    // Only components marked as roles get a button.
    QVERIFY(!m_window->filterBar()->roleButton(QStringLiteral("dns-server")));
}

namespace {
QStringList chipKeys(MainWindow *window)
{
    QStringList keys;
    for (const FilterChips::Chip &chip : window->filterBar()->chips()->chips())
        keys.append(chip.key);
    return keys;
}
} // namespace

void TestExplorerWindow::lookupShowsChangedFiltersAndBackRestores()
{
    FilterChips *chips = m_window->filterBar()->chips();
    QVERIFY(chips->isHidden()); // nothing set
    QVERIFY(!m_window->backAction()->isEnabled());
    QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("Name service"));
    QTest::mouseClick(m_window->filterBar()->roleButton(QStringLiteral("agent")), Qt::LeftButton);
    QCOMPARE(chipKeys(m_window.get()), (QStringList{"search", "role"}));
    QVERIFY(!chips->isHidden());
    QCOMPARE(chips->chipButton(QStringLiteral("role"))->text(), QStringLiteral("Role: Agent ✕"));
    QCOMPARE(m_window->filterModel()->rowCount(), 1);

    // A lookup of an expired address relaxes the filters and shows the expired rows: visibly.
    m_window->lookupBar()->lookup(QStringLiteral("127.0.0.10"));
    QCOMPARE(chipKeys(m_window.get()), QStringList{"showExpired"});
    QCOMPARE(chips->chipButton(QStringLiteral("showExpired"))->text(), QStringLiteral("Expired shown ✕"));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Alt+Left")));
    QVERIFY(m_window->backAction()->isEnabled());

    // Alt+Left restores the search, the role and "show expired" as they were.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->tableView()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(m_window->filterBar()->searchField()->text(), QStringLiteral("Name service"));
    QCOMPARE(m_window->filterModel()->role(), QStringLiteral("agent"));
    QVERIFY(m_window->filterBar()->roleButton(QStringLiteral("agent"))->isChecked());
    QVERIFY(!m_window->filterBar()->showExpiredBox()->isChecked());
    QCOMPARE(m_window->filterModel()->rowCount(), 1);
    QCOMPARE(chipKeys(m_window.get()), (QStringList{"search", "role"}));
    QVERIFY(!m_window->backAction()->isEnabled());
}

void TestExplorerWindow::diagramFilterIsAChip()
{
    DiagramScene *scene = m_window->diagram()->view()->diagramScene();
    emit scene->flowsActivated({QStringLiteral("web"), QStringLiteral("update")});
    QCOMPARE(chipKeys(m_window.get()), QStringList{"flows"});
    QToolButton *chip = m_window->filterBar()->chips()->chipButton(QStringLiteral("flows"));
    QVERIFY(chip);
    QVERIFY(chip->text().startsWith(QStringLiteral("From the diagram: 2 flows")));
    QVERIFY(chip->accessibleName().startsWith(QStringLiteral("Remove filter: ")));
    QCOMPARE(m_window->filterModel()->rowCount(), 4);
    QTest::mouseClick(chip, Qt::LeftButton);
    QCOMPARE(m_window->filterModel()->flowIds(), QSet<QString>());
    QCOMPARE(m_window->filterModel()->rowCount(), 7);
    QVERIFY(m_window->filterBar()->chips()->isHidden());
    // Back returns to the diagram's restriction's predecessor: nothing set.
    emit scene->flowsActivated({QStringLiteral("dns")});
    QCOMPARE(m_window->filterModel()->rowCount(), 1);
    m_window->goBack();
    QCOMPARE(m_window->filterModel()->rowCount(), 7);
}

void TestExplorerWindow::relatedLinkChangesFiltersVisibly()
{
    QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("svc.local"));
    QCOMPARE(shownFlowIds(m_window->filterModel()), QStringList{"web"});
    emit m_window->detailsPane()->flowActivated(QStringLiteral("update"));
    QCOMPARE(m_window->selectedFlowIds(), QSet<QString>{QStringLiteral("update")});
    QVERIFY(m_window->filterBar()->searchField()->text().isEmpty());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Alt+Left")));
    m_window->backAction()->trigger();
    QCOMPARE(m_window->filterBar()->searchField()->text(), QStringLiteral("svc.local"));
    QCOMPARE(shownFlowIds(m_window->filterModel()), QStringList{"web"});
    // A link to a row already shown changes nothing and adds nothing to go back to.
    m_window->filterBar()->searchField()->clear();
    emit m_window->detailsPane()->flowActivated(QStringLiteral("web"));
    QVERIFY(!m_window->backAction()->isEnabled());
}

void TestExplorerWindow::chipsRemoveTheirFilter()
{
    FilterBar *bar = m_window->filterBar();
    bar->directionBox()->setCurrentIndex(bar->directionBox()->findData(int(Direction::Outbound)));
    bar->portBox()->setCurrentIndex(bar->portBox()->findData(443));
    QTest::mouseClick(bar->requiredOnlyBox(), Qt::LeftButton);
    QCOMPARE(chipKeys(m_window.get()), (QStringList{"direction", "port", "requiredOnly"}));
    QCOMPARE(bar->chips()->chipButton(QStringLiteral("port"))->text(), QStringLiteral("Port 443 ✕"));
    QTest::mouseClick(bar->chips()->chipButton(QStringLiteral("port")), Qt::LeftButton);
    QCOMPARE(bar->portBox()->currentIndex(), 0);
    QCOMPARE(chipKeys(m_window.get()), (QStringList{"direction", "requiredOnly"}));
    QTest::mouseClick(bar->chips()->chipButton(QStringLiteral("requiredOnly")), Qt::LeftButton);
    QVERIFY(!bar->requiredOnlyBox()->isChecked());
    QTest::mouseClick(bar->chips()->chipButton(QStringLiteral("direction")), Qt::LeftButton);
    QCOMPARE(bar->directionBox()->currentIndex(), 0);
    QVERIFY(bar->chips()->isHidden());
    QCOMPARE(m_window->filterModel()->rowCount(), 7);
}

void TestExplorerWindow::lookupOfExpiredIsNotRemembered()
{
    m_window->lookupBar()->lookup(QStringLiteral("127.0.0.10"));
    QVERIFY(m_window->filterBar()->showExpiredBox()->isChecked());
    m_window->close();
    QCOMPARE(QSettings().value(QStringLiteral("table/showExpired")).toBool(), false);
    MainWindow second(m_store.get());
    second.readSettings();
    QVERIFY(!second.filterBar()->showExpiredBox()->isChecked());
    // The user's own choice is remembered, also when a lookup changed it meanwhile.
    second.filterBar()->showExpiredBox()->click();
    second.lookupBar()->lookup(QStringLiteral("127.0.0.10"));
    second.close();
    QCOMPARE(QSettings().value(QStringLiteral("table/showExpired")).toBool(), true);
}

void TestExplorerWindow::emptyResultSaysWhy()
{
    QLabel *empty = m_window->emptyResultLabel();
    QVERIFY(empty->isHidden());
    // Only expired rows match: the label says how many are hidden and offers to show them.
    QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("127.0."));
    QCOMPARE(m_window->filterModel()->rowCount(), 0);
    QVERIFY(!empty->isHidden());
    QVERIFY2(empty->text().contains(QStringLiteral("2 expired rows are hidden")), qPrintable(empty->text()));
    QVERIFY(empty->text().contains(QStringLiteral("href=\"show-expired\"")));
    emit empty->linkActivated(QStringLiteral("show-expired"));
    QVERIFY(m_window->filterBar()->showExpiredBox()->isChecked());
    QCOMPARE(m_window->filterModel()->rowCount(), 2);
    QVERIFY(empty->isHidden());
    // Nothing at all matches: the filters are the reason.
    QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("no-such-thing"));
    QVERIFY(!empty->isHidden());
    QVERIFY2(empty->text().contains(QStringLiteral("clear the filters")), qPrintable(empty->text()));
    emit empty->linkActivated(QStringLiteral("clear-filters"));
    QVERIFY(m_window->filterBar()->searchField()->text().isEmpty());
    QVERIFY(empty->isHidden());
}

void TestExplorerWindow::lookupSelectsRows_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("rows");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("expired");
    QTest::addRow("exact host") << "svc.localhost" << QStringList{"web#svc.localhost"}
                                << "is listed as svc.localhost" << false;
    QTest::addRow("wildcard") << "a.b.wild.localhost" << QStringList{"web#*.wild.localhost"}
                              << "matches *.wild.localhost" << false;
    QTest::addRow("url") << "https://api.localhost/api/v1/x" << QStringList{"web#https://api.localhost/api"}
                         << "is covered by https://api.localhost/api" << false;
    QTest::addRow("host with port") << "update.localhost:80" << QStringList{"update#update.localhost"}
                                    << "update.localhost" << false;
    QTest::addRow("inside subnet (expired)")
            << "127.0.1.5" << QStringList{"static#127.0.1.0/27"} << "inside 127.0.1.0/27" << true;
    QTest::addRow("exact address (expired)")
            << "127.0.0.10" << QStringList{"static#127.0.0.10"} << "is listed as 127.0.0.10" << true;
}

void TestExplorerWindow::lookupSelectsRows()
{
    QFETCH(QString, value);
    QFETCH(QStringList, rows);
    QFETCH(QString, reason);
    QFETCH(bool, expired);
    // A search that hides the match is relaxed so that the match can be shown.
    QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("Name service"));
    QCOMPARE(m_window->filterModel()->rowCount(), 1);

    LookupBar *lookup = m_window->lookupBar();
    QSignalSpy spy(lookup, &LookupBar::matched);
    QTest::keyClicks(lookup->field(), value);
    QTest::keyClick(lookup->field(), Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QItemSelectionModel *selection = m_window->tableView()->selectionModel();
    QCOMPARE(rowIdsOf(selection->selectedRows()), rows);
    QVERIFY2(lookup->resultText().contains(reason), qPrintable(lookup->resultText()));
    QCOMPARE(m_window->filterBar()->showExpiredBox()->isChecked(), expired);
    // The details pane follows the selection.
    QCOMPARE(m_window->detailsPane()->row().flow,
             m_window->catalogModel()->catalog().flowIndex(rows.first().section(QLatin1Char('#'), 0, 0)));
}

void TestExplorerWindow::lookupNotInCatalog_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::addRow("address") << "127.0.2.1"
                             << "127.0.2.1 is not in the catalog.";
    QTest::addRow("wildcard base is not covered") << "wild.localhost"
                                                  << "wild.localhost is not in the catalog.";
    QTest::addRow("other url") << "https://other.localhost/"
                               << "https://other.localhost/ is not in the catalog.";
    QTest::addRow("garbage") << "not a host!"
                             << "\"not a host!\" is not an IP address, host name or URL.";
}

void TestExplorerWindow::lookupNotInCatalog()
{
    QFETCH(QString, value);
    QFETCH(QString, message);
    m_window->selectFlow(QStringLiteral("dns"));
    QCOMPARE(m_window->tableView()->selectionModel()->selectedRows().size(), 1);
    m_window->lookupBar()->lookup(value);
    QCOMPARE(m_window->lookupBar()->resultText(), message);
    QVERIFY(m_window->tableView()->selectionModel()->selectedRows().isEmpty());
}

void TestExplorerWindow::languageSwitchChangesCellsAndBack()
{
    QAbstractItemModel *proxy = m_window->filterModel();
    m_window->selectFlow(QStringLiteral("dns"));
    const QModelIndex service =
            m_window->tableView()->selectionModel()->selectedRows(CatalogModel::ServiceColumn).value(0);
    QCOMPARE(service.data().toString(), QStringLiteral("Name service"));
    QSignalSpy headerSpy(proxy, &QAbstractItemModel::headerDataChanged);

    QMenu *languageMenu = menuNamed(m_window.get(), QStringLiteral("languageMenu"));
    QVERIFY(languageMenu);
    QAction *japanese = languageMenu->actions().value(1);
    QVERIFY(japanese);
    QCOMPARE(japanese->text(), QStringLiteral("日本語"));
    japanese->trigger();

    QCOMPARE(m_window->language(), Language::Japanese);
    QCOMPARE(Translations::current(), Language::Japanese);
    QVERIFY(headerSpy.count() >= 1);
    // The selection survives the switch (no model reset).
    const QModelIndex jaService =
            m_window->tableView()->selectionModel()->selectedRows(CatalogModel::ServiceColumn).value(0);
    QCOMPARE(jaService.data().toString(), QStringLiteral("名前サービス"));
    QCOMPARE(m_window->tableView()->selectionModel()->selectedRows().size(), 1);
    QCOMPARE(m_window->filterBar()->roleButton(QStringLiteral("agent"))->text(),
             QStringLiteral("エージェント"));
    QVERIFY(m_window->detailsPane()->browser()->toPlainText().contains(
            QStringLiteral("リゾルバの設定で変更します。")));
    // UI strings come from the installed translation.
    QCOMPARE(proxy->headerData(CatalogModel::ServiceColumn, Qt::Horizontal).toString(),
             QCoreApplication::translate("CatalogModel", "Service"));
    QCOMPARE(menuNamed(m_window.get(), QStringLiteral("fileMenu"))->title(),
             QCoreApplication::translate("MainWindow", "&File"));

    languageMenu->actions().value(0)->trigger();
    QCOMPARE(m_window->language(), Language::English);
    QCOMPARE(jaService.data().toString(), QStringLiteral("Name service"));
    QCOMPARE(proxy->headerData(CatalogModel::ServiceColumn, Qt::Horizontal).toString(),
             QStringLiteral("Service"));
    QCOMPARE(menuNamed(m_window.get(), QStringLiteral("fileMenu"))->title(), QStringLiteral("&File"));
    QCOMPARE(m_window->filterBar()->roleButton(QStringLiteral("agent"))->text(), QStringLiteral("Agent"));
}

void TestExplorerWindow::languageSwitchRetranslatesWidgets()
{
    // Whatever the .ts holds, every widget must pick up the installed translator's strings.
    MarkingTranslator marking;
    QVERIFY(QCoreApplication::installTranslator(&marking));
    QMenu *fileMenu = menuNamed(m_window.get(), QStringLiteral("fileMenu"));
    QTRY_COMPARE(fileMenu->title(), Mark + QStringLiteral("&File"));
    QCOMPARE(fileMenu->actions().first()->text(), Mark + QStringLiteral("&Open catalog…"));
    QCOMPARE(m_window->tabs()->tabText(0), Mark + QStringLiteral("Requirements"));
    QCOMPARE(m_window->filterBar()->requiredOnlyBox()->text(), Mark + QStringLiteral("Required only"));
    QCOMPARE(m_window->filterBar()->directionBox()->itemText(0), Mark + QStringLiteral("All directions"));
    QCOMPARE(m_window->filterBar()->roleButton(QString())->text(), Mark + QStringLiteral("All roles"));
    QVERIFY(m_window->statusText().startsWith(Mark + QStringLiteral("showing")));
    QCOMPARE(m_window->filterModel()->headerData(CatalogModel::DirectionColumn, Qt::Horizontal).toString(),
             Mark + QStringLiteral("Direction"));
    QCOMPARE(m_window->filterModel()->index(0, CatalogModel::RequirementColumn).data().toString(),
             Mark + QStringLiteral("Required"));
    QCOMPARE(m_window->filterBar()->featuresButton()->text(), Mark + QStringLiteral("All features"));
    QCOMPARE(m_window->filterBar()->agentVersionBox()->itemText(0), Mark + QStringLiteral("Any version"));
    QVERIFY(QCoreApplication::removeTranslator(&marking));
    QTRY_COMPARE(fileMenu->title(), QStringLiteral("&File"));
    QCOMPARE(m_window->filterBar()->requiredOnlyBox()->text(), QStringLiteral("Required only"));
}

void TestExplorerWindow::languageChoiceIsRemembered()
{
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QString());
    QCOMPARE(MainWindow::savedLanguage(), systemLanguage());
    menuNamed(m_window.get(), QStringLiteral("languageMenu"))->actions().value(1)->trigger();
    QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("ja"));
    QCOMPARE(MainWindow::savedLanguage(), Language::Japanese);
    menuNamed(m_window.get(), QStringLiteral("languageMenu"))->actions().value(0)->trigger();
    QCOMPARE(MainWindow::savedLanguage(), Language::English);
}

void TestExplorerWindow::ctrlCCopiesSelectedRows()
{
    QApplication::clipboard()->clear();
    CatalogTableView *table = m_window->tableView();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    table->setFocus();
    m_window->selectSourceRows(m_window->catalogModel()->rowsForFlow(QStringLiteral("dns"))
                               + m_window->catalogModel()->rowsForFlow(QStringLiteral("update")));
    QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
    QTest::keySequence(table, QKeySequence::Copy);
    // A header line first, so that the paste says what each column is.
    const QString expected = QStringLiteral(
            "Endpoint\tPorts\tDirection\tRequirement\tService\tFeatures\tOn the page\tValidity\n"
            "DNS server (in your network)\t53/UDP (DNS), 53/TCP (DNS)\tAgent → DNS server\tRequired\t"
            "Name service\t\tAgent ports\t\n"
            "update.localhost\t80/TCP (HTTP)\tRelay → Cloud service\tOptional\tUpdate service\t"
            "Smart Feedback\tService URLs\t\n");
    QCOMPARE(QApplication::clipboard()->text(), expected);

    // Columns follow the view: hidden ones are left out, moved ones keep their place.
    QHeaderView *header = table->horizontalHeader();
    header->moveSection(header->visualIndex(CatalogModel::PortsColumn), 0);
    for (int column = 0; column < CatalogModel::ColumnCount; ++column)
        table->setColumnHidden(column,
                               column != CatalogModel::PortsColumn && column != CatalogModel::EndpointColumn);
    QTest::keySequence(table, QKeySequence::Copy);
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("Ports\tEndpoint\n"
                            "53/UDP (DNS), 53/TCP (DNS)\tDNS server (in your network)\n"
                            "80/TCP (HTTP)\tupdate.localhost\n"));
}

void TestExplorerWindow::copyCurrentCell()
{
    QApplication::clipboard()->clear();
    CatalogTableView *table = m_window->tableView();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    table->setFocus();
    m_window->selectFlow(QStringLiteral("update"));
    const QModelIndex row = table->selectionModel()->selectedRows().value(0);
    table->selectionModel()->setCurrentIndex(row.siblingAtColumn(CatalogModel::PortsColumn),
                                             QItemSelectionModel::NoUpdate);
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("80/TCP (HTTP)"));
}

void TestExplorerWindow::rowContextMenu()
{
    CatalogTableView *table = m_window->tableView();
    m_window->selectFlow(QStringLiteral("update"));
    std::unique_ptr<QMenu> menu(table->createContextMenu());
    QStringList names;
    for (QAction *action : menu->actions()) {
        if (!action->isSeparator())
            names.append(action->objectName());
    }
    QCOMPARE(names,
             (QStringList{"copyRows", "copyCell", "copyCsv", "copyMarkdown", "lookUpEndpoint",
                          "showInDiagram", "exportSelectedRules"}));
    const auto action = [&menu](const QString &name) { return menu->findChild<QAction *>(name); };

    action(QStringLiteral("copyCsv"))->trigger();
    QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("Endpoint,Ports,")));
    QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("update.localhost,80/TCP (HTTP),")));
    action(QStringLiteral("copyMarkdown"))->trigger();
    QVERIFY(QApplication::clipboard()->text().startsWith(QStringLiteral("| Endpoint | Ports |")));
    QVERIFY(QApplication::clipboard()->text().contains(
            QStringLiteral("| update.localhost | 80/TCP (HTTP) |")));

    QCOMPARE(action(QStringLiteral("lookUpEndpoint"))->text(), QStringLiteral("&Look up update.localhost"));
    action(QStringLiteral("lookUpEndpoint"))->trigger();
    QCOMPARE(m_window->lookupBar()->field()->text(), QStringLiteral("update.localhost"));
    QVERIFY(m_window->lookupBar()->resultText().contains(QStringLiteral("update.localhost")));

    action(QStringLiteral("showInDiagram"))->trigger();
    QCOMPARE(m_window->tabs()->currentWidget(), static_cast<QWidget *>(m_window->diagram()));
    QCOMPARE(m_window->diagram()->view()->diagramScene()->state().highlightedFlows,
             QSet<QString>{QStringLiteral("update")});
    m_window->tabs()->setCurrentIndex(0);

    action(QStringLiteral("exportSelectedRules"))->trigger();
    auto *dialog = m_window->findChild<ExportDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->selectedOnlyBox()->isEnabled());
    dialog->close();

    // Without a selection only what needs none is offered.
    table->clearSelection();
    table->selectionModel()->clearCurrentIndex();
    std::unique_ptr<QMenu> empty(table->createContextMenu());
    QVERIFY(!empty->findChild<QAction *>(QStringLiteral("copyRows"))->isEnabled());
    QVERIFY(!empty->findChild<QAction *>(QStringLiteral("lookUpEndpoint"))->isEnabled());
    QVERIFY(!empty->findChild<QAction *>(QStringLiteral("exportSelectedRules"))->isEnabled());
}

void TestExplorerWindow::detailsPaneClearsWithoutSelection()
{
    DetailsPane *details = m_window->detailsPane();
    const auto shows = [details] { return details->row().flow >= 0; };
    m_window->selectFlow(QStringLiteral("dns"));
    QVERIFY(shows());
    // Ctrl+click off the only selected row: nothing selected, nothing shown.
    m_window->tableView()->clearSelection();
    QVERIFY(!shows());
    QVERIFY(details->browser()->toPlainText().contains(QLatin1String("Select a row")));
    m_window->selectFlow(QStringLiteral("dns"));
    QVERIFY(shows());
    // A search that hides the row clears the pane too; the copy action has nothing to copy.
    m_window->filterBar()->searchField()->setText(QStringLiteral("no-such-thing"));
    m_window->filterBar()->applySearchNow();
    QVERIFY(!shows());
    QVERIFY(details->browser()->toPlainText().contains(QLatin1String("Select a row")));
}

void TestExplorerWindow::detailsPaneShowsEverything()
{
    DetailsPane *details = m_window->detailsPane();
    QVERIFY(!details->copyButton()->isEnabled());
    m_window->selectFlow(QStringLiteral("relay-in"));
    const QString text = details->browser()->toPlainText();
    for (const QString &expected :
         {QStringLiteral("Relay port"), QStringLiteral("4122/TCP (HTTPS)"),
          QStringLiteral("Only with manager-initiated communication."), QStringLiteral("Usually closed."),
          QStringLiteral("The cloud reaches the relay."), QStringLiteral("Conditional"),
          QStringLiteral("Cloud service → Relay"), QStringLiteral("Manager-initiated communication"),
          QStringLiteral("Relay ports: Relay port")})
        QVERIFY2(text.contains(expected), qPrintable(expected));
    QVERIFY(details->copyButton()->isEnabled());
    QApplication::clipboard()->clear();
    QTest::mouseClick(details->copyButton(), Qt::LeftButton);
    QVERIFY(QApplication::clipboard()->text().contains(
            QStringLiteral("Condition: Only with manager-initiated")));

    m_window->selectFlow(QStringLiteral("dns"));
    QVERIFY(details->browser()->toPlainText().contains(QStringLiteral("Set in the resolver settings.")));

    m_window->filterBar()->setShowExpired(true);
    m_window->selectFlow(QStringLiteral("static"));
    const QString validity = details->browser()->toPlainText();
    QVERIFY(validity.contains(QStringLiteral("expired 2022-12-31")));
    QVERIFY(validity.contains(QStringLiteral("Old accounts")));
    QVERIFY(validity.contains(QStringLiteral("Look at the account.")));
    QVERIFY(validity.contains(QStringLiteral("Expired")));

    m_window->selectFlow(QStringLiteral("update"));
    const QString update = details->browser()->toPlainText();
    QVERIFY2(update.contains(QStringLiteral("Smart Feedback")), qPrintable(update));
    QVERIFY(update.contains(QStringLiteral("20.0 and later")));
}

void TestExplorerWindow::relatedFlowLinkSelectsIt()
{
    m_window->selectFlow(QStringLiteral("web"));
    QTextBrowser *browser = m_window->detailsPane()->browser();
    QVERIFY(browser->toHtml().contains(QStringLiteral("flow:update")));
    QVERIFY(browser->toHtml().contains(QStringLiteral("flow:static")));
    QVERIFY(!browser->toHtml().contains(QStringLiteral("flow:dns")));
    emit browser->anchorClicked(QUrl(QStringLiteral("flow:update")));
    QCOMPARE(rowIdsOf(m_window->tableView()->selectionModel()->selectedRows()),
             QStringList{QStringLiteral("update#update.localhost")});
}

void TestExplorerWindow::exportView_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("firstLine");
    QTest::addColumn<QString>("dnsLine");
    QTest::addRow("csv")
            << "view.csv"
            << "Endpoint,Ports,Direction,Requirement,Service,Features,On the page,Validity"
            << "DNS server (in your network),\"53/UDP (DNS), 53/TCP (DNS)\",Agent → DNS server,Required,"
               "Name service,,Agent ports,";
    QTest::addRow("markdown")
            << "view.md"
            << "| Endpoint | Ports | Direction | Requirement | Service | Features | On the page | Validity |"
            << "| DNS server (in your network) | 53/UDP (DNS), 53/TCP (DNS) | Agent → DNS server | "
               "Required | Name service |  | Agent ports |  |";
}

void TestExplorerWindow::exportView()
{
    QFETCH(QString, fileName);
    QFETCH(QString, firstLine);
    QFETCH(QString, dnsLine);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    m_window->filterBar()->requirementBox()->setCurrentIndex(
            m_window->filterBar()->requirementBox()->findData(int(Requirement::Required)));
    const QString path = dir.filePath(fileName);
    const auto error = m_window->exportView(path);
    QVERIFY2(!error, qPrintable(error.value_or(QString())));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll())
                                      .split(QRegularExpression(QStringLiteral("\r?\n")), Qt::SkipEmptyParts);
    QCOMPARE(lines.value(0), firstLine);
    QVERIFY2(lines.contains(dnsLine), qPrintable(lines.join(QLatin1Char('\n'))));
    const int header = fileName.endsWith(QLatin1String(".md")) ? 2 : 1;
    QCOMPARE(lines.size(), header + m_window->filterModel()->rowCount()); // the view, not the catalog

    // CSV for Excel: the same bytes after a UTF-8 byte order mark; Markdown never has one.
    const QString excel = dir.filePath(QStringLiteral("excel-") + fileName);
    QVERIFY(!m_window->exportView(excel, true));
    QFile excelFile(excel);
    QVERIFY(excelFile.open(QIODevice::ReadOnly));
    file.seek(0);
    const QByteArray plain = file.readAll();
    const QByteArray bom("\xEF\xBB\xBF");
    QVERIFY(!plain.startsWith(bom));
    QCOMPARE(excelFile.readAll(), fileName.endsWith(QLatin1String(".md")) ? plain : bom + plain);

    // A file that cannot be written gives an error and leaves nothing behind.
    const auto failed = m_window->exportView(dir.filePath(QStringLiteral("missing/dir/") + fileName));
    QVERIFY(failed.has_value());
    QVERIFY(failed->contains(QStringLiteral("missing")));
}

void TestExplorerWindow::fileDialogsShareFolderAndCsvChoice()
{
    // One last folder for every open and save dialog; a folder that is gone falls back to home.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    FileDialogs::rememberFolder(dir.filePath(QStringLiteral("view.csv")));
    QCOMPARE(FileDialogs::lastFolder(), dir.path());
    QCOMPARE(FileDialogs::inLastFolder(QStringLiteral("x.json")), dir.filePath(QStringLiteral("x.json")));
    FileDialogs::rememberFolder(dir.filePath(QStringLiteral("gone/view.csv")));
    QCOMPARE(FileDialogs::lastFolder(), QDir::homePath());
    // CSV for Excel first in Japanese, plain first in English, until the user picks one.
    QCOMPARE(FileDialogs::preferredCsvFilter(Language::Japanese), FileDialogs::csvForExcelFilter());
    QCOMPARE(FileDialogs::preferredCsvFilter(Language::English), FileDialogs::csvPlainFilter());
    QVERIFY(FileDialogs::csvForExcelFilter().contains(QLatin1String("byte order mark")));
    FileDialogs::rememberCsvFilter(FileDialogs::csvPlainFilter());
    QCOMPARE(FileDialogs::preferredCsvFilter(Language::Japanese), FileDialogs::csvPlainFilter());
    FileDialogs::rememberCsvFilter(QStringLiteral("Markdown (*.md)")); // not a CSV choice
    QCOMPARE(FileDialogs::preferredCsvFilter(Language::Japanese), FileDialogs::csvPlainFilter());
    FileDialogs::rememberCsvFilter(FileDialogs::csvForExcelFilter());
    QCOMPARE(FileDialogs::preferredCsvFilter(Language::English), FileDialogs::csvForExcelFilter());
}

void TestExplorerWindow::statusBelongsToTab()
{
    QTabWidget *tabs = m_window->tabs();
    QCOMPARE(m_window->statusText(), QStringLiteral("showing 7 of 9"));
    tabs->setCurrentWidget(m_window->diagram());
    QVERIFY2(m_window->statusText().contains(QLatin1String("connections")),
             qPrintable(m_window->statusText()));
    QVERIFY(!m_window->statusText().contains(QLatin1String("showing")));
    tabs->setCurrentWidget(m_window->testerPanel());
    QVERIFY2(m_window->statusText().startsWith(QLatin1String("Not run yet")),
             qPrintable(m_window->statusText()));
    tabs->setCurrentWidget(m_window->triageView());
    QVERIFY2(m_window->statusText().startsWith(QLatin1String("No log open")),
             qPrintable(m_window->statusText()));
    // The table's count again, and it follows the filters only there.
    tabs->setCurrentWidget(m_window->tabs()->widget(0));
    QCOMPARE(m_window->statusText(), QStringLiteral("showing 7 of 9"));
    m_window->setLanguage(Language::Japanese);
    tabs->setCurrentWidget(m_window->diagram());
    QVERIFY2(!m_window->statusText().contains(QLatin1String("connections")),
             qPrintable(m_window->statusText()));
}

void TestExplorerWindow::badCatalogLeavesWindowUnchanged_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("located");
    QTest::addRow("syntax") << "bad-syntax.json"
                            << "bad-syntax.json:11:4:";
    QTest::addRow("unknown field") << "bad-field.json"
                                   << "bad-field.json:244:17: $.flows[1].colour";
    QTest::addRow("dangling reference") << "bad-reference.json"
                                        << "bad-reference.json:243:19: $.flows[1].listener";
    QTest::addRow("missing file") << "no-such-file.json"
                                  << "no-such-file.json";
}

void TestExplorerWindow::badCatalogLeavesWindowUnchanged()
{
    QFETCH(QString, fileName);
    QFETCH(QString, located);
    m_window->selectFlow(QStringLiteral("web"));
    QTest::keyClicks(m_window->filterBar()->searchField(), QStringLiteral("heartbeat"));
    const QString title = m_window->windowTitle();
    const QString status = m_window->statusText();
    const int rows = m_window->catalogModel()->rowCount();
    const QString storeFile = m_store->fileName();
    QSignalSpy resetSpy(m_window->catalogModel(), &QAbstractItemModel::modelReset);

    QVERIFY(!m_window->openCatalog(QStringLiteral(PORTOLAN_TEST_DATA "/gui/") + fileName));

    QMessageBox *box = m_window->errorBox();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->informativeText().contains(located), qPrintable(box->informativeText()));
    QCOMPARE(resetSpy.count(), 0);
    QCOMPARE(m_window->catalogModel()->rowCount(), rows);
    QCOMPARE(m_store->fileName(), storeFile);
    QCOMPARE(m_window->windowTitle(), title);
    QCOMPARE(m_window->statusText(), status);
    QCOMPARE(m_window->filterBar()->searchField()->text(), QStringLiteral("heartbeat"));
    QCOMPARE(m_window->tableView()->selectionModel()->selectedRows().size(), 3);
    box->close();
}

void TestExplorerWindow::goodCatalogReplacesRows()
{
    QVERIFY(m_window->openCatalog(QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json")));
    QVERIFY(!m_window->errorBox());
    QCOMPARE(m_window->catalogModel()->rowCount(), m_window->catalogModel()->catalog().rows().size());
    QCOMPARE(m_window->windowTitle(), QStringLiteral("minimal.json — Portolan"));
    QCOMPARE(m_window->filterBar()->roleButton(QStringLiteral("relay")), nullptr);
    QVERIFY(m_window->filterBar()->roleButton(QStringLiteral("cloud")));
}

void TestExplorerWindow::builtinCatalogPortsSortNumerically()
{
    QVERIFY(!m_store->loadBuiltin());
    CatalogTableView *table = m_window->tableView();
    table->sortByColumn(CatalogModel::PortsColumn, Qt::AscendingOrder);
    QAbstractItemModel *proxy = m_window->filterModel();
    int previous = 0;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const int port = proxy->index(row, CatalogModel::PortsColumn)
                                 .data(CatalogModel::PortsRole)
                                 .toList()
                                 .first()
                                 .toInt();
        QVERIFY2(port >= previous,
                 qPrintable(QStringLiteral("row %1: %2 after %3").arg(row).arg(port).arg(previous)));
        previous = port;
    }
    // 443 comes before 4118 (a text sort would put "4118" first).
    const auto firstPort = [proxy](int row) {
        return proxy->index(row, CatalogModel::PortsColumn)
                .data(CatalogModel::PortsRole)
                .toList()
                .first()
                .toInt();
    };
    QCOMPARE(firstPort(0), 53);
    QVERIFY(firstPort(proxy->rowCount() - 1) > 4118);
}

void TestExplorerWindow::builtinCatalogRoles()
{
    QVERIFY(!m_store->loadBuiltin());
    QStringList roles;
    for (const QString &id :
         {QStringLiteral("agent"), QStringLiteral("relay"), QStringLiteral("dcg"), QStringLiteral("admin"),
          QStringLiteral("api-client"), QStringLiteral("workload-security")}) {
        QAbstractButton *button = m_window->filterBar()->roleButton(id);
        QVERIFY2(button, qPrintable(id));
        roles.append(button->text());
    }
    QCOMPARE(roles,
             (QStringList{"Deep Security Agent", "Deep Security Relay", "Data Center Gateway",
                          "Administrator's computer", "API client", "Workload Security"}));
    QTest::mouseClick(m_window->filterBar()->roleButton(QStringLiteral("agent")), Qt::LeftButton);
    QVERIFY(m_window->filterModel()->rowCount() > 0);
    QVERIFY(m_window->filterModel()->rowCount() < m_window->catalogModel()->rowCount());
    // Expired static addresses are hidden by default in the built-in catalog too.
    m_window->filterBar()->clearFilters();
    m_window->lookupBar()->lookup(QStringLiteral("34.205.5.1"));
    QVERIFY2(m_window->lookupBar()->resultText().contains(QStringLiteral("inside 34.205.5.0/27")),
             qPrintable(m_window->lookupBar()->resultText()));
    const QModelIndexList selected = m_window->tableView()->selectionModel()->selectedRows();
    QVERIFY(!selected.isEmpty());
    for (const QModelIndex &index : selected)
        QCOMPARE(index.data(CatalogModel::EndpointRole).toString(), QStringLiteral("34.205.5.0/27"));
}

void TestExplorerWindow::settingsRoundTrip()
{
    m_window->tableView()->sortByColumn(CatalogModel::PortsColumn, Qt::DescendingOrder);
    m_window->tableView()->setColumnWidth(CatalogModel::ServiceColumn, 321);
    m_window->filterBar()->setShowExpired(true);
    m_window->close(); // writes the settings
    QVERIFY(QSettings().contains(QStringLiteral("table/flowHeader")));

    MainWindow second(m_store.get());
    QHeaderView *header = second.tableView()->horizontalHeader();
    QCOMPARE(header->sortIndicatorSection(), -1);
    second.readSettings();
    QCOMPARE(header->sortIndicatorSection(), int(CatalogModel::PortsColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    QCOMPARE(header->sectionSize(CatalogModel::ServiceColumn), 321);
    QVERIFY(second.filterBar()->showExpiredBox()->isChecked());
}

void TestExplorerWindow::shortcutsFocusFields()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->tableView()->setFocus();
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_F));
    QTRY_VERIFY(m_window->filterBar()->searchField()->hasFocus());
    QTest::keySequence(m_window.get(), QKeySequence(Qt::CTRL | Qt::Key_L));
    QTRY_VERIFY(m_window->lookupBar()->field()->hasFocus());
}

void TestExplorerWindow::tabLeavesTable()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    CatalogTableView *table = m_window->tableView();
    QVERIFY(!table->tabKeyNavigation());
    QCOMPARE(table->frozenView()->focusPolicy(), Qt::NoFocus);
    table->setFocus();
    QTRY_VERIFY(table->hasFocus());
    const QModelIndex before = table->currentIndex();
    QTest::keyClick(table, Qt::Key_Tab);
    QTRY_VERIFY(!table->hasFocus());
    QCOMPARE(table->currentIndex(), before); // Tab did not move between cells
    QVERIFY(!table->frozenView()->hasFocus());
}

void TestExplorerWindow::roleButtonsInTabChain()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QAbstractButton *all = m_window->filterBar()->roleButton(QString());
    QAbstractButton *agent = m_window->filterBar()->roleButton(QStringLiteral("agent"));
    QVERIFY(all->focusPolicy() & Qt::TabFocus);
    QVERIFY(agent->focusPolicy() & Qt::TabFocus);
    // The roles are one stop in the tab chain, before the search field (as a group of radio
    // buttons is); the arrow keys move between them.
    all->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(all->hasFocus());
    QTest::keyClick(all, Qt::Key_Tab);
    QTRY_VERIFY(m_window->filterBar()->searchField()->hasFocus());
    QTest::keyClick(m_window->filterBar()->searchField(), Qt::Key_Backtab, Qt::ShiftModifier);
    QTRY_VERIFY(m_window->filterBar()->roleButton(QStringLiteral("cloud"))->hasFocus() || all->hasFocus());
    all->setFocus(Qt::TabFocusReason);
    QTest::keyClick(all, Qt::Key_Right);
    QTRY_VERIFY(agent->hasFocus());
    QTRY_VERIFY(agent->hasFocus());
    QTest::keyClick(agent, Qt::Key_Space);
    QVERIFY(agent->isChecked());
    QCOMPARE(m_window->filterModel()->role(), QStringLiteral("agent"));
}

void TestExplorerWindow::toolbarIconsVisibleInBothPalettes_data()
{
    QTest::addColumn<bool>("dark");
    QTest::addRow("light") << false;
    QTest::addRow("dark") << true;
}

void TestExplorerWindow::toolbarIconsVisibleInBothPalettes()
{
    // Each icon's glyph against the tool bar's background: at least 3:1 (WCAG, graphics).
    QFETCH(bool, dark);
    AppPalette::apply(dark);
    QApplication::processEvents();
    QList<QAction *> actions = m_window->testToolBar()->actions();
    actions += m_window->diagram()->presentAction();
    actions += m_window->diagram()->exportAction();
    actions += m_window->diagram()->printAction();
    const QColor background = m_window->testToolBar()->palette().color(QPalette::Window);
    for (QAction *action : std::as_const(actions)) {
        const QImage image = action->icon().pixmap(22).toImage();
        QVERIFY2(!image.isNull(), qPrintable(action->objectName()));
        double r = 0, g = 0, b = 0;
        int opaque = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (c.alpha() < 200)
                    continue;
                r += c.redF();
                g += c.greenF();
                b += c.blueF();
                ++opaque;
            }
        }
        QVERIFY2(opaque > 20, qPrintable(action->objectName())); // a glyph, not an empty icon
        const QColor glyph = QColor::fromRgbF(r / opaque, g / opaque, b / opaque);
        const double ratio = CatalogModel::contrastRatio(glyph, background);
        QVERIFY2(ratio >= 3.0, qPrintable(QStringLiteral("%1: %2").arg(action->objectName()).arg(ratio)));
    }
}

void TestExplorerWindow::checkedRoleDoesNotShiftNeighbours_data()
{
    QTest::addColumn<bool>("japanese");
    QTest::addRow("English") << false;
    QTest::addRow("Japanese") << true;
}

void TestExplorerWindow::checkedRoleDoesNotShiftNeighbours()
{
    QFETCH(bool, japanese);
    if (japanese)
        m_window->setLanguage(Language::Japanese);
    FilterBar *bar = m_window->filterBar();
    QList<QAbstractButton *> buttons;
    for (QAbstractButton *b : bar->findChildren<QAbstractButton *>()) {
        if (b->objectName().startsWith(QLatin1String("role-")))
            buttons.append(b);
    }
    QVERIFY(buttons.size() >= 3);
    const auto geometries = [&buttons] {
        QApplication::processEvents(); // the layout
        QList<QRect> rects;
        for (QAbstractButton *b : std::as_const(buttons))
            rects.append(b->geometry());
        return rects;
    };
    const QList<QRect> before = geometries();
    for (QAbstractButton *b : std::as_const(buttons)) {
        b->click();
        QVERIFY(b->isChecked());
        QVERIFY(b->font().bold());
        QCOMPARE(geometries(), before);
    }
}

void TestExplorerWindow::helpPages()
{
    QMenu *help = m_window->helpMenu();
    auto *shortcuts = m_window->findChild<QAction *>(QStringLiteral("shortcutsAction"));
    auto *guide = m_window->findChild<QAction *>(QStringLiteral("guideAction"));
    QVERIFY(shortcuts && guide);
    QVERIFY(help->actions().contains(shortcuts));
    QVERIFY(help->actions().contains(guide));
    QCOMPARE(shortcuts->shortcut(), QKeySequence(Qt::Key_F1));
    shortcuts->trigger();
    auto *dialog = m_window->findChild<HelpDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Keyboard shortcuts"));
    for (const QString &key :
         {QStringLiteral("Ctrl+Shift+C"), QStringLiteral("Alt+Left"), QStringLiteral("Ctrl+L")})
        QVERIFY2(dialog->plainText().contains(key), qPrintable(key));
    guide->trigger();
    QCOMPARE(m_window->findChildren<HelpDialog *>().size(), 1);
    QCOMPARE(dialog->page(), HelpDialog::Page::Guide);
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Guide"));
    QVERIFY(dialog->plainText().contains(QStringLiteral("Look up")));

    // Both pages follow the language at once.
    auto marking = std::make_unique<MarkingTranslator>();
    QCoreApplication::installTranslator(marking.get());
    QTRY_COMPARE(dialog->windowTitle(), Mark + QStringLiteral("Guide"));
    QVERIFY(dialog->plainText().contains(Mark + QStringLiteral("Choose the role")));
    dialog->setPage(HelpDialog::Page::Shortcuts);
    QVERIFY(dialog->plainText().contains(Mark + QStringLiteral("Copy the current cell")));
    QCoreApplication::removeTranslator(marking.get());
    dialog->close();
}

void TestExplorerWindow::everyWidgetHasAccessibleName()
{
    for (Language language : {Language::English, Language::Japanese}) {
        m_window->setLanguage(language);
        const QList<QWidget *> widgets = m_window->findChildren<QWidget *>();
        int checked = 0;
        for (QWidget *widget : widgets) {
            if (widget->objectName().isEmpty() || widget->objectName().startsWith(QLatin1String("qt_")))
                continue;
            ++checked;
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        }
        QVERIFY(checked >= 20);
    }
}

namespace {
QSet<QString> shownLists(const QAbstractItemModel *model)
{
    QSet<QString> ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.insert(model->index(row, 0).data(CatalogModel::EndpointListIdRole).toString());
    ids.remove(QString());
    return ids;
}

QStringList directionsShown(const QAbstractItemModel *model)
{
    QStringList directions;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString d = model->index(row, CatalogModel::DirectionColumn).data().toString();
        if (!directions.contains(d))
            directions.append(d);
    }
    directions.sort();
    return directions;
}
} // namespace

void TestExplorerWindow::directionFollowsRole()
{
    CatalogModel *model = m_window->catalogModel();
    const int dns = model->rowsForFlow(QStringLiteral("dns")).first();
    const int relayIn = model->rowsForFlow(QStringLiteral("relay-in")).first();
    const auto direction = [model](int row) {
        return model->index(row, CatalogModel::DirectionColumn).data().toString();
    };
    // All roles: who connects to whom.
    QCOMPARE(direction(dns), QStringLiteral("Agent → DNS server"));
    QCOMPARE(direction(relayIn), QStringLiteral("Cloud service → Relay"));
    m_window->selectFlow(QStringLiteral("relay-in"));

    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    QTest::mouseClick(m_window->filterBar()->roleButton(QStringLiteral("relay")), Qt::LeftButton);
    QCOMPARE(model->roles(), QStringList{QStringLiteral("relay")});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(CatalogModel::DirectionColumn));
    QCOMPARE(changed.first().at(1).toModelIndex().column(), int(CatalogModel::DirectionColumn));
    QCOMPARE(direction(relayIn), QStringLiteral("Inbound"));
    QCOMPARE(direction(model->rowsForFlow(QStringLiteral("update")).first()), QStringLiteral("Outbound"));
    QCOMPARE(direction(model->rowsForFlow(QStringLiteral("relay-local")).first()), QStringLiteral("Local"));
    QCOMPARE(model->headerData(CatalogModel::DirectionColumn, Qt::Horizontal, Qt::ToolTipRole).toString(),
             QStringLiteral("Direction as seen by Relay"));
    // The selection stays.
    QCOMPARE(m_window->selectedFlowIds(), QSet<QString>{QStringLiteral("relay-in")});

    // The direction filter follows the role too.
    QComboBox *box = m_window->filterBar()->directionBox();
    box->setCurrentIndex(box->findData(int(Direction::Inbound)));
    QCOMPARE(shownFlowIds(m_window->filterModel()), QStringList{QStringLiteral("relay-in")});
    box->setCurrentIndex(box->findData(int(Direction::Outbound)));
    QCOMPARE(shownFlowIds(m_window->filterModel()), (QStringList{"update", "web"}));

    QTest::mouseClick(m_window->filterBar()->roleButton(QString()), Qt::LeftButton);
    QCOMPARE(model->roles(), QStringList());
    QCOMPARE(direction(relayIn), QStringLiteral("Cloud service → Relay"));
    QCOMPARE(reset.count(), 0);
}

void TestExplorerWindow::agentOutboundOmitsManagerInitiated()
{
    QVERIFY(!m_store->loadBuiltin());
    QTest::mouseClick(m_window->filterBar()->roleButton(QStringLiteral("agent")), Qt::LeftButton);
    QAbstractItemModel *proxy = m_window->filterModel();
    QVERIFY(shownFlowIds(proxy).contains(QStringLiteral("ws-agent-4118")));

    QComboBox *box = m_window->filterBar()->directionBox();
    box->setCurrentIndex(box->findData(int(Direction::Outbound)));
    QVERIFY(!shownFlowIds(proxy).contains(QStringLiteral("ws-agent-4118")));
    QVERIFY(shownFlowIds(proxy).contains(QStringLiteral("agent-ws-443")));
    QCOMPARE(directionsShown(proxy), QStringList{QStringLiteral("Outbound")});

    box->setCurrentIndex(box->findData(int(Direction::Inbound)));
    QCOMPARE(shownFlowIds(proxy), QStringList{QStringLiteral("ws-agent-4118")});
    QCOMPARE(directionsShown(proxy), QStringList{QStringLiteral("Inbound")});
    QCOMPARE(proxy->index(0, CatalogModel::EndpointColumn).data().toString(),
             QStringLiteral("34.205.5.0/27"));
    QCOMPARE(proxy->index(0, CatalogModel::PortsColumn).data().toString(),
             QStringLiteral("4118/TCP (HTTPS)"));
}

void TestExplorerWindow::expiredReadsExpired()
{
    CatalogModel *model = m_window->catalogModel();
    const QList<int> rows = model->rowsForFlow(QStringLiteral("static"));
    QCOMPARE(rows.size(), 2);
    for (int row : rows) {
        QCOMPARE(model->index(row, CatalogModel::RequirementColumn).data().toString(),
                 QStringLiteral("Expired"));
        QVERIFY(!m_window->filterModel()->mapFromSource(model->index(row, 0)).isValid()); // hidden by default
    }
    QCOMPARE(model->index(model->rowsForFlow(QStringLiteral("web")).first(), CatalogModel::RequirementColumn)
                     .data()
                     .toString(),
             QStringLiteral("Required"));
    QTest::mouseClick(m_window->filterBar()->showExpiredBox(), Qt::LeftButton);
    for (int row : rows) {
        const QModelIndex shown =
                m_window->filterModel()->mapFromSource(model->index(row, CatalogModel::RequirementColumn));
        QVERIFY(shown.isValid());
        QCOMPARE(shown.data().toString(), QStringLiteral("Expired"));
    }
}

void TestExplorerWindow::featureFilter()
{
    QVERIFY(!m_store->loadBuiltin());
    FilterBar *bar = m_window->filterBar();
    QAbstractItemModel *proxy = m_window->filterModel();
    const int all = proxy->rowCount();
    QCOMPARE(bar->featuresButton()->text(), QStringLiteral("All features"));
    auto *webReputation = bar->featuresMenu()->findChild<QAction *>(QStringLiteral("feature-web-reputation"));
    QVERIFY(webReputation);
    QVERIFY(webReputation->isCheckable());
    QCOMPARE(webReputation->text(), QStringLiteral("Web Reputation"));

    webReputation->trigger();
    QCOMPARE(m_window->filterModel()->features(), QList<Feature>{Feature::WebReputation});
    QCOMPARE(bar->featuresButton()->text(), QStringLiteral("Web Reputation"));
    QVERIFY(proxy->rowCount() < all);
    const QStringList flows = shownFlowIds(proxy);
    const QSet<QString> lists = shownLists(proxy);
    // Flows without features stay; flows and lists needed only by other features go.
    QVERIFY(flows.contains(QStringLiteral("agent-dns")));
    QVERIFY(flows.contains(QStringLiteral("agent-ws-443")));
    QVERIFY(flows.contains(QStringLiteral("agent-sps-wrs")));
    QVERIFY(!flows.contains(QStringLiteral("agent-syslog")));
    QVERIFY(!flows.contains(QStringLiteral("xdr-443")));
    QVERIFY(lists.contains(QStringLiteral("spn-wrs")));
    QVERIFY(!lists.contains(QStringLiteral("spn-ml")));
    QVERIFY(!lists.contains(QStringLiteral("spn-feedback-20")));

    auto *machineLearning =
            bar->featuresMenu()->findChild<QAction *>(QStringLiteral("feature-machine-learning"));
    QVERIFY(machineLearning);
    machineLearning->trigger();
    QCOMPARE(bar->featuresButton()->text(), QStringLiteral("2 features"));
    QVERIFY(shownLists(proxy).contains(QStringLiteral("spn-ml")));

    bar->featuresMenu()->findChild<QAction *>(QStringLiteral("feature-all"))->trigger();
    QCOMPARE(m_window->filterModel()->features(), QList<Feature>());
    QVERIFY(!webReputation->isChecked());
    QCOMPARE(proxy->rowCount(), all);

    webReputation->trigger();
    bar->clearFilters();
    QCOMPARE(proxy->rowCount(), all);
    QCOMPARE(bar->featuresButton()->text(), QStringLiteral("All features"));
}

void TestExplorerWindow::agentVersionFilter()
{
    QVERIFY(!m_store->loadBuiltin());
    QComboBox *box = m_window->filterBar()->agentVersionBox();
    QStringList items;
    for (int i = 0; i < box->count(); ++i)
        items.append(box->itemText(i));
    QCOMPARE(items, (QStringList{"Any version", "Agent 10.0", "Agent 11.0", "Agent 12.0", "Agent 20.0"}));
    QAbstractItemModel *proxy = m_window->filterModel();
    const QSet<QString> feedback{QStringLiteral("spn-feedback-20"), QStringLiteral("spn-feedback-12"),
                                 QStringLiteral("spn-feedback-11"), QStringLiteral("spn-feedback-10")};
    QCOMPARE(shownLists(proxy) & feedback, feedback);

    box->setCurrentIndex(box->findData(QStringLiteral("12.0")));
    QCOMPARE(m_window->filterModel()->agentVersion(), QVersionNumber(12, 0));
    QCOMPARE(shownLists(proxy) & feedback, QSet<QString>{QStringLiteral("spn-feedback-12")});
    QVERIFY(shownLists(proxy).contains(QStringLiteral("spn-census"))); // for every version
    box->setCurrentIndex(box->findData(QStringLiteral("20.0")));
    QCOMPARE(shownLists(proxy) & feedback, QSet<QString>{QStringLiteral("spn-feedback-20")});
    box->setCurrentIndex(0);
    QCOMPARE(shownLists(proxy) & feedback, feedback);
}

void TestExplorerWindow::languageSwitchKeepsSelectionAndRole()
{
    QTest::mouseClick(m_window->filterBar()->roleButton(QStringLiteral("agent")), Qt::LeftButton);
    m_window->selectFlow(QStringLiteral("web"));
    QCOMPARE(m_window->tableView()->selectionModel()->selectedRows().size(), 3);
    QSignalSpy reset(m_window->catalogModel(), &QAbstractItemModel::modelReset);
    QSignalSpy proxyReset(m_window->filterModel(), &QAbstractItemModel::modelReset);

    m_window->setLanguage(Language::Japanese);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(proxyReset.count(), 0);
    QCOMPARE(m_window->tableView()->selectionModel()->selectedRows().size(), 3);
    QCOMPARE(m_window->selectedFlowIds(), QSet<QString>{QStringLiteral("web")});
    QCOMPARE(m_window->catalogModel()->roles(), QStringList{QStringLiteral("agent")});
    QVERIFY(m_window->filterBar()->roleButton(QStringLiteral("agent"))->isChecked());
    const QModelIndex current = m_window->tableView()->selectionModel()->selectedRows().first();
    QCOMPARE(current.siblingAtColumn(CatalogModel::DirectionColumn).data().toString(),
             CatalogText::direction(Direction::Outbound));
    QCOMPARE(current.siblingAtColumn(CatalogModel::ServiceColumn).data().toString(),
             QStringLiteral("ハートビートサービス"));

    m_window->setLanguage(Language::English);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(m_window->tableView()->selectionModel()->selectedRows().size(), 3);
    QCOMPARE(current.siblingAtColumn(CatalogModel::DirectionColumn).data().toString(),
             QStringLiteral("Outbound"));
}

QTEST_MAIN(TestExplorerWindow)
#include "tst_explorerwindow.moc"
