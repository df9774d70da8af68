#include "core/catalog/catalogloader.h"
#include "core/catalog/cataloglookup.h"
#include "core/tester/probe/dnsclient.h"
#include "core/tester/probe/httpresponse.h"
#include "core/tester/probe/ntppacket.h"
#include "core/tester/report/resultsreader.h"
#ifdef PORTOLAN_HAVE_TRIAGE
#include "core/triage/loglineparser.h"
#endif

// Shared with the fuzz targets (fuzz/): the same properties, on sample inputs here.
#include "fuzz/catalogproperty.h"
#include "fuzz/jsonproperty.h"

#include <QDir>
#include <QFile>
#include <QTest>

// What the fuzzers check, in the normal suite: the JSON locator agrees with QJsonDocument, a
// loaded catalog survives CatalogWriter and a second load, the reproducers of issue 20, and
// every committed seed and regression input (fuzz/corpus/, fuzz/regressions/) replayed through
// its parser. In the sanitizer build (scripts/test-sanitizers.sh) this replays them under ASan
// and UBSan.
class tst_FuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void jsonLocatorAgrees_data();
    void jsonLocatorAgrees();
    void catalogRoundTrip_data();
    void catalogRoundTrip();
    void hugeNumbers_data();
    void hugeNumbers();
    void replay_data();
    void replay();
};

namespace {

const QString fuzzDir = QStringLiteral(PORTOLAN_SOURCE_DIR "/fuzz");

QByteArray readFile(const QString &name)
{
    QFile file(name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The seeds and regression inputs of one fuzz target.
QStringList inputsOf(const QString &target)
{
    QStringList files;
    for (const QString &dir : {QStringLiteral("corpus"), QStringLiteral("regressions")}) {
        const QDir d(fuzzDir + QLatin1Char('/') + dir + QLatin1Char('/') + target);
        for (const QString &name : d.entryList(QDir::Files, QDir::Name))
            files.append(d.filePath(name));
    }
    return files;
}

} // namespace

void tst_FuzzRegressions::jsonLocatorAgrees_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("scalars") << QByteArray(R"({"a": 1, "b": -2.5e3, "c": true, "d": null, "e": "x"})");
    QTest::addRow("nested") << QByteArray(R"([[[{"deep": [[], {}, [[[1]]]]}]]])");
    QTest::addRow("repeated key: the last") << QByteArray(R"({"a": {"b": 1}, "a": {"b": 2}})");
    QTest::addRow("escaped keys") << QByteArray(R"({"k\"e\\y": 1, "\u00e9t\u00e9": ["\ud83d\ude00"]})");
    QTest::addRow("dot and bracket in keys")
            << QByteArray(R"({"a.b": {"c": 2}, "a": {"b": {"c": 3}}, "x[0]": [4]})");
    QTest::addRow("empty key") << QByteArray(R"({"": {"": []}})");
    QTest::addRow("whitespace") << QByteArray(
            " \t\r\n[ \"\\/\\b\", 1E+2 , {\"\xe2\x82\xac\" : \"\xe6\x97\xa5\"} ] \n");
    // Found by fuzz_jsonlocator: QJsonDocument skips a byte order mark, the locator pointed at it.
    QTest::addRow("byte order mark") << QByteArray("\xEF\xBB\xBF{\"bom\": [1]}");
    QTest::addRow("string with brackets") << QByteArray(R"({"a": "]}[{\"", "b": ["}", {"c": "]"}]})");
    for (const QString &file : inputsOf(QStringLiteral("jsonlocator")))
        QTest::addRow("%s", qPrintable(QFileInfo(file).fileName())) << readFile(file);
}

void tst_FuzzRegressions::jsonLocatorAgrees()
{
    QFETCH(QByteArray, text);
    // Found by fuzz_jsonlocator: on text that is not JSON, an array scan never ended.
    const JsonLocator locator(text);
    (void)locator.locate(QStringLiteral("$[1]"));
    (void)locator.locate(QStringLiteral("$.a[0].b"));
    const QString failure = JsonProperty::check(text);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

void tst_FuzzRegressions::catalogRoundTrip_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addRow("built-in") << readFile(CatalogLoader::builtinFileName());
    for (const QString &file : inputsOf(QStringLiteral("catalogloader")))
        QTest::addRow("%s", qPrintable(QFileInfo(file).fileName())) << readFile(file);
}

void tst_FuzzRegressions::catalogRoundTrip()
{
    QFETCH(QByteArray, data);
    const CatalogLoader::Result result = CatalogLoader::loadData(data, QStringLiteral("test.json"));
    if (!result.isOk()) {
        QVERIFY(!result.error.message.isEmpty());
        return;
    }
    const QString failure = CatalogProperty::checkRoundTrip(*result.catalog);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
}

