// How long `portolan-cli --version` takes against a bare QCoreApplication program (this one,
// run with --bare): what a fleet run pays per host and per call (issue 13: within 2x).
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace {
double medianMs(const QString &program, const QStringList &arguments, int runs)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QProcess process;
        QElapsedTimer clock;
        clock.start();
        process.start(program, arguments);
        if (!process.waitForFinished(30000) || process.exitCode() != 0) {
            std::fprintf(stderr, "bench_startup: %s failed\n", qPrintable(program));
            return -1;
        }
        times.append(clock.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (app.arguments().contains(QStringLiteral("--bare"))) {
        QTextStream(stdout) << "bare " << QT_VERSION_STR << '\n';
        return 0;
    }
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs of each program (default 31)."),
                      QStringLiteral("n"), QStringLiteral("31")});
    parser.addOption({QStringLiteral("cli"), QStringLiteral("The portolan-cli to measure."),
                      QStringLiteral("path"), QStringLiteral(PORTOLAN_CLI)});
    parser.process(app);
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());
    // Interleaved warm-up: both programs' libraries in the page cache before measuring.
    medianMs(QCoreApplication::applicationFilePath(), {QStringLiteral("--bare")}, 3);
    medianMs(parser.value(QStringLiteral("cli")), {QStringLiteral("--version")}, 3);
    const double bare = medianMs(QCoreApplication::applicationFilePath(), {QStringLiteral("--bare")}, runs);
    const double cli = medianMs(parser.value(QStringLiteral("cli")), {QStringLiteral("--version")}, runs);
    if (bare <= 0 || cli <= 0)
        return 1;
    std::printf("median of %d runs: bare QCoreApplication %.1f ms, portolan-cli --version %.1f ms: %.2f x "
                "(target <= 2)\n",
                runs, bare, cli, cli / bare);
    return 0;
}
