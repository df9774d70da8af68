// What the GUI shows of a run, without widgets: the results model and its failure filter, the
// catalog row states, run comparison, reading a JSON report back, the HTML, CSV and ticket
// reports, and the persisted environment. Nothing is sent.

#include "core/catalog/catalogloader.h"
#include "core/models/catalogmodel.h"
#include "core/tester/models/checkresultsfiltermodel.h"
#include "core/tester/models/checkresultsmodel.h"
#include "core/tester/models/diagramresultsadapter.h"
#include "core/tester/models/rowstatemapper.h"
#include "core/tester/plan/environmentsettings.h"
#include "core/tester/plan/testplanner.h"
#include "core/tester/report/csvreport.h"
#include "core/tester/report/htmlreport.h"
#include "core/tester/report/resultsreader.h"
#include "core/tester/report/resultsreport.h"
#include "core/tester/report/ticketsummary.h"
#include "core/tester/result/resulttext.h"
#include "core/tester/result/runcomparison.h"
#include "core/util/controlcharacters.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QXmlStreamReader>

namespace {

const QString Hostile = QStringLiteral("<script>alert('x')</script>&\"=cmd");

CheckResult makeResult(const QString &entry, const QString &endpoint, Verdict::Value verdict,
                       qint64 durationMs = 10, const QString &kind = QStringLiteral("https"))
{
    CheckResult result;
    result.flows = {{entry, 0}};
    result.endpoint = endpoint;
    result.kind = kind;
    const int colon = endpoint.lastIndexOf(QLatin1Char(':'));
    result.host = colon > 0 ? endpoint.left(colon) : endpoint;
    result.port = colon > 0 ? endpoint.mid(colon + 1).toInt() : 0;
    result.transport = QStringLiteral("tcp");
    result.verdict = verdict;
    result.durationMs = durationMs;
    result.proxy = QStringLiteral("direct");
    result.hint = Verdict::hint(verdict, result.host, result.port, result.transport);
    if (verdict == Verdict::Skipped)
        result.reason = QStringLiteral("No address given");
    if (Verdict::isFailure(verdict)) {
        result.reason = QStringLiteral("stage failed");
        result.stages.append({QStringLiteral("tcp"), CheckStage::Status::Failed, durationMs, result.reason});
    } else if (verdict == Verdict::Ok) {
        result.stages.append({QStringLiteral("tcp"), CheckStage::Status::Passed, durationMs, {}});
    }
    return result;
}

// The refused check serves a required flow; the timeout an optional one.
QList<CheckResult> sampleResults()
{
    QList<CheckResult> results{
            makeResult(QStringLiteral("web"), QStringLiteral("valid.test:443"), Verdict::Ok, 12),
            makeResult(QStringLiteral("web"), QStringLiteral("other.test:443"), Verdict::Timeout, 1000),
            makeResult(QStringLiteral("closed"), QStringLiteral("52.0.124.201:443"), Verdict::Refused, 3,
                       QStringLiteral("tcp")),
            makeResult(QStringLiteral("relay"), QStringLiteral("Relay"), Verdict::Skipped, 0,
                       QStringLiteral("none")),
            makeResult(QStringLiteral("syslog"), QStringLiteral("127.0.0.1:514"), Verdict::NotVerifiable, 300,
                       QStringLiteral("syslog-udp"))};
    results[2].required = true;
    return results;
}

Catalog loopbackCatalog()
{
    QFile file(QStringLiteral(PORTOLAN_TEST_DATA "/tester/loopback.json.in"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("loopback.json.in not readable");
    QByteArray data = file.readAll();
    for (const char *placeholder :
         {"@HTTPS_PORT@", "@HTTP_PORT@", "@NTP_PORT@", "@SYSLOG_PORT@", "@CLOSED_PORT@"})
        data.replace(placeholder, "1000");
    const auto loaded = CatalogLoader::loadData(data, QStringLiteral("loopback.json"));
    if (!loaded.isOk())
        qFatal("%s", qPrintable(loaded.error.toString()));
    return *loaded.catalog;
}

} // namespace

class tst_TesterResults : public QObject
{
    Q_OBJECT

private slots:
    void resultsModel();
    void failuresFilter();
    void rowStates_data();
    void rowStates();
    void rowMapping();
    void diagramAdapter();
    void comparison();
    void readerRoundTrip();
    void readerErrors_data();
    void readerErrors();
    void readerRangeChecksNumbers_data();
    void readerRangeChecksNumbers();
    void readerBoundsTheFileSize();
    void reportsEscapeControlCharacters_data();
    void reportsEscapeControlCharacters();
    void htmlReport();
    void csvReport();
    void catalogIdentityInEveryReport();
    void ticketSummary();
    void environmentSettings();
};

void tst_TesterResults::resultsModel()
{
    CheckResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    TestPlan plan;
    for (const CheckResult &result : sampleResults()) {
        CheckTarget target;
        target.flows = result.flows;
        target.endpoint = result.endpoint;
        target.host = result.host;
        target.port = result.port;
        plan.targets.append(target);
    }
    model.setPlan(plan);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), int(CheckResultsModel::ColumnCount));
    QCOMPARE(model.counts().left, 5);
    QCOMPARE(model.index(0, CheckResultsModel::StatusColumn).data().toString(), QStringLiteral("Waiting"));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRunning(1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.counts().running, 1);
    QCOMPARE(model.index(1, 0).data(CheckResultsModel::LatencyRole).toLongLong(), qint64(-1));

