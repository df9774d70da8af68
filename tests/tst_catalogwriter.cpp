#include "core/catalog/catalogloader.h"
#include "core/catalog/catalogwriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

// CatalogWriter: what it writes loads again into an equal catalog, field by field.
class tst_CatalogWriter : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void optionalFieldsLeftOut();
};

namespace {

Catalog load(const QByteArray &data)
{
    const CatalogLoader::Result r = CatalogLoader::loadData(data, QStringLiteral("test.json"));
    if (!r.isOk())
        qFatal("%s at %s line %d", qPrintable(r.error.message), qPrintable(r.error.path), r.error.line);
    return *r.catalog;
}

QByteArray readFile(const QString &name)
{
    QFile file(name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(name));
    return file.readAll();
}

} // namespace

void tst_CatalogWriter::roundTrip_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addRow("built-in") << CatalogLoader::builtinFileName();
    QTest::addRow("minimal") << QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json");
    QTest::addRow("lookup") << QStringLiteral(PORTOLAN_TEST_DATA "/lookup/lookup.json");
    QTest::addRow("planner") << QStringLiteral(PORTOLAN_TEST_DATA "/tester/planner.json");
}

void tst_CatalogWriter::roundTrip()
{
    QFETCH(QString, fileName);
    const Catalog a = load(readFile(fileName));
    const QByteArray written = CatalogWriter::write(a);
    const Catalog b = load(written);
    // Every stored field, compared directly (not through the writer).
    QCOMPARE(b.schemaVersion, 2);
    QCOMPARE(b.title.en, a.title.en);
    QCOMPARE(b.title.ja, a.title.ja);
    QCOMPARE(b.source.en, a.source.en);
    QCOMPARE(b.catalogVersion, a.catalogVersion);
    QCOMPARE(b.retrieved, a.retrieved);
    QCOMPARE(b.pageSha256, a.pageSha256);
    QCOMPARE(b.edition.ja, a.edition.ja);
    QCOMPARE(b.notes.size(), a.notes.size());
    for (int i = 0; i < a.notes.size(); ++i) {
        QCOMPARE(b.notes.at(i).id, a.notes.at(i).id);
        QCOMPARE(b.notes.at(i).text.ja, a.notes.at(i).text.ja);
    }
    QCOMPARE(b.corrections.size(), a.corrections.size());
    for (int i = 0; i < a.corrections.size(); ++i) {
        QCOMPARE(b.corrections.at(i).pageText, a.corrections.at(i).pageText);
        QCOMPARE(b.corrections.at(i).corrected, a.corrections.at(i).corrected);
        QCOMPARE(b.corrections.at(i).reason.en, a.corrections.at(i).reason.en);
    }
    QCOMPARE(b.validityRules.size(), a.validityRules.size());
    for (int i = 0; i < a.validityRules.size(); ++i) {
        QCOMPARE(b.validityRules.at(i).accountsCreatedBefore, a.validityRules.at(i).accountsCreatedBefore);
        QCOMPARE(b.validityRules.at(i).validUntil, a.validityRules.at(i).validUntil);
        QCOMPARE(b.validityRules.at(i).howToCheck.en, a.validityRules.at(i).howToCheck.en);
    }
    QCOMPARE(b.components.size(), a.components.size());
    for (int i = 0; i < a.components.size(); ++i) {
        const Component &x = a.components.at(i);
        const Component &y = b.components.at(i);
        QCOMPARE(y.id, x.id);
        QCOMPARE(y.name.ja, x.name.ja);
        QCOMPARE(y.zone, x.zone);
        QCOMPARE(y.isRole, x.isRole);
        QCOMPARE(y.isCustomerSide, x.isCustomerSide);
        QCOMPARE(y.siteKey, x.siteKey);
    }
    QCOMPARE(b.tables.size(), a.tables.size());
    for (int i = 0; i < a.tables.size(); ++i) {
        QCOMPARE(b.tables.at(i).id, a.tables.at(i).id);
        QCOMPARE(b.tables.at(i).section, a.tables.at(i).section);
        QCOMPARE(b.tables.at(i).rows.size(), a.tables.at(i).rows.size());
        for (int r = 0; r < a.tables.at(i).rows.size(); ++r)
            QCOMPARE(b.tables.at(i).rows.at(r).label.en, a.tables.at(i).rows.at(r).label.en);
    }
    QCOMPARE(b.endpointLists.size(), a.endpointLists.size());
    for (int i = 0; i < a.endpointLists.size(); ++i) {
        const EndpointList &x = a.endpointLists.at(i);
        const EndpointList &y = b.endpointLists.at(i);
        QCOMPARE(y.id, x.id);
        QCOMPARE(y.service.en, x.service.en);
        QCOMPARE(y.description.ja, x.description.ja);
        QCOMPARE(y.condition.en, x.condition.en);
        QCOMPARE(y.features, x.features);
        QCOMPARE(y.agentVersions.from, x.agentVersions.from);
        QCOMPARE(y.agentVersions.before, x.agentVersions.before);
        QCOMPARE(y.ports, x.ports);
        QCOMPARE(y.validity, x.validity);
        QCOMPARE(y.provenance, x.provenance);
        QCOMPARE(y.endpoints.size(), x.endpoints.size());
        for (int e = 0; e < x.endpoints.size(); ++e) {
            QCOMPARE(y.endpoints.at(e).kind, x.endpoints.at(e).kind);
            QCOMPARE(y.endpoints.at(e).value, x.endpoints.at(e).value);
            QCOMPARE(y.endpoints.at(e).list, x.endpoints.at(e).list);
        }
    }
    QCOMPARE(b.flows.size(), a.flows.size());
    for (int i = 0; i < a.flows.size(); ++i) {
        const Flow &x = a.flows.at(i);
        const Flow &y = b.flows.at(i);
        QCOMPARE(y.id, x.id);
        QCOMPARE(y.initiators, x.initiators);
        QCOMPARE(y.listener, x.listener);
        QCOMPARE(y.ports, x.ports);
        QCOMPARE(y.requirement, x.requirement);
        QCOMPARE(y.condition.ja, x.condition.ja);
        QCOMPARE(y.features, x.features);
        QCOMPARE(y.service.en, x.service.en);
        QCOMPARE(y.description.en, x.description.en);
        QCOMPARE(y.notes.ja, x.notes.ja);
        QCOMPARE(y.configurable.en, x.configurable.en);
        QCOMPARE(y.needsNetworkRule, x.needsNetworkRule);
        QCOMPARE(y.provenance, x.provenance);
        QCOMPARE(y.endpointListIds, x.endpointListIds);
        QCOMPARE(y.endpoints.size(), x.endpoints.size());
    }
    // A fixed point: writing the catalog read back gives the same bytes.
    QCOMPARE(CatalogWriter::write(b), written);
}

void tst_CatalogWriter::optionalFieldsLeftOut()
{
    const Catalog c = load(readFile(QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json")));
    const QJsonObject root = CatalogWriter::toJson(c);
    QCOMPARE(root.value(QStringLiteral("schemaVersion")).toInt(), 2);
    // Absent in the file, absent in the output: the loader rejects empty texts and strings.
    for (const QJsonValue &flow : root.value(QStringLiteral("flows")).toArray()) {
        const QJsonObject f = flow.toObject();
        QVERIFY(!f.contains(QStringLiteral("networkRule"))
                || !f.value(QStringLiteral("networkRule")).toBool());
        for (const QJsonValue &port : f.value(QStringLiteral("ports")).toArray())
            QVERIFY(!port.toObject().contains(QStringLiteral("protocol"))
                    || !port.toObject().value(QStringLiteral("protocol")).toString().isEmpty());
    }
}

QTEST_GUILESS_MAIN(tst_CatalogWriter)
#include "tst_catalogwriter.moc"
