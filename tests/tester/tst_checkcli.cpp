// portolan-cli check end to end: plan, exit codes, formats, against loopback servers only
// (--loopback-only).

#include "tests/tester/testservers.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QXmlStreamReader>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

class tst_CheckCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void dryRunSendsNothing();
    void usageErrors_data();
    void usageErrors();
    void caFileIsBounded_data();
    void caFileIsBounded();
    void loopbackRun_data();
    void loopbackRun();
    void interruptWritesCancelledReport();
    void noProgressWithoutTerminal();
    void proxyHeaderIsEscaped();
    void certificateNamesAreEscaped();

private:
    struct Output
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Output cli(const QStringList &arguments, const QString &standardInput = {});
    QString catalog();
    QString silentCatalog(quint16 port);

    TestCertificates m_certificates;
    QString m_certificateError;
    QTemporaryDir m_dir;
};

void tst_CheckCli::initTestCase()
{
    m_certificateError = m_certificates.generate();
}

tst_CheckCli::Output tst_CheckCli::cli(const QStringList &arguments, const QString &standardInput)
{
    QProcess process;
    if (!standardInput.isEmpty())
        process.setStandardInputFile(standardInput);
    process.start(QStringLiteral(PORTOLAN_CLI), QStringList{QStringLiteral("check")} + arguments);
    // The servers live in this process: keep its event loop running while the CLI works.
    if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 60000))
        process.kill();
    process.waitForFinished();
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

void tst_CheckCli::dryRunSendsNothing()
{
    // The real catalog is only planned, never contacted.
    const Output output =
            cli({QStringLiteral("--dry-run"), QStringLiteral("--format"), QStringLiteral("json"),
                 QStringLiteral("--site"), QStringLiteral("ntp=127.0.0.1")});
    QCOMPARE(output.exitCode, 0);
    const QJsonObject plan = QJsonDocument::fromJson(output.out).object();
    QVERIFY(plan.value(QLatin1String("testable")).toInt() > 100);
    QCOMPARE(plan.value(QLatin1String("site")).toObject().value(QLatin1String("ntp")).toString(),
             QStringLiteral("127.0.0.1"));
    bool wildcard = false;
    for (const QJsonValue &target : plan.value(QLatin1String("targets")).toArray())
        wildcard = wildcard
                || target.toObject().value(QLatin1String("kind")).toString() == QLatin1String("wildcard");
    QVERIFY(wildcard);
    QVERIFY(output.err.isEmpty());
    const Output text = cli({QStringLiteral("--dry-run"), QStringLiteral("--role"), QStringLiteral("relay")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("Dry run: nothing was sent."));
}

void tst_CheckCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("site key") << QStringList{QStringLiteral("--site"), QStringLiteral("ldap=1.2.3.4")}
                              << "ldap";
    QTest::addRow("resolve") << QStringList{QStringLiteral("--resolve"), QStringLiteral("host")}
                             << "HOST:ADDRESS";
    QTest::addRow("proxy") << QStringList{QStringLiteral("--proxy"), QStringLiteral("socks5://x:1")}
                           << "socks5";
    QTest::addRow("timeout") << QStringList{QStringLiteral("--timeout"), QStringLiteral("0")} << "--timeout";
    QTest::addRow("concurrency") << QStringList{QStringLiteral("--concurrency"), QStringLiteral("x")}
                                 << "--concurrency";
    QTest::addRow("role") << QStringList{QStringLiteral("--role"), QStringLiteral("spn")} << "unknown role";
    QTest::addRow("format") << QStringList{QStringLiteral("--format"), QStringLiteral("xml")} << "xml";
    QTest::addRow("dns server") << QStringList{QStringLiteral("--dns-server"), QStringLiteral("dns.test")}
                                << "dns.test";
    QTest::addRow("ca file") << QStringList{QStringLiteral("--ca-file"), QStringLiteral("/nonexistent.pem")}
                             << "nonexistent";
    QTest::addRow("catalog") << QStringList{QStringLiteral("--catalog"),
                                            QStringLiteral(PORTOLAN_TEST_DATA "/gui/bad-syntax.json")}
                             << "bad-syntax.json";
    QTest::addRow("argument") << QStringList{QStringLiteral("extra")} << "extra";
}