    const QList<CheckResult> results = sampleResults();
    for (int i = 0; i < results.size(); ++i)
        model.setResult(i, results.at(i));
    const CheckResultsModel::Counts counts = model.counts();
    QCOMPARE(counts.passed, 2);
    QCOMPARE(counts.failed, 2);
    QCOMPARE(counts.skipped, 1);
    QCOMPARE(counts.running + counts.left, 0);
    QCOMPARE(counts.failedRequired, 1);
    QCOMPARE(CheckResultsModel::countsText(counts),
             QStringLiteral("1 required failed · 1 other failed · 2 passed · 1 skipped"));

    const QModelIndex refused = model.index(2, CheckResultsModel::HintColumn);
    QCOMPARE(refused.data(CheckResultsModel::VerdictNameRole).toString(), QStringLiteral("refused"));
    QVERIFY(refused.data(CheckResultsModel::IsFailureRole).toBool());
    QCOMPARE(refused.data(CheckResultsModel::FlowIdsRole).toStringList(),
             QStringList{QStringLiteral("closed")});
    QCOMPARE(refused.data(CheckResultsModel::LatencyRole).toLongLong(), qint64(3));
    QVERIFY(refused.data().toString().contains(QLatin1String("TCP 443 to 52.0.124.201")));
    QCOMPARE(model.index(3, CheckResultsModel::HintColumn).data().toString(),
             QStringLiteral("No address given"));
    QCOMPARE(model.index(0, CheckResultsModel::TimeColumn).data().toString(), QStringLiteral("12"));

    model.setServiceNames({{QStringLiteral("web"), QStringLiteral("Web")}});
    QCOMPARE(model.index(0, CheckResultsModel::FlowColumn).data().toString(), QStringLiteral("Web (web)"));
    // A check serving two flows names both.
    CheckResult shared = results.at(0);
    shared.flows.append({QStringLiteral("plain"), -1});
    model.setResult(0, shared);
    QCOMPARE(model.index(0, CheckResultsModel::FlowColumn).data().toString(),
             QStringLiteral("Web (web); plain"));
    QCOMPARE(model.index(0, 0).data(CheckResultsModel::FlowIdsRole).toStringList(),
             (QStringList{QStringLiteral("web"), QStringLiteral("plain")}));
    QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
    model.retranslate();
    QCOMPARE(header.count(), 1);
    QCOMPARE(model.results().size(), 5);
}

void tst_TesterResults::failuresFilter()
{
    CheckResultsModel model;
    CheckResultsFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResults(sampleResults());
    QCOMPARE(filter.rowCount(), 5);
    filter.setFailuresOnly(true);
    QCOMPARE(filter.rowCount(), 2);
    for (int row = 0; row < filter.rowCount(); ++row)
        QVERIFY(filter.index(row, 0).data(CheckResultsModel::IsFailureRole).toBool());
    // A live result that fails appears at once.
    model.setResult(
            0, makeResult(QStringLiteral("web"), QStringLiteral("valid.test:443"), Verdict::TlsUntrusted));
    QCOMPARE(filter.rowCount(), 3);
    filter.setFailuresOnly(false);
    QCOMPARE(filter.rowCount(), 5);
    // Sorting the status column puts failures first.
    filter.sort(CheckResultsModel::StatusColumn);
    QVERIFY(filter.index(0, 0).data(CheckResultsModel::IsFailureRole).toBool());
}

void tst_TesterResults::rowStates_data()
{
    QTest::addColumn<QList<int>>("verdicts");
    QTest::addColumn<int>("running");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("summary");
    QTest::addColumn<qint64>("latency");
    using S = RowCheckState::Status;
    QTest::addRow("nothing") << QList<int>{} << 0 << int(S::Untested) << QString() << qint64(-1);
    QTest::addRow("running") << QList<int>{Verdict::Ok} << 1 << int(S::Running) << QStringLiteral("Running…")
                             << qint64(-1);
    QTest::addRow("all ok") << QList<int>{Verdict::Ok, Verdict::Ok} << 0 << int(S::Passed)
                            << QStringLiteral("Reachable") << qint64(20);
    QTest::addRow("worst wins") << QList<int>{Verdict::Ok, Verdict::Timeout} << 0 << int(S::Partial)
                                << QStringLiteral("Timed out") << qint64(20);
    QTest::addRow("all failed") << QList<int>{Verdict::Refused, Verdict::DnsFailed} << 0 << int(S::Failed)
                                << QStringLiteral("Connection refused") << qint64(20);
    QTest::addRow("skipped only") << QList<int>{Verdict::Skipped} << 0 << int(S::Skipped)
                                  << QStringLiteral("Skipped") << qint64(-1);
    QTest::addRow("wildcard and members") << QList<int>{Verdict::Skipped, Verdict::Ok} << 0 << int(S::Passed)
                                          << QStringLiteral("Reachable") << qint64(20);
}

