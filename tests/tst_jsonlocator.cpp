// JsonLocator: paths to positions, on demand. The memory case is the attack of issue 21: a
// document of deep objects with long keys made the old locator store a path string per value
// (hundreds of MiB for a 1 MB file).

#include "core/catalog/jsonlocator.h"
#include "tests/memoryusage.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

// Every value of a parsed document with its path in the loader's syntax ("$.a[2].b").
void collectPaths(const QJsonValue &value, const QString &path, QList<QPair<QString, QJsonValue>> &out)
{
    out.append({path, value});
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            collectPaths(it.value(), path + QLatin1Char('.') + it.key(), out);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            collectPaths(array.at(i), path + QStringLiteral("[%1]").arg(i), out);
    }
}

// The value whose text starts at offset, parsed by QJsonDocument; nothing if none starts there.
std::optional<QJsonValue> valueAt(const QByteArray &text, qsizetype offset)
{
    if (offset < 0 || offset >= text.size())
        return std::nullopt;
    const QByteArray rest = text.mid(offset);
    const char first = rest.at(0);
    if (first == '{' || first == '[') {
        // QJsonDocument stops at the end of the value and reports the rest as garbage.
        QJsonParseError error;
        QJsonDocument document = QJsonDocument::fromJson(rest, &error);
        if (error.error == QJsonParseError::GarbageAtEnd)
            document = QJsonDocument::fromJson(rest.left(error.offset), &error);
        if (error.error != QJsonParseError::NoError)
            return std::nullopt;
        return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    }
    // A scalar: its token, parsed inside an array.
    qsizetype end = 0;
    if (first == '"') {
        end = 1;
        while (end < rest.size() && rest.at(end) != '"')
            end += rest.at(end) == '\\' ? 2 : 1;
        ++end;
    } else {
        while (end < rest.size() && !QByteArrayView(",}] \t\r\n").contains(rest.at(end)))
            ++end;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("[" + rest.left(end) + "]", &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1)
        return std::nullopt;
    return document.array().at(0);
}

QByteArray readFile(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(fileName));
    return file.readAll();
}

} // namespace

class tst_JsonLocator : public QObject
{
    Q_OBJECT

private slots:
    void deepObjectsWithLongKeysStayCheap();
    void escapedKeys_data();
    void escapedKeys();
    void byteOrderMarkInKeys_data();
    void byteOrderMarkInKeys();
    void arrays_data();
    void arrays();
    void repeatedKeysLocateTheKeptValue();
    void missingPaths_data();
    void missingPaths();
    void lineAndColumn();
    void everyValueLocated_data();
    void everyValueLocated();
};

void tst_JsonLocator::deepObjectsWithLongKeysStayCheap()
{
    // ~2 MB: 900 nested objects (QJsonDocument accepts up to 1024), each key 2300 characters.
    // Storing the path of every value, as the locator did, needs ~1.9 GB here.
    constexpr int Depth = 900;
    constexpr int KeyLength = 2300;
    QByteArray text;
    QString deepest = QStringLiteral("$");
    QString middle;
    qsizetype middleOffset = -1;
    text.reserve(Depth * (KeyLength + 8) + 16);
    for (int i = 0; i < Depth; ++i) {
        const QByteArray key = QByteArray::number(i).leftJustified(KeyLength, 'k');
        text += "{\"" + key + "\": ";
        deepest += QLatin1Char('.') + QString::fromLatin1(key);
        if (i == Depth / 2) {
            middle = deepest;
            middleOffset = text.size();
        }
    }
    const qsizetype leafOffset = text.size();
    text += "true";
    text += QByteArray(Depth, '}');
    QVERIFY(text.size() > 2'000'000);
    QJsonParseError error;
    QVERIFY(!QJsonDocument::fromJson(text, &error).isNull());
    QCOMPARE(error.error, QJsonParseError::NoError);

    const bool reset = MemoryUsage::resetPeak();
    const qint64 before = MemoryUsage::peakRssKiB();
    QVERIFY(before > 0);
    std::optional<JsonLocator::Position> leaf;
    std::optional<JsonLocator::Position> inner;
    {
        const MemoryUsage::Cap cap(512LL * 1024 * 1024);
        const JsonLocator locator(text);
        leaf = locator.locate(deepest);
        inner = locator.locate(middle);
    }
    const qint64 growthKiB = MemoryUsage::peakRssKiB() - before;
    qInfo("peak RSS growth for locating in a %lld-byte document: %lld KiB (VmHWM reset: %s)",
          qint64(text.size()), growthKiB, reset ? "yes" : "no");
    // One line of ASCII: the column is the offset plus one.
    QVERIFY(leaf);
    QCOMPARE(leaf->line, 1);
    QCOMPARE(leaf->column, int(leafOffset) + 1);
    QVERIFY(inner);
    QCOMPARE(inner->column, int(middleOffset) + 1);
    QVERIFY2(growthKiB < 64 * 1024, qPrintable(QStringLiteral("%1 KiB").arg(growthKiB)));
}