void tst_CheckCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Output output = cli(arguments + QStringList{QStringLiteral("--loopback-only")});
    QCOMPARE(output.exitCode, 2);
    QVERIFY2(QString::fromUtf8(output.err).contains(message), output.err.constData());
    QVERIFY(output.out.isEmpty());
}

void tst_CheckCli::caFileIsBounded_data()
{
    QTest::addColumn<QString>("caFile");
    QTest::addColumn<QString>("standardInput");
    QTest::addRow("/dev/zero") << "/dev/zero"
                               << "";
    QTest::addRow("/dev/stdin fed by /dev/zero") << "/dev/stdin"
                                                 << "/dev/zero";
    QTest::addRow("fifo") << "fifo"
                          << "";
}

void tst_CheckCli::caFileIsBounded()
{
    QFETCH(QString, caFile);
    QFETCH(QString, standardInput);
    // Size 0 for all of them: only a bounded read stops at the limit (4 MiB).
    QTemporaryDir dir;
    QProcess writer;
    if (caFile == QLatin1String("fifo")) {
        caFile = dir.filePath(QStringLiteral("ca.pem"));
        QProcess mkfifo;
        mkfifo.start(QStringLiteral("mkfifo"), {caFile});
        if (!mkfifo.waitForFinished(5000) || mkfifo.exitCode() != 0)
            QSKIP("mkfifo failed");
        // More than the limit; the writer dies of SIGPIPE when the CLI stops reading.
        writer.start(QStringLiteral("sh"),
                     {QStringLiteral("-c"), QStringLiteral("head -c 20000000 /dev/zero > \"$0\""), caFile});
        QVERIFY(writer.waitForStarted());
    }
    QElapsedTimer clock;
    clock.start();
    const Output output = cli({QStringLiteral("--dry-run"), QStringLiteral("--loopback-only"),
                               QStringLiteral("--ca-file"), caFile},
                              standardInput);
    QCOMPARE(output.exitCode, 2);
    QVERIFY2(output.err.contains("CA file: " + QFile::encodeName(caFile) + ": the file is larger than 4"),
             output.err.constData());
    QVERIFY(output.out.isEmpty());
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
    if (writer.state() != QProcess::NotRunning)
        QVERIFY(writer.waitForFinished(10000));
}

QString tst_CheckCli::catalog()
{
    return m_dir.filePath(QStringLiteral("loopback.json"));
}

void tst_CheckCli::loopbackRun_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("requiredOnly");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("junit, a failure") << "junit" << false << 1;
    QTest::addRow("json, a failure") << "json" << false << 1;
    QTest::addRow("text, all required pass") << "text" << true << 0;
    // The GUI's formats too: one table of report writers for both front ends.
    QTest::addRow("html, a failure") << "html" << false << 1;
    QTest::addRow("csv, a failure") << "csv" << false << 1;
    QTest::addRow("ticket, a failure") << "ticket" << false << 1;
}

