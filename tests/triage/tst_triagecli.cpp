#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

// portolan-cli triage and lookup --file end to end, on tests/data/lookup/lookup.json and the logs
// in tests/data/triage. Exit codes: 0 read fine, 1 lines on unused ports or nothing recognised,
// 2 usage error or unreadable file.
class TestTriageCli : public QObject
{
    Q_OBJECT

private slots:
    void exitCodes_data();
    void exitCodes();
    void text();
    void json();
    void csv();
    void standardInput();
    void exportNftables();
    void exportEmpty();
    void lookupFile_data();
    void lookupFile();
    void lookupStandardInput();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QStringList &arguments, const QByteArray &input = QByteArray());
    static QString data(const char *name)
    {
        return QStringLiteral(PORTOLAN_TEST_DATA "/triage/") + QLatin1String(name);
    }
    static QString catalog() { return QStringLiteral(PORTOLAN_TEST_DATA "/lookup/lookup.json"); }
};

TestTriageCli::Run TestTriageCli::run(const QStringList &arguments, const QByteArray &input)
{
    QProcess process;
    process.start(QStringLiteral(PORTOLAN_CLI), arguments);
    if (!process.waitForStarted(60000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestTriageCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    const QStringList base{"triage", "--catalog", catalog()};
    QTest::addRow("clean log") << base + QStringList{data("clean.log")} << QByteArray() << 0;
    QTest::addRow("log with a port mismatch") << base + QStringList{data("mixed.log")} << QByteArray() << 1;
    QTest::addRow("two files") << base + QStringList{data("clean.log"), data("mixed.log")} << QByteArray()
                               << 1;
    QTest::addRow("only unrelated lines") << base << QByteArray("192.0.2.1:443\n") << 0;
    QTest::addRow("nothing recognised") << base << QByteArray("just prose here\n\0\1\2\n", 20) << 1;
    QTest::addRow("empty input") << base << QByteArray() << 1;
    QTest::addRow("role") << base + QStringList{"--role", "relay", data("clean.log")} << QByteArray() << 0;
    QTest::addRow("unknown role") << base + QStringList{"--role", "frob", data("clean.log")} << QByteArray()
                                  << 2;
    QTest::addRow("missing file") << base + QStringList{data("no-such.log")} << QByteArray() << 2;
    QTest::addRow("unknown format") << base + QStringList{"--format", "xml", data("clean.log")}
                                    << QByteArray() << 2;
    QTest::addRow("unknown export") << base + QStringList{"--export", "frob", data("clean.log")}
                                    << QByteArray() << 2;
    QTest::addRow("help") << QStringList{"triage", "--help"} << QByteArray() << 0;
}

void TestTriageCli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    const Run r = run(arguments, input);
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
}

void TestTriageCli::text()
{
    const Run r = run({"triage", "--catalog", catalog(), data("mixed.log")});
    QCOMPARE(r.exitCode, 1);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY(out.contains(QLatin1String("Flows hit: 5")));
    QVERIFY(out.contains(QLatin1String("  agent-web  ")));
    QVERIFY(out.contains(QLatin1String("127.0.0.10 on 22/TCP")));
    QVERIFY(out.contains(QLatin1String("this line is prose, not a log record")));
    QVERIFY(!out.contains(QLatin1String("agent-log")));
}

void TestTriageCli::json()
{
    const Run r = run({"triage", "--catalog", catalog(), "--format", "json", data("mixed.log")});
    QCOMPARE(r.exitCode, 1);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject summary = root.value(QLatin1String("summary")).toObject();
    QCOMPARE(summary.value(QLatin1String("lines")).toInt(), 18);
    QCOMPARE(summary.value(QLatin1String("matched")).toInt(), 8);
    QCOMPARE(summary.value(QLatin1String("portMismatched")).toInt(), 1);
    QCOMPARE(summary.value(QLatin1String("unrelated")).toInt(), 3);
    QCOMPARE(summary.value(QLatin1String("unrecognised")).toInt(), 1);
    QCOMPARE(summary.value(QLatin1String("formats")).toObject().value(QLatin1String("squid")).toInt(), 3);
    QStringList ids;
    for (const QJsonValue &flow : root.value(QLatin1String("flows")).toArray())
        ids.append(flow.toObject().value(QLatin1String("flow")).toString());
    QCOMPARE(ids,
             (QStringList{"agent-web", "cloud-agent-4118", "cloud-relay-4122", "cloud-syslog",
                          "relay-cloud-4122"}));
    const QJsonObject web = root.value(QLatin1String("flows")).toArray().first().toObject();
    QCOMPARE(web.value(QLatin1String("lines")).toInt(), 4);
    QVERIFY(!web.value(QLatin1String("firstSeen")).toString().isEmpty());
    QVERIFY(!web.value(QLatin1String("samples")).toArray().isEmpty());
    const QJsonArray mismatches = root.value(QLatin1String("portMismatches")).toArray();
    QCOMPARE(mismatches.size(), 1);
    const QJsonObject m = mismatches.first().toObject();
    QCOMPARE(m.value(QLatin1String("address")).toString(), QStringLiteral("127.0.0.10"));
    QCOMPARE(m.value(QLatin1String("port")).toInt(), 22);
    QCOMPARE(m.value(QLatin1String("protocol")).toString(), QStringLiteral("TCP"));
    QCOMPARE(m.value(QLatin1String("flows")).toArray().first().toString(), QStringLiteral("agent-web"));
}

void TestTriageCli::csv()
{
    const Run r = run({"triage", "--catalog", catalog(), "--format", "csv", data("mixed.log")});
    QCOMPARE(r.exitCode, 1);
    const QList<QByteArray> rows = r.out.trimmed().split('\n');
    QVERIFY(rows.first().startsWith("kind,flow,endpoint,address,port,lines,firstSeen,lastSeen,sample"));
    QCOMPARE(rows.size(), 1 + 5 + 1 + 2);
    QVERIFY(rows.at(1).startsWith("flow,agent-web,"));
    QVERIFY(rows.at(6).startsWith("port-mismatch,agent-web,127.0.0.10,127.0.0.10,22/TCP,1,"));
    QVERIFY(rows.at(7).startsWith("unrelated,,,,,3,"));
    QVERIFY(rows.at(8).startsWith("unrecognised,,,,,1,"));
}

void TestTriageCli::standardInput()
{
    QFile file(data("mixed.log"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Run fromFile = run({"triage", "--catalog", catalog(), "--format", "json", data("mixed.log")});
    const Run fromStdin = run({"triage", "--catalog", catalog(), "--format", "json"}, file.readAll());
    QCOMPARE(fromStdin.exitCode, 1);
    QCOMPARE(fromStdin.out, fromFile.out);
    const Run dash = run({"triage", "--catalog", catalog(), "-"}, "127.0.0.10:443\n");
    QCOMPARE(dash.exitCode, 0);
    QVERIFY(dash.out.contains("agent-web"));
}

void TestTriageCli::exportNftables()
{
    const Run r = run({"triage", "--catalog", catalog(), "--export", "nftables", data("mixed.log")});
    QCOMPARE(r.exitCode, 1);
    const QString out = QString::fromUtf8(r.out);
    QVERIFY(out.startsWith(QLatin1String("# nftables")));
    QVERIFY(r.err.contains("5 flows hit"));
    // The rules of exactly the flows hit: each rule's comment starts with its flow id.
    const QStringList hit{"agent-web", "cloud-agent-4118", "cloud-relay-4122", "cloud-syslog",
                          "relay-cloud-4122"};
    for (const char *id : {"agent-web", "cloud-agent-4118", "cloud-relay-4122", "cloud-syslog",
                           "relay-cloud-4122", "agent-log"}) {
        const bool inExport = out.contains(QStringLiteral("comment \"%1:").arg(QLatin1String(id)));
        QVERIFY2(inExport == hit.contains(QLatin1String(id)), id);
    }
    // The same scope as "export --selected" with those ids.
    const Run selected =
            run({"export", "--catalog", catalog(), "--format", "nftables", "--selected", hit.join(',')});
    QCOMPARE(selected.exitCode, 0);
    QCOMPARE(r.out, selected.out);
}

void TestTriageCli::exportEmpty()
{
    const Run r = run({"triage", "--catalog", catalog(), "--export", "csv"}, "192.0.2.1:443\n");
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed().split('\n').size(), 1); // the header alone: no flow was hit
}

void TestTriageCli::lookupFile_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    const QStringList base{"lookup", "--catalog", catalog()};
    QTest::addRow("file, all matched") << base + QStringList{"--file", data("lookup-values.txt")} << 0;
    QTest::addRow("file and a wrong port")
            << base + QStringList{"--file", data("lookup-values.txt"), "127.0.0.10:22"} << 1;
    QTest::addRow("missing file") << base + QStringList{"--file", data("no-such.txt")} << 2;
}

void TestTriageCli::lookupFile()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const Run r = run(arguments);
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
}

void TestTriageCli::lookupStandardInput()
{
    const Run ok = run({"lookup", "--catalog", catalog(), "--format", "json", "--file", "-"},
                       "127.0.0.10:443\n# a comment\n\nudp log.localhost:514\n");
    QCOMPARE(ok.exitCode, 0);
    const QJsonArray results = QJsonDocument::fromJson(ok.out).array();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results.at(1).toObject().value(QLatin1String("value")).toString(),
             QStringLiteral("udp log.localhost:514"));
    const Run wrong = run({"lookup", "--catalog", catalog(), "--file", "-"}, "log.localhost:443\n");
    QCOMPARE(wrong.exitCode, 1);
    const Run invalid =
            run({"lookup", "--catalog", catalog(), "--file", "-"}, QByteArray("bad\0value\n", 10));
    QCOMPARE(invalid.exitCode, 2);
    const Run none = run({"lookup", "--catalog", catalog(), "--file", "-"}, "");
    QCOMPARE(none.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestTriageCli)
#include "tst_triagecli.moc"
