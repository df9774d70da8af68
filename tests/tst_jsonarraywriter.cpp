// JsonArrayWriter: a streamed array is byte for byte what QJsonDocument writes for the whole
// array, so that streaming `catalog --format json` changed nothing in its output.

#include "core/catalog/catalogloader.h"
#include "core/catalog/catalogrecords.h"
#include "core/util/jsonarraywriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTextStream>

class TestJsonArrayWriter : public QObject
{
    Q_OBJECT

private slots:
    void sameAsDocument_data();
    void sameAsDocument();
    void catalogRecords();

private:
    static QByteArray streamed(const QJsonArray &array);
};

QByteArray TestJsonArrayWriter::streamed(const QJsonArray &array)
{
    QByteArray bytes;
    QTextStream out(&bytes);
    JsonArrayWriter writer(out);
    for (const QJsonValue &v : array)
        writer.append(v.toObject());
    writer.finish();
    out.flush();
    return bytes;
}

void TestJsonArrayWriter::sameAsDocument_data()
{
    QTest::addColumn<QJsonArray>("array");
    QTest::addRow("empty") << QJsonArray();
    QTest::addRow("one empty object") << QJsonArray{QJsonObject()};
    QTest::addRow("nested") << QJsonArray{
            QJsonObject{{"a", 1}, {"b", QJsonArray{1, "two", QJsonObject{{"c", true}}}}},
            QJsonObject{{"text", QStringLiteral("ポート番号\n\"quoted\"\t")}, {"empty", QJsonArray()}},
            QJsonObject{{"null", QJsonValue()}, {"x", 1.5}}};
}

void TestJsonArrayWriter::sameAsDocument()
{
    QFETCH(QJsonArray, array);
    QCOMPARE(streamed(array), QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void TestJsonArrayWriter::catalogRecords()
{
    const auto loaded = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    QVERIFY(loaded.isOk());
    QJsonArray records;
    for (const CatalogRowRef &ref : loaded.catalog->rows())
        records.append(
                CatalogRecords::record(*loaded.catalog, ref, Language::Japanese, QDate(2026, 12, 3), {}));
    QCOMPARE(records.size(), 317);
    QCOMPARE(streamed(records), QJsonDocument(records).toJson(QJsonDocument::Indented));
}

QTEST_GUILESS_MAIN(TestJsonArrayWriter)
#include "tst_jsonarraywriter.moc"
