#include "core/catalog/catalogloader.h"
#include "core/catalog/catalogstore.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

// Every malformed catalog is rejected whole with a located message, and a store that already
// holds a catalog keeps it.
class TestCatalogLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void minimalIsValid();
    void builtinIsValid();
    void malformed_data();
    void malformed();
    void locatesSyntaxErrors();
    void missingFile();
    void byteOrderMark();
    void unboundedDevices();
    void storeKeepsCatalogOnError();

private:
    QByteArray m_minimal;
};

void TestCatalogLoader::initTestCase()
{
    QFile file(QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_minimal = file.readAll();
}

void TestCatalogLoader::minimalIsValid()
{
    const auto result = CatalogLoader::loadData(m_minimal, QStringLiteral("minimal.json"));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    const Catalog &c = *result.catalog;
    QCOMPARE(c.flows.size(), 4);
    QCOMPARE(c.endpointLists.size(), 4);
    QCOMPARE(c.rows().size(), 1 + 6 + 1 + 1);
    QCOMPARE(c.source.ja, QStringLiteral("https://example.invalid/ja/test"));
    QCOMPARE(c.corrections.size(), 1);

    // Endpoints are flattened from the lists, each knowing its list.
    const Flow &web = *c.flow(QStringLiteral("web"));
    QCOMPARE(web.endpoints.size(), 6);
    QCOMPARE(c.listOf(web.endpoints.at(3)).id, QStringLiteral("new-hosts"));
    QCOMPARE(web.provenance.size(), 3);
    QCOMPARE(web.provenance.at(1).toString(), QStringLiteral("urls#web"));
    // The static list restricts the flow's ports; the others use them all.
    QCOMPARE(c.portsOf(web, web.endpoints.at(0)).size(), 2);
    QCOMPARE(c.portsOf(web, web.endpoints.at(4)).size(), 1);
    QCOMPARE(c.portsOf(web, web.endpoints.at(4)).first().port, 443);
    // Validity comes from the list.
    QVERIFY(c.isExpired(web.endpoints.at(4), QDate(2023, 1, 1)));
    QVERIFY(!c.isExpired(web.endpoints.at(4), QDate(2022, 12, 31)));
    QVERIFY(!c.isExpired(web.endpoints.at(0), QDate(2030, 1, 1)));
    QVERIFY(!c.isFullyExpired(web, QDate(2030, 1, 1)));
    QCOMPARE(c.featuresOf(web, &web.endpoints.at(0)), QList<Feature>{Feature::WebReputation});
    QCOMPARE(c.agentVersions(), QList<QVersionNumber>{QVersionNumber(20, 0)});

    // Direction is computed for a role, never stored.
    QCOMPARE(web.directionFor(QStringLiteral("agent")), Direction::Outbound);
    QCOMPARE(web.directionFor(QStringLiteral("cloud")), Direction::Inbound);
    QCOMPARE(web.directionFor(QStringLiteral("dns-server")), Direction::None);
    const Flow &inbound = *c.flow(QStringLiteral("inbound"));
    QCOMPARE(inbound.directionFor(QStringLiteral("agent")), Direction::Inbound);
    QVERIFY(c.endpointsDescribeInitiator(inbound));
    QVERIFY(!c.endpointsDescribeInitiator(web));
    const Flow &local = *c.flow(QStringLiteral("local"));
    QVERIFY(!local.needsNetworkRule);
    QCOMPARE(local.directionFor(QStringLiteral("agent")), Direction::Local);
    QCOMPARE(local.ports.first().transport, Transport::Unstated);
    QVERIFY(local.ports.first().protocol.isEmpty());
}

void TestCatalogLoader::builtinIsValid()
{
    const auto result = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
}

void TestCatalogLoader::malformed_data()
{
    QTest::addColumn<QByteArray>("search");
    QTest::addColumn<QByteArray>("replace");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("message");

    QTest::addRow("schema version 1")
            << QByteArray("\"schemaVersion\": 2") << QByteArray("\"schemaVersion\": 1") << "$.schemaVersion"
            << "schema version 1 (entries as the page's tables list them) is no longer read";
    QTest::addRow("schema version 3")
            << QByteArray("\"schemaVersion\": 2") << QByteArray("\"schemaVersion\": 3") << "$.schemaVersion"
            << "unsupported schema version 3";
    QTest::addRow("schema version type") << QByteArray("\"schemaVersion\": 2")
                                         << QByteArray("\"schemaVersion\": \"2\"") << "$.schemaVersion"
                                         << "unsupported schema version";
    QTest::addRow("unknown top-level field")
            << QByteArray("\"notes\":") << QByteArray("\"nodes\":") << "$.nodes"
            << "unknown field \"nodes\"";
    QTest::addRow("missing title") << QByteArray(
            "\"title\": {\"en\": \"Test catalog\", \"ja\": \"テストカタログ\"},")
                                   << QByteArray() << "$"
                                   << "missing required field \"title\"";
    QTest::addRow("missing japanese") << QByteArray("{\"en\": \"Test catalog\", \"ja\": \"テストカタログ\"}")
                                      << QByteArray("{\"en\": \"Test catalog\"}") << "$.title"
                                      << "missing required field \"ja\"";
    QTest::addRow("empty english") << QByteArray("\"en\": \"Agent\"") << QByteArray("\"en\": \" \"")
                                   << "$.components[0].name.en"
                                   << "must not be empty";
    QTest::addRow("port zero") << QByteArray("\"port\": 443,") << QByteArray("\"port\": 0,")
                               << "$.flows[1].ports[0].port"
                               << "0 is out of range (1-65535)";
    QTest::addRow("port too large") << QByteArray("\"port\": 443,") << QByteArray("\"port\": 65536,")
                                    << "$.flows[1].ports[0].port"
                                    << "65536 is out of range (1-65535)";
    // 1e300 must be rejected as a double, before any integer conversion (undefined behaviour).
    QTest::addRow("port 1e300") << QByteArray("\"port\": 443,") << QByteArray("\"port\": 1e300,")
                                << "$.flows[1].ports[0].port"
                                << "1.0000000000000001e+300 is out of range";
    QTest::addRow("port -1e300") << QByteArray("\"port\": 443,") << QByteArray("\"port\": -1e300,")
                                 << "$.flows[1].ports[0].port"
                                 << "is out of range";
    QTest::addRow("port as string") << QByteArray("\"port\": 443,") << QByteArray("\"port\": \"443\",")
                                    << "$.flows[1].ports[0].port"
                                    << "expected an integer";
    QTest::addRow("port fraction") << QByteArray("\"port\": 443,") << QByteArray("\"port\": 443.5,")
                                   << "$.flows[1].ports[0].port"
                                   << "expected an integer";
    QTest::addRow("list port 1e300") << QByteArray("\"ports\": [443]") << QByteArray("\"ports\": [1e300]")
                                     << "$.endpointLists[2].ports[0]"
                                     << "is out of range";
    QTest::addRow("list port not in flow") << QByteArray("\"ports\": [443]")
                                           << QByteArray("\"ports\": [8443]") << "$.flows[1].endpointLists[2]"
                                           << "uses port 8443, which this flow does not have";
    QTest::addRow("transport") << QByteArray("\"transport\": \"udp\"")
                               << QByteArray("\"transport\": \"sctp\"") << "$.flows[0].ports[0].transport"
                               << "\"sctp\" is not one of: tcp, udp, unstated";
    QTest::addRow("duplicate port")
            << QByteArray("{\"port\": 53, \"transport\": \"tcp\", \"protocol\": \"DNS\"}")
            << QByteArray("{\"port\": 53, \"transport\": \"udp\", \"protocol\": \"DNS\"}")
            << "$.flows[0].ports[1]"
            << "duplicate port";
    QTest::addRow("requirement") << QByteArray("\"requirement\": \"required\"")
                                 << QByteArray("\"requirement\": \"maybe\"") << "$.flows[0].requirement"
                                 << "\"maybe\" is not one of";
    QTest::addRow("conditional without condition") << QByteArray(
            "\"condition\": {\"en\": \"Only with feature X.\", \"ja\": \"機能Xを使用する場合のみ。\"},")
                                                   << QByteArray() << "$.flows[1]"
                                                   << "a conditional flow needs a condition";
    QTest::addRow("unknown feature") << QByteArray("\"features\": [\"web-reputation\"]")
                                     << QByteArray("\"features\": [\"web-reputaton\"]")
                                     << "$.endpointLists[0].features[0]"
                                     << "not one of: manager-initiated, web-reputation";
    QTest::addRow("duplicate feature") << QByteArray("\"features\": [\"web-reputation\"]")
                                       << QByteArray("\"features\": [\"web-reputation\", \"web-reputation\"]")
                                       << "$.endpointLists[0].features[1]"
                                       << "duplicate feature";
    QTest::addRow("bad version") << QByteArray("{\"from\": \"20.0\"}") << QByteArray("{\"from\": \"twenty\"}")
                                 << "$.endpointLists[1].agentVersions.from"
                                 << "not a version";
    QTest::addRow("empty version range")
            << QByteArray("{\"from\": \"20.0\"}") << QByteArray("{}") << "$.endpointLists[1].agentVersions"
            << "give from, before or both";
    QTest::addRow("inverted version range")
            << QByteArray("{\"from\": \"20.0\"}") << QByteArray("{\"from\": \"20.0\", \"before\": \"12.0\"}")
            << "$.endpointLists[1].agentVersions"
            << "from must be lower than before";
    QTest::addRow("host with underscore")
            << QByteArray("{\"host\": \"svc.localhost\"}") << QByteArray("{\"host\": \"svc_x.localhost\"}")
            << "$.endpointLists[0].endpoints[0].host"
            << "not a valid host name";
    QTest::addRow("untranslated host artifact")
            << QByteArray("{\"host\": \"svc.localhost\"}")
            << QByteArray("{\"host\": \"ゲートウェイ-control.localhost\"}")
            << "$.endpointLists[0].endpoints[0].host"
            << "not a valid host name";
    QTest::addRow("inner wildcard") << QByteArray("\"*.wild.localhost\"") << QByteArray("\"a.*.localhost\"")
                                    << "$.endpointLists[0].endpoints[1].host"
                                    << "not a valid host name";
    QTest::addRow("bad address") << QByteArray("\"127.0.0.10\"") << QByteArray("\"127.0.0.256\"")
                                 << "$.endpointLists[2].endpoints[0].address"
                                 << "not a valid IPv4 or IPv6 address";
    QTest::addRow("cidr with host bits") << QByteArray("\"127.0.1.0/24\"") << QByteArray("\"127.0.1.1/24\"")
                                         << "$.endpointLists[3].endpoints[0].cidr"
                                         << "not a valid subnet";
    QTest::addRow("ftp url") << QByteArray("\"https://api.localhost/api\"")
                             << QByteArray("\"ftp://api.localhost/api\"")
                             << "$.endpointLists[0].endpoints[2].url"
                             << "not a valid http or https URL";
    QTest::addRow("duplicate flow id")
            << QByteArray("\"id\": \"inbound\"") << QByteArray("\"id\": \"web\"") << "$.flows[2].id"
            << "duplicate id \"web\"";
    QTest::addRow("unknown initiator") << QByteArray("\"initiators\": [\"agent\"], \"listener\": \"cloud\"")
                                       << QByteArray("\"initiators\": [\"agnet\"], \"listener\": \"cloud\"")
                                       << "$.flows[1].initiators[0]"
                                       << "unknown component \"agnet\"";
    QTest::addRow("duplicate initiator")
            << QByteArray("\"initiators\": [\"agent\"], \"listener\": \"cloud\"")
            << QByteArray("\"initiators\": [\"agent\", \"agent\"], \"listener\": \"cloud\"")
            << "$.flows[1].initiators[1]"
            << "duplicate initiator";
    QTest::addRow("unknown listener") << QByteArray("\"listener\": \"dns-server\"")
                                      << QByteArray("\"listener\": \"dns\"") << "$.flows[0].listener"
                                      << "unknown component \"dns\"";
    QTest::addRow("no initiators") << QByteArray("\"initiators\": [\"agent\"], \"listener\": \"dns-server\"")
                                   << QByteArray("\"initiators\": [], \"listener\": \"dns-server\"")
                                   << "$.flows[0].initiators"
                                   << "at least one initiator";
    QTest::addRow("unknown provenance table")
            << QByteArray("\"provenance\": [\"ports.agent#dns\"]")
            << QByteArray("\"provenance\": [\"ports.agnet#dns\"]") << "$.flows[0].provenance[0]"
            << "\"ports.agnet#dns\" is not a row of a table";
    QTest::addRow("unknown provenance row")
            << QByteArray("\"provenance\": [\"ports.agent#dns\"]")
            << QByteArray("\"provenance\": [\"ports.agent#dnz\"]") << "$.flows[0].provenance[0]"
            << "is not a row of a table";
    QTest::addRow("no provenance") << QByteArray("\"provenance\": [\"ports.agent#dns\"]")
                                   << QByteArray("\"provenance\": []") << "$.flows[0].provenance"
                                   << "at least one table row";
    QTest::addRow("row stated by nothing")
            << QByteArray("{\"id\": \"local\", \"label\": {\"en\": \"4123\", \"ja\": \"4123\"}}")
            << QByteArray("{\"id\": \"local\", \"label\": {\"en\": \"4123\", \"ja\": \"4123\"}}, "
                          "{\"id\": \"orphan\", \"label\": {\"en\": \"x\", \"ja\": \"x\"}}")
            << "$.tables[0].rows[4].id"
            << "table row \"ports.agent#orphan\" is the provenance of no flow";
    QTest::addRow("unused endpoint list") << QByteArray("\"endpointLists\": [\"subnet\"]")
                                          << QByteArray("\"features\": []") << "$.endpointLists[3].id"
                                          << "endpoint list \"subnet\" is used by no flow";
    QTest::addRow("unknown endpoint list")
            << QByteArray("\"endpointLists\": [\"subnet\"]") << QByteArray("\"endpointLists\": [\"subnett\"]")
            << "$.flows[2].endpointLists[0]"
            << "unknown endpoint list \"subnett\"";
    QTest::addRow("endpoint in two lists of a flow")
            << QByteArray("{\"host\": \"new.localhost\"}") << QByteArray("{\"host\": \"svc.localhost\"}")
            << "$.flows[1].endpointLists[1]"
            << "endpoint \"svc.localhost\" is already in another list";
    QTest::addRow("local flow with endpoints")
            << QByteArray("\"networkRule\": false,")
            << QByteArray("\"networkRule\": false, \"endpointLists\": [\"subnet\"],")
            << "$.flows[3].endpointLists"
            << "a flow that needs no network rule has no endpoints";
    QTest::addRow("empty endpoint list") << QByteArray("\"endpoints\": [{\"cidr\": \"127.0.1.0/24\"}]")
                                         << QByteArray("\"endpoints\": []") << "$.endpointLists[3].endpoints"
                                         << "at least one endpoint";
    QTest::addRow("unknown validity")
            << QByteArray("\"validity\": \"legacy\"") << QByteArray("\"validity\": \"legacyy\"")
            << "$.endpointLists[2].validity"
            << "unknown validity rule";
    QTest::addRow("impossible date") << QByteArray("\"2022-12-31\"") << QByteArray("\"2022-02-30\"")
                                     << "$.validity[0].validUntil"
                                     << "not a date";
    QTest::addRow("control character") << QByteArray("\"Heartbeat.\"") << QByteArray("\"Heart\\u0007beat.\"")
                                       << "$.flows[1].description.en"
                                       << "control characters";
    QTest::addRow("newline injection")
            << QByteArray("\"Heartbeat.\"") << QByteArray("\"Heartbeat.\\nDROP ALL\"")
            << "$.flows[1].description.en"
            << "control characters";
    // Text fields are capped, so that no catalog text can overrun a rule parser's line buffer.
    QTest::addRow("overlong text") << QByteArray("\"Heartbeat.\"")
                                   << QByteArray("\"") + QByteArray(CatalogLoader::MaxTextLength + 1, 'x')
                    + "\""
                                   << "$.flows[1].description.en"
                                   << "4001 characters, more than the 4000 allowed";
    QTest::addRow("two endpoint kinds")
            << QByteArray("{\"host\": \"svc.localhost\"}")
            << QByteArray("{\"host\": \"svc.localhost\", \"address\": \"127.0.0.1\"}")
            << "$.endpointLists[0].endpoints[0]"
            << "exactly one of";
    QTest::addRow("unknown endpoint kind")
            << QByteArray("{\"host\": \"svc.localhost\"}") << QByteArray("{\"fqdn\": \"svc.localhost\"}")
            << "$.endpointLists[0].endpoints[0].fqdn"
            << "unknown field \"fqdn\"";
    QTest::addRow("duplicate endpoint")
            << QByteArray("{\"address\": \"::1\"}") << QByteArray("{\"address\": \"127.0.0.10\"}")
            << "$.endpointLists[2].endpoints[1]"
            << "duplicate endpoint";
    QTest::addRow("no ports") << QByteArray(
            "[{\"port\": 4118, \"transport\": \"tcp\", \"protocol\": \"HTTPS\"}]")
                              << QByteArray("[]") << "$.flows[2].ports"
                              << "at least one port";
    QTest::addRow("stored direction")
            << QByteArray("\"requirement\": \"optional\", \"features\"")
            << QByteArray("\"direction\": \"inbound\", \"requirement\": \"optional\", "
                          "\"features\"")
            << "$.flows[2].direction"
            << "unknown field \"direction\"";
    QTest::addRow("invalid id") << QByteArray("\"id\": \"web\", \"initiators\"")
                                << QByteArray("\"id\": \"Web Service\", \"initiators\"") << "$.flows[1].id"
                                << "not a valid id";
    QTest::addRow("overlong id") << QByteArray("\"id\": \"web\", \"initiators\"")
                                 << QByteArray("\"id\": \"") + QByteArray(65, 'w') + "\", \"initiators\""
                                 << "$.flows[1].id"
                                 << "not a valid id (up to 64";
    QTest::addRow("flows not an array") << QByteArray("\"flows\": [") << QByteArray("\"flows\": {\"x\": [")
                                        << QString() << "invalid JSON";
    QTest::addRow("zone") << QByteArray("\"zone\": \"trend-cloud\"") << QByteArray("\"zone\": \"moon\"")
                          << "$.components[2].zone"
                          << "\"moon\" is not one of";
    QTest::addRow("site key") << QByteArray("\"siteKey\": \"dns\"") << QByteArray("\"siteKey\": \"dhcp\"")
                              << "$.components[1].siteKey"
                              << "\"dhcp\" is not one of: dns, ntp";
    QTest::addRow("role not a boolean")
            << QByteArray("\"role\": true, \"customerSide\"")
            << QByteArray("\"role\": \"yes\", \"customerSide\"") << "$.components[0].role"
            << "expected true or false";
    QTest::addRow("hostile protocol")
            << QByteArray("\"protocol\": \"HTTPS\"}, {\"port\": 80")
            << QByteArray("\"protocol\": \"HTTPS; rm -rf\"}, {\"port\": 80") << "$.flows[1].ports[0].protocol"
            << "not a protocol name";
    // An unknown key is echoed with its control characters made visible, and bounded.
    QTest::addRow("escape in unknown key") << QByteArray("\"notes\":") << QByteArray("\"\\u001b[2Jnotes\":")
                                           << QString() << "unknown field \"\\x1b[2Jnotes\"";
}

void TestCatalogLoader::malformed()
{
    QFETCH(QByteArray, search);
    QFETCH(QByteArray, replace);
    QFETCH(QString, path);
    QFETCH(QString, message);

    QByteArray data = m_minimal;
    const int at = data.indexOf(search);
    QVERIFY2(at >= 0, search.constData());
    data.replace(at, search.size(), replace);

    const auto result = CatalogLoader::loadData(data, QStringLiteral("bad.json"));
    QVERIFY(!result.isOk());
    QCOMPARE(result.error.file, QStringLiteral("bad.json"));
    if (!path.isEmpty())
        QCOMPARE(result.error.path, path);
    QVERIFY2(result.error.message.contains(message), qPrintable(result.error.toString()));
    QVERIFY2(result.error.line > 0 && result.error.column > 0, qPrintable(result.error.toString()));
    QVERIFY(result.error.toString().startsWith(QStringLiteral("bad.json:%1:").arg(result.error.line)));

    // The line points at the offending value (or, for a missing field, its parent object).
    if (!replace.isEmpty() && path.count(QLatin1Char('.')) >= 2 && !message.contains(QLatin1String("missing"))
        && !message.contains(QLatin1String("condition")) && !message.contains(QLatin1String("at least"))
        && !message.contains(QLatin1String("used by no flow")) && !message.contains(QLatin1String("list"))
        && !message.contains(QLatin1String("no network rule"))
        && !message.contains(QLatin1String("give from")) && !message.contains(QLatin1String("lower than"))
        && !message.contains(QLatin1String("uses port"))) {
        const int expectedLine = data.left(at).count('\n') + 1;
        QCOMPARE(result.error.line, expectedLine);
    }
}

void TestCatalogLoader::locatesSyntaxErrors()
{
    QByteArray data = m_minimal;
    data.replace("\"schemaVersion\": 2,", "\"schemaVersion\": 2,,");
    const auto result = CatalogLoader::loadData(data, QStringLiteral("syntax.json"));
    QVERIFY(!result.isOk());
    QCOMPARE(result.error.line, 2);
    QVERIFY(result.error.message.startsWith(QStringLiteral("invalid JSON")));

    const auto truncated =
            CatalogLoader::loadData(m_minimal.left(m_minimal.size() / 2), QStringLiteral("t.json"));
    QVERIFY(!truncated.isOk());
    QVERIFY(truncated.error.line > 1);

    const auto empty = CatalogLoader::loadData(QByteArray(), QStringLiteral("empty.json"));
    QVERIFY(!empty.isOk());
    QVERIFY(!empty.error.message.isEmpty());

    const auto array = CatalogLoader::loadData("[]", QStringLiteral("array.json"));
    QVERIFY(!array.isOk());
    QCOMPARE(array.error.path, QStringLiteral("$"));
    QVERIFY(array.error.message.contains(QStringLiteral("JSON object")));
}

void TestCatalogLoader::missingFile()
{
    const auto result = CatalogLoader::loadFile(QStringLiteral("/nonexistent/catalog.json"));
    QVERIFY(!result.isOk());
    QVERIFY(result.error.toString().startsWith(QStringLiteral("/nonexistent/catalog.json: cannot open")));
}

void TestCatalogLoader::byteOrderMark()
{
    // A BOM is accepted and does not shift error locations.
    QByteArray data = "\xEF\xBB\xBF" + m_minimal;
    QVERIFY(CatalogLoader::loadData(data, QStringLiteral("bom.json")).isOk());
    const int at = data.indexOf("\"port\": 443,");
    data.replace(at, 12, "\"port\": 0,  ");
    const auto result = CatalogLoader::loadData(data, QStringLiteral("bom.json"));
    QVERIFY(!result.isOk());
    QCOMPARE(result.error.line, data.left(at).count('\n') + 1);
    QVERIFY(result.error.column > 1);
}

void TestCatalogLoader::unboundedDevices()
{
    // QFile::size() is 0 for devices: the read itself is bounded.
    const auto zero = CatalogLoader::loadFile(QStringLiteral("/dev/zero"));
    QVERIFY(!zero.isOk());
    QVERIFY2(zero.error.message.contains(QStringLiteral("larger than 32 MiB")),
             qPrintable(zero.error.toString()));
}

void TestCatalogLoader::storeKeepsCatalogOnError()
{
    CatalogStore store;
    QSignalSpy changed(&store, &CatalogStore::catalogChanged);
    QVERIFY(!store.loadFile(QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store.catalog().flows.size(), 4);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString bad = dir.filePath(QStringLiteral("bad.json"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray data = m_minimal;
    data.replace("\"port\": 443,", "\"port\": 70000,");
    file.write(data);
    file.close();

    const auto error = store.loadFile(bad);
    QVERIFY(error.has_value());
    QCOMPARE(error->file, bad);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store.fileName(), QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json"));
    QCOMPARE(store.catalog().flows.size(), 4);
    QCOMPARE(store.catalog().flows.at(1).ports.first().port, 443);
}

QTEST_GUILESS_MAIN(TestCatalogLoader)
#include "tst_catalogloader.moc"
