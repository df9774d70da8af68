#include "mainwindow.h"

#include "app/gui/catalogs/whatchangeddialog.h"
#include "app/gui/triage/triageview.h"
#include "core/catalog/cataloginfo.h"

#include "app/gui/diagram/diagramwidget.h"
#include "app/gui/export/exportdialog.h"
#include "app/gui/help/helpdialog.h"

#include "app/gui/common/apppalette.h"
#include "app/gui/common/filedialogs.h"
#include "app/gui/details/detailspane.h"
#include "app/gui/lookup/lookupbar.h"
#include "app/gui/tables/catalogtableview.h"
#include "app/gui/tables/filterbar.h"
#include "app/gui/tester/testerpanel.h"
#include "core/catalog/catalogloader.h"
#include "core/catalog/catalogstore.h"
#include "core/catalog/recentcatalogs.h"
#include "core/i18n/translations.h"
#include "core/models/catalogfilterproxymodel.h"
#include "core/models/catalogmodel.h"
#include "core/models/tableformatter.h"
#include "core/util/csvencoding.h"
#include "core/util/textfile.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace {
const QString LanguageKey = QStringLiteral("ui/language");
const QString DarkPaletteKey = QStringLiteral("ui/darkPalette");
const QString GeometryKey = QStringLiteral("window/geometry");
const QString StateKey = QStringLiteral("window/state");
const QString SplitterKey = QStringLiteral("window/splitter");
// The flow model's columns; a header state saved for the old columns does not apply.
const QString HeaderKey = QStringLiteral("table/flowHeader");
const QString ShowExpiredKey = QStringLiteral("table/showExpired");
} // namespace

