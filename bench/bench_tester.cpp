// Connectivity tester benchmark: a plan of many endpoints against a loopback testbed in which a
// share of the endpoints is blackholed (TCP dropped by nftables/iptables inside a private network
// namespace). Prints the total wall time against one stage timeout and against the sequential
// baseline (the sum of the single check times). Re-executes itself under "unshare -n".

#include "core/tester/session/connectivitytester.h"
#include "tests/tester/testservers.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Benchmark of the connectivity tester on loopback."));
    parser.addHelpOption();
    parser.addOptions({
            {QStringLiteral("endpoints"), QStringLiteral("Endpoints in the plan (default 320)."),
             QStringLiteral("n"), QStringLiteral("320")},
            {QStringLiteral("blackholed"), QStringLiteral("Blackholed endpoints (default 24)."),
             QStringLiteral("n"), QStringLiteral("24")},
            {QStringLiteral("timeout"), QStringLiteral("Stage timeout in ms (default 2000)."),
             QStringLiteral("ms"), QStringLiteral("2000")},
            {QStringLiteral("concurrency"), QStringLiteral("Concurrency (default 32)."), QStringLiteral("n"),
             QStringLiteral("32")},
            {QStringLiteral("runs"), QStringLiteral("Runs; the median is reported (default 3)."),
             QStringLiteral("n"), QStringLiteral("3")},
    });
    parser.process(app);
    QTextStream out(stdout);

    if (!qEnvironmentVariableIsSet("PORTOLAN_IN_NETNS")) {
        int exitCode = -1;
        QByteArray output;
        const QString error = runInNetworkNamespace(app.arguments().mid(1), &exitCode, &output);
        if (!error.isEmpty()) {
            out << "bench_tester: " << error << Qt::endl;
            return 2;
        }
        out << output << Qt::flush;
        return exitCode;
    }

    const int endpoints = parser.value(QStringLiteral("endpoints")).toInt();
    const int blackholed = std::clamp(parser.value(QStringLiteral("blackholed")).toInt(), 0, endpoints);
    const int timeoutMs = parser.value(QStringLiteral("timeout")).toInt();
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());

    // Blackholed ports: a contiguous range that nothing listens on, dropped on lo.
    QList<quint16> dropped;
    for (int i = 0; i < blackholed; ++i)
        dropped.append(quint16(20000 + i));
    const QString error = blackholeLoopbackPorts(dropped);
    if (!error.isEmpty()) {
        out << "bench_tester: cannot blackhole: " << error << Qt::endl;
        return 2;
    }
    TestTcpServer web(TestTcpServer::Mode::Http);
    if (!web.listenLoopback()) {
        out << "bench_tester: cannot listen" << Qt::endl;
        return 2;
    }

    TestPlan plan;
    plan.roles = {QStringLiteral("agent")};
    for (int i = 0; i < endpoints; ++i) {
        CheckTarget target;
        target.addFlow(QStringLiteral("flow-%1").arg(i / 4), i % 4);
        // Spread the blackholed endpoints evenly through the plan.
        const bool dark = blackholed > 0 && i % (endpoints / blackholed) == 0
                && i / (endpoints / blackholed) < blackholed;
        target.host = QStringLiteral("host%1.bench.test").arg(i);
        target.port = dark ? dropped.at(i / (endpoints / blackholed)) : web.port();
        target.kind = CheckTarget::Kind::Http;
        target.transport = Transport::Tcp;
        target.path = QStringLiteral("/");
        target.endpoint = QStringLiteral("%1:%2").arg(target.host).arg(target.port);
        plan.targets.append(target);
    }
    TesterOptions options;
    options.allowOnlyLoopback = true;
    options.stageTimeoutMs = timeoutMs;
    options.concurrency = parser.value(QStringLiteral("concurrency")).toInt();
    for (const CheckTarget &target : plan.targets)
        options.resolveOverrides.insert(target.host, {QHostAddress::LocalHost});

    QList<qint64> walls;
    QList<qint64> sums;
    for (int run = 0; run < runs; ++run) {
        ConnectivityTester tester;
        tester.setOptions(options);
        QEventLoop loop;
        QObject::connect(&tester, &ConnectivityTester::finished, &loop, &QEventLoop::quit);
        QElapsedTimer clock;
        clock.start();
        tester.start(plan);
        loop.exec();
        const qint64 wall = clock.elapsed();
        qint64 sum = 0;
        int timeouts = 0;
        int ok = 0;
        for (const CheckResult &result : tester.results()) {
            sum += result.durationMs;
            timeouts += result.verdict == Verdict::Timeout;
            ok += result.verdict == Verdict::Ok;
        }
        walls.append(wall);
        sums.append(sum);
        out << QStringLiteral(
                       "run %1: %2 endpoints (%3 ok, %4 timed out), wall %5 ms, sequential baseline %6 ms\n")
                        .arg(run + 1)
                        .arg(endpoints)
                        .arg(ok)
                        .arg(timeouts)
                        .arg(wall)
                        .arg(sum);
        if (ok + timeouts != endpoints || timeouts != blackholed) {
            out << "bench_tester: unexpected verdicts" << Qt::endl;
            return 1;
        }
    }
    std::sort(walls.begin(), walls.end());
    std::sort(sums.begin(), sums.end());
    const qint64 wall = walls.at(walls.size() / 2);
    const qint64 sum = sums.at(sums.size() / 2);
    // Each blackholed check holds a slot for one timeout: ceil(blackholed / concurrency) waves
    // of timeouts is the least any scheduler can take.
    const int waves = qMax(1, (blackholed + options.concurrency - 1) / qMax(1, options.concurrency));
    const double perWave = double(wall) / (double(waves) * timeoutMs);
    out << QStringLiteral(
                   "median wall %1 ms = %2 x timeout (%3 ms), %4 wave(s) of timeouts: %5 x one timeout per "
                   "wave (target <= 1.1); sequential baseline %6 ms (%7 x slower); concurrency %8, %9 of "
                   "%10 blackholed\n")
                    .arg(wall)
                    .arg(double(wall) / timeoutMs, 0, 'f', 2)
                    .arg(timeoutMs)
                    .arg(waves)
                    .arg(perWave, 0, 'f', 2)
                    .arg(sum)
                    .arg(double(sum) / qMax<qint64>(1, wall), 0, 'f', 1)
                    .arg(options.concurrency)
                    .arg(blackholed)
                    .arg(endpoints);
    out.flush();
    return perWave <= 1.1 ? 0 : 1;
}