void tst_CheckCli::loopbackRun()
{
    QFETCH(QString, format);
    QFETCH(bool, requiredOnly);
    QFETCH(int, exitCode);
    if (!m_certificateError.isEmpty())
        QSKIP(qPrintable(m_certificateError));

    TestTcpServer https(TestTcpServer::Mode::Http);
    https.setTls(m_certificates.certificate(TestCertificates::Leaf::Valid),
                 m_certificates.key(TestCertificates::Leaf::Valid));
    TestTcpServer http(TestTcpServer::Mode::Http);
    TestNtpServer ntp(-1500);
    TestUdpSink syslog;
    QVERIFY(https.listenLoopback() && http.listenLoopback() && ntp.listenLoopback()
            && syslog.listenLoopback());
    QFile templateFile(QStringLiteral(PORTOLAN_TEST_DATA "/tester/loopback.json.in"));
    QVERIFY(templateFile.open(QIODevice::ReadOnly));
    QByteArray data = templateFile.readAll();
    data.replace("@HTTPS_PORT@", QByteArray::number(https.port()));
    data.replace("@HTTP_PORT@", QByteArray::number(http.port()));
    data.replace("@NTP_PORT@", QByteArray::number(ntp.port()));
    data.replace("@SYSLOG_PORT@", QByteArray::number(syslog.port()));
    data.replace("@CLOSED_PORT@", QByteArray::number(closedTcpPort()));
    QFile catalogFile(catalog());
    QVERIFY(catalogFile.open(QIODevice::WriteOnly));
    catalogFile.write(data);
    catalogFile.close();

    const QString report = m_dir.filePath(QStringLiteral("report.") + format);
    QStringList arguments{QStringLiteral("--catalog"),
                          catalog(),
                          QStringLiteral("--loopback-only"),
                          QStringLiteral("--resolve"),
                          QStringLiteral("valid.test:127.0.0.1"),
                          QStringLiteral("--resolve"),
                          QStringLiteral("closed.test:127.0.0.1"),
                          QStringLiteral("--ca-file"),
                          m_certificates.caFile(),
                          QStringLiteral("--site"),
                          QStringLiteral("ntp=127.0.0.1"),
                          QStringLiteral("--site"),
                          QStringLiteral("syslog=127.0.0.1"),
                          QStringLiteral("--timeout"),
                          QStringLiteral("2"),
                          QStringLiteral("--format"),
                          format,
                          QStringLiteral("--output"),
                          report};
    if (requiredOnly)
        arguments.append(QStringLiteral("--required-only"));
    const Output output = cli(arguments);
    QVERIFY2(output.exitCode == exitCode, output.err.constData());
    QVERIFY(output.out.isEmpty()); // the report went to the file
    QFile file(report);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray written = file.readAll();

    if (format == QLatin1String("junit")) {
        QXmlStreamReader xml(written);
        QStringList failures;
        int testcases = 0;
        int skipped = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (xml.name() == QLatin1String("testcase"))
                ++testcases;
            else if (xml.name() == QLatin1String("failure"))
                failures.append(xml.attributes().value(QLatin1String("type")).toString());
            else if (xml.name() == QLatin1String("skipped"))
                ++skipped;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(testcases, 7); // 2 https, 1 http, ntp, syslog, relay (skipped), closed
        QCOMPARE(failures, QStringList{QStringLiteral("refused")});
        QCOMPARE(skipped, 2); // relay without address, syslog not verifiable
    } else if (format == QLatin1String("json")) {
        const QJsonObject root = QJsonDocument::fromJson(written).object();
        const QJsonObject summary = root.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("ok")).toInt(), 4);
        QCOMPARE(summary.value(QLatin1String("refused")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("not-verifiable")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("skipped")).toInt(), 1);
        QCOMPARE(root.value(QLatin1String("schemaVersion")).toInt(), 2);
        // Where and when it ran, and with what: what a fleet merge and a ticket need.
        const QJsonObject site = root.value(QLatin1String("site")).toObject();
        QCOMPARE(site.value(QLatin1String("ntp")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(root.value(QLatin1String("proxyMode")).toString(), QStringLiteral("direct"));
        QVERIFY(root.value(QLatin1String("startedAtUtc")).toString().endsWith(QLatin1Char('Z')));
        const QDateTime started = QDateTime::fromString(root.value(QLatin1String("startedAtUtc")).toString(),
                                                        Qt::ISODateWithMs);
        const QDateTime finished = QDateTime::fromString(
                root.value(QLatin1String("finishedAtUtc")).toString(), Qt::ISODateWithMs);
        QVERIFY(started.isValid() && finished.isValid() && started <= finished);
        QVERIFY(!root.value(QLatin1String("machine"))
                         .toObject()
                         .value(QLatin1String("os"))
                         .toString()
                         .isEmpty());
        QVERIFY(root.value(QLatin1String("timeZone")).toObject().contains(QLatin1String("offsetSeconds")));
        // And it is what docs/schema/report.schema.json says.
        QProcess validate;
        validate.start(QStringLiteral("/usr/bin/python3"),
                       {QStringLiteral(PORTOLAN_SOURCE_DIR "/tests/checkreport.py"),
                        QStringLiteral(PORTOLAN_SOURCE_DIR "/docs/schema/report.schema.json"), report});
        QVERIFY(validate.waitForFinished(60000));
        QVERIFY2(validate.exitCode() == 0, validate.readAllStandardOutput().constData());
        const QJsonObject flows = root.value(QLatin1String("flows")).toObject();
        QCOMPARE(flows.value(QLatin1String("web")).toString(), QStringLiteral("passed"));
        QCOMPARE(flows.value(QLatin1String("closed")).toString(), QStringLiteral("failed"));
        QCOMPARE(flows.value(QLatin1String("relay")).toString(), QStringLiteral("untested"));
        for (const QJsonValue &value : root.value(QLatin1String("results")).toArray()) {
            const QJsonObject result = value.toObject();
            if (result.value(QLatin1String("kind")).toString() == QLatin1String("ntp")) {
                // The offset is off by half the difference of the two one-way delays: tens of ms
                // here, a few hundred when a sanitizer slows the test's own server down.
                const double offset = result.value(QLatin1String("ntpOffsetMs")).toDouble();
                QVERIFY2(qAbs(offset + 1500) < 600, qPrintable(QString::number(offset)));
            }
        }
        QCOMPARE(syslog.messages().size(), 1);
    } else if (format == QLatin1String("html")) {
        QXmlStreamReader xml(written);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(written.contains("<h2>Other failures (1)</h2>"));
        QVERIFY(written.contains("<th>Computer</th>"));
    } else if (format == QLatin1String("csv")) {
        const QList<QByteArray> lines = written.trimmed().split('\n');
        QCOMPARE(lines.size(), 8); // the header and 7 checks
        QVERIFY(lines.first().startsWith("Flows,Endpoint,Check"));
        QVERIFY(written.contains(",refused,"));
    } else if (format == QLatin1String("ticket")) {
        QVERIFY2(written.startsWith(
                         "Connectivity test for agent: 0 required failed, 1 other failed, 5 passed"),
                 written.constData());
        QVERIFY(written.contains(
                "\nOther failures (optional or conditional flows):\n- [Connection refused] closed.test"));
    } else {
        QVERIFY(written.contains("Reachable"));
        QVERIFY(!written.contains("Connection refused"));
        QCOMPARE(https.requestCount(), 2); // two URLs
    }
}

