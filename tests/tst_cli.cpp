#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
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
    void catalogRole();
    void lookupJson();
    void lookupJsonFields();
    void lookupText();
    void lookupPorts_data();
    void lookupPorts();
    void lookupRole();
    void commandHelpNamesTheCommand();
    void catalogInfo();
    void catalogVerify();
    void catalogDiff();

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
    QTest::addRow("catalog role") << QStringList{"catalog", "--role", "relay"} << 0;
    QTest::addRow("catalog unknown role") << QStringList{"catalog", "--role", "frob"} << 2;
    QTest::addRow("catalog component is not a role") << QStringList{"catalog", "--role", "siem"} << 2;
    QTest::addRow("lookup all matched") << QStringList{"lookup", "files.trendmicro.com", "34.205.5.3"} << 0;
    QTest::addRow("lookup right address, wrong port") << QStringList{"lookup", "34.205.5.17:22"} << 1;
    QTest::addRow("lookup 443-only address on 80") << QStringList{"lookup", "52.0.124.201:80"} << 1;
    QTest::addRow("lookup leading transport") << QStringList{"lookup", "tcp", "34.205.5.3:4118"} << 0;
    QTest::addRow("lookup trailing port") << QStringList{"lookup", "34.205.5.3", "4118/tcp"} << 0;
    QTest::addRow("lookup port and transport") << QStringList{"lookup", "34.205.5.3:4118/tcp"} << 0;
    QTest::addRow("lookup one quoted value") << QStringList{"lookup", "tcp 34.205.5.3:4118"} << 0;
    QTest::addRow("lookup udp, not listed") << QStringList{"lookup", "udp", "1.2.3.4:514"} << 1;
    QTest::addRow("lookup udp syslog") << QStringList{"lookup", "udp", "34.205.5.3:514"} << 0;
    QTest::addRow("lookup ipv4-mapped") << QStringList{"lookup", "::ffff:34.205.5.17"} << 0;
    QTest::addRow("lookup role") << QStringList{"lookup", "--role", "agent", "34.205.5.3:4118"} << 0;
    QTest::addRow("lookup role not involved")
            << QStringList{"lookup", "--role", "admin", "34.205.5.3:4118"} << 1;
    QTest::addRow("lookup unknown role") << QStringList{"lookup", "--role", "frob", "34.205.5.3"} << 2;
    QTest::addRow("lookup bad port") << QStringList{"lookup", "34.205.5.3:70000"} << 2;
    QTest::addRow("lookup contradicting transports")
            << QStringList{"lookup", "udp", "34.205.5.3:4118/tcp"} << 2;
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
    QCOMPARE(records.size(), 317); // every endpoint of every flow, and each flow without endpoints once
    bool found = false;
    for (const QJsonValue &v : records) {
        const QJsonObject o = v.toObject();
        QVERIFY(o.contains(QStringLiteral("requirement")));
        if (o.value(QStringLiteral("endpoint")).toString()
            == QLatin1String("gateway-control.workload.us-1.cloudone.trendmicro.com")) {
            found = true;
            QCOMPARE(o.value(QStringLiteral("id")).toString(), QStringLiteral("dcg-ws-443"));
            QCOMPARE(o.value(QStringLiteral("ports"))
                             .toArray()
                             .first()
                             .toObject()
                             .value(QStringLiteral("port"))
                             .toInt(),
                     443);
            QCOMPARE(o.value(QStringLiteral("initiators")).toArray(), QJsonArray{QStringLiteral("dcg")});
            QCOMPARE(o.value(QStringLiteral("listener")).toString(), QStringLiteral("workload-security"));
            QCOMPARE(o.value(QStringLiteral("direction")).toString(), QStringLiteral("outbound"));
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
    QCOMPARE(lines.size(), 318);
    QVERIFY(lines.first().startsWith(
            QStringLiteral("id,endpoint,endpointKind,ports,initiators,listener,direction")));
    QVERIFY(text.contains(QStringLiteral("スマートフィードバック")));
}

void TestCli::catalogText()
{
    const Run r = run({QStringLiteral("catalog"), QStringLiteral("--catalog"),
                       QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json")});
    QCOMPARE(r.exitCode, 0);
    const QString text = QString::fromUtf8(r.out);
    // dns and local have no endpoints (one record each), web 3 + 1 + 2, inbound 1.
    QCOMPARE(text.count(QStringLiteral("\nid: ")) + (text.startsWith(QStringLiteral("id: ")) ? 1 : 0), 9);
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
    QVERIFY2(err.contains(QStringLiteral("$.endpointLists[2].endpoints[0].address")), qPrintable(err));
}

void TestCli::catalogRole()
{
    const Run r = run({QStringLiteral("catalog"), QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("--role"), QStringLiteral("relay")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray records = QJsonDocument::fromJson(r.out).array();
    QVERIFY(!records.isEmpty());
    QVERIFY(records.size() < 317);
    QSet<QString> directions;
    for (const QJsonValue &v : records) {
        const QJsonObject o = v.toObject();
        const QString id = o.value(QStringLiteral("id")).toString();
        const QString direction = o.value(QStringLiteral("direction")).toString();
        // Only the relay's flows, with the direction for the relay.
        QVERIFY2(o.value(QStringLiteral("initiators")).toArray().contains(QStringLiteral("relay"))
                         || o.value(QStringLiteral("listener")).toString() == QLatin1String("relay"),
                 qPrintable(id));
        if (id == QLatin1String("ws-relay-4118"))
            QCOMPARE(direction, QStringLiteral("inbound"));
        if (id == QLatin1String("relay-relay-4122"))
            QCOMPARE(direction, QStringLiteral("both"));
        if (id == QLatin1String("agent-relay-4123"))
            QCOMPARE(direction, QStringLiteral("local"));
        if (id == QLatin1String("update-servers-web"))
            QCOMPARE(direction, QStringLiteral("outbound"));
        directions.insert(direction);
    }
    QCOMPARE(directions, (QSet<QString>{"inbound", "outbound", "both", "local"}));
}

void TestCli::lookupJson()
{
    const Run r = run({QStringLiteral("lookup"), QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("34.205.5.3"), QStringLiteral("example.com")});
    QCOMPARE(r.exitCode, 1);
    const QJsonArray results = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(results.size(), 2);
    const QJsonArray first = results.at(0).toObject().value(QStringLiteral("matches")).toArray();
    QStringList flows;
    for (const QJsonValue &m : first)
        flows.append(m.toObject().value(QStringLiteral("flow")).toString());
    QCOMPARE(flows, (QStringList{"ws-agent-4118", "ws-relay-4118", "ws-siem-514", "ws-relay-4122"}));
    QCOMPARE(first.at(0).toObject().value(QStringLiteral("reason")).toString(),
             QStringLiteral("inside-subnet"));
    QCOMPARE(first.at(0).toObject().value(QStringLiteral("endpoint")).toString(),
             QStringLiteral("34.205.5.0/27"));
    QVERIFY(results.at(0).toObject().value(QStringLiteral("matched")).toBool());
    QVERIFY(!results.at(1).toObject().value(QStringLiteral("matched")).toBool());
    QVERIFY(results.at(1).toObject().value(QStringLiteral("matches")).toArray().isEmpty());
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("answer")).toString(),
             QStringLiteral("not in the catalog"));
}

void TestCli::lookupJsonFields()
{
    const Run r = run({QStringLiteral("lookup"), QStringLiteral("--format"), QStringLiteral("json"),
                       QStringLiteral("34.205.5.17:22"), QStringLiteral("52.0.124.201:443"),
                       QStringLiteral("tcp"), QStringLiteral("34.205.5.3:4118")});
    QCOMPARE(r.exitCode, 1);
    const QJsonArray results = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(results.size(), 3);

    // Right address, wrong port: no match, the address-only ones apart, and why.
    const QJsonObject wrongPort = results.at(0).toObject();
    QCOMPARE(wrongPort.value(QStringLiteral("port")).toInt(), 22);
    QVERIFY(!wrongPort.contains(QStringLiteral("transport")));
    QVERIFY(!wrongPort.value(QStringLiteral("matched")).toBool());
    QVERIFY(wrongPort.value(QStringLiteral("matches")).toArray().isEmpty());
    QCOMPARE(wrongPort.value(QStringLiteral("portMismatches")).toArray().size(), 4);
    QVERIFY(wrongPort.value(QStringLiteral("answer"))
                    .toString()
                    .startsWith(QStringLiteral("in 34.205.5.0/27, but no requirement uses 22/TCP")));
    const QJsonObject mismatch =
            wrongPort.value(QStringLiteral("portMismatches")).toArray().first().toObject();
    QCOMPARE(mismatch.value(QStringLiteral("portMatched")).toBool(true), false);

    // An expired static address, 443 only.
    const QJsonArray expired = results.at(1).toObject().value(QStringLiteral("matches")).toArray();
    QCOMPARE(expired.size(), 2);
    const QJsonObject e = expired.first().toObject();
    QCOMPARE(e.value(QStringLiteral("flow")).toString(), QStringLiteral("agent-ws-443"));
    QCOMPARE(e.value(QStringLiteral("requirement")).toString(), QStringLiteral("expired"));
    QCOMPARE(e.value(QStringLiteral("expired")).toBool(), true);
    QCOMPARE(e.value(QStringLiteral("validUntil")).toString(), QStringLiteral("2022-12-31"));
    QCOMPARE(e.value(QStringLiteral("validity")).toString(), QStringLiteral("expired 2022-12-31"));
    QCOMPARE(e.value(QStringLiteral("ports")).toArray().size(), 1);
    QCOMPARE(e.value(QStringLiteral("ports"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("port"))
                     .toInt(),
             443);
    QVERIFY(e.value(QStringLiteral("explanation")).toString().contains(QStringLiteral("expired")));

    // The full record of a match.
    const QJsonObject result = results.at(2).toObject();
    QCOMPARE(result.value(QStringLiteral("value")).toString(), QStringLiteral("tcp 34.205.5.3:4118"));
    QCOMPARE(result.value(QStringLiteral("transport")).toString(), QStringLiteral("tcp"));
    const QJsonArray matches = result.value(QStringLiteral("matches")).toArray();
    QCOMPARE(matches.size(), 2);
    const QJsonObject m = matches.first().toObject();
    QCOMPARE(m.value(QStringLiteral("flow")).toString(), QStringLiteral("ws-agent-4118"));
    QCOMPARE(m.value(QStringLiteral("initiators")).toArray(),
             QJsonArray{QStringLiteral("workload-security")});
    QCOMPARE(m.value(QStringLiteral("listener")).toString(), QStringLiteral("agent"));
    QCOMPARE(m.value(QStringLiteral("ports"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("port"))
                     .toInt(),
             4118);
    QCOMPARE(m.value(QStringLiteral("requirement")).toString(), QStringLiteral("optional"));
    QVERIFY(!m.value(QStringLiteral("condition")).toString().isEmpty());
    QCOMPARE(m.value(QStringLiteral("validity")).toString(), QString());
    QCOMPARE(m.value(QStringLiteral("direction")).toString(), QStringLiteral("inbound"));
    QCOMPARE(m.value(QStringLiteral("reason")).toString(), QStringLiteral("inside-subnet"));
    QCOMPARE(m.value(QStringLiteral("portMatched")).toBool(), true);
    QCOMPARE(m.value(QStringLiteral("explanation")).toString(),
             QStringLiteral("inside 34.205.5.0/27, on 4118/TCP (HTTPS)"));
    // The subnet's other flows are on other ports.
    QCOMPARE(result.value(QStringLiteral("portMismatches")).toArray().size(), 2);
}

void TestCli::lookupText()
{
    const Run r = run({QStringLiteral("lookup"), QStringLiteral("example.com"),
                       QStringLiteral("agents-001.workload.us-1.cloudone.trendmicro.com")});
    QCOMPARE(r.exitCode, 1);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("not in the catalog")));
    QVERIFY(text.contains(QStringLiteral("agent-ws-443  matches *.workload.us-1.cloudone.trendmicro.com")));
    QVERIFY2(text.contains(QStringLiteral("Deep Security Agent, Deep Security Relay → Workload Security; "
                                          "443/TCP (HTTPS); Required")),
             qPrintable(text));
}

void TestCli::lookupPorts_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expected"); // lines the text output contains
    QTest::addColumn<QStringList>("unexpected");
    QTest::addRow("right address, wrong port")
            << QStringList{"34.205.5.17:22"} << 1
            << QStringList{"  in 34.205.5.0/27, but no requirement uses 22/TCP",
                           "  ws-agent-4118  inside 34.205.5.0/27, but it uses 4118/TCP (HTTPS), not 22/TCP"}
            << QStringList{"inside 34.205.5.0/27\n"};
    QTest::addRow("443-only static address on 80")
            << QStringList{"52.0.124.201:80"} << 1
            << QStringList{"in 52.0.124.201, but no requirement uses 80/TCP",
                           "agent-ws-443  is listed as 52.0.124.201, but it uses 443/TCP (HTTPS), not 80/TCP"}
            << QStringList{"52.0.124.201, on"};
    QTest::addRow("expired, on its port") << QStringList{"52.0.124.201:443"} << 0
                                          << QStringList{"agent-ws-443  is listed as 52.0.124.201, on "
                                                         "443/TCP (HTTPS) (static address, expired)",
                                                         "; 443/TCP (HTTPS); Expired", "expired 2022-12-31"}
                                          << QStringList{"no requirement"};
    QTest::addRow("leading transport")
            << QStringList{"tcp", "34.205.5.3:4118"} << 0
            << QStringList{"tcp 34.205.5.3:4118\n",
                           "ws-agent-4118  inside 34.205.5.0/27, on 4118/TCP (HTTPS)",
                           "ws-relay-4118  inside 34.205.5.0/27, on 4118/TCP (HTTPS)",
                           "Workload Security → Deep Security Agent; 4118/TCP (HTTPS); Optional",
                           "condition: "}
            << QStringList{"ws-siem-514", "ws-relay-4122"};
    QTest::addRow("trailing port") << QStringList{"34.205.5.3", "4118/tcp"} << 0
                                   << QStringList{"34.205.5.3 4118/tcp\n",
                                                  "ws-agent-4118  inside 34.205.5.0/27, on"}
                                   << QStringList{"ws-siem-514"};
    QTest::addRow("port and transport")
            << QStringList{"34.205.5.3:4118/tcp"} << 0
            << QStringList{"ws-agent-4118  inside 34.205.5.0/27, on"} << QStringList{"ws-siem-514"};
    QTest::addRow("udp") << QStringList{"udp", "34.205.5.3:514"} << 0
                         << QStringList{"ws-siem-514  inside 34.205.5.0/27, on 514/UDP (Syslog)"}
                         << QStringList{"ws-agent-4118"};
    QTest::addRow("udp, not listed") << QStringList{"udp", "1.2.3.4:514"} << 1
                                     << QStringList{"udp 1.2.3.4:514\n  not in the catalog"} << QStringList{};
    QTest::addRow("ipv4-mapped ipv6")
            << QStringList{"::ffff:34.205.5.17"} << 0 << QStringList{"ws-agent-4118  inside 34.205.5.0/27\n"}
            << QStringList{"not in the catalog"};
}

void TestCli::lookupPorts()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expected);
    QFETCH(QStringList, unexpected);
    const Run r = run(QStringList{QStringLiteral("lookup")} + arguments);
    QVERIFY2(r.exitCode == exitCode, r.err.constData());
    const QString text = QString::fromUtf8(r.out);
    for (const QString &line : expected)
        QVERIFY2(text.contains(line), qPrintable(line + QLatin1String("\n---\n") + text));
    for (const QString &line : unexpected)
        QVERIFY2(!text.contains(line), qPrintable(line + QLatin1String("\n---\n") + text));
}

