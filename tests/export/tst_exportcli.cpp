#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// portolan-cli export end to end: options, exit codes, --output, --resolve-hosts (in a private
// network namespace, with a catalog whose only resolved name is localhost).
class TestExportCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void scopeOptions_data();
    void scopeOptions();
    void outputFile();
    void outputFailure();
    void siteProfile();
    void refresher();
    void resolveHosts();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Result run(const QStringList &arguments, const QString &wrapper = QString());

    QTemporaryDir m_dir;
    QString m_catalog;
};

void TestExportCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_catalog = QStringLiteral(PORTOLAN_TEST_DATA "/export/catalog.json");
}

TestExportCli::Result TestExportCli::run(const QStringList &arguments, const QString &wrapper)
{
    QProcess process;
    QStringList args = QStringList{QStringLiteral("export")} + arguments;
    QString program = QStringLiteral(PORTOLAN_CLI);
    if (!wrapper.isEmpty()) {
        args.prepend(program);
        args.prepend(QStringLiteral("-rn"));
        program = wrapper;
    }
    process.start(program, args);
    Result result;
    if (!process.waitForFinished(30000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestExportCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString catalog = QStringLiteral(PORTOLAN_TEST_DATA "/export/catalog.json");
    QTest::addRow("no format") << QStringList{"--catalog", catalog} << "give --format";
    QTest::addRow("unknown format") << QStringList{"--format", "ipchains", "--catalog", catalog}
                                    << "unknown format \"ipchains\"";
    QTest::addRow("bad proxy") << QStringList{"--format",    "pac",       "--proxy",
                                              "proxy;rm:80", "--catalog", catalog}
                               << "is not host:port";
    QTest::addRow("not a role") << QStringList{"--format",   "csv",       "--role",
                                               "dns-server", "--catalog", catalog}
                                << "\"dns-server\" is not a role (agent, relay, workload-security)";
    QTest::addRow("unknown flow") << QStringList{"--format",        "csv",       "--selected",
                                                 "url-update,nope", "--catalog", catalog}
                                  << "no flow \"nope\"";
    QTest::addRow("bad language") << QStringList{"--format", "csv", "--lang", "fr", "--catalog", catalog}
                                  << "unknown language";
    QTest::addRow("rejected catalog") << QStringList{"--format", "iptables", "--catalog",
                                                     PORTOLAN_TEST_DATA "/export/hostile-newline.json"}
                                      << "$.flows[0].description";
}

void TestExportCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result r = run(arguments);
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestExportCli::scopeOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    QTest::addRow("relay required") << QStringList{"--format", "iptables", "--role", "relay",
                                                   "--required-only"}
                                    << QStringList{"relay-update", "url-heartbeat", "Scope: roles: Relay"}
                                    << QStringList{"url-feedback", "relay-local", "127.0.0.10"};
    QTest::addRow("expired") << QStringList{"--format", "nftables", "--include-expired"}
                             << QStringList{"ip daddr 127.0.0.10/32 tcp dport 443 accept", "EXPIRED"}
                             << QStringList{};
    QTest::addRow("selected") << QStringList{"--format", "allowlist", "--selected",
                                             "url-feedback,ip-in-agent"}
                              << QStringList{"*.feedback.example.test\nfeedback.example.test\n",
                                             "127.10.0.0/24"}
                              << QStringList{"app.example.test"};
    QTest::addRow("agent role") << QStringList{"--format", "iptables", "--role", "agent"}
                                << QStringList{"-A INPUT -s 127.10.0.0/24 -p tcp -m tcp --dport 4118 ",
                                               "Scope: roles: Agent"}
                                << QStringList{"-A OUTPUT -d 127.10.0.0/24", "-A INPUT -s 127.0.0"};
    QTest::addRow("feature") << QStringList{"--format", "allowlist", "--feature", "relay"}
                             << QStringList{"features in use"} << QStringList{};
    QTest::addRow("japanese") << QStringList{"--format", "markdown", "--lang", "ja"}
                              << QStringList{"セキュリティアップデート"} << QStringList{"Security updates"};
    QTest::addRow("pac proxy") << QStringList{"--format", "pac", "--proxy", "127.0.0.1:3128"}
                               << QStringList{"return \"PROXY 127.0.0.1:3128\";",
                                              "dnsDomainIs(host, \".cloud.example.test\")"}
                               << QStringList{};
}

void TestExportCli::scopeOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const Result r = run(arguments + QStringList{"--catalog", m_catalog});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    // The count on standard error, the export alone on standard output.
    QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral(
                     "^(portolan-cli export: the rules use address sets; write their refresher with "
                     "--refresher DIR\n)?portolan-cli export: (\\d+ rules?, \\d+ "
                     "comments?|ルール\\d+件、コメント\\d+件)\n$"))),
             qPrintable(r.err));
    for (const QString &text : present)
        QVERIFY2(r.out.contains(text), qPrintable(text + QStringLiteral(" not in:\n") + r.out));
    for (const QString &text : absent)
        QVERIFY2(!r.out.contains(text), qPrintable(text));
}

