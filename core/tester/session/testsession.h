#pragma once

#include "core/catalog/catalog.h"
#include "core/tester/plan/testeroptions.h"
#include "core/tester/plan/testplan.h"
#include "core/tester/report/reportwriters.h"
#include "core/tester/report/resultsreport.h"
#include "core/tester/result/checkresult.h"

#include <QDateTime>
#include <QList>
#include <QObject>

#include <optional>

class ConnectivityTester;

// The runs of one catalog, as both front ends drive them: a full run of a plan, re-runs of its
// failures merged into it, cancelling, the complete run before the current one (for
// comparison), and the reports and ticket text of what is known. The GUI's Connectivity tab and
// `portolan-cli check` hold one each; the scheduler underneath is ConnectivityTester.
// Indices are always the full plan's, also during a re-run.
class TestSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestSession)

public:
    explicit TestSession(QObject *parent = nullptr);
    ~TestSession() override;

    // The catalog the plans come from (named in the reports). A running test is cancelled; the
    // current run, when complete, becomes the previous one.
    void setCatalog(const Catalog &catalog);
    void setOptions(const TesterOptions &options);
    const TesterOptions &options() const;

    // A full run of the plan (after returning to the event loop).
    void start(const TestPlan &plan);
    // Checks the failures of the current run again; their new results replace the old ones.
    // False (nothing happens) while running, before any run, or when nothing failed.
    bool rerunFailed();
    // Stops at once: what did not finish is reported cancelled, then finished(true).
    void cancel();

    bool isRunning() const;
    bool hasRun() const { return m_hasRun; }
    const TestPlan &plan() const { return m_plan; }
    // A skipped target's reason and name in another language (the plan is rebuilt by the
    // caller); the shown result follows.
    void setSkippedText(int index, const QString &reason, const QString &endpoint);

    // The results known, in plan order (during a re-run, without the ones being re-checked).
    QList<CheckResult> results() const;
    std::optional<CheckResult> result(int index) const;
    bool hasFailures() const;
    // The current results are a full run that was not cancelled (re-runs merged in).
    bool isComplete() const { return m_complete; }
    QDateTime finishedAt() const { return m_finishedAt; }
    // The complete run before the current one, if any: cancelled runs never count.
    std::optional<QList<CheckResult>> previousResults() const { return m_previous; }
    QDateTime previousFinishedAt() const { return m_previousFinishedAt; }

    qint64 elapsedMs() const;
    bool wasCancelled() const { return m_cancelled; }
    // What the report of the last run opens with.
    ResultsReport::Run run() const;
    QByteArray report(const ReportWriters::Writer &writer, const QString &languageCode) const;
    QString ticketText() const;

signals:
    // A run began: the plan targets it checks (all of them, or the failures re-run).
    void started(const QList<int> &indices);
    void targetsStarted(const QList<int> &indices);
    void resultReady(int index, const CheckResult &result);
    void finished(bool cancelled);

private:
    void keepCurrentAsPrevious();
    void run(const TestPlan &plan, const QList<int> &indices);
    void onResultReady(int runIndex, const CheckResult &result);
    void onFinished(bool cancelled);

    ConnectivityTester *m_tester;
    Catalog m_catalog; // named in the reports (in the language of the moment)
    TestPlan m_plan;
    QList<std::optional<CheckResult>> m_results; // by plan index
    QList<int> m_runIndices; // run target index -> plan index
    QDateTime m_startedAt;
    QDateTime m_finishedAt; // of the run that completed the current results
    QDateTime m_endedAt; // of the last run, however it ended
    qint64 m_elapsedMs = 0;
    bool m_hasRun = false;
    bool m_fullRun = false; // the running (or last) run is a full run, not a re-run
    bool m_cancelled = false;
    bool m_complete = false;
    std::optional<QList<CheckResult>> m_previous;
    QDateTime m_previousFinishedAt;
};
