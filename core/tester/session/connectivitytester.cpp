#include "connectivitytester.h"

#include "core/tester/session/endpointcheck.h"

#include <QTimer>

ConnectivityTester::ConnectivityTester(QObject *parent)
    : QObject(parent)
{ }

ConnectivityTester::~ConnectivityTester()
{
    // Checks are children: deleting them aborts their sockets. No signals on the way out.
    blockSignals(true);
    for (auto it = m_checks.cbegin(); it != m_checks.cend(); ++it)
        it.key()->cancel();
}

void ConnectivityTester::setOptions(const TesterOptions &options)
{
    m_options = options;
    m_options.concurrency = qMax(1, m_options.concurrency);
    m_options.stageTimeoutMs = qMax(1, m_options.stageTimeoutMs);
}

qint64 ConnectivityTester::elapsedMs() const
{
    return m_running ? m_clock.elapsed() : m_elapsedMs;
}

void ConnectivityTester::start(const TestPlan &plan)
{
    if (m_running)
        cancel();
    m_plan = plan;
    m_results = QList<CheckResult>(plan.targets.size());
    m_known = QList<bool>(plan.targets.size(), false);
    m_groups.clear();
    m_queue.clear();
    m_done = 0;
    m_running = true;
    m_clock.start();
    const int generation = ++m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation && m_running)
            run();
    });
}

void ConnectivityTester::run()
{
    const int total = int(m_plan.targets.size());
    emit started(total);
    for (int i = 0; i < total; ++i) {
        const CheckTarget &target = m_plan.targets.at(i);
        if (target.isSkipped()) {
            store(i, CheckResult::forTarget(target, Verdict::Skipped, target.skipReason));
            continue;
        }
        const QString key = target.dedupKey();
        if (!m_groups.contains(key))
            m_queue.append(key);
        m_groups[key].append(i);
    }
    pump();
}

void ConnectivityTester::pump()
{
    while (m_running && m_checks.size() < m_options.concurrency && !m_queue.isEmpty()) {
        const QString key = m_queue.takeFirst();
        const int index = m_groups.value(key).first();
        auto *check = new EndpointCheck(m_plan.targets.at(index), m_options, this);
        m_checks.insert(check, key);
        connect(check, &EndpointCheck::finished, this, [this, check] { onCheckFinished(check); });
        emit targetsStarted(m_groups.value(key));
        check->start();
    }
    if (m_running && m_checks.isEmpty() && m_queue.isEmpty()) {
        m_running = false;
        m_elapsedMs = m_clock.elapsed();
        emit finished(false);
    }
}

void ConnectivityTester::onCheckFinished(EndpointCheck *check)
{
    const QString key = m_checks.take(check);
    if (key.isEmpty())
        return;
    const CheckResult result = check->result();
    check->deleteLater();
    deliver(key, result);
    // Start the next checks from the event loop, not from inside a socket's signal.
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation == m_generation)
            pump();
    });
}

void ConnectivityTester::deliver(const QString &key, const CheckResult &result)
{
    const QList<int> indices = m_groups.value(key);
    for (int index : indices) {
        const CheckTarget &target = m_plan.targets.at(index);
        CheckResult copy = result;
        copy.flows = target.flows;
        copy.endpoint = target.endpoint;
        store(index, copy);
    }
}

void ConnectivityTester::store(int index, const CheckResult &result)
{
    if (m_known.at(index))
        return;
    m_known[index] = true;
    m_results[index] = result;
    m_results[index].targetIndex = index;
    ++m_done;
    emit resultReady(index, m_results.at(index));
    emit progress(m_done, int(m_plan.targets.size()));
}

void ConnectivityTester::cancel()
{
    if (!m_running)
        return;
    ++m_generation;
    const auto checks = m_checks;
    m_checks.clear();
    for (auto it = checks.cbegin(); it != checks.cend(); ++it) {
        EndpointCheck *check = it.key();
        check->cancel();
        deliver(it.value(), check->result());
        check->deleteLater();
    }
    for (int i = 0; i < m_plan.targets.size(); ++i) {
        if (m_known.at(i))
            continue;
        store(i,
              CheckResult::forTarget(m_plan.targets.at(i), Verdict::Cancelled,
                                     tr("Cancelled before it ran")));
    }
    m_queue.clear();
    m_running = false;
    m_elapsedMs = m_clock.elapsed();
    emit finished(true);
}
