// portolan-cli when its output cannot be written: standard output on /dev/full, --output on a
// full disk (a 64 KiB tmpfs in a private mount namespace, when this machine allows one), a
// report file that cannot be created, a FIFO as --output, and temporaries left by a killed
// writer. One exit code for all of them: 74 (EX_IOERR), with the system's reason on stderr.
// Checks run only against 127.0.0.1 (--loopback-only).

#include "tests/tester/testservers.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr int WriteError = 74;

struct Output
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs program; keeps this process's event loop (the loopback servers) running meanwhile.
Output run(const QString &program, const QStringList &arguments, const QString &standardOutput = {})
{
    QProcess process;
    if (!standardOutput.isEmpty())
        process.setStandardOutputFile(standardOutput);
    process.start(program, arguments);
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 60000))
        process.kill();
    process.waitForFinished();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

Output cli(const QStringList &arguments, const QString &standardOutput = {})
{
    return run(QStringLiteral(PORTOLAN_CLI), arguments, standardOutput);
}

bool isFifo(const QString &fileName)
{
    struct stat info
    {
    };
    return ::lstat(QFile::encodeName(fileName).constData(), &info) == 0 && S_ISFIFO(info.st_mode);
}

} // namespace

class tst_CliOutput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void standardOutputFull_data();
    void standardOutputFull();
    void outputOnFullDisk_data();
    void outputOnFullDisk();
    void checkCreatesItsReportFirst_data();
    void checkCreatesItsReportFirst();
    void outputToFifo_data();
    void outputToFifo();
    void staleTemporariesOfTheTarget();

private:
    // A catalog with one HTTP endpoint on 127.0.0.1:port (silent.test, given with --resolve).
    QString catalog(quint16 port);
    QStringList checkArguments(quint16 port);
    // "unshare" arguments that run a command in a private mount namespace with a full 64 KiB
    // tmpfs mounted on $0; empty when this machine does not allow it.
    QStringList fullDisk(const QString &mountPoint, const QStringList &command) const;

    QTemporaryDir m_dir;
    QString m_fullDiskError;
};

void tst_CliOutput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QTemporaryDir probe;
    const Output output = run(QStringLiteral("unshare"), fullDisk(probe.path(), {QStringLiteral("true")}));
    if (output.exitCode != 0)
        m_fullDiskError = QStringLiteral("no private mount namespace with a tmpfs here (%1)")
                                  .arg(QString::fromLocal8Bit(output.err).trimmed());
}

QStringList tst_CliOutput::fullDisk(const QString &mountPoint, const QStringList &command) const
{
    // Filled to the last byte: any write fails with ENOSPC. The listing and the old target
    // content after the command show what it left behind.
    const QString script = QStringLiteral("mount -t tmpfs -o size=64k portolan-full \"$0\" || exit 99\n"
                                          "printf previous > \"$0/out\"\n"
                                          "head -c 100000 /dev/zero > \"$0/fill\" 2>/dev/null\n"
                                          "\"$@\"; rc=$?\n"
                                          "echo; echo '--'; ls -A \"$0\"; echo '--'; cat \"$0/out\"\n"
                                          "exit $rc\n");
    const QStringList mode =
            geteuid() == 0 ? QStringList{QStringLiteral("-m")} : QStringList{QStringLiteral("-rm")};
    return mode + QStringList{QStringLiteral("sh"), QStringLiteral("-c"), script, mountPoint} + command;
}

QString tst_CliOutput::catalog(quint16 port)
{
    const QString fileName = m_dir.filePath(QStringLiteral("one-%1.json").arg(port));
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QStringLiteral(R"({
  "schemaVersion": 2,
  "title": {"en": "One", "ja": "One"},
  "components": [
    {"id": "agent", "name": {"en": "Agent", "ja": "Agent"}, "zone": "customer", "role": true, "customerSide": true},
    {"id": "cloud", "name": {"en": "Cloud", "ja": "Cloud"}, "zone": "trend-cloud"}
  ],
  "tables": [{"id": "ports", "section": "ports", "title": {"en": "Ports", "ja": "Ports"},
              "rows": [{"id": "web", "label": {"en": "Web", "ja": "Web"}}]}],
  "endpointLists": [{"id": "web", "provenance": ["ports#web"], "endpoints": [{"url": "http://silent.test:%1/ping"}]}],
  "flows": [
    {"id": "web", "initiators": ["agent"], "listener": "cloud",
     "ports": [{"port": %1, "transport": "tcp", "protocol": "HTTP"}],
     "requirement": "required", "service": {"en": "Web", "ja": "Web"},
     "description": {"en": "A loopback server.", "ja": "A loopback server."},
     "provenance": ["ports#web"], "endpointLists": ["web"]}
  ]
})")
                       .arg(port)
                       .toUtf8());
    return fileName;
}