QString tst_CheckCli::silentCatalog(quint16 port)
{
    // One HTTP endpoint, silent.test (mapped to 127.0.0.1 with --resolve) on a loopback port.
    const QString fileName = m_dir.filePath(QStringLiteral("silent.json"));
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QStringLiteral(R"({
  "schemaVersion": 2,
  "title": {"en": "Silent", "ja": "Silent"},
  "source": {"en": "https://example.invalid/silent", "ja": "https://example.invalid/silent"},
  "notes": [], "validity": [],
  "components": [
    {"id": "agent", "name": {"en": "Agent", "ja": "Agent"}, "zone": "customer", "role": true, "customerSide": true},
    {"id": "cloud", "name": {"en": "Cloud", "ja": "Cloud"}, "zone": "trend-cloud"}
  ],
  "tables": [{"id": "ports", "section": "ports", "title": {"en": "Ports", "ja": "Ports"},
              "rows": [{"id": "silent", "label": {"en": "Silent", "ja": "Silent"}}]}],
  "endpointLists": [
    {"id": "silent", "provenance": ["ports#silent"], "endpoints": [{"url": "http://silent.test:%1/ping"}]}
  ],
  "flows": [
    {"id": "silent", "initiators": ["agent"], "listener": "cloud",
     "ports": [{"port": %1, "transport": "tcp", "protocol": "HTTP"}],
     "requirement": "required", "service": {"en": "Silent", "ja": "Silent"},
     "description": {"en": "Never answers.", "ja": "Never answers."},
     "provenance": ["ports#silent"], "endpointLists": ["silent"]}
  ]
})")
                       .arg(port)
                       .toUtf8());
    return fileName;
}