MainWindow::MainWindow(CatalogStore *store, QWidget *parent)
    : QMainWindow(parent)
    , m_store(store)
    , m_model(new CatalogModel(this))
    , m_proxy(new CatalogFilterProxyModel(this))
    , m_filterBar(new FilterBar(m_model, m_proxy, this))
    , m_lookupBar(new LookupBar(m_model, this))
    , m_table(new CatalogTableView(this))
    , m_details(new DetailsPane(m_model, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_tabs(new QTabWidget(this))
    , m_tablesPage(new QWidget(this))
    , m_diagram(new DiagramWidget(this))
    , m_testerPanel(new TesterPanel(m_model, this))
    , m_triage(new TriageView(this))
    , m_status(new QLabel(this))
    , m_emptyResult(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    m_splitter->setObjectName(QStringLiteral("tableSplitter"));
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tablesPage->setObjectName(QStringLiteral("requirementsPage"));
    m_status->setObjectName(QStringLiteral("statusCount"));

    m_model->setCatalog(m_store->catalog());
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    // Catalog order (the page's order) until the user sorts; a third click returns to it.
    m_table->horizontalHeader()->setSortIndicatorClearable(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->applyDefaultLayout();
    m_defaultHeaderState = m_table->horizontalHeader()->saveState();

    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_details->setMinimumWidth(fontMetrics().averageCharWidth() * 30);

    auto *pageLayout = new QVBoxLayout(m_tablesPage);
    pageLayout->addWidget(m_filterBar);
    pageLayout->addWidget(m_lookupBar);
    m_emptyResult->setObjectName(QStringLiteral("emptyResult"));
    m_emptyResult->setTextFormat(Qt::RichText);
    m_emptyResult->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_emptyResult->setOpenExternalLinks(false);
    m_emptyResult->setAlignment(Qt::AlignCenter);
    m_emptyResult->hide();
    connect(m_emptyResult, &QLabel::linkActivated, this, [this](const QString &link) {
        if (link == QLatin1String("show-expired"))
            m_filterBar->setShowExpired(true);
        else if (link == QLatin1String("clear-filters"))
            m_filterBar->clearFilters();
    });
    pageLayout->addWidget(m_emptyResult);
    pageLayout->addWidget(m_splitter, 1);
    m_tabs->addTab(m_tablesPage, QString());
    m_diagram->setObjectName(QStringLiteral("diagramPage"));
    m_diagram->setCatalog(m_store->catalog());
    m_testerPanel->setCatalog(m_store->catalog(), m_store->fileName() == CatalogLoader::builtinFileName());
    m_tabs->addTab(m_diagram, QString());
    m_tabs->addTab(m_testerPanel, QString());
    m_triage->setObjectName(QStringLiteral("triagePage"));
    m_triage->setCatalog(m_store->catalog());
    m_tabs->addTab(m_triage, QString());
    setCentralWidget(m_tabs);
    statusBar()->addWidget(m_status, 1);

    createActions();
    createMenus();

    connect(m_store, &CatalogStore::catalogChanged, this, [this] {
        m_model->setCatalog(m_store->catalog());
        m_diagram->setCatalog(m_store->catalog());
        m_testerPanel->setCatalog(m_store->catalog(),
                                  m_store->fileName() == CatalogLoader::builtinFileName());
        m_triage->setCatalog(m_store->catalog());
        updateTitle();
    });
    connectDiagram();
    connectTester();
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateStatus);
    connect(m_testerPanel, &TesterPanel::statusChanged, this, &MainWindow::updateStatus);
    connect(m_triage, &TriageView::statusChanged, this, &MainWindow::updateStatus);
    // Log triage: export exactly the flows a log hits.
    connect(m_triage, &TriageView::exportRequested, this, [this](const FlowFilter &scope) {
        auto *dialog = new ExportDialog(m_store->catalog(), language(),
                                        QStringList(scope.flowIds.cbegin(), scope.flowIds.cend()), this);
        dialog->setBaseScope(scope);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(m_proxy, &CatalogFilterProxyModel::filterChanged, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateStatus);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateDetails);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateStatus);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateDetails);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateDetails);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateDetails);
    connect(m_lookupBar, &LookupBar::matched, this, &MainWindow::selectSourceRows);
    connect(m_details, &DetailsPane::flowActivated, this, &MainWindow::selectFlow);
    connect(m_table, &CatalogTableView::lookupRequested, m_lookupBar, &LookupBar::lookup);
    connect(m_table, &CatalogTableView::showInDiagramRequested, this, [this] {
        m_diagram->setHighlightedFlows(selectedFlowIds());
        m_tabs->setCurrentWidget(m_diagram);
    });
    connect(m_table, &CatalogTableView::exportRulesRequested, this, &MainWindow::exportRulesDialog);
    m_userShowExpired = m_proxy->includesExpired();
    connect(m_filterBar->showExpiredBox(), &QCheckBox::toggled, this, [this](bool on) {
        if (!m_changingFilters)
            m_userShowExpired = on;
    });
    connect(m_proxy, &CatalogFilterProxyModel::filterChanged, this, &MainWindow::updateEmptyResult);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateEmptyResult);
    // The Direction column shows "initiators → listener" for all roles, a word for one role.
    connect(m_model, &CatalogModel::rolesChanged, this,
            [this](const QStringList &roles) { m_table->fitDirectionColumn(roles.isEmpty()); });

    // Esc in the table clears the search, as it does in the search field.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(escape, &QShortcut::activated, m_filterBar->searchField(), &QLineEdit::clear);

    const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1400, 860);
    resize(QSize(1400, 860).boundedTo(available * 9 / 10));
    retranslateUi();
    updateTitle();
    updateStatus();
}