void TestCli::lookupRole()
{
    const Run r = run({QStringLiteral("lookup"), QStringLiteral("--role"), QStringLiteral("agent"),
                       QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("34.205.5.3"),
                       QStringLiteral("files.trendmicro.com")});
    QCOMPARE(r.exitCode, 0);
    const QJsonArray results = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(results.size(), 2);
    const QJsonArray subnet = results.at(0).toObject().value(QStringLiteral("matches")).toArray();
    QCOMPARE(subnet.size(), 1); // not the relay's, not Workload Security's syslog
    QCOMPARE(subnet.first().toObject().value(QStringLiteral("flow")).toString(),
             QStringLiteral("ws-agent-4118"));
    QCOMPARE(subnet.first().toObject().value(QStringLiteral("direction")).toString(),
             QStringLiteral("inbound"));
    const QJsonArray update = results.at(1).toObject().value(QStringLiteral("matches")).toArray();
    QCOMPARE(update.first().toObject().value(QStringLiteral("direction")).toString(),
             QStringLiteral("outbound"));

    const Run text = run({QStringLiteral("lookup"), QStringLiteral("--role"), QStringLiteral("agent"),
                          QStringLiteral("34.205.5.3:4118")});
    QCOMPARE(text.exitCode, 0);
    const QString out = QString::fromUtf8(text.out);
    QVERIFY2(out.contains(QStringLiteral("Inbound for agent: Workload Security → Deep Security Agent")),
             qPrintable(out));
    QVERIFY(!out.contains(QStringLiteral("ws-relay-4118")));
}