void tst_TesterResults::rowStates()
{
    QFETCH(QList<int>, verdicts);
    QFETCH(int, running);
    QFETCH(int, status);
    QFETCH(QString, summary);
    QFETCH(qint64, latency);
    QList<CheckResult> results;
    for (int i = 0; i < verdicts.size(); ++i)
        results.append(makeResult(QStringLiteral("e"), QStringLiteral("h.test:443"),
                                  Verdict::Value(verdicts.at(i)), 10 * (i + 1)));
    const RowCheckState state = RowStateMapper::fold(results, running);
    QCOMPARE(int(state.status), status);
    QCOMPARE(state.summary, summary);
    QCOMPARE(state.latencyMs, latency);
}

void tst_TesterResults::rowMapping()
{
    CatalogModel model;
    model.setCatalog(loopbackCatalog());
    TestPlanner::Options options;
    QVERIFY(!options.site.set(QStringLiteral("ntp"), QStringLiteral("127.0.0.1")));
    const auto built = TestPlanner::build(model.catalog(), options);
    QVERIFY(std::holds_alternative<TestPlan>(built));
    const TestPlan plan = std::get<TestPlan>(built);
    RowStateMapper mapper;
    mapper.setPlan(plan, model);
    // Every target maps to the row of its flow's endpoint.
    for (int i = 0; i < plan.targets.size(); ++i) {
        const QList<int> rows = mapper.rowsOf(i);
        QVERIFY2(rows.size() == 1, qPrintable(plan.targets.at(i).endpoint));
        const CatalogRowRef ref = model.rowRef(rows.first());
        const CheckTarget::FlowRef &flow = plan.targets.at(i).flows.first();
        QCOMPARE(model.catalog().flows.at(ref.flow).id, flow.flow);
        if (flow.endpoint >= 0)
            QCOMPARE(ref.endpoint, flow.endpoint);
    }
    // "web" has two endpoints: the host and the URL, each its own row.
    QCOMPARE(plan.targets.at(0).flowIds(), QStringList{QStringLiteral("web")});
    const int row0 = mapper.rowsOf(0).first();
    const int row1 = mapper.rowsOf(1).first();
    QVERIFY(row0 != row1);
    QCOMPARE(mapper.setRunning(0), QList<int>{row0});
    QCOMPARE(mapper.state(row0).status, RowCheckState::Status::Running);
    CheckResult result = makeResult(QStringLiteral("web"), plan.targets.at(0).endpoint, Verdict::Refused, 7);
    QCOMPARE(mapper.setResult(0, result), QList<int>{row0});
    QCOMPARE(mapper.state(row0).status, RowCheckState::Status::Failed);
    QCOMPARE(mapper.state(row0).latencyMs, qint64(7));
    QCOMPARE(mapper.state(row1).status, RowCheckState::Status::Untested);
    QVERIFY(mapper.rows().contains(row1));

    // A check that serves two flows colours the rows of both.
    TestPlan shared;
    CheckTarget both = plan.targets.at(0);
    both.addFlow(QStringLiteral("closed"), 0);
    shared.targets.append(both);
    mapper.setPlan(shared, model);
    const QList<int> rows = mapper.rowsOf(0);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0), row0);
    QCOMPARE(model.catalog().flows.at(model.rowRef(rows.at(1)).flow).id, QStringLiteral("closed"));
    QCOMPARE(mapper.setResult(0, result), rows);
    QCOMPARE(mapper.state(rows.at(1)).status, RowCheckState::Status::Failed);
}

void tst_TesterResults::diagramAdapter()
{
    const DiagramResults diagram = DiagramResultsAdapter::fromResults(sampleResults());
    QCOMPARE(diagram.status(QStringLiteral("web")), FlowStatus::Partial);
    QCOMPARE(diagram.status(QStringLiteral("closed")), FlowStatus::Failed);
    QCOMPARE(diagram.status(QStringLiteral("syslog")), FlowStatus::Passed);
    QCOMPARE(diagram.status(QStringLiteral("relay")), FlowStatus::Untested);
}

