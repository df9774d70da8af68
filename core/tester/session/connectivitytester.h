#pragma once

#include "core/tester/plan/testeroptions.h"
#include "core/tester/plan/testplan.h"
#include "core/tester/result/checkresult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

class EndpointCheck;

// Runs a TestPlan on the event loop: every check is an asynchronous state machine, at most
// concurrency of them in flight, each stage bounded by the stage timeout; targets that would
// send the same packets are checked once. Never blocks the calling thread.
class ConnectivityTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectivityTester)

public:
    explicit ConnectivityTester(QObject *parent = nullptr);
    ~ConnectivityTester() override;

    void setOptions(const TesterOptions &options);
    const TesterOptions &options() const { return m_options; }

    // Starts checking the plan (after returning to the event loop). A running test is cancelled
    // first.
    void start(const TestPlan &plan);
    // Stops every check at once; the results not yet known are reported as skipped
    // ("Cancelled"), then finished(true) is emitted.
    void cancel();

    bool isRunning() const { return m_running; }
    const TestPlan &plan() const { return m_plan; }
    // One result per plan target, in plan order; complete after finished().
    QList<CheckResult> results() const { return m_results; }
    qint64 elapsedMs() const;

signals:
    void started(int total);
    // These plan targets are being checked now (one check, deduplicated targets).
    void targetsStarted(const QList<int> &indices);
    void resultReady(int index, const CheckResult &result);
    void progress(int done, int total);
    void finished(bool cancelled);

private:
    void run();
    void pump();
    void onCheckFinished(EndpointCheck *check);
    void deliver(const QString &key, const CheckResult &result);
    void store(int index, const CheckResult &result);

    TesterOptions m_options;
    TestPlan m_plan;
    QList<CheckResult> m_results;
    QList<bool> m_known;
    QHash<QString, QList<int>> m_groups; // dedup key -> target indices
    QStringList m_queue; // dedup keys waiting to run
    QHash<EndpointCheck *, QString> m_checks;
    QElapsedTimer m_clock;
    qint64 m_elapsedMs = 0;
    int m_done = 0;
    int m_generation = 0;
    bool m_running = false;
};