void MainWindow::createActions()
{
    m_openAction = new QAction(this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::openCatalogDialog);

    m_exportViewAction = new QAction(this);
    m_exportViewAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_exportViewAction, &QAction::triggered, this, &MainWindow::exportViewDialog);

    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_copyAction = new QAction(this);
    m_copyAction->setShortcut(QKeySequence::Copy);
    connect(m_copyAction, &QAction::triggered, m_table, &CatalogTableView::copySelection);

    m_copyDetailsAction = new QAction(this);
    connect(m_copyDetailsAction, &QAction::triggered, m_details, &DetailsPane::copy);

    m_findAction = new QAction(this);
    m_findAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(m_findAction, &QAction::triggered, m_filterBar, &FilterBar::focusSearch);

    m_lookupAction = new QAction(this);
    m_lookupAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_lookupAction, &QAction::triggered, m_lookupBar, &LookupBar::focusField);

    m_clearFiltersAction = new QAction(this);
    connect(m_clearFiltersAction, &QAction::triggered, m_filterBar, &FilterBar::clearFilters);

    m_backAction = new QAction(this);
    m_backAction->setObjectName(QStringLiteral("backAction"));
    QList<QKeySequence> back = QKeySequence::keyBindings(QKeySequence::Back);
    if (!back.contains(QKeySequence(Qt::ALT | Qt::Key_Left)))
        back.prepend(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_backAction->setShortcuts(back);
    m_backAction->setEnabled(false);
    connect(m_backAction, &QAction::triggered, this, &MainWindow::goBack);

    m_showExpiredAction = new QAction(this);
    m_showExpiredAction->setCheckable(true);
    connect(m_showExpiredAction, &QAction::toggled, m_filterBar, &FilterBar::setShowExpired);
    connect(m_filterBar->showExpiredBox(), &QCheckBox::toggled, m_showExpiredAction, &QAction::setChecked);

    m_requiredOnlyAction = new QAction(this);
    m_requiredOnlyAction->setCheckable(true);
    connect(m_requiredOnlyAction, &QAction::toggled, m_filterBar->requiredOnlyBox(), &QCheckBox::setChecked);
    connect(m_filterBar->requiredOnlyBox(), &QCheckBox::toggled, m_requiredOnlyAction, &QAction::setChecked);

    m_darkPaletteAction = new QAction(this);
    m_darkPaletteAction->setCheckable(true);
    m_darkPaletteAction->setChecked(AppPalette::isDark());
    connect(m_darkPaletteAction, &QAction::toggled, this, [](bool dark) {
        AppPalette::apply(dark);
        QSettings().setValue(DarkPaletteKey, dark);
    });

    m_resetColumnsAction = new QAction(this);
    connect(m_resetColumnsAction, &QAction::triggered, this, [this] {
        m_table->horizontalHeader()->restoreState(m_defaultHeaderState);
        m_table->fitColumnsToContent();
    });

    m_languageGroup = new QActionGroup(this);
    m_languageGroup->setExclusive(true);
    // Language names are shown in their own language and are not translated.
    m_englishAction = new QAction(QStringLiteral("English"), m_languageGroup);
    m_japaneseAction = new QAction(QStringLiteral("日本語"), m_languageGroup);
    for (QAction *action : {m_englishAction, m_japaneseAction}) {
        action->setCheckable(true);
        const Language language = action == m_japaneseAction ? Language::Japanese : Language::English;
        connect(action, &QAction::triggered, this, [this, language] {
            setLanguage(language);
            QSettings().setValue(LanguageKey, languageCode(language));
        });
    }
    (language() == Language::Japanese ? m_japaneseAction : m_englishAction)->setChecked(true);

    m_exportRulesAction = new QAction(this);
    m_exportRulesAction->setObjectName(QStringLiteral("exportRulesAction"));
    m_exportRulesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportRulesAction, &QAction::triggered, this, &MainWindow::exportRulesDialog);

    m_shortcutsAction = new QAction(this);
    m_shortcutsAction->setObjectName(QStringLiteral("shortcutsAction"));
    m_shortcutsAction->setShortcut(QKeySequence(Qt::Key_F1));
    connect(m_shortcutsAction, &QAction::triggered, this,
            [this] { showHelp(int(HelpDialog::Page::Shortcuts)); });
    m_guideAction = new QAction(this);
    m_guideAction->setObjectName(QStringLiteral("guideAction"));
    connect(m_guideAction, &QAction::triggered, this, [this] { showHelp(int(HelpDialog::Page::Guide)); });

    m_aboutAction = new QAction(this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::connectDiagram()
{
    // Diagram → tables: a component or an arrow filters the tables to its flows.
    connect(m_diagram, &DiagramWidget::flowsActivated, this,
            [this](const QSet<QString> &ids) { changeFilters([this, &ids] { m_proxy->setFlowIds(ids); }); });
    // Tables → diagram: the role and the expired endpoints, and the selected rows' arrows
    // highlighted.
    connect(m_proxy, &CatalogFilterProxyModel::filterChanged, this,
            [this] { m_diagram->setFlowFilter(m_proxy->filter()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_diagram->setHighlightedFlows(selectedFlowIds()); });
}

void MainWindow::connectTester()
{
    connect(m_testerPanel, &TesterPanel::runStarted, this, [this] {
        // The first time (the column is hidden until then), it goes right after the endpoint;
        // once shown, it stays wherever the user puts it.
        if (m_table->isColumnHidden(CatalogModel::CheckColumn)) {
            m_table->setColumnHidden(CatalogModel::CheckColumn, false);
            QHeaderView *header = m_table->horizontalHeader();
            const int from = header->visualIndex(CatalogModel::CheckColumn);
            const int endpoint = header->visualIndex(CatalogModel::EndpointColumn);
            header->moveSection(from, from > endpoint ? endpoint + 1 : endpoint);
        }
        m_diagram->setResults({});
    });
    connect(m_testerPanel, &TesterPanel::diagramResultsChanged, m_diagram, &DiagramWidget::setResults);
    connect(m_testerPanel, &TesterPanel::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_testerPanel, &TesterPanel::errorOccurred, this, &MainWindow::showError);
    // F5 from anywhere shows the results as they arrive.
    connect(m_testerPanel->runAction(), &QAction::triggered, this,
            [this] { m_tabs->setCurrentWidget(m_testerPanel); });
}

QSet<QString> MainWindow::selectedFlowIds() const
{
    QSet<QString> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows)
        ids.insert(index.data(CatalogModel::FlowIdRole).toString());
    return ids;
}

void MainWindow::exportRulesDialog()
{
    const QSet<QString> selected = selectedFlowIds();
    auto *dialog = new ExportDialog(m_store->catalog(), language(),
                                    QStringList(selected.cbegin(), selected.cend()), this);
    // The explorer's roles, features, agent version and validity carry over to the export.
    FlowFilter scope = m_proxy->filter();
    scope.words.clear();
    dialog->setBaseScope(scope);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->setObjectName(QStringLiteral("fileMenu"));
    m_fileMenu->addAction(m_openAction);
    m_catalogMenu = m_fileMenu->addMenu(QString());
    m_catalogMenu->setObjectName(QStringLiteral("catalogMenu"));
    connect(m_catalogMenu, &QMenu::aboutToShow, this, &MainWindow::fillCatalogMenu);
    m_fileMenu->addAction(m_exportViewAction);
    m_fileMenu->addAction(m_exportRulesAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_diagram->exportAction());
    m_fileMenu->addAction(m_diagram->handoutAction());
    m_fileMenu->addAction(m_diagram->printAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_editMenu->addAction(m_copyAction);
    m_editMenu->addAction(m_copyDetailsAction);
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_findAction);
    m_editMenu->addAction(m_lookupAction);
    m_editMenu->addAction(m_clearFiltersAction);
    m_editMenu->addAction(m_backAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->setObjectName(QStringLiteral("viewMenu"));
    m_viewMenu->addAction(m_showExpiredAction);
    m_viewMenu->addAction(m_requiredOnlyAction);
    m_viewMenu->addSeparator();
    // Present (F11) from any tab, not only with focus in the Diagram tab.
    m_viewMenu->addAction(m_diagram->presentAction());
    m_viewMenu->addMenu(m_diagram->presentForMenu());
    m_viewMenu->addAction(m_diagram->hostsAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_darkPaletteAction);
    m_viewMenu->addAction(m_resetColumnsAction);

    m_testMenu = menuBar()->addMenu(QString());
    m_testMenu->setObjectName(QStringLiteral("testMenu"));
    m_testMenu->addAction(m_testerPanel->runAction());
    m_testMenu->addAction(m_testerPanel->cancelAction());
    m_testMenu->addAction(m_testerPanel->rerunFailedAction());
    m_testMenu->addAction(m_testerPanel->comparePreviousAction());
    m_testMenu->addSeparator();
    m_testMenu->addAction(m_testerPanel->environmentAction());

    m_testToolBar = addToolBar(QString());
    m_testToolBar->setObjectName(QStringLiteral("testToolBar"));
    m_testToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_testToolBar->setMovable(false);
    m_testToolBar->addAction(m_testerPanel->runAction());
    m_testToolBar->addAction(m_testerPanel->environmentAction());

    m_languageMenu = menuBar()->addMenu(QString());
    m_languageMenu->setObjectName(QStringLiteral("languageMenu"));
    m_languageMenu->addAction(m_englishAction);
    m_languageMenu->addAction(m_japaneseAction);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->setObjectName(QStringLiteral("helpMenu"));
    m_helpMenu->addAction(m_shortcutsAction);
    m_helpMenu->addAction(m_guideAction);
    m_helpMenu->addSeparator();
    m_helpMenu->addAction(m_aboutAction);
}

void MainWindow::retranslateUi()
{
    m_tabs->setTabText(m_tabs->indexOf(m_tablesPage), tr("Requirements"));
    m_tabs->setTabText(m_tabs->indexOf(m_diagram), tr("Diagram"));
    m_tabs->setTabText(m_tabs->indexOf(m_testerPanel), tr("Connectivity"));
    m_tabs->setTabText(m_tabs->indexOf(m_triage), tr("Log triage"));
    m_testMenu->setTitle(tr("&Test"));
    m_testToolBar->setWindowTitle(tr("Test"));
    m_testToolBar->setAccessibleName(tr("Test tool bar"));
    m_diagram->setAccessibleName(tr("Ports diagram"));
    m_triage->setAccessibleName(tr("Log triage"));
    m_exportRulesAction->setText(tr("Export &rules…"));
    m_exportRulesAction->setToolTip(
            tr("Firewall and proxy rules for the catalog (iptables, nftables, Windows, AWS, squid, PAC, …)"));
    m_tabs->setAccessibleName(tr("Views"));
    m_tablesPage->setAccessibleName(tr("Requirements"));
    m_splitter->setAccessibleName(tr("Table and details"));
    m_status->setAccessibleName(tr("Rows shown"));

    m_fileMenu->setTitle(tr("&File"));
    m_catalogMenu->setTitle(tr("&Catalog"));
    fillCatalogMenu();
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    for (QMenu *menu :
         {m_fileMenu, m_catalogMenu, m_editMenu, m_viewMenu, m_testMenu, m_languageMenu, m_helpMenu})
        menu->setAccessibleName(QString(menu->title()).remove(QLatin1Char('&')));
    menuBar()->setAccessibleName(tr("Menu bar"));
    statusBar()->setAccessibleName(tr("Status"));

    m_openAction->setText(tr("&Open catalog…"));
    m_openAction->setStatusTip(tr("Load another catalog file"));
    m_exportViewAction->setText(tr("&Export view…"));
    m_exportViewAction->setStatusTip(tr("Save the rows shown as CSV or Markdown"));
    m_quitAction->setText(tr("&Quit"));
    m_copyAction->setText(tr("&Copy rows"));
    m_copyAction->setStatusTip(tr("Copy the selected rows as tab-separated text"));
    m_copyDetailsAction->setText(tr("Copy &details"));
    m_findAction->setText(tr("&Search"));
    m_lookupAction->setText(tr("&Look up address, host or URL"));
    m_clearFiltersAction->setText(tr("C&lear filters"));
    m_backAction->setText(tr("&Back to the previous filters"));
    m_backAction->setStatusTip(tr("Undo the filter change made by a lookup, a link or the diagram"));
    m_emptyResult->setAccessibleName(tr("Why no row is shown"));
    m_showExpiredAction->setText(tr("Show &expired static addresses"));
    m_requiredOnlyAction->setText(tr("&Required only"));
    m_darkPaletteAction->setText(tr("&Dark palette"));
    m_resetColumnsAction->setText(tr("Reset &columns"));
    m_aboutAction->setText(tr("&About Portolan"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_guideAction->setText(tr("&Guide"));
    updateTitle();
    updateStatus();
    updateEmptyResult();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    event->accept();
}

QString MainWindow::statusText() const
{
    return m_status->text();
}

void MainWindow::updateStatus()
{
    // The status bar speaks of the tab shown.
    QWidget *page = m_tabs->currentWidget();
    if (page == m_diagram) {
        m_status->setText(m_diagram->statusText());
        return;
    }
    if (page == m_testerPanel) {
        m_status->setText(m_testerPanel->statusText());
        return;
    }
    if (page == m_triage) {
        m_status->setText(m_triage->statusText());
        return;
    }
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    const int selected =
            m_table->selectionModel() ? int(m_table->selectionModel()->selectedRows().size()) : 0;
    QString text = tr("showing %1 of %2").arg(shown).arg(total);
    if (selected > 0)
        text = tr("%1, %2 selected").arg(text).arg(selected);
    m_status->setText(text);
}

void MainWindow::updateTitle()
{
    const QString file = m_store->fileName();
    if (file.isEmpty() || file == CatalogLoader::builtinFileName())
        setWindowTitle(tr("Portolan"));
    else
        setWindowTitle(tr("%1 — Portolan").arg(QFileInfo(file).fileName()));
}

void MainWindow::updateDetails()
{
    // The current row while one is selected; nothing when the selection is cleared or the
    // filter hides the row.
    const QItemSelectionModel *selection = m_table->selectionModel();
    const QModelIndex current = m_table->currentIndex();
    const bool shown = current.isValid() && selection->isRowSelected(current.row(), current.parent());
    const QModelIndex source = shown ? m_proxy->mapToSource(current) : QModelIndex();
    m_details->setRow(source.isValid() ? m_model->rowRef(source.row()) : CatalogRowRef());
}

Language MainWindow::language() const
{
    return m_model->language();
}

void MainWindow::setLanguage(Language language)
{
    Translations::install(language);
    m_model->setLanguage(language);
    m_diagram->setLanguage(language);
    m_testerPanel->setLanguage(language);
    m_triage->setLanguage(language);
    (language == Language::Japanese ? m_japaneseAction : m_englishAction)->setChecked(true);
    // An empty translation installs no event; retranslate every widget of the window now.
    QEvent event(QEvent::LanguageChange);
    QCoreApplication::sendEvent(this, &event);
}

Language MainWindow::savedLanguage()
{
    const auto saved = languageFromCode(QSettings().value(LanguageKey).toString());
    return saved ? *saved : systemLanguage();
}

void MainWindow::showError(const QString &title, const QString &text)
{
    if (!m_errorBox) {
        m_errorBox = new QMessageBox(this);
        m_errorBox->setObjectName(QStringLiteral("errorBox"));
        m_errorBox->setIcon(QMessageBox::Warning);
        m_errorBox->setStandardButtons(QMessageBox::Ok);
        m_errorBox->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_errorBox->setWindowTitle(title);
    m_errorBox->setText(title);
    m_errorBox->setInformativeText(text);
    m_errorBox->setAccessibleName(title);
    m_errorBox->open(); // window-modal, returns at once
}

bool MainWindow::openCatalog(const QString &fileName)
{
    const Catalog previous = m_store->catalog();
    if (const auto error = m_store->loadFile(fileName)) {
        showError(tr("Catalog not loaded"),
                  tr("%1\n\nThe current catalog stays in use.").arg(error->toString()));
        return false;
    }
    RecentCatalogs::add(fileName);
    if (fileName != CatalogLoader::builtinFileName())
        showWhatChanged(previous);
    return true;
}

bool MainWindow::openBuiltinCatalog()
{
    return openCatalog(CatalogLoader::builtinFileName());
}

void MainWindow::showWhatChanged(const Catalog &previous)
{
    if (!m_whatChanged)
        m_whatChanged = new WhatChangedDialog(this);
    m_whatChanged->setCatalogs(previous, m_store->catalog());
    m_whatChanged->show(); // non-modal: the tables stay usable beside it
    m_whatChanged->raise();
}

void MainWindow::fillCatalogMenu()
{
    m_catalogMenu->clear();
    qDeleteAll(m_catalogMenu->findChildren<QActionGroup *>(QString(), Qt::FindDirectChildrenOnly));
    const QString current = m_store->fileName();
    auto *group = new QActionGroup(m_catalogMenu);
    const auto add = [this, group, &current](const QString &text, const QString &fileName) {
        QAction *action = m_catalogMenu->addAction(text);
        action->setCheckable(true);
        action->setChecked(QFileInfo(fileName).absoluteFilePath() == QFileInfo(current).absoluteFilePath());
        action->setData(fileName);
        action->setToolTip(fileName);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, fileName] { openCatalog(fileName); });
    };
    add(tr("&Built-in catalog"), CatalogLoader::builtinFileName());
    const QStringList recent = RecentCatalogs::list();
    if (!recent.isEmpty())
        m_catalogMenu->addSeparator();
    for (int i = 0; i < recent.size(); ++i)
        add(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(recent.at(i)).fileName()), recent.at(i));
    m_catalogMenu->addSeparator();
    m_catalogMenu->addAction(m_openAction);
    QAction *clear = m_catalogMenu->addAction(tr("C&lear the list"));
    clear->setObjectName(QStringLiteral("clearRecentCatalogs"));
    clear->setEnabled(!recent.isEmpty());
    connect(clear, &QAction::triggered, this, [] { RecentCatalogs::clear(); });
}

void MainWindow::openCatalogDialog()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Open catalog"), FileDialogs::lastFolder(),
                                                          tr("Catalog files (*.json);;All files (*)"));
    if (fileName.isEmpty())
        return;
    FileDialogs::rememberFolder(fileName);
    openCatalog(fileName);
}