void tst_TesterResults::comparison()
{
    const QList<CheckResult> before = sampleResults();
    QList<CheckResult> after = sampleResults();
    after[1].verdict = Verdict::Ok; // fixed
    after[0].verdict = Verdict::TlsUntrusted; // broke
    after.removeAt(4); // removed
    after.append(makeResult(QStringLiteral("new"), QStringLiteral("n.test:443"), Verdict::Ok)); // added
    const RunComparison comparison = RunComparison::compare(before, after);
    using C = RunComparison::Change;
    QCOMPARE(comparison.count(C::Fixed), 1);
    QCOMPARE(comparison.items(C::Fixed).first().endpoint, QStringLiteral("other.test:443"));
    QCOMPARE(comparison.count(C::Broke), 1);
    QCOMPARE(comparison.items(C::Broke).first().endpoint, QStringLiteral("valid.test:443"));
    QVERIFY(!comparison.items(C::Broke).first().hint.isEmpty());
    QCOMPARE(comparison.count(C::StillFailing), 1);
    QCOMPARE(comparison.count(C::StillPassing), 1); // the skipped relay
    QCOMPARE(comparison.count(C::Added), 1);
    QCOMPARE(comparison.count(C::Removed), 1);
    QCOMPARE(comparison.items().size(), 6);
    QVERIFY(comparison.summaryText().startsWith(QLatin1String("1 fixed, 1 broke, 1 still failing")));
    // The same kind on another endpoint is another check.
    QCOMPARE(RunComparison::compare(before, before).count(C::StillPassing), 3);
}

void tst_TesterResults::readerRoundTrip()
{
    TestPlan plan;
    plan.roles = {QStringLiteral("agent")};
    QList<CheckResult> results = sampleResults();
    results[0].tls.present = true;
    results[0].tls.issuer = QStringLiteral("Test CA");
    results[0].tls.notAfter = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
    results[0].httpStatus = 204;
    results[0].resolvedAddresses = {QStringLiteral("127.0.0.1")};
    ResultsReport::Run run;
    run.proxy = QStringLiteral("direct");
    run.elapsedMs = 1234;
    const QByteArray json = ResultsReport::results(ResultsReport::Format::Json, plan, results, run);
    const auto read = ResultsReader::readData(json, QStringLiteral("run.json"));
    const QString *error = std::get_if<QString>(&read);
    QVERIFY2(!error, error ? qPrintable(*error) : "");
    const ResultsReader::Report report = std::get<ResultsReader::Report>(read);
    QCOMPARE(report.roles, plan.roles);
    QCOMPARE(report.run.elapsedMs, qint64(1234));
    QCOMPARE(report.results.size(), results.size());
    for (int i = 0; i < results.size(); ++i) {
        QCOMPARE(report.results.at(i).verdict, results.at(i).verdict);
        QCOMPARE(report.results.at(i).endpoint, results.at(i).endpoint);
        QCOMPARE(report.results.at(i).flows, results.at(i).flows);
        QCOMPARE(report.results.at(i).stages.size(), results.at(i).stages.size());
    }
    // A report written before flows (schema 1) names one entry per result.
    const QByteArray old = R"({"roles": ["agent"], "results": [
        {"entry": "web", "endpoint": "valid.test:443", "kind": "https", "verdict": "ok"}]})";
    const auto oldRead = ResultsReader::readData(old, QStringLiteral("old.json"));
    QVERIFY(std::holds_alternative<ResultsReader::Report>(oldRead));
    QCOMPARE(std::get<ResultsReader::Report>(oldRead).results.first().flowIds(),
             QStringList{QStringLiteral("web")});
    QVERIFY(std::get<ResultsReader::Report>(oldRead).run.catalogVersion.isEmpty());
    QCOMPARE(report.results.at(0).tls.issuer, QStringLiteral("Test CA"));
    QCOMPARE(report.results.at(0).tls.notAfter, results.at(0).tls.notAfter);
    QCOMPARE(report.results.at(0).httpStatus, 204);
    QCOMPARE(report.results.at(0).resolvedAddresses, results.at(0).resolvedAddresses);
}

void tst_TesterResults::readerErrors_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    QTest::addRow("syntax") << QByteArray("{\n  \"results\": [\n    {,\n") << "run.json, line 3";
    QTest::addRow("not an object") << QByteArray("[1, 2]") << "JSON object";
    QTest::addRow("no results") << QByteArray("{\"roles\": []}") << "\"results\"";
    QTest::addRow("item") << QByteArray("{\"results\": [3]}") << "results[0]";
    QTest::addRow("missing field") << QByteArray(
            "{\"results\": [{\"entry\": \"a\", \"endpoint\": \"b\", \"kind\": \"tcp\"}]}")
                                   << "results[0].verdict";
    QTest::addRow("unknown verdict") << QByteArray("{\"results\": [{\"entry\": \"a\", \"endpoint\": \"b\", "
                                                   "\"kind\": \"tcp\", \"verdict\": \"meh\"}]}")
                                     << "unknown verdict \"meh\"";
}