void TestExportCli::outputFile()
{
    const QString file = m_dir.filePath(QStringLiteral("rules.tf"));
    const QStringList args{"--format", "terraform", "--catalog", m_catalog};
    const Result toStdout = run(args);
    QCOMPARE(toStdout.exitCode, 0);
    const Result toFile = run(args + QStringList{"--output", file});
    QCOMPARE(toFile.exitCode, 0);
    QVERIFY(toFile.out.isEmpty());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(f.readAll()), toStdout.out);
}

void TestExportCli::outputFailure()
{
    const QString file = m_dir.filePath(QStringLiteral("missing/dir/rules.csv"));
    const Result r = run({"--format", "csv", "--catalog", m_catalog, "--output", file});
    QCOMPARE(r.exitCode, 74); // EX_IOERR: the output could not be written
    QVERIFY2(r.err.contains(QStringLiteral("cannot write")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QStringLiteral("No such file or directory")), qPrintable(r.err));
    QVERIFY(!QFile::exists(file));
}

// --site takes the syntax of check --site; its addresses become rules.
void TestExportCli::siteProfile()
{
    const QStringList args{"--format", "iptables", "--role", "agent", "--catalog", m_catalog};
    const Result without = run(args);
    QCOMPARE(without.exitCode, 0);
    QCOMPARE(int(without.out.count(QStringLiteral("No site address for DNS server (site key dns)"))), 1);
    const Result with = run(args + QStringList{"--site", "dns=127.0.0.53"});
    QCOMPARE(with.exitCode, 0);
    QVERIFY2(with.out.contains(QStringLiteral("-A OUTPUT -d 127.0.0.53/32 -p udp -m udp --dport 53 ")),
             qPrintable(with.out));
    QVERIFY(!with.out.contains(QStringLiteral("No site address")));
    const Result bad = run(args + QStringList{"--site", "printer=10.0.0.1"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("unknown site key \"printer\"")), qPrintable(bad.err));
    const Result notAddress = run(args + QStringList{"--site", "dns=a;b"});
    QCOMPARE(notAddress.exitCode, 2);
}

void TestExportCli::refresher()
{
    const QString dir = m_dir.filePath(QStringLiteral("refresher"));
    const QStringList args{"--format", "nftables", "--role", "agent", "--catalog", m_catalog};
    const Result hint = run(args);
    QCOMPARE(hint.exitCode, 0);
    QVERIFY2(hint.err.contains(QStringLiteral("--refresher DIR")), qPrintable(hint.err));
    const Result r = run(args + QStringList{"--refresher", dir});
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.err.contains(QStringLiteral("--refresher DIR")));
    for (const char *name : {"portolan-refresh.sh", "portolan-refresh.service", "portolan-refresh.timer"})
        QVERIFY2(QFile::exists(dir + QLatin1Char('/') + QLatin1String(name)), name);
    QVERIFY(QFile::permissions(dir + QStringLiteral("/portolan-refresh.sh")) & QFile::ExeOwner);
    QFile script(dir + QStringLiteral("/portolan-refresh.sh"));
    QVERIFY(script.open(QIODevice::ReadOnly));
    QVERIFY(script.readAll().contains("refresh pl_url_heartbeat_4 inet A app.example.test"));
}

void TestExportCli::resolveHosts()
{
    const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
    if (unshare.isEmpty())
        QSKIP("unshare is not installed");
    QProcess probe;
    probe.start(unshare, {QStringLiteral("-rn"), QStringLiteral("true")});
    if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
        QSKIP("cannot create a private network namespace (unshare -rn)");
    // relay-update's only host becomes localhost: /etc/hosts answers; the namespace has no
    // network, so nothing can leave the machine whatever the resolver does.
    QFile source(m_catalog);
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray json = source.readAll();
    QVERIFY(json.contains("\"relay.example.test\""));
    json.replace("\"relay.example.test\"", "\"localhost\"");
    const QString catalog = m_dir.filePath(QStringLiteral("localhost.json"));
    QFile out(catalog);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(json);
    out.close();

    const Result r = run(
            {"--format", "iptables", "--catalog", catalog, "--selected", "relay-update", "--resolve-hosts"},
            unshare);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral("-A OUTPUT -d 127.0.0.1/32 -p tcp -m tcp --dport 443")),
             qPrintable(r.out));
    QVERIFY(r.out.contains(QRegularExpression(
            QStringLiteral("localhost resolved at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))));
}

QTEST_GUILESS_MAIN(TestExportCli)
#include "tst_exportcli.moc"