QStringList tst_CliOutput::checkArguments(quint16 port)
{
    return {QStringLiteral("check"),
            QStringLiteral("--catalog"),
            catalog(port),
            QStringLiteral("--loopback-only"),
            QStringLiteral("--resolve"),
            QStringLiteral("silent.test:127.0.0.1"),
            QStringLiteral("--timeout"),
            QStringLiteral("2"),
            QStringLiteral("--format"),
            QStringLiteral("json")};
}

void tst_CliOutput::standardOutputFull_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("version") << QStringList{"--version"};
    QTest::addRow("help") << QStringList{"--help"};
    QTest::addRow("catalog") << QStringList{"catalog"};
    QTest::addRow("catalog json") << QStringList{"catalog", "--format", "json"};
    QTest::addRow("catalog help") << QStringList{"catalog", "--help"};
    QTest::addRow("lookup") << QStringList{"lookup", "files.trendmicro.com"};
    QTest::addRow("lookup, unmatched") << QStringList{"lookup", "example.com"};
    QTest::addRow("export") << QStringList{"export", "--format", "csv"};
    QTest::addRow("export help") << QStringList{"export", "--help"};
    QTest::addRow("check dry run") << QStringList{"check", "--dry-run", "--loopback-only"};
    QTest::addRow("check run") << QStringList{"@CHECK@"};
    QTest::addRow("diagram help") << QStringList{"diagram", "--help"};
}

void tst_CliOutput::standardOutputFull()
{
    QFETCH(QStringList, arguments);
    if (!QFile::exists(QStringLiteral("/dev/full")))
        QSKIP("no /dev/full");
    TestTcpServer web(TestTcpServer::Mode::Http);
    QVERIFY(web.listenLoopback());
    if (arguments == QStringList{QStringLiteral("@CHECK@")})
        arguments = checkArguments(web.port());
    const Output output = cli(arguments, QStringLiteral("/dev/full"));
    QVERIFY2(output.exitCode == WriteError, output.err.constData());
    QVERIFY2(output.err.contains("portolan-cli: cannot write to standard output: No space left on device"),
             output.err.constData());
    QVERIFY(!output.err.contains("Unknown error"));
}

void tst_CliOutput::outputOnFullDisk_data()
{
    QTest::addColumn<QStringList>("arguments"); // @OUT@: the output file
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("export") << QStringList{
            "export", "--format", "csv", "--output",
            "@OUT@"} << QByteArray("portolan-cli export: cannot write \"@OUT@\": No space left on device");
    QTest::addRow("check dry run") << QStringList{
            "check", "--dry-run", "--loopback-only", "--output",
            "@OUT@"} << QByteArray("portolan-cli check: cannot write @OUT@: No space left on device");
    QTest::addRow("check run") << QStringList{"@CHECK@", "--output", "@OUT@"}
                               << QByteArray(
                                          "portolan-cli check: cannot write @OUT@: No space left on device");
    QTest::addRow("diagram") << QStringList{"diagram", "--format", "svg", "--output", "@OUT@"}
                             << QByteArray("Cannot write @OUT@: No space left on device");
}

void tst_CliOutput::outputOnFullDisk()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, message);
    TestTcpServer web(TestTcpServer::Mode::Http);
    QVERIFY(web.listenLoopback());
    QTemporaryDir mountPoint;
    const QString target = mountPoint.filePath(QStringLiteral("out"));
    if (arguments.first() == QLatin1String("@CHECK@"))
        arguments = checkArguments(web.port()) + arguments.mid(1);
    arguments.replaceInStrings(QStringLiteral("@OUT@"), target);
    message.replace("@OUT@", QFile::encodeName(target));
    if (!m_fullDiskError.isEmpty()) {
        // Without a small disk, /dev/full stands in for one: written in place, never replaced.
        arguments.replaceInStrings(target, QStringLiteral("/dev/full"));
        message.replace(QFile::encodeName(target), "/dev/full");
        const Output output = cli(arguments);
        QVERIFY2(output.exitCode == WriteError, output.err.constData());
        QVERIFY2(output.err.contains(message), output.err.constData());
        struct stat info
        {
        };
        QVERIFY(::stat("/dev/full", &info) == 0 && S_ISCHR(info.st_mode));
        QSKIP(qPrintable(m_fullDiskError + QStringLiteral(": tested with /dev/full instead")));
    }
    const Output output =
            run(QStringLiteral("unshare"),
                fullDisk(mountPoint.path(), QStringList{QStringLiteral(PORTOLAN_CLI)} + arguments));
    QVERIFY2(output.exitCode == WriteError, (output.err + output.out).constData());
    QVERIFY2(output.err.contains(message), output.err.constData());
    QVERIFY(!output.err.contains("Unknown error"));
    // The old content is kept and nothing else is left on the disk: no temporary, no partial file.
    const QList<QByteArray> parts = output.out.split('\n');
    const qsizetype listing = parts.indexOf("--");
    QVERIFY2(listing >= 0, output.out.constData());
    QStringList files;
    for (qsizetype i = listing + 1; i < parts.size() && parts.at(i) != "--"; ++i)
        files.append(QString::fromLocal8Bit(parts.at(i)));
    files.sort();
    QCOMPARE(files, (QStringList{QStringLiteral("fill"), QStringLiteral("out")}));
    QVERIFY2(output.out.endsWith("--\nprevious"), output.out.constData());
}

