// Log triage benchmark: generates mixed log lines (iptables LOG, squid, AWS VPC Flow Logs,
// Windows Firewall, plain values) whose addresses are documentation addresses (RFC 5737) or the
// built-in catalog's own values as strings, triages the file with one thread, and compares with
// "grep -F -c -f <catalog addresses and hosts>" on the same file. Nothing is sent or resolved:
// the lines are only text in a temporary file.

#include "core/catalog/catalogloader.h"
#include "core/triage/logtriage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

#include <sys/resource.h>
#ifdef Q_OS_LINUX
#include <sched.h>
#endif

namespace {
long peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

struct Values
{
    QByteArrayList addresses; // catalog addresses, and addresses inside its subnets
    QByteArrayList hosts; // catalog hosts, and names below its wildcards
};

Values catalogValues(const Catalog &catalog)
{
    Values v;
    for (const Flow &flow : catalog.flows) {
        for (const Endpoint &ep : flow.endpoints) {
            switch (ep.kind) {
            case Endpoint::Kind::Address:
                if (!ep.value.contains(QLatin1Char(':')))
                    v.addresses.append(ep.value.toLatin1());
                break;
            case Endpoint::Kind::Cidr: {
                const QString network = ep.value.section(QLatin1Char('/'), 0, 0);
                if (!network.contains(QLatin1Char(':'))) {
                    QStringList parts = network.split(QLatin1Char('.'));
                    parts.last() = QString::number(parts.last().toInt() + 1);
                    v.addresses.append(parts.join(QLatin1Char('.')).toLatin1());
                }
                break;
            }
            case Endpoint::Kind::Host:
            case Endpoint::Kind::Url: {
                const QString host = ep.hostName();
                v.hosts.append((ep.isWildcard() ? QStringLiteral("bench") + host.mid(1) : host).toLatin1());
                break;
            }
            }
        }
    }
    return v;
}

// One line in five formats; about a third reach the catalog.
QByteArray line(QRandomGenerator &rng, const Values &v, int i)
{
    const bool catalogSide = rng.bounded(3) == 0;
    const QByteArray doc = QByteArray("192.0.2.") + QByteArray::number(rng.bounded(1, 255));
    const QByteArray address = catalogSide && !v.addresses.isEmpty()
            ? v.addresses.at(rng.bounded(int(v.addresses.size())))
            : (rng.bounded(2) ? doc : QByteArray("198.51.100.") + QByteArray::number(rng.bounded(1, 255)));
    const QByteArray host = catalogSide && !v.hosts.isEmpty() ? v.hosts.at(rng.bounded(int(v.hosts.size())))
                                                              : QByteArray("www.example.com");
    const int ports[] = {443, 80, 4118, 22, 514, 53};
    const QByteArray port = QByteArray::number(ports[rng.bounded(6)]);
    const QByteArray client = QByteArray("203.0.113.") + QByteArray::number(rng.bounded(1, 255));
    switch (i % 5) {
    case 0:
        return "Jan  5 12:34:56 fw kernel: [12345.678901] DROP IN= OUT=eth0 SRC=" + client + " DST=" + address
                + " LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=54321 DF PROTO=TCP SPT=51515 DPT=" + port
                + " WINDOW=29200 RES=0x00 SYN URGP=0";
    case 1:
        return "1704454496.123    921 " + client + " TCP_DENIED/403 3924 CONNECT " + host + ":" + port
                + " - HIER_NONE/- text/html";
    case 2:
        return "2 123456789010 eni-1235b8ca123456789 " + client + " " + address + " 49152 " + port
                + " 6 20 4249 1704454496 1704454556 REJECT OK";
    case 3:
        return "2024-01-05 12:34:56 DROP TCP " + client + " " + address + " 49152 " + port
                + " 60 S 1234567 0 8192 - - - SEND";
    default:
        return rng.bounded(2) ? address + ":" + port : "https://" + host + "/path";
    }
}

bool generate(const QString &fileName, const Values &v, int lines)
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator rng(15);
    QByteArray buffer;
    buffer.reserve(1 << 20);
    buffer +=
            "#Fields: date time action protocol src-ip dst-ip src-port dst-port size tcpflags tcpsyn tcpack "
            "tcpwin icmptype icmpcode info path\n";
    for (int i = 0; i < lines; ++i) {
        buffer += line(rng, v, i);
        buffer += '\n';
        if (buffer.size() > (1 << 20) - 512) {
            file.write(buffer);
            buffer.clear();
        }
    }
    file.write(buffer);
    return file.flush();
}

// Lines per second of one triage of the file, or -1.
double triageRun(const Catalog &catalog, const QString &fileName, TriageReport *report)
{
    QElapsedTimer timer;
    timer.start();
    LogTriage triage(catalog);
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered) || triage.addDevice(&file, fileName))
        return -1;
    const double seconds = timer.nsecsElapsed() / 1e9;
    *report = triage.report();
    return report->totalLines / seconds;
}

