#include "testsession.h"

#include "core/tester/report/ticketsummary.h"
#include "core/tester/session/connectivitytester.h"

TestSession::TestSession(QObject *parent)
    : QObject(parent)
    , m_tester(new ConnectivityTester(this))
{
    connect(m_tester, &ConnectivityTester::targetsStarted, this, [this](const QList<int> &runIndices) {
        QList<int> indices;
        for (int index : runIndices)
            indices.append(m_runIndices.value(index, -1));
        emit targetsStarted(indices);
    });
    connect(m_tester, &ConnectivityTester::resultReady, this, &TestSession::onResultReady);
    connect(m_tester, &ConnectivityTester::finished, this, &TestSession::onFinished);
}

TestSession::~TestSession() = default;

void TestSession::setCatalog(const Catalog &catalog)
{
    if (m_tester->isRunning())
        m_tester->cancel();
    keepCurrentAsPrevious();
    m_complete = false;
    m_catalog = catalog;
    m_plan = {};
    m_results.clear();
    m_hasRun = false;
}

void TestSession::setOptions(const TesterOptions &options)
{
    m_tester->setOptions(options);
}

const TesterOptions &TestSession::options() const
{
    return m_tester->options();
}

bool TestSession::isRunning() const
{
    return m_tester->isRunning();
}

void TestSession::keepCurrentAsPrevious()
{
    if (!m_complete)
        return;
    m_previous = results();
    m_previousFinishedAt = m_finishedAt;
}

void TestSession::start(const TestPlan &plan)
{
    if (m_tester->isRunning())
        m_tester->cancel();
    // The complete run shown until now becomes the previous one; a cancelled one is dropped.
    keepCurrentAsPrevious();
    m_complete = false;
    m_plan = plan;
    m_results = QList<std::optional<CheckResult>>(plan.targets.size());
    QList<int> indices;
    for (int i = 0; i < plan.targets.size(); ++i)
        indices.append(i);
    m_fullRun = true;
    run(plan, indices);
}

bool TestSession::rerunFailed()
{
    if (m_tester->isRunning() || !m_hasRun)
        return false;
    TestPlan failures = m_plan;
    failures.targets.clear();
    QList<int> indices;
    for (int i = 0; i < m_results.size(); ++i) {
        if (m_results.at(i) && m_results.at(i)->isFailure()) {
            indices.append(i);
            failures.targets.append(m_plan.targets.at(i));
        }
    }
    if (indices.isEmpty())
        return false;
    // The run as it is now stays there for a comparison.
    keepCurrentAsPrevious();
    for (int index : std::as_const(indices))
        m_results[index].reset();
    m_fullRun = false;
    run(failures, indices);
    return true;
}

void TestSession::run(const TestPlan &plan, const QList<int> &indices)
{
    m_runIndices = indices;
    m_cancelled = false;
    m_startedAt = QDateTime::currentDateTime();
    m_endedAt = {};
    m_hasRun = true;
    m_tester->start(plan);
    emit started(indices);
}

void TestSession::cancel()
{
    m_tester->cancel();
}

void TestSession::onResultReady(int runIndex, const CheckResult &result)
{
    const int index = m_runIndices.value(runIndex, -1);
    if (index < 0 || index >= m_results.size())
        return;
    CheckResult copy = result;
    copy.targetIndex = index;
    m_results[index] = copy;
    emit resultReady(index, copy);
}

void TestSession::onFinished(bool cancelled)
{
    m_cancelled = cancelled;
    m_elapsedMs = m_tester->elapsedMs();
    m_endedAt = QDateTime::currentDateTime();
    // A cancelled re-run leaves the failures it did not reach unchecked: incomplete as well.
    if (cancelled) {
        m_complete = false;
    } else {
        // A re-run of the failures completes the run it re-checked (if that was complete).
        m_complete = m_complete || m_fullRun;
        if (m_complete)
            m_finishedAt = QDateTime::currentDateTime();
    }
    emit finished(cancelled);
}

void TestSession::setSkippedText(int index, const QString &reason, const QString &endpoint)
{
    if (index < 0 || index >= m_plan.targets.size() || !m_plan.targets.at(index).isSkipped())
        return;
    m_plan.targets[index].skipReason = reason;
    m_plan.targets[index].endpoint = endpoint;
    if (index < m_results.size() && m_results.at(index) && m_results.at(index)->verdict == Verdict::Skipped) {
        m_results[index]->reason = reason;
        m_results[index]->endpoint = endpoint;
    }
}

QList<CheckResult> TestSession::results() const
{
    QList<CheckResult> known;
    for (const auto &result : m_results) {
        if (result)
            known.append(*result);
    }
    return known;
}

std::optional<CheckResult> TestSession::result(int index) const
{
    return m_results.value(index);
}

bool TestSession::hasFailures() const
{
    for (const auto &result : m_results) {
        if (result && result->isFailure())
            return true;
    }
    return false;
}

qint64 TestSession::elapsedMs() const
{
    return m_tester->isRunning() ? m_tester->elapsedMs() : m_elapsedMs;
}

ResultsReport::Run TestSession::run() const
{
    ResultsReport::Run run;
    run.setCatalog(m_catalog);
    const TesterOptions &options = m_tester->options();
    run.proxy = options.proxy.displayName();
    switch (options.proxy.mode()) {
    case ProxySettings::Mode::Direct:
        run.proxyMode = QStringLiteral("direct");
        break;
    case ProxySettings::Mode::System:
        run.proxyMode = QStringLiteral("system");
        break;
    case ProxySettings::Mode::Manual:
        run.proxyMode = QStringLiteral("manual");
        break;
    }
    run.site = m_plan.site.addresses();
    run.stageTimeoutMs = options.stageTimeoutMs;
    run.concurrency = options.concurrency;
    run.elapsedMs = m_elapsedMs;
    run.cancelled = m_cancelled;
    run.setMachine();
    run.startedAt = m_startedAt;
    run.finishedAt = m_endedAt;
    return run;
}

QByteArray TestSession::report(const ReportWriters::Writer &writer, const QString &languageCode) const
{
    return writer.write(m_plan, results(), run(), languageCode);
}

QString TestSession::ticketText() const
{
    return TicketSummary::text(m_plan.roles, results(), run());
}