void tst_TesterResults::readerErrors()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    const auto read = ResultsReader::readData(data, QStringLiteral("run.json"));
    QVERIFY(std::holds_alternative<QString>(read));
    QVERIFY2(std::get<QString>(read).contains(message), qPrintable(std::get<QString>(read)));
    QVERIFY(std::get<QString>(read).startsWith(QLatin1String("run.json")));
    const auto missing = ResultsReader::readFile(QStringLiteral("/nonexistent/run.json"));
    QVERIFY(std::get<QString>(missing).contains(QLatin1String("/nonexistent/run.json")));
}

void tst_TesterResults::readerRangeChecksNumbers_data()
{
    QTest::addColumn<QString>("field"); // where the value goes
    QTest::addColumn<QString>("value"); // JSON text
    QTest::addColumn<QString>("error"); // the JSON path named in the error; empty: accepted

    const QStringList fields{QStringLiteral("elapsedMs"), QStringLiteral("results[0].durationMs"),
                             QStringLiteral("results[0].stages[1].durationMs")};
    for (const QString &field : fields) {
        const bool stage = field.contains(QLatin1String("stages"));
        for (const char *bad : {"1e300", "-1e300", "1e13", "1.5", "-0.5", "\"NaN\"", "\"Infinity\"", "\"12\"",
                                "true", "null", "[]", "{}"})
            QTest::addRow("%s = %s", qPrintable(field), bad) << field << QString::fromLatin1(bad) << field;
        QTest::addRow("%s = -1", qPrintable(field)) << field << "-1" << (stage ? QString() : field);
        QTest::addRow("%s = -2", qPrintable(field)) << field << "-2" << field;
        for (const char *good : {"0", "12", "1000000000000", "1e3", "2.0"})
            QTest::addRow("%s = %s", qPrintable(field), good)
                    << field << QString::fromLatin1(good) << QString();
    }
}

void tst_TesterResults::readerRangeChecksNumbers()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, error);
    auto at = [&field, &value](const char *name) {
        return field == QLatin1String(name) ? value : QStringLiteral("7");
    };
    const QString json =
            QStringLiteral(R"({"elapsedMs": %1, "results": [{"entry": "a", "endpoint": "b",
        "kind": "tcp", "verdict": "ok", "durationMs": %2, "stages": [{"name": "dns", "durationMs": 1},
        {"name": "tcp", "status": "passed", "durationMs": %3}]}]})")
                    .arg(at("elapsedMs"), at("results[0].durationMs"), at("results[0].stages[1].durationMs"));
    const auto read = ResultsReader::readData(json.toUtf8(), QStringLiteral("run.json"));
    if (error.isEmpty()) {
        if (const auto *message = std::get_if<QString>(&read))
            QFAIL(qPrintable(*message));
        const ResultsReader::Report report = std::get<ResultsReader::Report>(read);
        const qint64 expected = qint64(value.toDouble());
        const qint64 actual = field == QLatin1String("elapsedMs") ? report.run.elapsedMs
                : field.contains(QLatin1String("stages")) ? report.results.at(0).stages.at(1).durationMs
                                                          : report.results.at(0).durationMs;
        QCOMPARE(actual, expected);
        return;
    }
    QVERIFY(std::holds_alternative<QString>(read));
    const QString message = std::get<QString>(read);
    QVERIFY2(message.startsWith(QStringLiteral("run.json: %1: ").arg(error)), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("whole number of milliseconds")), qPrintable(message));
}

void tst_TesterResults::readerBoundsTheFileSize()
{
    // A device or a FIFO reports size 0: the reader must stop at its limit all the same.
    const auto zero = ResultsReader::readFile(QStringLiteral("/dev/zero"));
    QVERIFY(std::holds_alternative<QString>(zero));
    QVERIFY2(std::get<QString>(zero).contains(QLatin1String("/dev/zero: the file is larger than 16")),
             qPrintable(std::get<QString>(zero)));
}

