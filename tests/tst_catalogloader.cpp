#include "catalog/catalogloader.h"
#include "catalog/catalogstore.h"

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
    QCOMPARE(result.catalog->entries.size(), 3);
    QCOMPARE(result.catalog->rows().size(), 7);
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

    QTest::addRow("schema version") << QByteArray("\"schemaVersion\": 1")
                                    << QByteArray("\"schemaVersion\": 2") << "$.schemaVersion"
                                    << "unsupported schema version 2";
    QTest::addRow("schema version type") << QByteArray("\"schemaVersion\": 1")
                                         << QByteArray("\"schemaVersion\": \"1\"") << "$.schemaVersion"
                                         << "unsupported schema version";
    QTest::addRow("unknown top-level field")
            << QByteArray("\"source\":") << QByteArray("\"sauce\":") << "$.sauce"
            << "unknown field \"sauce\"";
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
                               << "$.entries[1].ports[0].port"
                               << "port 0 is out of range";
    QTest::addRow("port too large") << QByteArray("\"port\": 443,") << QByteArray("\"port\": 65536,")
                                    << "$.entries[1].ports[0].port"
                                    << "port 65536 is out of range";
    QTest::addRow("port as string") << QByteArray("\"port\": 443,") << QByteArray("\"port\": \"443\",")
                                    << "$.entries[1].ports[0].port"
                                    << "expected an integer";
    QTest::addRow("port fraction") << QByteArray("\"port\": 443,") << QByteArray("\"port\": 443.5,")
                                   << "$.entries[1].ports[0].port"
                                   << "expected an integer";
    QTest::addRow("transport") << QByteArray("\"transport\": \"udp\"")
                               << QByteArray("\"transport\": \"sctp\"") << "$.entries[0].ports[0].transport"
                               << "\"sctp\" is not one of: tcp, udp";
    QTest::addRow("requirement") << QByteArray("\"requirement\": \"required\"")
                                 << QByteArray("\"requirement\": \"maybe\"") << "$.entries[0].requirement"
                                 << "\"maybe\" is not one of";
    QTest::addRow("conditional without condition") << QByteArray(
            "\"condition\": {\"en\": \"Only with feature X.\", \"ja\": \"機能Xを使用する場合のみ。\"},")
                                                   << QByteArray() << "$.entries[1]"
                                                   << "a conditional entry needs a condition";
    QTest::addRow("host with underscore")
            << QByteArray("\"svc.localhost\"") << QByteArray("\"svc_x.localhost\"")
            << "$.entries[1].endpoints[0].host"
            << "not a valid host name";
    QTest::addRow("untranslated host artifact")
            << QByteArray("\"svc.localhost\"") << QByteArray("\"ゲートウェイ-control.localhost\"")
            << "$.entries[1].endpoints[0].host"
            << "not a valid host name";
    QTest::addRow("inner wildcard") << QByteArray("\"*.wild.localhost\"") << QByteArray("\"a.*.localhost\"")
                                    << "$.entries[1].endpoints[1].host"
                                    << "not a valid host name";
    QTest::addRow("bad address") << QByteArray("\"127.0.0.10\"") << QByteArray("\"127.0.0.256\"")
                                 << "$.entries[2].endpoints[0].address"
                                 << "not a valid IPv4 or IPv6 address";
    QTest::addRow("cidr with host bits") << QByteArray("\"127.0.1.0/24\"") << QByteArray("\"127.0.1.1/24\"")
                                         << "$.entries[2].endpoints[2].cidr"
                                         << "not a valid subnet";
    QTest::addRow("ftp url") << QByteArray("\"https://api.localhost/api\"")
                             << QByteArray("\"ftp://api.localhost/api\"") << "$.entries[1].endpoints[2].url"
                             << "not a valid http or https URL";
    QTest::addRow("duplicate entry id")
            << QByteArray("\"id\": \"static\"") << QByteArray("\"id\": \"web\"") << "$.entries[2].id"
            << "duplicate id \"web\"";
    QTest::addRow("unknown source")
            << QByteArray("\"sources\": [\"agent\"],\n      \"destination\": \"cloud\"")
            << QByteArray("\"sources\": [\"agnet\"],\n      \"destination\": \"cloud\"")
            << "$.entries[1].sources[0]"
            << "unknown component \"agnet\"";
    QTest::addRow("unknown destination")
            << QByteArray("\"destination\": \"dns-server\"") << QByteArray("\"destination\": \"dns\"")
            << "$.entries[0].destination"
            << "unknown component \"dns\"";
    QTest::addRow("unknown table") << QByteArray("\"table\": \"ips.out\"")
                                   << QByteArray("\"table\": \"ips.in\"") << "$.entries[2].table"
                                   << "unknown table \"ips.in\"";
    QTest::addRow("unknown validity") << QByteArray("\"validity\": \"legacy\"")
                                      << QByteArray("\"validity\": \"legacyy\"") << "$.entries[2].validity"
                                      << "unknown validity rule";
    QTest::addRow("impossible date") << QByteArray("\"2022-12-31\"") << QByteArray("\"2022-02-30\"")
                                     << "$.validity[0].validUntil"
                                     << "not a date";
    QTest::addRow("control character") << QByteArray("\"Heartbeat.\"") << QByteArray("\"Heart\\u0007beat.\"")
                                       << "$.entries[1].description.en"
                                       << "control characters";
    QTest::addRow("newline injection")
            << QByteArray("\"Heartbeat.\"") << QByteArray("\"Heartbeat.\\nDROP ALL\"")
            << "$.entries[1].description.en"
            << "control characters";
    QTest::addRow("two endpoint kinds")
            << QByteArray("{\"host\": \"svc.localhost\"}")
            << QByteArray("{\"host\": \"svc.localhost\", \"address\": \"127.0.0.1\"}")
            << "$.entries[1].endpoints[0]"
            << "exactly one of";
    QTest::addRow("unknown endpoint kind")
            << QByteArray("{\"host\": \"svc.localhost\"}") << QByteArray("{\"fqdn\": \"svc.localhost\"}")
            << "$.entries[1].endpoints[0].fqdn"
            << "unknown field \"fqdn\"";
    QTest::addRow("duplicate endpoint")
            << QByteArray("{\"address\": \"::1\"}") << QByteArray("{\"address\": \"127.0.0.10\"}")
            << "$.entries[2].endpoints[1]"
            << "duplicate endpoint";
    QTest::addRow("no sources") << QByteArray(
            "\"sources\": [\"agent\"],\n      \"destination\": \"dns-server\"")
                                << QByteArray("\"sources\": [],\n      \"destination\": \"dns-server\"")
                                << "$.entries[0].sources"
                                << "at least one source";
    QTest::addRow("no ports") << QByteArray("[{\"port\": 443, \"transport\": \"tcp\", \"protocol\": "
                                            "\"HTTPS\"}],\n      \"requirement\": \"optional\"")
                              << QByteArray("[],\n      \"requirement\": \"optional\"")
                              << "$.entries[2].ports"
                              << "at least one port";
    QTest::addRow("direction") << QByteArray("\"direction\": \"outbound\"")
                               << QByteArray("\"direction\": \"sideways\"") << "$.entries[0].direction"
                               << "\"sideways\" is not one of";
    QTest::addRow("invalid id") << QByteArray("\"id\": \"web\"") << QByteArray("\"id\": \"Web Service\"")
                                << "$.entries[1].id"
                                << "not a valid id";
    QTest::addRow("entries not an array")
            << QByteArray("\"entries\": [") << QByteArray("\"entries\": {\"x\": [") << QString()
            << "invalid JSON";
    QTest::addRow("zone") << QByteArray("\"zone\": \"trend-cloud\"") << QByteArray("\"zone\": \"moon\"")
                          << "$.components[2].zone"
                          << "\"moon\" is not one of";
    QTest::addRow("role not a boolean")
            << QByteArray("\"role\": true, \"customerSide\"")
            << QByteArray("\"role\": \"yes\", \"customerSide\"") << "$.components[0].role"
            << "expected true or false";
    QTest::addRow("hostile protocol")
            << QByteArray("\"protocol\": \"HTTPS\"}],\n      \"requirement\": \"conditional\"")
            << QByteArray("\"protocol\": \"HTTPS; rm -rf\"}],\n      \"requirement\": \"conditional\"")
            << "$.entries[1].ports[0].protocol"
            << "not a protocol name";
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
        && !message.contains(QLatin1String("condition")) && !message.contains(QLatin1String("at least"))) {
        const int expectedLine = data.left(at).count('\n') + 1;
        QCOMPARE(result.error.line, expectedLine);
    }
}

void TestCatalogLoader::locatesSyntaxErrors()
{
    QByteArray data = m_minimal;
    data.replace("\"schemaVersion\": 1,", "\"schemaVersion\": 1,,");
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

void TestCatalogLoader::storeKeepsCatalogOnError()
{
    CatalogStore store;
    QSignalSpy changed(&store, &CatalogStore::catalogChanged);
    QVERIFY(!store.loadFile(QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json")));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(store.catalog().entries.size(), 3);

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
    QCOMPARE(store.catalog().entries.size(), 3);
    QCOMPARE(store.catalog().entries.at(1).ports.first().port, 443);
}

QTEST_GUILESS_MAIN(TestCatalogLoader)
#include "tst_catalogloader.moc"