std::optional<QString> MainWindow::exportView(const QString &fileName, bool byteOrderMark) const
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const bool markdown = suffix == QLatin1String("md") || suffix == QLatin1String("markdown");
    const QString text = TableFormatter::format(
            m_proxy, TableFormatter::allRows(m_proxy), m_table->visibleColumns(),
            markdown ? TableFormatter::Format::Markdown : TableFormatter::Format::Csv, true);
    if (markdown)
        return TextFile::write(fileName, text);
    return TextFile::write(fileName, CsvEncoding::encode(text, byteOrderMark));
}

void MainWindow::exportViewDialog()
{
    // CSV for Excel (with a byte order mark) or plain UTF-8: two filters, so that the dialog
    // says which; the last choice, or by language, comes first.
    const QString excel = FileDialogs::csvForExcelFilter();
    const QString plain = FileDialogs::csvPlainFilter();
    const QString markdownFilter = tr("Markdown (*.md)");
    const QString preferred = FileDialogs::preferredCsvFilter(language());
    QString selectedFilter = preferred;
    const QStringList filters = preferred == excel ? QStringList{excel, plain, markdownFilter}
                                                   : QStringList{plain, excel, markdownFilter};
    QString fileName = QFileDialog::getSaveFileName(
            this, tr("Export view"), FileDialogs::inLastFolder(QStringLiteral("portolan-view.csv")),
            filters.join(QStringLiteral(";;")), &selectedFilter);
    if (fileName.isEmpty())
        return;
    if (QFileInfo(fileName).suffix().isEmpty())
        fileName += selectedFilter == markdownFilter ? QStringLiteral(".md") : QStringLiteral(".csv");
    FileDialogs::rememberFolder(fileName);
    FileDialogs::rememberCsvFilter(selectedFilter);
    const bool byteOrderMark = selectedFilter == markdownFilter ? FileDialogs::usesByteOrderMark(language())
                                                                : selectedFilter == excel;
    if (const auto error = exportView(fileName, byteOrderMark))
        showError(tr("View not exported"), *error);
    else
        statusBar()->showMessage(tr("Exported %n rows to %1", nullptr, m_proxy->rowCount())
                                         .arg(QDir::toNativeSeparators(fileName)),
                                 5000);
}