namespace {
// What a proxy header, a certificate or a hostile catalog can put into a result.
const QString Escape = QStringLiteral("\x1b]0;pwned\x07\x1b[2J\x1b[31m");
const QString Forged = QStringLiteral("\r\nFORGED LINE\u0085\u009b6n");

CheckResult hostileResult()
{
    CheckResult result = makeResult(QStringLiteral("web") + Escape, QStringLiteral("valid.test:443"),
                                    Verdict::TlsUntrusted);
    result.endpoint += Escape;
    result.reason = QStringLiteral("The proxy answered HTTP 403 ERR_ACCESS_DENIED ") + Escape + Forged;
    result.hint = Verdict::hint(result.verdict, result.host, result.port, result.transport,
                                QStringLiteral("Issuer") + Escape);
    result.proxy = QStringLiteral("http://proxy.test:3128") + Escape;
    result.tls.present = true;
    result.tls.subject = QStringLiteral("valid.test") + Escape + Forged;
    result.tls.issuer = QStringLiteral("Issuer") + Escape + Forged;
    result.tls.errors = {QStringLiteral("The certificate is self-signed") + Escape};
    result.tls.notAfter = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
    result.resolvedAddresses = {QStringLiteral("127.0.0.1") + Escape};
    result.stages.first().detail = QStringLiteral("Certificate for ") + result.tls.subject;
    return result;
}

// Control characters in output, other than the line ends the format itself writes.
QString controlsIn(const QString &text, const QString &allowed)
{
    QString found;
    for (const QChar c : text) {
        if (ControlCharacters::isControl(c) && !allowed.contains(c))
            found += QStringLiteral("U+%1 ").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    return found;
}
} // namespace

void tst_TesterResults::reportsEscapeControlCharacters_data()
{
    QTest::addColumn<QString>("format");
    for (const char *format :
         {"result line", "text", "junit", "plan", "csv", "html", "details html", "ticket"})
        QTest::addRow("%s", format) << QString::fromLatin1(format);
}

void tst_TesterResults::reportsEscapeControlCharacters()
{
    QFETCH(QString, format);
    const CheckResult result = hostileResult();
    const QList<CheckResult> results{
            result, makeResult(QStringLiteral("ok"), QStringLiteral("a.test:443"), Verdict::Ok)};
    TestPlan plan;
    plan.roles = {QStringLiteral("agent") + Escape};
    CheckTarget target;
    target.flows = result.flows;
    target.endpoint = result.endpoint;
    target.skipReason = result.reason;
    plan.targets = {target};
    ResultsReport::Run run;
    run.proxy = result.proxy;
    run.catalogIdentity = result.proxy;
    run.catalogVersion = result.proxy;

    QString output;
    QString allowed = QStringLiteral("\n");
    if (format == QLatin1String("result line")) {
        output = ResultsReport::resultLine(result);
        allowed.clear();
    } else if (format == QLatin1String("text")) {
        output = QString::fromUtf8(ResultsReport::results(ResultsReport::Format::Text, plan, results, run));
    } else if (format == QLatin1String("junit")) {
        const QByteArray xml = ResultsReport::results(ResultsReport::Format::JUnit, plan, results, run);
        QXmlStreamReader reader(xml);
        while (!reader.atEnd())
            reader.readNext();
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        output = QString::fromUtf8(xml);
    } else if (format == QLatin1String("plan")) {
        output = QString::fromUtf8(ResultsReport::plan(ResultsReport::Format::Text, plan));
    } else if (format == QLatin1String("csv")) {
        output = QString::fromUtf8(CsvReport::write(results));
        allowed = QStringLiteral("\r\n");
    } else if (format == QLatin1String("html")) {
        output = QString::fromUtf8(HtmlReport::write(plan.roles, results, run, QStringLiteral("en")));
    } else if (format == QLatin1String("details html")) {
        output = ResultText::detailsHtml(result);
    } else {
        output = TicketSummary::text(plan.roles, results, run);
    }
    QVERIFY2(controlsIn(output, allowed).isEmpty(), qPrintable(controlsIn(output, allowed)));
    // The characters are shown, not dropped: the reader can see that something odd came in.
    QVERIFY2(output.contains(QLatin1String("\\x1b]0;pwned\\x07")), qPrintable(output));
    QVERIFY(!output.contains(QLatin1String("\nFORGED")));
    QVERIFY(!output.contains(QLatin1String("\rFORGED")));
}

void tst_TesterResults::htmlReport()
{
    QList<CheckResult> results = sampleResults();
    results[2].flows = {{Hostile, 0}};
    results[2].endpoint = Hostile;
    results[2].reason = Hostile;
    results[0].tls.present = true;
    results[0].tls.subject = Hostile;
    ResultsReport::Run run;
    run.proxy = QStringLiteral("http://user@proxy.test:3128");
    run.elapsedMs = 2500;
    const QByteArray html = HtmlReport::write({QStringLiteral("agent")}, results, run, QStringLiteral("en"));
    QVERIFY(!html.contains("<script"));
    QVERIFY(html.contains("&lt;script&gt;"));
    QVERIFY(!html.contains("http-equiv"));
    QVERIFY(!html.contains("src="));
    QVERIFY(!html.contains("href="));
    // Well-formed XHTML.
    QXmlStreamReader xml(html);
    QStringList headings;
    bool inHeading = false;
    while (!xml.atEnd()) {
        const auto token = xml.readNext();
        if (token == QXmlStreamReader::StartElement && xml.name() == QLatin1String("h2"))
            inHeading = true;
        else if (token == QXmlStreamReader::Characters && inHeading)
            headings.append(xml.text().toString());
        else if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("h2"))
            inHeading = false;
    }
    QVERIFY2(!xml.hasError(),
             qPrintable(QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber())));
    // Failures of required flows first, then the other failures, not verifiable, skipped and
    // reachable.
    QCOMPARE(headings,
             (QStringList{QStringLiteral("Failures of required flows (1)"),
                          QStringLiteral("Other failures (1)"), QStringLiteral("Sent, not verifiable (1)"),
                          QStringLiteral("Skipped or cancelled (1)"), QStringLiteral("Reachable (1)")}));
    const QString text = QString::fromUtf8(html);
    QVERIFY(text.indexOf(QLatin1String("2 checks failed, 1 of them for required flows"))
            < text.indexOf(QLatin1String("<h2>")));
    QVERIFY(text.contains(QLatin1String("http://user@proxy.test:3128")));
    QVERIFY(text.contains(QLatin1String("Traffic is silently dropped: ask for TCP 443 to other.test")));
}

