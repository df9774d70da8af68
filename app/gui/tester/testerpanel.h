#pragma once

#include "core/tester/models/rowstatemapper.h"
#include "core/tester/plan/environmentsettings.h"
#include "core/tester/plan/testeroptions.h"
#include "core/tester/plan/testplan.h"
#include "core/tester/report/resultsreport.h"
#include "core/tester/result/checkresult.h"

#include "core/catalog/catalog.h"
#include "core/diagram/diagramresults.h"
#include "core/i18n/language.h"

#include "core/tester/plan/testplanner.h"
#include <QDateTime>
#include <QList>
#include <QPointer>

#include <QWidget>

#include <variant>

#include <functional>
#include <optional>

class CatalogModel;
class CheckResultsFilterModel;
class CheckResultsModel;
class ComparisonDialog;
class EnvironmentDialog;
class PasswordStore;
class QAction;
class RunComparison;
class TestSession;
class QCheckBox;
class QHBoxLayout;
class QLabel;
class QMessageBox;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
class QTextBrowser;
class QToolButton;

// The "Connectivity" tab: test the catalog's destinations for the chosen roles in one click,
// watch the results arrive, read what failed and what to ask for, save or copy a report,
// compare with an earlier run. Live states go to the catalog table (CatalogModel check states)
// and, when a run ends, to the diagram (diagramResultsChanged).
class TesterPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TesterPanel)