void tst_JsonLocator::escapedKeys_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("marker"); // the located value's text

    QTest::addRow("quote") << QStringLiteral("$.o.a\"b") << QByteArray("\"quote\"");
    QTest::addRow("backslash") << QStringLiteral("$.o.c\\d") << QByteArray("\"backslash\"");
    QTest::addRow("slash") << QStringLiteral("$.o.e/f") << QByteArray("\"slash\"");
    QTest::addRow("u00e9") << QStringLiteral("$.o.caf\u00e9") << QByteArray("\"accent escaped\"");
    QTest::addRow("raw utf-8") << QStringLiteral("$.o.\u65e5\u672c") << QByteArray("\"raw\"");
    QTest::addRow("surrogate pair") << (QStringLiteral("$.o.") + QString::fromUtf8("\xf0\x9f\x98\x80"))
                                    << QByteArray("\"emoji\"");
    QTest::addRow("newline and tab") << QStringLiteral("$.o.l1\nl2\tx") << QByteArray("\"controls\"");
    QTest::addRow("dot in key") << QStringLiteral("$.o.a.b") << QByteArray("\"dotted\"");
    QTest::addRow("bracket in key") << QStringLiteral("$.o.x[0]") << QByteArray("\"bracketed\"");
    QTest::addRow("below escaped key") << QStringLiteral("$.o.n\"e.st") << QByteArray("\"nested\"");
    QTest::addRow("empty key") << QStringLiteral("$.o.") << QByteArray("\"empty\"");
}

void tst_JsonLocator::escapedKeys()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, marker);
    const QByteArray text = R"({
  "o": {
    "a\"b": "quote",
    "c\\d": "backslash",
    "e\/f": "slash",
    "caf\u00e9": "accent escaped",
    "日本": "raw",
    "\ud83d\ude00": "emoji",
    "l1\nl2\tx": "controls",
    "a.b": "dotted",
    "x[0]": "bracketed",
    "n\"e": {"st": "nested"},
    "": "empty",
    "a": {"b": "decoy"}
  }
})";
    QVERIFY(!QJsonDocument::fromJson(text).isNull());
    const JsonLocator locator(text);
    const auto offset = locator.offsetOf(path);
    QVERIFY2(offset, qPrintable(path));
    QCOMPARE(*offset, text.indexOf(marker));
    // The value QJsonDocument holds at that path starts there.
    const auto value = valueAt(text, *offset);
    QVERIFY(value);
    QCOMPARE(value->toString(), QString::fromUtf8(marker.mid(1, marker.size() - 2)));
}

void tst_JsonLocator::byteOrderMarkInKeys_data()
{
    // QJsonDocument drops a raw U+FEFF at the start of a key without escapes and keeps it
    // anywhere else (fuzz_jsonlocator, fuzz/regressions/jsonlocator/bom-char-*).
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path");
    QTest::addRow("plain key") << QByteArray("{\"\xEF\xBB\xBF"
                                             "b\": 5}")
                               << QStringLiteral("$.b");
    QTest::addRow("after other keys") << QByteArray("{\"k\\\"e\": 1, \"\xEF\xBB\xBF"
                                                    "b\": 5}")
                                      << QStringLiteral("$.b");
    QTest::addRow("then escape") << QByteArray("{\"\xEF\xBB\xBF\\n\": 5}") << QStringLiteral("$.\uFEFF\n");
    QTest::addRow("inside key") << QByteArray("{\"a\xEF\xBB\xBF"
                                              "b\": 5}")
                                << QStringLiteral("$.a\uFEFFb");
}

void tst_JsonLocator::byteOrderMarkInKeys()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    const QJsonObject root = QJsonDocument::fromJson(text).object();
    // What QJsonDocument's keys are (value() of the same key can disagree: it compares the
    // stored UTF-8, BOM included).
    QVERIFY(root.keys().contains(path.mid(2)));
    const auto offset = JsonLocator(text).offsetOf(path);
    QVERIFY2(offset, qPrintable(path));
    QCOMPARE(*offset, text.lastIndexOf('5'));
}

void tst_JsonLocator::arrays_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("marker");
    QTest::addRow("first") << QStringLiteral("$.list[0]") << QByteArray("10");
    QTest::addRow("third") << QStringLiteral("$.list[2]") << QByteArray("[\"x\", \"y\"]");
    QTest::addRow("nested") << QStringLiteral("$.list[2][1]") << QByteArray("\"y\"");
    QTest::addRow("object in array") << QStringLiteral("$.list[3].k") << QByteArray("\"in object\"");
    QTest::addRow("after nested") << QStringLiteral("$.list[4]") << QByteArray("null");
    QTest::addRow("top level array") << QStringLiteral("$.matrix[1][0]") << QByteArray("3.5e2");
    QTest::addRow("empty array") << QStringLiteral("$.empty") << QByteArray("[]");
}

