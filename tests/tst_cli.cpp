#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// portolan-cli as a user runs it: arguments in, text and exit code out.
class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void exitCodes_data();
    void exitCodes();
    void catalogJson();
    void catalogCsvJapanese();
    void catalogText();
    void badCatalogIsLocated();
    void lookupJson();
    void lookupText();
    void commandHelpNamesTheCommand();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QStringList &arguments);
};

TestCli::Run TestCli::run(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(PORTOLAN_CLI), arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            process.readAllStandardOutput(), process.readAllStandardError()};
}

void TestCli::exitCodes_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addRow("version") << QStringList{"--version"} << 0;
    QTest::addRow("help") << QStringList{"--help"} << 0;
    QTest::addRow("no command") << QStringList{} << 2;
    QTest::addRow("unknown command") << QStringList{"frobnicate"} << 2;
    QTest::addRow("catalog") << QStringList{"catalog"} << 0;
    QTest::addRow("catalog help") << QStringList{"catalog", "--help"} << 0;
    QTest::addRow("catalog bad format") << QStringList{"catalog", "--format", "xml"} << 2;
    QTest::addRow("catalog bad language") << QStringList{"catalog", "--lang", "fr"} << 2;
    QTest::addRow("catalog unknown option") << QStringList{"catalog", "--frob"} << 2;
    QTest::addRow("catalog missing file") << QStringList{"catalog", "--catalog", "/nonexistent.json"} << 2;
    QTest::addRow("lookup all matched") << QStringList{"lookup", "files.trendmicro.com", "34.205.5.3"} << 0;
    QTest::addRow("lookup one unmatched")
            << QStringList{"lookup", "files.trendmicro.com", "example.com"} << 1;
    QTest::addRow("lookup invalid value") << QStringList{"lookup", "$(reboot)"} << 2;
    QTest::addRow("lookup nothing") << QStringList{"lookup"} << 2;
    QTest::addRow("lookup other catalog")
            << QStringList{"lookup", "--catalog", PORTOLAN_TEST_DATA "/minimal.json", "127.0.1.77",
                           "a.wild.localhost"}
            << 0;
}

void TestCli::exitCodes()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const Run r = run(arguments);
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
    if (exitCode == 2 && !arguments.contains(QStringLiteral("--help")))
        QVERIFY(!r.err.isEmpty());
}

void TestCli::catalogJson()
{
    const Run r = run({QStringLiteral("catalog"), QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray records = doc.array();
    QCOMPARE(records.size(), 234);
    bool found = false;
    for (const QJsonValue &v : records) {
        const QJsonObject o = v.toObject();
        QVERIFY(o.contains(QStringLiteral("requirement")));
        if (o.value(QStringLiteral("endpoint")).toString()
            == QLatin1String("gateway-control.workload.us-1.cloudone.trendmicro.com")) {
            found = true;
            QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("url-dcg-control"));
            QCOMPARE(o.value(QStringLiteral("ports"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(QStringLiteral("port"))
                             .toInt(),
                     443);
            QCOMPARE(o.value(QStringLiteral("sources")).toArray().first().toString(), QStringLiteral("dcg"));
        }
    }
    QVERIFY(found);
}

void TestCli::catalogCsvJapanese()
{
    const Run r = run({QStringLiteral("catalog"), QStringLiteral("--format"), QStringLiteral("csv"),
                       QStringLiteral("--lang"), QStringLiteral("ja")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 235);
    QVERIFY(lines.first().startsWith(QStringLiteral("id,section,table,endpoint")));
    QVERIFY(text.contains(QStringLiteral("スマートフィードバック")));
}

void TestCli::catalogText()
{
    const Run r = run({QStringLiteral("catalog"), QStringLiteral("--catalog"),
                       QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    QCOMPARE(text.count(QStringLiteral("\nid: ")) + (text.startsWith(QStringLiteral("id: ")) ? 1 : 0), 7);
    QVERIFY(text.contains(QStringLiteral("endpoint: *.wild.localhost")));
}

void TestCli::badCatalogIsLocated()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile in(QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray data = in.readAll();
    data.replace("\"127.0.0.10\"", "\"127.0.0.300\"");
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile out(bad);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(data);
    out.close();
    const int line = data.left(data.indexOf("127.0.0.300")).count('\n') + 1;

    const Run r =
            run({QStringLiteral("lookup"), QStringLiteral("--catalog"), bad, QStringLiteral("127.0.0.10")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.out.isEmpty());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(QStringLiteral("%1:%2:").arg(bad).arg(line)), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("$.entries[2].endpoints[0].address")), qPrintable(err));
}

void TestCli::lookupJson()
{
    const Run r = run({QStringLiteral("lookup"), QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("34.205.5.3"), QStringLiteral("example.com")});
    QCOMPARE(r.exitCode, 1);
    const QJsonArray results = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(results.size(), 2);
    const QJsonArray first = results.at(0).toObject().value(QStringLiteral("matches")).toArray();
    QCOMPARE(first.size(), 3);
    QCOMPARE(first.at(0).toObject().value(QStringLiteral("reason")).toString(),
             QStringLiteral("inside-subnet"));
    QCOMPARE(first.at(0).toObject().value(QStringLiteral("endpoint")).toString(),
             QStringLiteral("34.205.5.0/27"));
    QVERIFY(results.at(1).toObject().value(QStringLiteral("matches")).toArray().isEmpty());
}

void TestCli::lookupText()
{
    const Run r = run({QStringLiteral("lookup"), QStringLiteral("example.com"),
                       QStringLiteral("agent-001.workload.us-1.cloudone.trendmicro.com")});
    QCOMPARE(r.exitCode, 1);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("not in the catalog")));
    QVERIFY(text.contains(QStringLiteral("matches *.workload.us-1.cloudone.trendmicro.com")));
}

void TestCli::commandHelpNamesTheCommand()
{
    const Run r = run({QStringLiteral("lookup"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("Usage: portolan-cli lookup [options] VALUE..."), r.out.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