void tst_CheckCli::interruptWritesCancelledReport()
{
#ifndef Q_OS_UNIX
    QSKIP("Needs POSIX signals");
#else
    TestTcpServer silent(TestTcpServer::Mode::Silent);
    QVERIFY(silent.listenLoopback());
    const QString catalogFile = silentCatalog(silent.port());
    QVERIFY(!catalogFile.isEmpty());
    QProcess process;
    process.start(QStringLiteral(PORTOLAN_CLI),
                  {QStringLiteral("check"), QStringLiteral("--catalog"), catalogFile,
                   QStringLiteral("--loopback-only"), QStringLiteral("--resolve"),
                   QStringLiteral("silent.test:127.0.0.1"), QStringLiteral("--format"),
                   QStringLiteral("json"), QStringLiteral("--timeout"), QStringLiteral("30")});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(silent.connectionCount() > 0, 10000);
    QVERIFY2(process.state() == QProcess::Running,
             (process.readAllStandardOutput() + process.readAllStandardError()).constData());
    QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
    QVERIFY(QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 2000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    const QByteArray out = process.readAllStandardOutput();
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(root.value(QLatin1String("cancelled")).toBool(false), true);
    QCOMPARE(root.value(QLatin1String("results")).toArray().size(), 1);
    QVERIFY(!process.readAllStandardError().contains('\r'));
#endif
}

void tst_CheckCli::noProgressWithoutTerminal()
{
    // A refused loopback port fails at once: there is a result, and a failure, to report.
    const QString catalogFile = silentCatalog(closedTcpPort());
    QVERIFY(!catalogFile.isEmpty());
    const Output output = cli({QStringLiteral("--catalog"), catalogFile, QStringLiteral("--loopback-only"),
                               QStringLiteral("--resolve"), QStringLiteral("silent.test:127.0.0.1"),
                               QStringLiteral("--format"), QStringLiteral("json"),
                               QStringLiteral("--timeout"), QStringLiteral("2")});
    QCOMPARE(output.exitCode, 1);
    QVERIFY(!output.out.isEmpty());
    QVERIFY2(!output.err.contains('\r'), output.err.constData());
    QVERIFY(!output.err.contains("checked"));
    QVERIFY(output.err.isEmpty());
}

namespace {
// A proxy that refuses with a header that would set the terminal's title, clear the screen and
// ring the bell.
const QByteArray HostileProxyReply = "HTTP/1.1 403 Forbidden\r\n"
                                     "X-Squid-Error: ERR_ACCESS_DENIED \x1b]0;pwned\x07\x1b[2J\x1b[31m 0\r\n"
                                     "Content-Length: 0\r\n\r\n";

// Every ESC in output starts the progress line's own "erase line" (ESC [ K); no BEL at all.
QString rawControls(const QByteArray &output)
{
    QString found;
    for (qsizetype i = 0; i < output.size(); ++i) {
        const char c = output.at(i);
        if (c == '\x07' || (c == '\x1b' && output.mid(i + 1, 2) != "[K"))
            found += QStringLiteral("byte %1 at %2; ").arg(int(c)).arg(i);
    }
    return found;
}

QString shellQuoted(const QStringList &arguments)
{
    QStringList quoted;
    for (QString argument : arguments)
        quoted.append(QLatin1Char('\'') + argument.replace(QLatin1String("'"), QLatin1String("'\\''"))
                      + QLatin1Char('\''));
    return quoted.join(QLatin1Char(' '));
}
} // namespace

void tst_CheckCli::proxyHeaderIsEscaped()
{
    TestTcpServer proxy(TestTcpServer::Mode::Canned);
    proxy.setCannedReply(HostileProxyReply);
    QVERIFY(proxy.listenLoopback());
    const QString catalogFile = silentCatalog(closedTcpPort());
    const QStringList arguments{QStringLiteral("--catalog"),
                                catalogFile,
                                QStringLiteral("--loopback-only"),
                                QStringLiteral("--proxy"),
                                QStringLiteral("http://127.0.0.1:%1").arg(proxy.port()),
                                QStringLiteral("--format"),
                                QStringLiteral("text"),
                                QStringLiteral("--timeout"),
                                QStringLiteral("2")};
    // The text report.
    const Output output = cli(arguments);
    QCOMPARE(output.exitCode, 1);
    QCOMPARE(proxy.requestCount(), 1);
    QVERIFY2(rawControls(output.out).isEmpty(), qPrintable(rawControls(output.out)));
    QVERIFY2(!output.out.contains('\x1b'), output.out.constData());
    QVERIFY2(output.out.contains("ERR_ACCESS_DENIED \\x1b]0;pwned\\x07\\x1b[2J"), output.out.constData());

    // The live status line on a terminal: run under script(1) for a pseudo-terminal.
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    if (script.isEmpty())
        QSKIP("script (util-linux) is not installed: the terminal line is not tested");
    QProcess terminal;
    terminal.start(
            script,
            {QStringLiteral("-qefc"),
             shellQuoted(QStringList{QStringLiteral(PORTOLAN_CLI), QStringLiteral("check")} + arguments),
             QStringLiteral("/dev/null")});
    QVERIFY(QTest::qWaitFor([&terminal] { return terminal.state() == QProcess::NotRunning; }, 60000));
    const QByteArray screen = terminal.readAllStandardOutput();
    QVERIFY2(screen.contains("\x1b[K"), screen.constData()); // the status line was drawn
    QVERIFY2(screen.contains("\\x1b]0;pwned"), screen.constData()); // the failure was printed
    QVERIFY2(rawControls(screen).isEmpty(), qPrintable(rawControls(screen)));
}

void tst_CheckCli::certificateNamesAreEscaped()
{
    if (!m_certificateError.isEmpty())
        QSKIP(qPrintable(m_certificateError));
    if (const QString error = m_certificates.generateHostile(); !error.isEmpty())
        QSKIP(qPrintable(error));
    const QSslCertificate certificate = m_certificates.certificate(TestCertificates::Leaf::Hostile);
    QVERIFY(!certificate.isNull());
    QVERIFY(certificate.issuerDisplayName().contains(QLatin1Char('\x1b')));
    TestTcpServer https(TestTcpServer::Mode::Http);
    https.setTls(certificate, m_certificates.key(TestCertificates::Leaf::Hostile));
    QVERIFY(https.listenLoopback());
    QFile catalogFile(silentCatalog(https.port()));
    QVERIFY(catalogFile.open(QIODevice::ReadWrite));
    QByteArray data = catalogFile.readAll().replace("http://silent.test", "https://valid.test");
    catalogFile.resize(0);
    catalogFile.write(data);
    catalogFile.close();
    for (const QString &format : {QStringLiteral("text"), QStringLiteral("junit")}) {
        const Output output =
                cli({QStringLiteral("--catalog"), catalogFile.fileName(), QStringLiteral("--loopback-only"),
                     QStringLiteral("--resolve"), QStringLiteral("valid.test:127.0.0.1"),
                     QStringLiteral("--format"), format, QStringLiteral("--timeout"), QStringLiteral("2")});
        QCOMPARE(output.exitCode, 1);
        QVERIFY2(rawControls(output.out).isEmpty(), qPrintable(rawControls(output.out)));
        QVERIFY2(!output.out.contains('\x1b'), output.out.constData());
        QVERIFY2(output.out.contains("Hostile CA \\x1b]0;pwned\\x07"), output.out.constData());
        QVERIFY2(output.out.contains("valid.test\\x1b[31m red\\x07"), output.out.constData());
        QVERIFY2(!output.out.contains("\nFORGED LINE"), output.out.constData());
    }
}

QTEST_GUILESS_MAIN(tst_CheckCli)
#include "tst_checkcli.moc"