void tst_TesterResults::csvReport()
{
    QList<CheckResult> results = sampleResults();
    results[0].reason = QStringLiteral("=HYPERLINK(\"x\")");
    results[1].reason = QStringLiteral("two\nlines, \"quoted\"");
    const QString csv = QString::fromUtf8(CsvReport::write(results));
    QVERIFY(csv.startsWith(QLatin1String("Flows,Endpoint,Check,")));
    QVERIFY(csv.contains(QLatin1String("'=HYPERLINK")));
    // A multi-line cell is quoted: count records, not lines.
    int records = 0;
    bool quoted = false;
    for (const QChar ch : csv) {
        if (ch == QLatin1Char('"'))
            quoted = !quoted;
        else if (ch == QLatin1Char('\n') && !quoted)
            ++records;
    }
    QCOMPARE(records, 1 + results.size());
    QVERIFY(csv.contains(QLatin1String(",refused,Connection refused,")));
}

void tst_TesterResults::catalogIdentityInEveryReport()
{
    Catalog catalog;
    catalog.catalogVersion = QStringLiteral("2026120201");
    catalog.retrieved = QDate(2026, 11, 30);
    catalog.pageSha256 = QStringLiteral("ab12").repeated(16);
    ResultsReport::Run run;
    run.proxy = QStringLiteral("direct");
    run.setCatalog(catalog);
    QCOMPARE(run.catalogIdentity, QStringLiteral("catalog 2026120201, page read 2026-11-30"));
    TestPlan plan;
    plan.roles = {QStringLiteral("agent")};
    const QList<CheckResult> results = sampleResults();

    const QString text =
            QString::fromUtf8(ResultsReport::results(ResultsReport::Format::Text, plan, results, run));
    QVERIFY2(text.split(QLatin1Char('\n'))
                     .contains(QStringLiteral("Catalog: catalog 2026120201, page read 2026-11-30")),
             qPrintable(text));
    // The required failure first, marked; the summary counts it apart.
    QVERIFY(text.contains(QLatin1String("[Connection refused, required] closed  52.0.124.201:443")));
    QVERIFY(text.indexOf(QLatin1String("52.0.124.201:443")) < text.indexOf(QLatin1String("other.test:443")));
    QVERIFY(text.indexOf(QLatin1String("other.test:443")) < text.indexOf(QLatin1String("valid.test:443")));
    QVERIFY(text.contains(QLatin1String("\n1 required failed, 1 other failed\n")));

    const QByteArray json = ResultsReport::results(ResultsReport::Format::Json, plan, results, run);
    const QJsonObject stamp =
            QJsonDocument::fromJson(json).object().value(QLatin1String("catalog")).toObject();
    QCOMPARE(stamp.value(QLatin1String("version")).toString(), catalog.catalogVersion);
    QCOMPARE(stamp.value(QLatin1String("retrieved")).toString(), QStringLiteral("2026-11-30"));
    QCOMPARE(stamp.value(QLatin1String("pageSha256")).toString(), catalog.pageSha256);
    // The saved-report reader keeps it (Compare with a saved run shows what it compares with).
    const auto read = ResultsReader::readData(json, QStringLiteral("run.json"));
    QVERIFY(std::holds_alternative<ResultsReader::Report>(read));
    const ResultsReport::Run readRun = std::get<ResultsReader::Report>(read).run;
    QCOMPARE(readRun.catalogVersion, catalog.catalogVersion);
    QCOMPARE(readRun.catalogRetrieved, QStringLiteral("2026-11-30"));
    QCOMPARE(readRun.catalogSha256, catalog.pageSha256);

    const QByteArray junit = ResultsReport::results(ResultsReport::Format::JUnit, plan, results, run);
    QVERIFY(junit.contains(R"(<property name="catalogVersion" value="2026120201"/>)"));
    QVERIFY(junit.contains(R"(<property name="catalogRetrieved" value="2026-11-30"/>)"));

    const QString html = QString::fromUtf8(HtmlReport::write(plan.roles, results, run, QStringLiteral("en")));
    QVERIFY(html.contains(
            QLatin1String("<tr><th>Catalog</th><td>catalog 2026120201, page read 2026-11-30</td></tr>")));
    QVERIFY(html.contains(catalog.pageSha256));

    const QStringList csvLines = QString::fromUtf8(CsvReport::write(results, catalog.catalogVersion))
                                         .split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QVERIFY(csvLines.first().endsWith(QLatin1String(",Catalog")));
    QVERIFY(csvLines.at(1).endsWith(QLatin1String(",2026120201")));

    // An unversioned user catalog says so rather than leaving the reader guessing.
    ResultsReport::Run unversioned;
    unversioned.setCatalog(Catalog());
    QCOMPARE(unversioned.catalogIdentity, QStringLiteral("unversioned catalog"));
}

