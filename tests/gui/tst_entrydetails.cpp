#include "core/catalog/catalogloader.h"
#include "core/catalog/entrydetails.h"
#include "core/util/textfile.h"

#include <QTemporaryDir>
#include <QTest>

namespace {
const QString TestCatalog = QStringLiteral(PORTOLAN_TEST_DATA "/gui/explorer.json");
}

class TestEntryDetails : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fields_data();
    void fields();
    void leavesOutEmptyFields();
    void plainText();
    void relatedFlows_data();
    void relatedFlows();
    void textFileWritesAtomically();

private:
    Catalog m_catalog;
};

void TestEntryDetails::initTestCase()
{
    CatalogLoader::Result result = CatalogLoader::loadFile(TestCatalog);
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    m_catalog = *result.catalog;
}

void TestEntryDetails::fields_data()
{
    QTest::addColumn<QString>("flow");
    QTest::addColumn<int>("endpoint");
    QTest::addColumn<int>("language");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    const int en = int(Language::English);
    const int ja = int(Language::Japanese);
    QTest::addRow("service") << "dns" << -1 << en << "service"
                             << "Name service";
    QTest::addRow("service ja") << "dns" << -1 << ja << "service"
                                << "名前サービス";
    QTest::addRow("customer side endpoint") << "dns" << -1 << en << "endpoint"
                                            << "DNS server (in your network)";
    QTest::addRow("setting") << "dns" << -1 << en << "configurable"
                             << "Set in the resolver settings.";
    QTest::addRow("setting ja") << "dns" << -1 << ja << "configurable"
                                << "リゾルバの設定で変更します。";
    QTest::addRow("ports") << "dns" << -1 << en << "ports"
                           << "53/UDP (DNS), 53/TCP (DNS)";
    QTest::addRow("condition") << "relay-in" << -1 << en << "condition"
                               << "Only with manager-initiated communication.";
    QTest::addRow("notes") << "relay-in" << -1 << en << "notes"
                           << "Usually closed.";
    QTest::addRow("requirement") << "relay-in" << -1 << en << "requirement"
                                 << "Conditional";
    QTest::addRow("initiators") << "web" << 1 << en << "initiators"
                                << "Agent, Relay";
    QTest::addRow("listener") << "web" << 1 << en << "listener"
                              << "Cloud service";
    QTest::addRow("listener ja") << "web" << 1 << ja << "listener"
                                 << "クラウドサービス";
    QTest::addRow("flow features") << "relay-in" << -1 << en << "features"
                                   << "Manager-initiated communication";
    QTest::addRow("list features") << "update" << 0 << en << "features"
                                   << "Smart Feedback";
    QTest::addRow("agent versions") << "update" << 0 << en << "agentVersions"
                                    << "20.0 and later";
    QTest::addRow("expired requirement") << "static" << 0 << en << "requirement"
                                         << "Expired";
    QTest::addRow("no network rule") << "relay-local" << -1 << en << "networkRule"
                                     << "None: this connection stays on the same computer";
    QTest::addRow("endpoint") << "web" << 1 << en << "endpoint"
                              << "*.wild.localhost";
    QTest::addRow("validity") << "static" << 0 << en << "validity"
                              << "expired 2022-12-31";
    QTest::addRow("applies to") << "static" << 0 << ja << "appliesTo"
                                << "古いアカウント";
    QTest::addRow("how to check") << "static" << 0 << en << "howToCheck"
                                  << "Look at the account.";
    QTest::addRow("provenance") << "update" << 0 << en << "provenance"
                                << "Service URLs: Update service";
    QTest::addRow("provenance ja") << "relay-in" << -1 << ja << "provenance"
                                   << "リレーのポート: リレーのポート";
    QTest::addRow("id") << "update" << 0 << en << "id"
                        << "update";
}

void TestEntryDetails::fields()
{
    QFETCH(QString, flow);
    QFETCH(int, endpoint);
    QFETCH(int, language);
    QFETCH(QString, key);
    QFETCH(QString, text);
    const CatalogRowRef ref{m_catalog.flowIndex(flow), endpoint};
    QVERIFY(ref.flow >= 0);
    const QList<EntryDetails::Field> fields =
            EntryDetails::fields(m_catalog, ref, Language(language), QDate(2024, 1, 1));
    const auto it = std::find_if(fields.cbegin(), fields.cend(),
                                 [&key](const EntryDetails::Field &f) { return f.key == key; });
    QVERIFY2(it != fields.cend(), qPrintable(key));
    QCOMPARE(it->text, text);
    QVERIFY(!it->label.isEmpty());
}

void TestEntryDetails::leavesOutEmptyFields()
{
    const QList<EntryDetails::Field> fields =
            EntryDetails::fields(m_catalog, {m_catalog.flowIndex(QStringLiteral("dns")), -1},
                                 Language::English, QDate(2024, 1, 1));
    QStringList keys;
    for (const EntryDetails::Field &f : fields)
        keys.append(f.key);
    QCOMPARE(keys,
             (QStringList{"service", "endpoint", "ports", "initiators", "listener", "requirement",
                          "description", "configurable", "provenance", "id"}));
    QVERIFY(EntryDetails::fields(m_catalog, {99, 0}, Language::English, QDate(2024, 1, 1)).isEmpty());
    // Before the end of validity, the static addresses are still valid.
    const auto before = EntryDetails::fields(m_catalog, {m_catalog.flowIndex(QStringLiteral("static")), 0},
                                             Language::English, QDate(2022, 12, 31));
    QVERIFY(std::any_of(before.cbegin(), before.cend(), [](const EntryDetails::Field &f) {
        return f.key == QLatin1String("validity") && f.text == QLatin1String("valid until 2022-12-31");
    }));
}

void TestEntryDetails::plainText()
{
    const QList<EntryDetails::Field> fields{
            {QStringLiteral("a"), QStringLiteral("Service"), QStringLiteral("DNS")},
            {QStringLiteral("b"), QStringLiteral("Ports"), QStringLiteral("53/UDP")}};
    QCOMPARE(EntryDetails::plainText(fields), QStringLiteral("Service: DNS\nPorts: 53/UDP\n"));
}

void TestEntryDetails::relatedFlows_data()
{
    QTest::addColumn<QString>("flow");
    QTest::addColumn<QStringList>("related");
    QTest::addRow("same listener") << "web" << QStringList{"update", "static"};
    QTest::addRow("relay") << "relay-in" << QStringList{"relay-local"};
    QTest::addRow("alone") << "dns" << QStringList{};
    QTest::addRow("unknown") << "nothing" << QStringList{};
}

void TestEntryDetails::relatedFlows()
{
    QFETCH(QString, flow);
    QFETCH(QStringList, related);
    QStringList ids;
    for (int index : EntryDetails::relatedFlows(m_catalog, m_catalog.flowIndex(flow)))
        ids.append(m_catalog.flows.at(index).id);
    QCOMPARE(ids, related);
}

void TestEntryDetails::textFileWritesAtomically()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("out.md"));
    QVERIFY(!TextFile::write(path, QStringLiteral("first\n")));
    QVERIFY(!TextFile::write(path, QStringLiteral("日本語\n")));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), QStringLiteral("日本語\n"));
    const auto error =
            TextFile::write(dir.filePath(QStringLiteral("no/such/dir/out.md")), QStringLiteral("x"));
    QVERIFY(error.has_value());
    QVERIFY(error->contains(QStringLiteral("out.md")));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("out.md")});
}

QTEST_GUILESS_MAIN(TestEntryDetails)
#include "tst_entrydetails.moc"