void MainWindow::selectSourceRows(const QList<int> &sourceRows)
{
    QItemSelectionModel *selection = m_table->selectionModel();
    if (sourceRows.isEmpty()) {
        selection->clearSelection();
        return;
    }
    const auto allShown = [this, &sourceRows] {
        for (int row : sourceRows) {
            if (!m_proxy->mapFromSource(m_model->index(row, 0)).isValid())
                return false;
        }
        return true;
    };
    if (!allShown()) {
        changeFilters([&] {
            for (int row : sourceRows) {
                if (m_model->index(row, 0).data(CatalogModel::ExpiredRole).toBool())
                    m_filterBar->setShowExpired(true);
            }
            if (!allShown())
                m_filterBar->clearFilters();
        });
        statusBar()->showMessage(tr("Filters changed to show the match; Alt+Left restores them"), 8000);
    }

    QItemSelection items;
    QModelIndex first;
    for (int row : sourceRows) {
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (!index.isValid())
            continue;
        items.select(index, index);
        if (!first.isValid() || index.row() < first.row())
            first = index;
    }
    selection->select(items, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (first.isValid()) {
        selection->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_table->scrollTo(first, QAbstractItemView::PositionAtCenter);
    }
    updateDetails();
}

void MainWindow::changeFilters(const std::function<void()> &change)
{
    const FilterBar::State before = m_filterBar->state();
    const bool wasChanging = m_changingFilters;
    m_changingFilters = true;
    change();
    m_changingFilters = wasChanging;
    if (m_filterBar->state() != before) {
        m_filterHistory.append(before);
        m_backAction->setEnabled(true);
    }
}

void MainWindow::goBack()
{
    if (m_filterHistory.isEmpty())
        return;
    const FilterBar::State previous = m_filterHistory.takeLast();
    m_changingFilters = true;
    m_filterBar->setState(previous);
    m_changingFilters = false;
    m_backAction->setEnabled(!m_filterHistory.isEmpty());
}

void MainWindow::updateEmptyResult()
{
    if (m_proxy->rowCount() > 0 || m_model->rowCount() == 0) {
        m_emptyResult->hide();
        return;
    }
    const int expired = m_proxy->hiddenExpiredCount();
    if (expired > 0)
        m_emptyResult->setText(
                tr("No row matches: %n expired rows are hidden — <a href=\"show-expired\">show them</a>",
                   nullptr, expired));
    else
        m_emptyResult->setText(
                tr("No row matches the filters — <a href=\"clear-filters\">clear the filters</a>"));
    m_emptyResult->show();
}

void MainWindow::selectFlow(const QString &flowId)
{
    selectSourceRows(m_model->rowsForFlow(flowId));
}

void MainWindow::readSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(GeometryKey).toByteArray());
    restoreState(settings.value(StateKey).toByteArray());
    if (!m_splitter->restoreState(settings.value(SplitterKey).toByteArray()))
        m_splitter->setSizes({width() * 3 / 4, width() / 4});
    const QByteArray header = settings.value(HeaderKey).toByteArray();
    if (header.isEmpty() || !m_table->horizontalHeader()->restoreState(header))
        m_table->horizontalHeader()->restoreState(m_defaultHeaderState);
    else
        m_table->setLayoutRestored(true);
    m_filterBar->setShowExpired(settings.value(ShowExpiredKey, false).toBool());
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(SplitterKey, m_splitter->saveState());
    settings.setValue(HeaderKey, m_table->horizontalHeader()->saveState());
    // A lookup that showed an expired address does not leave them shown for the next start.
    settings.setValue(ShowExpiredKey, m_userShowExpired);
}

void MainWindow::showHelp(int page)
{
    // One help window, switched to the page asked for.
    auto *dialog = findChild<HelpDialog *>();
    if (!dialog)
        dialog = new HelpDialog(HelpDialog::Page(page), this);
    dialog->setPage(HelpDialog::Page(page));
    dialog->show();
    dialog->raise();
}

void MainWindow::showAbout()
{
    const Catalog &catalog = m_store->catalog();
    QMessageBox::about(
            this, tr("About Portolan"),
            tr("<p><b>Portolan %1</b></p><p>Network requirements explorer for Trend Micro Cloud One "
               "Workload Security.</p><p>Catalog: %2 (%3)<br>Source: %4</p>")
                    .arg(QCoreApplication::applicationVersion(),
                         catalog.title.text(language()).toHtmlEscaped(),
                         CatalogInfo::identity(catalog).toHtmlEscaped(),
                         catalog.source.text(language()).toHtmlEscaped()));
}