void tst_TesterResults::ticketSummary()
{
    ResultsReport::Run run;
    run.proxy = QStringLiteral("direct");
    run.elapsedMs = 1500;
    run.hostName = QStringLiteral("workstation-7");
    run.addresses = {QStringLiteral("192.0.2.10"), QStringLiteral("2001:db8::10")};
    run.startedAt = QDateTime(QDate(2026, 12, 7), QTime(9, 30), QTimeZone(9 * 3600));
    const QString text = TicketSummary::text({QStringLiteral("agent")}, sampleResults(), run);
    const QStringList lines = text.trimmed().split(QLatin1Char('\n'));
    // Counts, what a firewall ticket needs (computer, addresses, time, versions), then the
    // required failure under its own heading before the other one.
    QCOMPARE(lines.first(),
             QStringLiteral(
                     "Connectivity test for agent: 1 required failed, 1 other failed, 2 passed, 1 skipped or "
                     "cancelled (1.5 s, proxy: direct)"));
    QVERIFY(lines.contains(QStringLiteral("Computer: workstation-7")));
    QVERIFY(lines.contains(QStringLiteral("Addresses: 192.0.2.10, 2001:db8::10")));
    QVERIFY2(lines.filter(QRegularExpression(QStringLiteral("^Time: 2026-12-07 09:30:00 \\+09:00 "))).size()
                     == 1,
             qPrintable(text));
    QVERIFY(lines.contains(QStringLiteral("Portolan: " PORTOLAN_VERSION)));
    const int required = int(lines.indexOf(QStringLiteral("Failures of required flows:")));
    const int other = int(lines.indexOf(QStringLiteral("Other failures (optional or conditional flows):")));
    QVERIFY(required > 0 && other == required + 2);
    QVERIFY(lines.at(required + 1).contains(QLatin1String("52.0.124.201:443")));
    QVERIFY(lines.at(required + 1).contains(QLatin1String("Ask for TCP 443 to 52.0.124.201 to be allowed")));
    QVERIFY(lines.at(other + 1).contains(QLatin1String("other.test:443")));
    QCOMPARE(lines.size(), other + 2);
}

void tst_TesterResults::environmentSettings()
{
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("settings.ini"));
    EnvironmentSettings environment;
    QVERIFY(!environment.site.set(QStringLiteral("ntp"), QStringLiteral("127.0.0.1")));
    QVERIFY(!environment.site.set(QStringLiteral("relay"), QStringLiteral("relay.site.test")));
    environment.proxyMode = ProxySettings::Mode::Manual;
    environment.proxyHost = QStringLiteral("proxy.site.test");
    environment.proxyPort = 3128;
    environment.proxyUser = QStringLiteral("alice");
    environment.rememberPassword = true;
    {
        QSettings settings(fileName, QSettings::IniFormat);
        environment.save(settings);
        settings.setValue(QStringLiteral("tester/site/dns"), QStringLiteral("not a host!"));
    }
    QSettings settings(fileName, QSettings::IniFormat);
    const EnvironmentSettings loaded = EnvironmentSettings::load(settings);
    QCOMPARE(loaded.site.addresses(), environment.site.addresses()); // the bad dns value is dropped
    QCOMPARE(loaded.proxyMode, ProxySettings::Mode::Manual);
    QCOMPARE(loaded.proxyHost, QStringLiteral("proxy.site.test"));
    QCOMPARE(loaded.proxyPort, 3128);
    QCOMPARE(loaded.proxyUser, QStringLiteral("alice"));
    QVERIFY(loaded.rememberPassword);
    const ProxySettings proxy = loaded.proxy(QStringLiteral("s3cret"));
    QCOMPARE(proxy.manualProxy().password, QStringLiteral("s3cret"));
    QCOMPARE(proxy.displayName(), QStringLiteral("http://alice@proxy.site.test:3128"));
    QCOMPARE(loaded.passwordKey(), QStringLiteral("proxy/alice@proxy.site.test:3128"));
}

QTEST_GUILESS_MAIN(tst_TesterResults)
#include "tst_testerresults.moc"
