#include "core/catalog/catalogdiff.h"
#include "core/catalog/catalogloader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>

// Every kind of change between two catalogs is reported per flow id, with old and new values.
class TestCatalogDiff : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void identical();
    void changes_data();
    void changes();
    void json();

private:
    Catalog load(const std::function<void(QJsonObject &)> &edit) const;
    QJsonObject m_root;
};

using Edit = std::function<void(QJsonObject &)>;
Q_DECLARE_METATYPE(Edit)

namespace {
// Edits root[key][index][field] = value in place.
void setIn(QJsonObject &root, const QString &key, int index, const QString &field, const QJsonValue &value)
{
    QJsonArray list = root.value(key).toArray();
    QJsonObject item = list.at(index).toObject();
    item.insert(field, value);
    list[index] = item;
    root.insert(key, list);
}
} // namespace

void TestCatalogDiff::initTestCase()
{
    QFile file(QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_root = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(!m_root.isEmpty());
}

Catalog TestCatalogDiff::load(const std::function<void(QJsonObject &)> &edit) const
{
    QJsonObject root = m_root;
    edit(root);
    const auto result = CatalogLoader::loadData(QJsonDocument(root).toJson(), QStringLiteral("edited.json"));
    if (!result.isOk())
        qWarning("%s", qPrintable(result.error.toString()));
    return result.catalog.value_or(Catalog());
}

void TestCatalogDiff::identical()
{
    const Catalog c = load([](QJsonObject &) {});
    QVERIFY(!c.flows.isEmpty());
    QVERIFY(CatalogDiff::compare(c, c).isEmpty());
    QCOMPARE(CatalogDiff::text({}), QStringLiteral("No flow changed.\n"));
}

void TestCatalogDiff::changes_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<QString>("expected");

    QTest::addRow("port") << Edit([](QJsonObject &r) {
        setIn(r, QStringLiteral("flows"), 2, QStringLiteral("ports"),
              QJsonArray{QJsonObject{{"port", 4119}, {"transport", "tcp"}, {"protocol", "HTTPS"}}});
    }) << "~ inbound (changed)\n    ports: 4118/tcp HTTPS -> 4119/tcp HTTPS\n";
    QTest::addRow("requirement") << Edit([](QJsonObject &r) {
        setIn(r, QStringLiteral("flows"), 0, QStringLiteral("requirement"), QStringLiteral("optional"));
    }) << "~ dns (changed)\n    requirement: required -> optional\n";
    QTest::addRow("japanese text") << Edit([](QJsonObject &r) {
        setIn(r, QStringLiteral("flows"), 0, QStringLiteral("description"),
              QJsonObject{{"en", "Names."}, {"ja", "名前の解決。"}});
    }) << "~ dns (changed)\n    description.ja: 名前解決。 -> 名前の解決。\n";
    QTest::addRow("flow removed") << Edit([](QJsonObject &r) {
        // The flow and the table row only it stated.
        QJsonArray flows = r.value(QStringLiteral("flows")).toArray();
        flows.removeAt(3);
        r.insert(QStringLiteral("flows"), flows);
        QJsonArray tables = r.value(QStringLiteral("tables")).toArray();
        QJsonObject table = tables.at(0).toObject();
        QJsonArray rows = table.value(QStringLiteral("rows")).toArray();
        rows.removeAt(3);
        table.insert(QStringLiteral("rows"), rows);
        tables[0] = table;
        r.insert(QStringLiteral("tables"), tables);
    }) << "- local (removed, 0 endpoints)\n";
    QTest::addRow("flow added") << Edit([](QJsonObject &r) {
        QJsonArray flows = r.value(QStringLiteral("flows")).toArray();
        QJsonObject copy = flows.at(0).toObject();
        copy.insert(QStringLiteral("id"), QStringLiteral("dns2"));
        flows.append(copy);
        r.insert(QStringLiteral("flows"), flows);
    }) << "+ dns2 (added, 0 endpoints)\n";
    QTest::addRow("endpoint added and removed") << Edit([](QJsonObject &r) {
        setIn(r, QStringLiteral("endpointLists"), 3, QStringLiteral("endpoints"),
              QJsonArray{QJsonObject{{"cidr", "127.0.2.0/24"}}});
    }) << "~ inbound (changed)\n    + 127.0.2.0/24\n    - 127.0.1.0/24\n";
    QTest::addRow("validity of a list") << Edit([](QJsonObject &r) {
        QJsonArray lists = r.value(QStringLiteral("endpointLists")).toArray();
        QJsonObject l = lists.at(2).toObject();
        l.remove(QStringLiteral("validity"));
        lists[2] = l;
        r.insert(QStringLiteral("endpointLists"), lists);
    })
                                        << "~ web (changed)\n    endpoint 127.0.0.10: list static; 443/tcp "
                                           "HTTPS; valid until 2022-12-31 -> list "
                                           "static; 443/tcp HTTPS\n    endpoint ::1: list static; 443/tcp "
                                           "HTTPS; valid until 2022-12-31 -> list "
                                           "static; 443/tcp HTTPS\n";
}

void TestCatalogDiff::changes()
{
    QFETCH(Edit, edit);
    QFETCH(QString, expected);
    const Catalog before = load([](QJsonObject &) {});
    const Catalog after = load(edit);
    QVERIFY(!after.flows.isEmpty());
    QCOMPARE(CatalogDiff::text(CatalogDiff::compare(before, after)), expected);
}

void TestCatalogDiff::json()
{
    const Catalog before = load([](QJsonObject &) {});
    const Catalog after = load([](QJsonObject &r) {
        setIn(r, QStringLiteral("flows"), 0, QStringLiteral("requirement"), QStringLiteral("optional"));
    });
    const QJsonObject j = CatalogDiff::json(CatalogDiff::compare(before, after));
    QCOMPARE(j.value(QStringLiteral("changed")).toBool(), true);
    const QJsonObject flow = j.value(QStringLiteral("flows")).toArray().first().toObject();
    QCOMPARE(flow.value(QStringLiteral("id")).toString(), QStringLiteral("dns"));
    QCOMPARE(flow.value(QStringLiteral("change")).toString(), QStringLiteral("changed"));
    const QJsonObject field = flow.value(QStringLiteral("fields")).toArray().first().toObject();
    QCOMPARE(field.value(QStringLiteral("old")).toString(), QStringLiteral("required"));
    QCOMPARE(field.value(QStringLiteral("new")).toString(), QStringLiteral("optional"));
    const QList<CatalogDiff::FlowChange> changes = CatalogDiff::compare(before, after);
    QCOMPARE(CatalogDiff::count(changes, CatalogDiff::Change::Changed), 1);
    QCOMPARE(CatalogDiff::count(changes, CatalogDiff::Change::Added), 0);
    QCOMPARE(CatalogDiff::count(changes, CatalogDiff::Change::Removed), 0);
}

QTEST_GUILESS_MAIN(TestCatalogDiff)
#include "tst_catalogdiff.moc"