void TestCli::commandHelpNamesTheCommand()
{
    const Run r = run({QStringLiteral("lookup"), QStringLiteral("--help")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.startsWith("Usage: portolan-cli lookup [options] VALUE..."), r.out.constData());
}

void TestCli::catalogInfo()
{
    const Run r = run({QStringLiteral("catalog"), QStringLiteral("--info")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QByteArrayLiteral("Catalog version: 2026120201")), r.out.constData());
    QVERIFY(r.out.contains(QByteArrayLiteral("SHA-256 of the saved page: 8c3386ec")));
    QVERIFY(r.out.contains(QByteArrayLiteral("Flows: 21")));
}

void TestCli::catalogVerify()
{
    const QString page = QStringLiteral(PORTOLAN_TEST_DATA "/page/required-ports.ja.txt");
    Run r = run({QStringLiteral("catalog"), QStringLiteral("verify"), QStringLiteral("--page"), page});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.contains(QByteArrayLiteral("hosts 99, URLs 3, addresses 106, subnets 1, ports 10")),
             r.out.constData());
    QVERIFY(r.out.contains(QByteArrayLiteral("nothing else")));
    // Another catalog differs from the page: exit 1 and both directions listed.
    r = run({QStringLiteral("catalog"), QStringLiteral("verify"), QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("--catalog"),
             QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json"), QStringLiteral("--page"), page});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY(o.value(QStringLiteral("missingFromCatalog")).toArray().size() > 100);
    QVERIFY(!o.value(QStringLiteral("notOnPage")).toArray().isEmpty());
    r = run({QStringLiteral("catalog"), QStringLiteral("verify")});
    QCOMPARE(r.exitCode, 2);
}

void TestCli::catalogDiff()
{
    Run r = run({QStringLiteral("catalog"), QStringLiteral("diff"), QStringLiteral("builtin"),
                 QStringLiteral("builtin")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out, QByteArray("No flow changed.\n"));
    r = run({QStringLiteral("catalog"), QStringLiteral("diff"), QStringLiteral("--format"),
             QStringLiteral("json"), QStringLiteral("builtin"),
             QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json")});
    QCOMPARE(r.exitCode, 1);
    const QJsonArray flows = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("flows")).toArray();
    QCOMPARE(flows.size(), 21 + 4);
    r = run({QStringLiteral("catalog"), QStringLiteral("diff"), QStringLiteral("builtin")});
    QCOMPARE(r.exitCode, 2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
