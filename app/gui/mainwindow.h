#pragma once

#include "app/gui/tables/filterbar.h"
#include "core/catalog/catalog.h"
#include "core/i18n/language.h"

#include <QMainWindow>
#include <QSet>

#include <functional>
#include <optional>

class CatalogFilterProxyModel;
class CatalogModel;
class CatalogStore;
class CatalogTableView;
class DetailsPane;
class DiagramWidget;
class FilterBar;
class LookupBar;
class QAction;
class QActionGroup;
class QLabel;
class QMenu;
class QMessageBox;
class QSplitter;
class QTabWidget;
class QToolBar;
class TesterPanel;
class TriageView;
class WhatChangedDialog;

// The explorer: role buttons, search and facets over one table of every catalog row (one per
// flow and endpoint), a details
// pane, reverse lookup, copy and export of the current view, and runtime language switching.
// Widgets display and forward; filtering, lookup and formatting live in portolan_core.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(CatalogStore *store, QWidget *parent = nullptr);

    CatalogModel *catalogModel() const { return m_model; }
    CatalogFilterProxyModel *filterModel() const { return m_proxy; }
    CatalogTableView *tableView() const { return m_table; }
    FilterBar *filterBar() const { return m_filterBar; }
    LookupBar *lookupBar() const { return m_lookupBar; }
    DetailsPane *detailsPane() const { return m_details; }
    QTabWidget *tabs() const { return m_tabs; }
    DiagramWidget *diagram() const { return m_diagram; }
    TesterPanel *testerPanel() const { return m_testerPanel; }
    TriageView *triageView() const { return m_triage; }
    QToolBar *testToolBar() const { return m_testToolBar; }
    // The flows of the selected rows.
    QSet<QString> selectedFlowIds() const;
    QMenu *fileMenu() const { return m_fileMenu; }
    QMenu *helpMenu() const { return m_helpMenu; }
    QString statusText() const;
    // The last error shown (non-modal), or nullptr.
    QMessageBox *errorBox() const { return m_errorBox; }

    Language language() const;
    // Installs the UI translation, switches the catalog text and retranslates every widget.
    void setLanguage(Language language);
    // The remembered language, or on first start the system's.
    static Language savedLanguage();

    // Loads another catalog with the loader's validation. A bad file shows its located error
    // and leaves the current catalog in place.
    // When the new catalog is not the built-in one, "What changed" compares it with the previous.
    bool openCatalog(const QString &fileName);
    bool openBuiltinCatalog();
    QMenu *catalogMenu() const { return m_catalogMenu; }
    // The last "What changed" dialog, or nullptr.
    WhatChangedDialog *whatChangedDialog() const { return m_whatChanged; }
    // Writes the rows shown, with the visible columns, as CSV or Markdown (by the file name's
    // suffix: .md/.markdown for Markdown); CSV with a byte order mark if asked (for Excel).
    // Returns an error message, or nothing.
    std::optional<QString> exportView(const QString &fileName, bool byteOrderMark = false) const;
    // Selects these CatalogModel rows, relaxing the filters when they hide some of them.
    void selectSourceRows(const QList<int> &sourceRows);
    // Selects every row of a flow.
    void selectFlow(const QString &flowId);
    // Restores the filters as they were before the last lookup, related-flow link or diagram
    // click changed them (Alt+Left).
    void goBack();
    bool canGoBack() const { return !m_filterHistory.isEmpty(); }
    QAction *backAction() const { return m_backAction; }
    // Shown when no row matches: why, with a link that shows the hidden rows.
    QLabel *emptyResultLabel() const { return m_emptyResult; }

    void readSettings();
    void writeSettings() const;

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    void updateStatus();
    void updateTitle();
    void updateDetails();
    void showError(const QString &title, const QString &text);
    void openCatalogDialog();
    void fillCatalogMenu();
    void showWhatChanged(const Catalog &previous);
    void exportViewDialog();
    void showAbout();
    void showHelp(int page);
    void connectDiagram();
    void exportRulesDialog();
    void connectTester();
    // Runs a change of the filters that the user did not make in the filter bar: the previous
    // state goes on the Back history, and "show expired" set this way is not remembered.
    void changeFilters(const std::function<void()> &change);
    void updateEmptyResult();

    CatalogStore *m_store;
    CatalogModel *m_model;
    CatalogFilterProxyModel *m_proxy;
    FilterBar *m_filterBar;
    LookupBar *m_lookupBar;
    CatalogTableView *m_table;
    DetailsPane *m_details;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    QWidget *m_tablesPage;
    DiagramWidget *m_diagram;
    TesterPanel *m_testerPanel;
    TriageView *m_triage;
    QToolBar *m_testToolBar = nullptr;
    QMenu *m_testMenu = nullptr;
    QLabel *m_status;
    QMessageBox *m_errorBox = nullptr;
    QByteArray m_defaultHeaderState;
    QLabel *m_emptyResult;
    QList<FilterBar::State> m_filterHistory;
    bool m_changingFilters = false;
    bool m_userShowExpired = false; // the user's own choice, the one saved

    QMenu *m_fileMenu = nullptr;
    QMenu *m_catalogMenu = nullptr;
    WhatChangedDialog *m_whatChanged = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_exportViewAction = nullptr;
    QAction *m_exportRulesAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_copyAction = nullptr;
    QAction *m_copyDetailsAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_lookupAction = nullptr;
    QAction *m_clearFiltersAction = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_showExpiredAction = nullptr;
    QAction *m_requiredOnlyAction = nullptr;
    QAction *m_darkPaletteAction = nullptr;
    QAction *m_resetColumnsAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_japaneseAction = nullptr;
    QAction *m_aboutAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QAction *m_guideAction = nullptr;
};