// The four reproducers of issue 20: 1e300 reached an integer conversion (undefined behaviour).
// Each must be refused with a located error, in the release and the sanitizer build alike.
void tst_FuzzRegressions::hugeNumbers_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected"); // part of the error

    const QByteArray minimal = readFile(QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json"));
    QByteArray port = minimal;
    const qsizetype at = port.indexOf("\"port\":");
    QVERIFY(at >= 0);
    const qsizetype end = port.indexOf(',', at);
    port.replace(at, end - at, "\"port\": 1e300");
    QTest::addRow("catalog port") << QStringLiteral("catalog") << port << QStringLiteral(".port");

    QTest::addRow("elapsedMs") << QStringLiteral("report")
                               << QByteArray(R"({"elapsedMs": 1e300, "results": []})")
                               << QStringLiteral("elapsedMs");
    QTest::addRow("results[].durationMs")
            << QStringLiteral("report")
            << QByteArray(R"({"results": [{"entry": "a", "endpoint": "b", "kind": "https", "verdict": "ok",
                                "durationMs": 1e300}]})")
            << QStringLiteral("results[0].durationMs");
    QTest::addRow("results[].stages[].durationMs")
            << QStringLiteral("report")
            << QByteArray(R"({"results": [{"entry": "a", "endpoint": "b", "kind": "https", "verdict": "ok",
                                "stages": [{"name": "dns", "status": "passed", "durationMs": -1e300}]}]})")
            << QStringLiteral("results[0].stages[0].durationMs");
}

void tst_FuzzRegressions::hugeNumbers()
{
    QFETCH(QString, where);
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    if (where == QLatin1String("catalog")) {
        const CatalogLoader::Result result = CatalogLoader::loadData(data, QStringLiteral("huge.json"));
        QVERIFY(!result.isOk());
        QVERIFY2(result.error.path.endsWith(expected), qPrintable(result.error.path));
        QVERIFY(result.error.line > 0);
    } else {
        const auto read = ResultsReader::readData(data, QStringLiteral("huge.json"));
        const QString *error = std::get_if<QString>(&read);
        QVERIFY(error);
        QVERIFY2(error->contains(expected), qPrintable(*error));
    }
}

void tst_FuzzRegressions::replay_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("file");
    for (const QString &target :
         {QStringLiteral("catalogloader"), QStringLiteral("cataloglookup"), QStringLiteral("dnsreply"),
          QStringLiteral("ntppacket"), QStringLiteral("resultsreader"), QStringLiteral("httpresponse")}) {
        for (const QString &file : inputsOf(target))
            QTest::addRow("%s/%s", qPrintable(target), qPrintable(QFileInfo(file).fileName()))
                    << target << file;
    }
}

// As the fuzz target does (fuzz/fuzz_<target>.cpp), minus libFuzzer: no crash, no sanitizer report.
void tst_FuzzRegressions::replay()
{
    QFETCH(QString, target);
    QFETCH(QString, file);
    const QByteArray data = readFile(file);
    if (target == QLatin1String("catalogloader")) {
        const CatalogLoader::Result result = CatalogLoader::loadData(data, file);
        QVERIFY(result.isOk() || !result.error.message.isEmpty());
    } else if (target == QLatin1String("cataloglookup")) {
        static const Catalog catalog = *CatalogLoader::loadFile(CatalogLoader::builtinFileName()).catalog;
        const CatalogLookup lookup(catalog, QDate(2026, 12, 1));
        const CatalogLookup::Query query = CatalogLookup::parse(QString::fromUtf8(data));
        const QList<CatalogLookup::Match> matches = lookup.lookup(query);
        for (const CatalogLookup::Match &match : matches)
            QVERIFY(!match.explanation().isEmpty());
        (void)CatalogLookup::answer(query, matches);
    } else if (target == QLatin1String("dnsreply")) {
        QVERIFY(!data.isEmpty());
        const QByteArray queries[] = {
                DnsClient::query(0x1234, QStringLiteral("example.com"), 1),
                DnsClient::query(0x1234, QStringLiteral("workload.us-1.cloudone.trendmicro.com"), 28),
                DnsClient::query(0x1234, QString(), 2)};
        const QByteArray &query = queries[(quint8(data.at(0)) & 0x3) % 3];
        QByteArray reply = data.mid(1);
        if ((quint8(data.at(0)) & 0x4) && reply.size() >= 2)
            reply.replace(0, 2, query.left(2));
        const auto parsed = DnsClient::parseReply(reply, query);
        QVERIFY(!parsed || parsed->addresses.size() <= DnsClient::MaxAddresses);
    } else if (target == QLatin1String("ntppacket")) {
        QVERIFY(!data.isEmpty());
        const QByteArray request = NtpPacket::request(1764000000000);
        QByteArray datagram = data.mid(1);
        if ((quint8(data.at(0)) & 1) && datagram.size() >= 32)
            datagram.replace(24, 8, request.mid(40, 8));
        QString error;
        const auto reply = NtpPacket::parseReply(datagram, request, &error);
        QVERIFY(reply || !error.isEmpty() || datagram.size() < NtpPacket::Size);
    } else if (target == QLatin1String("resultsreader")) {
        const auto read = ResultsReader::readData(data, file);
        if (const QString *error = std::get_if<QString>(&read))
            QVERIFY(!error->isEmpty());
    } else if (target == QLatin1String("httpresponse")) {
        const int status = HttpResponse::status(data);
        QVERIFY(status == 0 || (status >= 100 && status <= 599));
        (void)HttpResponse::headerValue(data, "X-Squid-Error");
    } else if (target == QLatin1String("loglineparser")) {
#ifdef PORTOLAN_HAVE_TRIAGE
        // regressions/loglineparser/ipv4-15-digits: a 15-digit "octet" overflowed an int.
        LogLineParser parser;
        for (const QByteArray &line : data.split('\n')) {
            LogEvent event;
            if (parser.parse(line, event) == LogLineParser::Result::Event)
                (void)LogLineParser::timeOf(event, 2024);
        }
#else
        QSKIP("built without the log triage library");
#endif
    }
}

QTEST_GUILESS_MAIN(tst_FuzzRegressions)
#include "tst_fuzzregressions.moc"