void tst_JsonLocator::arrays()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, marker);
    const QByteArray text =
            "{\"list\": [10, {\"k\": [1, 2]}, [\"x\", \"y\"], {\"k\": \"in object\"}, null],\n"
            " \"matrix\": [[1,2],[3.5e2, -0]], \"empty\": []}";
    QVERIFY(!QJsonDocument::fromJson(text).isNull());
    const auto offset = JsonLocator(text).offsetOf(path);
    QVERIFY2(offset, qPrintable(path));
    QCOMPARE(*offset, text.indexOf(marker));
}

void tst_JsonLocator::repeatedKeysLocateTheKeptValue()
{
    // QJsonObject keeps the last of repeated keys: the error is about that one.
    const QByteArray text = R"({"a": 1, "b": {"x": 1}, "a": "second", "b": {"y": 2}})";
    const QJsonObject object = QJsonDocument::fromJson(text).object();
    QCOMPARE(object.value(QLatin1String("a")).toString(), QStringLiteral("second"));
    const JsonLocator locator(text);
    QCOMPARE(locator.offsetOf(QStringLiteral("$.a")), std::optional<qsizetype>(text.indexOf("\"second\"")));
    QCOMPARE(locator.offsetOf(QStringLiteral("$.b.y")), std::optional<qsizetype>(text.indexOf("2}")));
    QVERIFY(!object.value(QLatin1String("b")).toObject().contains(QLatin1String("x")));
    QCOMPARE(locator.offsetOf(QStringLiteral("$.b.x")), std::nullopt);
}

void tst_JsonLocator::missingPaths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addRow("no such key") << QStringLiteral("$.nope");
    QTest::addRow("below a scalar") << QStringLiteral("$.a.b.c");
    QTest::addRow("index past the end") << QStringLiteral("$.list[3]");
    QTest::addRow("huge index") << QStringLiteral("$.list[99999999999999999999]");
    QTest::addRow("index on object") << QStringLiteral("$.a[0]");
    QTest::addRow("key on array") << QStringLiteral("$.list.x");
    QTest::addRow("bad index") << QStringLiteral("$.list[x]");
    QTest::addRow("unclosed index") << QStringLiteral("$.list[1");
    QTest::addRow("no root") << QStringLiteral("a.b");
    QTest::addRow("empty") << QString();
    QTest::addRow("prefix of a key") << QStringLiteral("$.a.");
}

void tst_JsonLocator::missingPaths()
{
    QFETCH(QString, path);
    const QByteArray text = R"({"a": {"b": 1}, "list": [1, 2, 3]})";
    QCOMPARE(JsonLocator(text).locate(path).has_value(), false);
}

void tst_JsonLocator::lineAndColumn()
{
    const QByteArray text = "{\n  \"k\": {\n    \"\u00e9t\u00e9\": [1,\n      \"x\"]\n  }\n}";
    const JsonLocator locator(text);
    const auto root = locator.locate(QStringLiteral("$"));
    QVERIFY(root);
    QCOMPARE(root->line, 1);
    QCOMPARE(root->column, 1);
    const auto x = locator.locate(QStringLiteral("$.k.\u00e9t\u00e9[1]"));
    QVERIFY(x);
    QCOMPARE(x->line, 4);
    QCOMPARE(x->column, 7);
    const auto list = locator.locate(QStringLiteral("$.k.\u00e9t\u00e9"));
    QVERIFY(list);
    QCOMPARE(list->line, 3);
    QCOMPARE(list->column, 12); // characters, not bytes: "été" is 3 characters
}

void tst_JsonLocator::everyValueLocated_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("minimal catalog") << readFile(QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json"));
    QTest::addRow("hostile catalog") << readFile(QStringLiteral(PORTOLAN_TEST_DATA "/export/hostile.json"));
    QTest::addRow("built-in catalog")
            << readFile(QStringLiteral(PORTOLAN_SOURCE_DIR "/resources/catalog/catalog.json"));
    QTest::addRow("escapes and spacing")
            << QByteArray("\r\n\t{ \"a\\\"\" :[ 1 ,\t-2.5e-3,\"s\\\\\\\"\", true,false ,null, {} , [ ] ],"
                          "\"\\u0041\\u00e9\\ud83d\\ude00\":{\"x.y\":{\"[0]\":\"\\u005b\"}}, \"\":\"\" ,"
                          "\"n\": [[[[\"deep\"]]]], \"u\\u002e\": 1 }\n");
}

void tst_JsonLocator::everyValueLocated()
{
    QFETCH(QByteArray, text);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QList<QPair<QString, QJsonValue>> values;
    collectPaths(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()),
                 QStringLiteral("$"), values);
    QVERIFY(values.size() > 10);
    const JsonLocator locator(text);
    for (const auto &[path, value] : std::as_const(values)) {
        const auto offset = locator.offsetOf(path);
        QVERIFY2(offset, qPrintable(QStringLiteral("not located: %1").arg(path)));
        const auto found = valueAt(text, *offset);
        QVERIFY2(found, qPrintable(QStringLiteral("no value at the offset of %1").arg(path)));
        QVERIFY2(*found == value, qPrintable(QStringLiteral("another value at the offset of %1").arg(path)));
    }
}

QTEST_GUILESS_MAIN(tst_JsonLocator)
#include "tst_jsonlocator.moc"