public:
    // The formats of ReportWriters that a file is saved in (the ticket text is copied).
    enum class ReportFormat { Html, Json, JUnit, Csv, Text };

    // catalogModel may be null; when given, its rows get the check states.
    explicit TesterPanel(CatalogModel *catalogModel, QWidget *parent = nullptr);
    ~TesterPanel() override;

    // builtin: the embedded catalog, whose destinations are real hosts on the internet: F5
    // then first says what will be contacted and asks (unless told not to ask again).
    void setCatalog(const Catalog &catalog, bool builtin = false);
    void setLanguage(Language language);

    QAction *runAction() const { return m_runAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *rerunFailedAction() const { return m_rerunAction; }
    QAction *environmentAction() const { return m_environmentAction; }
    // Enabled once two complete full runs exist in this session.
    QAction *comparePreviousAction() const { return m_comparePreviousAction; }

    // Applied to the options of every run after the environment's (tests: loopback only,
    // resolve overrides, extra CA certificates).
    void setOptionsOverride(const std::function<void(TesterOptions &)> &override);
    EnvironmentSettings environment() const { return m_environment; }
    // Sets and persists the environment; the password goes to the keychain when asked for and
    // available, otherwise it is kept in memory only.
    void setEnvironment(const EnvironmentSettings &environment, const QString &password);
    QStringList selectedRoles() const;
    void setSelectedRoles(const QStringList &roles);

    bool isRunning() const;
    CheckResultsModel *resultsModel() const { return m_results; }
    CheckResultsFilterModel *filterModel() const { return m_filter; }
    QTableView *resultsView() const { return m_view; }
    QTextBrowser *detailsView() const { return m_details; }
    QProgressBar *progressBar() const { return m_progress; }
    QLabel *countsLabel() const { return m_counts; }
    QCheckBox *failuresOnlyBox() const { return m_failuresOnly; }
    QPushButton *runButton() const { return m_runButton; }
    QPushButton *comparePreviousButton() const { return m_comparePreviousButton; }
    // The dialogs while they are open, else nullptr.
    ComparisonDialog *comparisonDialog() const;
    EnvironmentDialog *environmentDialog() const;
    QMessageBox *confirmationDialog() const;
    // The results of the last run, complete once it has finished (failures re-run merged in).
    QList<CheckResult> results() const;
    TestPlan plan() const;
    ResultsReport::Run run() const;
    // The complete full run before the last one (failures re-run merged in; cancelled runs
    // never count), if any.
    std::optional<QList<CheckResult>> previousResults() const;
    // The runs: history, reports, the ticket text (shared with portolan-cli check).
    TestSession *session() const { return m_session; }

    // Writes the last run's report atomically. Returns an error, or nothing.
    // CSV with a byte order mark (for Excel) when asked.
    std::optional<QString> saveReport(const QString &fileName, ReportFormat format,
                                      bool byteOrderMark = false) const;
    static std::optional<ReportFormat> formatForFileName(const QString &fileName);
    QString summaryText() const;
    // One line for the window's status bar while this tab is shown.
    QString statusText() const;
    // Compares a saved JSON report (before) with the last run (after) and shows the result.
    // Returns the error (nothing is shown then), or nothing.
    std::optional<QString> compareWithFile(const QString &fileName);

public slots:
    void runTests();
    void rerunFailed();
    void cancel();
    void editEnvironment();
    void copySummary();
    void saveReportDialog();
    void compareDialog();
    // Compares the previous complete run (before) with the current one (after).
    void compareWithPrevious();

signals:
    void runStarted();
    void runFinished(bool cancelled);
    void diagramResultsChanged(const DiagramResults &results);
    // A message for the status bar.
    void message(const QString &text);
    // statusText() changed.
    void statusChanged();
    void errorOccurred(const QString &title, const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The plan for these options in the panel's language, with the GUI's own words for a
    // missing site address; or the planner's error.
    void confirmBuiltinRun(const TestPlan &plan, const TestPlanner::Options &planOptions);
    void startFullRun(const TestPlan &plan, const TestPlanner::Options &planOptions);
    std::variant<TestPlan, QString> buildPlan(const TestPlanner::Options &options) const;
    // After a language switch: skip reasons shown in the new language at once.
    void retranslateSkipReasons();
    void updateIcons();
    void retranslateUi();
    void rebuildRoles();
    void onStarted(const QList<int> &indices);
    void onTargetsStarted(const QList<int> &indices);
    void onResultReady(int index, const CheckResult &result);
    void onFinished(bool cancelled);
    void updateProgress();
    void updateActions();
    void updateDetails();
    void updateServiceNames();
    void updateRows(const QList<int> &rows);
    void showComparison(const RunComparison &comparison, const QString &beforeName);
    TesterOptions options() const;
    void readSettings();
    void writeSettings() const;

    CatalogModel *m_catalogModel;
    Catalog m_catalog;
    Language m_language = Language::English;
    TestSession *m_session;
    CheckResultsModel *m_results;
    CheckResultsFilterModel *m_filter;
    PasswordStore *m_passwords;
    RowStateMapper m_mapper;
    EnvironmentSettings m_environment;
    QString m_password; // in memory only
    std::function<void(TesterOptions &)> m_optionsOverride;
    TestPlanner::Options m_planOptions; // what the session's plan was built from
    bool m_builtinCatalog = false;
    QPointer<QMessageBox> m_confirmation; // "this will contact N destinations", while open

    QAction *m_runAction;
    QAction *m_cancelAction;
    QAction *m_rerunAction;
    QAction *m_environmentAction;
    QAction *m_comparePreviousAction;
    QLabel *m_rolesLabel;
    QHBoxLayout *m_rolesLayout;
    QList<QCheckBox *> m_roleBoxes;
    QPushButton *m_runButton;
    QToolButton *m_cancelButton;
    QToolButton *m_rerunButton;
    QToolButton *m_environmentButton;
    QProgressBar *m_progress;
    QLabel *m_counts;
    QCheckBox *m_failuresOnly;
    QTableView *m_view;
    QTextBrowser *m_details;
    QSplitter *m_splitter;
    QPushButton *m_saveButton;
    QPushButton *m_copyButton;
    QPushButton *m_compareButton;
    QPushButton *m_comparePreviousButton;
    QPointer<ComparisonDialog> m_comparisonDialog;
    QPointer<EnvironmentDialog> m_environmentDialog;
};