double grepRun(const QString &patterns, const QString &fileName, qint64 lines, QByteArray *count)
{
    QProcess grep;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    grep.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    grep.start(QStringLiteral("grep"),
               {QStringLiteral("-F"), QStringLiteral("-c"), QStringLiteral("-f"), patterns, fileName});
    if (!grep.waitForFinished(600000) || grep.exitStatus() != QProcess::NormalExit)
        return -1;
    const double seconds = timer.nsecsElapsed() / 1e9;
    *count = grep.readAllStandardOutput().trimmed();
    return lines / seconds;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Benchmark of log triage against grep -F -f."));
    parser.addHelpOption();
    parser.addOptions({
            {QStringLiteral("lines"), QStringLiteral("Lines in the generated log (default 1000000)."),
             QStringLiteral("n"), QStringLiteral("1000000")},
            {QStringLiteral("runs"), QStringLiteral("Runs; the median is reported (default 5)."),
             QStringLiteral("n"), QStringLiteral("5")},
    });
    parser.process(app);
    QTextStream out(stdout);
#ifdef Q_OS_LINUX
    cpu_set_t one; // one core, whichever we are on
    CPU_ZERO(&one);
    CPU_SET(sched_getcpu(), &one);
    sched_setaffinity(0, sizeof(one), &one);
#endif
    const int lines = qMax(1, parser.value(QStringLiteral("lines")).toInt());
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());
    const auto loaded = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    if (!loaded.isOk()) {
        out << "bench_triage: " << loaded.error.toString() << Qt::endl;
        return 2;
    }
    const Catalog &catalog = *loaded.catalog;
    QTemporaryDir dir;
    const QString logFile = dir.filePath(QStringLiteral("bench.log"));
    const QString smallFile = dir.filePath(QStringLiteral("small.log"));
    const QString patternFile = dir.filePath(QStringLiteral("patterns.txt"));
    const Values values = catalogValues(catalog);
    QFile patterns(patternFile);
    if (!patterns.open(QIODevice::WriteOnly) || patterns.write(EndpointIndex(catalog).literalPatterns()) < 0
        || !generate(logFile, values, lines) || !generate(smallFile, values, qMax(1, lines / 10))) {
        out << "bench_triage: cannot write the test files in " << dir.path() << Qt::endl;
        return 2;
    }
    patterns.close();
    out << "bench_triage: " << lines << " lines, " << QFile(logFile).size() / (1024 * 1024) << " MiB, "
        << EndpointIndex(catalog).entries().size() << " catalog endpoints" << Qt::endl;

    TriageReport report;
    const long rssBefore = peakRssKiB();
    triageRun(catalog, smallFile, &report);
    const long rssSmall = peakRssKiB();
    QList<double> triageRates;
    for (int r = 0; r < runs; ++r) {
        const double rate = triageRun(catalog, logFile, &report);
        if (rate < 0) {
            out << "bench_triage: cannot read " << logFile << Qt::endl;
            return 2;
        }
        triageRates.append(rate);
        out << QStringLiteral("  triage run %1: %2 lines/s\n").arg(r + 1).arg(rate, 0, 'f', 0);
    }
    const long rssFull = peakRssKiB();
    out << QStringLiteral(
                   "  triage: %1 hit a flow, %2 port mismatches, %3 unrelated, %4 unrecognised, %5 flows\n")
                    .arg(report.matchedLines)
                    .arg(report.mismatchedLines)
                    .arg(report.unrelatedLines)
                    .arg(report.unrecognisedLines)
                    .arg(report.flows.size());
    QList<double> grepRates;
    QByteArray grepCount;
    for (int r = 0; r < runs; ++r) {
        const double rate = grepRun(patternFile, logFile, lines + 1, &grepCount);
        if (rate < 0) {
            out << "bench_triage: grep failed" << Qt::endl;
            break;
        }
        grepRates.append(rate);
        out << QStringLiteral("  grep run %1: %2 lines/s\n").arg(r + 1).arg(rate, 0, 'f', 0);
    }
    const double triageMedian = median(triageRates);
    const double grepMedian = median(grepRates);
    out << QStringLiteral("triage median: %1 lines/s (target >= 1000000)\n").arg(triageMedian, 0, 'f', 0);
    out << QStringLiteral("grep -F -c -f (LC_ALL=C) median: %1 lines/s, %2 lines matched a pattern\n")
                    .arg(grepMedian, 0, 'f', 0)
                    .arg(QString::fromLatin1(grepCount));
    const double ratio = triageMedian > 0 ? grepMedian / triageMedian : 0;
    out << QStringLiteral("grep / triage time ratio: %1 (target <= 2)\n").arg(ratio, 0, 'f', 2);
    out << QStringLiteral(
                   "peak RSS: %1 KiB after loading, %2 KiB after %3 lines, %4 KiB after %5 x %6 lines\n")
                    .arg(rssBefore)
                    .arg(rssSmall)
                    .arg(qMax(1, lines / 10))
                    .arg(rssFull)
                    .arg(runs)
                    .arg(lines);
    out.flush();
    return triageMedian >= 1e6 && ratio <= 2 ? 0 : 1;
}