void tst_CliOutput::checkCreatesItsReportFirst_data()
{
    QTest::addColumn<QString>("output");
    QTest::addColumn<QString>("reason");
    QTest::addRow("missing directory") << "/nonexistent/portolan/report.json"
                                       << "No such file or directory";
    QTest::addRow("a file as directory") << "@FILE@/report.json"
                                         << "Not a directory";
}

void tst_CliOutput::checkCreatesItsReportFirst()
{
    QFETCH(QString, output);
    QFETCH(QString, reason);
    output.replace(QStringLiteral("@FILE@"), catalog(1));
    TestTcpServer web(TestTcpServer::Mode::Http);
    QVERIFY(web.listenLoopback());
    const Output result = cli(checkArguments(web.port()) + QStringList{QStringLiteral("--output"), output});
    QVERIFY2(result.exitCode == WriteError, result.err.constData());
    QVERIFY2(result.err.contains(
                     QStringLiteral("portolan-cli check: cannot write %1: %2").arg(output, reason).toUtf8()),
             result.err.constData());
    // It failed before checking anything.
    QCOMPARE(web.connectionCount(), 0);
}

void tst_CliOutput::outputToFifo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("export") << QStringList{"export", "--format", "csv", "--output", "@OUT@"};
    QTest::addRow("check dry run") << QStringList{"check", "--dry-run", "--loopback-only", "--output",
                                                  "@OUT@"};
    QTest::addRow("diagram") << QStringList{"diagram", "--format", "svg", "--output", "@OUT@"};
}

void tst_CliOutput::outputToFifo()
{
    // --output to a FIFO (or /dev/stdout, /dev/null) writes into it; an atomic save would
    // replace it with a regular file, and a device node too when run as root.
    QFETCH(QStringList, arguments);
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    if (::mkfifo(QFile::encodeName(fifo).constData(), 0600) != 0)
        QSKIP("cannot create a FIFO here");
    const QString captured = dir.filePath(QStringLiteral("captured"));
    QProcess reader;
    reader.start(QStringLiteral("sh"),
                 {QStringLiteral("-c"), QStringLiteral("cat \"$0\" > \"$1\""), fifo, captured});
    QVERIFY(reader.waitForStarted());
    arguments.replaceInStrings(QStringLiteral("@OUT@"), fifo);
    const Output output = cli(arguments);
    const bool readerDone = reader.state() == QProcess::NotRunning || reader.waitForFinished(5000);
    if (!readerDone) {
        reader.kill();
        reader.waitForFinished();
    }
    QVERIFY2(output.exitCode == 0, output.err.constData());
    QVERIFY(isFifo(fifo));
    QVERIFY(readerDone);
    QFile file(captured);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.size() > 100);
}

void tst_CliOutput::staleTemporariesOfTheTarget()
{
    // What a writer killed during its commit leaves (when the file system has no O_TMPFILE),
    // beside files that only look alike.
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("rules.csv"));
    const QDateTime old = QDateTime::currentDateTimeUtc().addSecs(-3600);
    for (const char *name :
         {"rules.csv.KiLlEd", "rules.csv.backup", "other.csv.KiLlEd", "rules.csv.AbCdEfG"}) {
        QFile file(dir.filePath(QString::fromLatin1(name)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("partial");
        QVERIFY(file.flush());
        QVERIFY(file.setFileTime(old, QFileDevice::FileModificationTime));
    }
    QFile fresh(dir.filePath(QStringLiteral("rules.csv.LiVeOn")));
    QVERIFY(fresh.open(QIODevice::WriteOnly));
    fresh.close();
    const Output output = cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                               QStringLiteral("--output"), target});
    QVERIFY2(output.exitCode == 0, output.err.constData());
    QStringList files = QDir(dir.path()).entryList(QDir::Files);
    files.sort();
    QCOMPARE(files,
             (QStringList{QStringLiteral("other.csv.KiLlEd"), QStringLiteral("rules.csv"),
                          QStringLiteral("rules.csv.AbCdEfG"), QStringLiteral("rules.csv.LiVeOn"),
                          QStringLiteral("rules.csv.backup")}));
}

QTEST_GUILESS_MAIN(tst_CliOutput)
#include "tst_clioutput.moc"
