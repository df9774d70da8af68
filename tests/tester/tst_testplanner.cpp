// Planning (catalog -> targets), option parsing, packets and report formats. Nothing is sent.

#include "catalog/catalogloader.h"
#include "dnsclient.h"
#include "entryresultsummary.h"
#include "ntppacket.h"
#include "resultsreport.h"
#include "testeroptions.h"
#include "testplanner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QXmlStreamReader>

namespace {

Catalog loadPlannerCatalog()
{
    const auto result = CatalogLoader::loadFile(QStringLiteral(PORTOLAN_TEST_DATA "/tester/planner.json"));
    if (!result.isOk())
        qFatal("%s", qPrintable(result.error.toString()));
    return *result.catalog;
}

TestPlan build(const TestPlanner::Options &options)
{
    const auto plan = TestPlanner::build(loadPlannerCatalog(), options);
    if (const auto *error = std::get_if<QString>(&plan))
        qFatal("%s", qPrintable(*error));
    return std::get<TestPlan>(plan);
}

QStringList describe(const TestPlan &plan)
{
    QStringList lines;
    for (const CheckTarget &target : plan.targets)
        lines.append(QStringLiteral("%1 %2 %3%4")
                             .arg(target.entryId, target.endpoint, CheckTarget::kindName(target.kind),
                                  target.isSkipped() ? QStringLiteral(" skipped") : QString()));
    return lines;
}

} // namespace

class tst_TestPlanner : public QObject
{
    Q_OBJECT

private slots:
    void defaultAgentPlan();
    void sitesAndOptions_data();
    void sitesAndOptions();
    void unknownRole();
    void builtinCatalogPlan();
    void verdictNames();
    void parsing_data();
    void parsing();
    void ntpPacket();
    void dnsPacket();
    void entrySummary_data();
    void entrySummary();
    void reports();
};

void tst_TestPlanner::defaultAgentPlan()
{
    TestPlanner::Options options;
    options.today = QDate(2024, 6, 1);
    const QStringList plan = describe(build(options));
    const QStringList expected{
            QStringLiteral("dns DNS server none skipped"),
            QStringLiteral("ntp NTP server none skipped"),
            QStringLiteral("syslog SIEM none skipped"),
            QStringLiteral("relay Relay none skipped"),
            QStringLiteral("spn Smart Protection Network none skipped"),
            QStringLiteral("web svc.test:443 https"),
            QStringLiteral("web svc.test:80 http"),
            QStringLiteral("web *.svc.test wildcard skipped"),
            QStringLiteral("web a.svc.test:443 https"),
            QStringLiteral("web a.svc.test:80 http"),
            QStringLiteral("web b.deep.svc.test:443 https"),
            QStringLiteral("web b.deep.svc.test:80 http"),
            QStringLiteral("web https://api.test:8443/api?x=1 https"),
            QStringLiteral("members a.svc.test:443 https"),
            QStringLiteral("members b.deep.svc.test:443 https"),
            QStringLiteral("members other.test:443 https"),
            // "static" is expired on 2024-06-01 and left out; "console" is for admins;
            // "inbound" is opened by the cloud.
            QStringLiteral("subnet 127.0.1.0/24 none skipped"),
    };
    QCOMPARE(plan, expected);

    const TestPlan full = build(options);
    const CheckTarget &url = full.targets.at(12);
    QCOMPARE(url.host, QStringLiteral("api.test"));
    QCOMPARE(url.port, 8443);
    QCOMPARE(url.path, QStringLiteral("/api?x=1"));
    const CheckTarget &wildcard = full.targets.at(7);
    QCOMPARE(wildcard.members,
             (QStringList{QStringLiteral("a.svc.test"), QStringLiteral("b.deep.svc.test")}));
    QVERIFY(wildcard.skipReason.contains(QLatin1String("Not directly testable")));
    QVERIFY(full.targets.at(0).skipReason.contains(QLatin1String("--site dns=ADDRESS")));
    QCOMPARE(full.testableCount(), 10);

    // Each target names the catalog endpoint it came from; wildcard members map to the
    // wildcard, entries without endpoints to -1.
    QList<int> endpoints;
    for (const CheckTarget &target : full.targets)
        endpoints.append(target.catalogEndpoint);
    QCOMPARE(endpoints, (QList<int>{-1, -1, -1, -1, -1, 0, 0, 1, 1, 1, 1, 1, 2, 0, 1, 2, 0}));
}

void tst_TestPlanner::sitesAndOptions_data()
{
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<QStringList>("site");
    QTest::addColumn<bool>("requiredOnly");
    QTest::addColumn<bool>("includeExpired");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("site addresses")
            << QStringList{QStringLiteral("agent")}
            << QStringList{QStringLiteral("dns=127.0.0.53"), QStringLiteral("ntp=ntp.site.test"),
                           QStringLiteral("syslog=::1"), QStringLiteral("relay=relay.site.test")}
            << true << false
            << QStringList{QStringLiteral("dns 127.0.0.53:53 dns"),
                           QStringLiteral("dns 127.0.0.53:53 tcp"),
                           QStringLiteral("ntp ntp.site.test:123 ntp"),
                           QStringLiteral("spn Smart Protection Network none skipped"),
                           QStringLiteral("web svc.test:443 https"),
                           QStringLiteral("web svc.test:80 http"),
                           QStringLiteral("web *.svc.test wildcard skipped"),
                           QStringLiteral("web a.svc.test:443 https"),
                           QStringLiteral("web a.svc.test:80 http"),
                           QStringLiteral("web b.deep.svc.test:443 https"),
                           QStringLiteral("web b.deep.svc.test:80 http"),
                           QStringLiteral("web https://api.test:8443/api?x=1 https")};
    QTest::addRow("expired included, addresses tcp only")
            << QStringList{QStringLiteral("agent")} << QStringList{} << true << true
            << QStringList{QStringLiteral("dns DNS server none skipped"),
                           QStringLiteral("ntp NTP server none skipped"),
                           QStringLiteral("spn Smart Protection Network none skipped"),
                           QStringLiteral("web svc.test:443 https"),
                           QStringLiteral("web svc.test:80 http"),
                           QStringLiteral("web *.svc.test wildcard skipped"),
                           QStringLiteral("web a.svc.test:443 https"),
                           QStringLiteral("web a.svc.test:80 http"),
                           QStringLiteral("web b.deep.svc.test:443 https"),
                           QStringLiteral("web b.deep.svc.test:80 http"),
                           QStringLiteral("web https://api.test:8443/api?x=1 https"),
                           QStringLiteral("static 127.0.0.10:443 tcp"),
                           QStringLiteral("static [::1]:443 tcp")};
    QTest::addRow("admin role") << QStringList{QStringLiteral("admin")} << QStringList{} << false << false
                                << QStringList{QStringLiteral("console console.test:443 https")};
    QTest::addRow("relay and admin, required only")
            << QStringList{QStringLiteral("relay"), QStringLiteral("admin")} << QStringList{} << true << false
            << QStringList{QStringLiteral("web svc.test:443 https"),
                           QStringLiteral("web svc.test:80 http"),
                           QStringLiteral("web *.svc.test wildcard skipped"),
                           QStringLiteral("web a.svc.test:443 https"),
                           QStringLiteral("web a.svc.test:80 http"),
                           QStringLiteral("web b.deep.svc.test:443 https"),
                           QStringLiteral("web b.deep.svc.test:80 http"),
                           QStringLiteral("web https://api.test:8443/api?x=1 https"),
                           QStringLiteral("console console.test:443 https")};
}

void tst_TestPlanner::sitesAndOptions()
{
    QFETCH(QStringList, roles);
    QFETCH(QStringList, site);
    QFETCH(bool, requiredOnly);
    QFETCH(bool, includeExpired);
    QFETCH(QStringList, expected);
    TestPlanner::Options options;
    options.today = QDate(2024, 6, 1);
    options.roles = roles;
    options.requiredOnly = requiredOnly;
    options.includeExpired = includeExpired;
    for (const QString &assignment : site)
        QVERIFY(!options.site.parseAssignment(assignment));
    const TestPlan plan = build(options);
    QCOMPARE(describe(plan), expected);
    // Site-profile targets come from no catalog endpoint; the others from a valid one.
    const Catalog catalog = loadPlannerCatalog();
    for (const CheckTarget &target : plan.targets) {
        if (!target.siteKey.isEmpty()) {
            QCOMPARE(target.catalogEndpoint, -1);
        } else if (target.catalogEndpoint >= 0) {
            const Entry *entry = catalog.entry(target.entryId);
            QVERIFY(entry);
            QVERIFY(target.catalogEndpoint < entry->endpoints.size());
        }
    }
}

void tst_TestPlanner::unknownRole()
{
    TestPlanner::Options options;
    options.roles = {QStringLiteral("spn")};
    const auto plan = TestPlanner::build(loadPlannerCatalog(), options);
    QVERIFY(std::holds_alternative<QString>(plan));
    QVERIFY(std::get<QString>(plan).contains(QLatin1String("agent, relay, admin, cloud")));
}

void tst_TestPlanner::builtinCatalogPlan()
{
    const auto loaded = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    QVERIFY(loaded.isOk());
    TestPlanner::Options options;
    const TestPlan plan = std::get<TestPlan>(TestPlanner::build(*loaded.catalog, options));
    QVERIFY(plan.testableCount() > 100);
    int wildcards = 0;
    for (const CheckTarget &target : plan.targets) {
        QVERIFY2(!target.entryId.startsWith(QLatin1String("ip-out-")) || target.isSkipped(),
                 "expired static addresses are left out");
        if (target.kind == CheckTarget::Kind::Wildcard) {
            ++wildcards;
            QVERIFY(target.members.size() > 10);
        }
        if (!target.isSkipped())
            QVERIFY(target.port > 0 && !target.host.isEmpty());
    }
    QVERIFY(wildcards >= 1);
    options.includeExpired = true;
    const TestPlan expired = std::get<TestPlan>(TestPlanner::build(*loaded.catalog, options));
    QVERIFY(expired.targets.size() > plan.targets.size() + 50);
}

void tst_TestPlanner::verdictNames()
{
    const QStringList names{QStringLiteral("ok"),
                            QStringLiteral("dns-failed"),
                            QStringLiteral("refused"),
                            QStringLiteral("timeout"),
                            QStringLiteral("tls-untrusted"),
                            QStringLiteral("tls-hostname-mismatch"),
                            QStringLiteral("tls-expired"),
                            QStringLiteral("tls-failed"),
                            QStringLiteral("http-error"),
                            QStringLiteral("proxy-refused"),
                            QStringLiteral("proxy-auth-required"),
                            QStringLiteral("not-verifiable"),
                            QStringLiteral("skipped")};
    QStringList actual;
    for (Verdict::Value verdict : Verdict::all()) {
        actual.append(Verdict::name(verdict));
        QCOMPARE(Verdict::fromName(Verdict::name(verdict)), std::optional<Verdict::Value>(verdict));
        QVERIFY(!Verdict::text(verdict).isEmpty());
        QCOMPARE(Verdict::hint(verdict, QStringLiteral("h"), 1, QStringLiteral("tcp")).isEmpty(),
                 verdict == Verdict::Ok || verdict == Verdict::Skipped);
    }
    QCOMPARE(actual, names);
    QVERIFY(!Verdict::fromName(QStringLiteral("passed")));
    QVERIFY(Verdict::hint(Verdict::Refused, QStringLiteral("files.test"), 443, QStringLiteral("tcp"))
                    .contains(QLatin1String("TCP 443 to files.test")));
}

void tst_TestPlanner::parsing_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("valid");

    QTest::addRow("site ok") << "site"
                             << "dns=10.0.0.53" << true;
    QTest::addRow("site host") << "site"
                               << "vcenter=vc.corp.example" << true;
    QTest::addRow("site v6") << "site"
                             << "ntp=[::1]" << true;
    QTest::addRow("site key") << "site"
                              << "ldap=10.0.0.1" << false;
    QTest::addRow("site no =") << "site"
                               << "dns" << false;
    QTest::addRow("site bad address") << "site"
                                      << "dns=10.0.0" << false;
    QTest::addRow("resolve ok") << "resolve"
                                << "files.test:127.0.0.2" << true;
    QTest::addRow("resolve v6") << "resolve"
                                << "files.test:[::1]" << true;
    QTest::addRow("resolve bad") << "resolve"
                                 << "files.test:nowhere" << false;
    QTest::addRow("resolve wildcard") << "resolve"
                                      << "*.test:127.0.0.1" << false;
    QTest::addRow("dns ok") << "dns"
                            << "127.0.0.1" << true;
    QTest::addRow("dns port") << "dns"
                              << "127.0.0.1:5353" << true;
    QTest::addRow("dns v6 port") << "dns"
                                 << "[::1]:5353" << true;
    QTest::addRow("dns name") << "dns"
                              << "dns.test" << false;
    QTest::addRow("dns port range") << "dns"
                                    << "127.0.0.1:70000" << false;
    QTest::addRow("proxy direct") << "proxy"
                                  << "direct" << true;
    QTest::addRow("proxy system") << "proxy"
                                  << "system" << true;
    QTest::addRow("proxy url") << "proxy"
                               << "http://user:p%40ss@proxy.test:3128" << true;
    QTest::addRow("proxy https") << "proxy"
                                 << "https://proxy.test:3128" << false;
    QTest::addRow("proxy path") << "proxy"
                                << "http://proxy.test:3128/x" << false;
}

void tst_TestPlanner::parsing()
{
    QFETCH(QString, what);
    QFETCH(QString, input);
    QFETCH(bool, valid);
    if (what == QLatin1String("site")) {
        SiteProfile site;
        const auto error = site.parseAssignment(input);
        QCOMPARE(!error, valid);
        QCOMPARE(site.isEmpty(), !valid); // bad input changes nothing
    } else if (what == QLatin1String("resolve")) {
        TesterOptions options;
        const auto error = options.addResolveOverride(input);
        QCOMPARE(!error, valid);
        QCOMPARE(options.resolveOverrides.size(), valid ? 1 : 0);
    } else if (what == QLatin1String("dns")) {
        QCOMPARE(std::holds_alternative<TesterOptions::DnsServer>(TesterOptions::parseDnsServer(input)),
                 valid);
    } else {
        const auto proxy = ProxySettings::parse(input);
        QCOMPARE(std::holds_alternative<ProxySettings>(proxy), valid);
        if (input.contains(QLatin1Char('@'))) {
            const ProxySettings settings = std::get<ProxySettings>(proxy);
            QCOMPARE(settings.manualProxy().password, QStringLiteral("p@ss"));
            QCOMPARE(settings.displayName(), QStringLiteral("http://user@proxy.test:3128"));
            QCOMPARE(settings.manualProxy().authorization(),
                     QByteArray("Basic ") + QByteArray("user:p@ss").toBase64());
        }
    }
}

void tst_TestPlanner::ntpPacket()
{
    const qint64 t1 = 1'700'000'000'123;
    const QByteArray request = NtpPacket::request(t1);
    QCOMPARE(request.size(), 48);
    QCOMPARE(quint8(request.at(0)), quint8(0x23)); // version 4, client
    QCOMPARE(NtpPacket::fromNtp(NtpPacket::toNtp(t1)), t1);
    const QByteArray reply = NtpPacket::reply(request, t1 + 1010, t1 + 1020);
    const auto parsed = NtpPacket::parseReply(reply, request);
    QVERIFY(parsed);
    QCOMPARE(parsed->stratum, 2);
    QCOMPARE(NtpPacket::offsetMs(t1, *parsed, t1 + 30), 1000.0);
    // A reply to another request is not ours.
    QVERIFY(!NtpPacket::parseReply(reply, NtpPacket::request(t1 + 1)));
    QVERIFY(!NtpPacket::parseReply(request, request));
}

void tst_TestPlanner::dnsPacket()
{
    const QByteArray query = DnsClient::query(0x1234, QStringLiteral("a.test"), 1);
    QCOMPARE(query.toHex(), QByteArray("123401000001000000000000016104746573740000010001"));
    QByteArray reply = query;
    reply[2] = char(0x81);
    reply[3] = char(0x80);
    reply[7] = 1;
    reply.append(QByteArray::fromHex("c00c000100010000003c00047f000002"));
    QList<QHostAddress> addresses;
    QCOMPARE(DnsClient::parseReply(reply, 0x1234, addresses), 0);
    QCOMPARE(addresses, QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.2"))});
    addresses.clear();
    QCOMPARE(DnsClient::parseReply(reply, 0x4321, addresses), -1);
    QCOMPARE(DnsClient::parseReply(reply.left(20), 0x1234, addresses), -1);
    QVERIFY(addresses.isEmpty());
}

void tst_TestPlanner::entrySummary_data()
{
    QTest::addColumn<QStringList>("verdicts");
    QTest::addColumn<int>("status");
    QTest::addRow("none") << QStringList{} << int(EntryResultSummary::Untested);
    QTest::addRow("skipped") << QStringList{QStringLiteral("skipped")} << int(EntryResultSummary::Untested);
    QTest::addRow("ok") << QStringList{QStringLiteral("ok"), QStringLiteral("skipped")}
                        << int(EntryResultSummary::Passed);
    QTest::addRow("udp") << QStringList{QStringLiteral("not-verifiable")} << int(EntryResultSummary::Passed);
    QTest::addRow("failed") << QStringList{QStringLiteral("timeout"), QStringLiteral("refused")}
                            << int(EntryResultSummary::Failed);
    QTest::addRow("partial") << QStringList{QStringLiteral("ok"), QStringLiteral("tls-untrusted")}
                             << int(EntryResultSummary::Partial);
}

void tst_TestPlanner::entrySummary()
{
    QFETCH(QStringList, verdicts);
    QFETCH(int, status);
    QList<CheckResult> results;
    for (const QString &name : verdicts) {
        CheckResult result;
        result.entryId = QStringLiteral("e");
        result.verdict = *Verdict::fromName(name);
        results.append(result);
    }
    CheckResult other;
    other.entryId = QStringLiteral("other");
    other.verdict = Verdict::Refused;
    results.append(other);
    const auto summary = EntryResultSummary::summarize(results);
    QCOMPARE(int(summary.value(QStringLiteral("e"), EntryResultSummary::Untested)), status);
    QCOMPARE(summary.value(QStringLiteral("other")), EntryResultSummary::Failed);
}

void tst_TestPlanner::reports()
{
    TestPlanner::Options options;
    options.today = QDate(2024, 6, 1);
    const TestPlan plan = build(options);
    QList<CheckResult> results;
    for (int i = 0; i < plan.targets.size(); ++i) {
        const CheckTarget &target = plan.targets.at(i);
        CheckResult result;
        result.targetIndex = i;
        result.entryId = target.entryId;
        result.endpoint = target.endpoint + QStringLiteral(" <&\">");
        result.kind = CheckTarget::kindName(target.kind);
        result.verdict =
                target.isSkipped() ? Verdict::Skipped : (i % 2 ? Verdict::Ok : Verdict::TlsUntrusted);
        result.reason = target.skipReason;
        result.stages.append({QStringLiteral("tcp"), CheckStage::Status::Passed, 3, {}});
        result.stages.append({QStringLiteral("tls"), CheckStage::Status::NotRun, -1, {}});
        results.append(result);
    }
    const ResultsReport::Run run{QStringLiteral("direct"), 5000, 32, 1234, false};

    QXmlStreamReader xml(ResultsReport::results(ResultsReport::Format::JUnit, plan, results, run));
    int testcases = 0;
    int failures = 0;
    int skipped = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("testcase"))
            ++testcases;
        else if (xml.name() == QLatin1String("failure")) {
            ++failures;
            QCOMPARE(xml.attributes().value(QLatin1String("type")), QLatin1String("tls-untrusted"));
        } else if (xml.name() == QLatin1String("skipped"))
            ++skipped;
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(testcases, int(plan.targets.size()));
    QCOMPARE(skipped, int(plan.targets.size()) - plan.testableCount());
    QVERIFY(failures > 0);

    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(
            ResultsReport::results(ResultsReport::Format::Json, plan, results, run), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject root = json.object();
    QCOMPARE(root.value(QLatin1String("results")).toArray().size(), plan.targets.size());
    QCOMPARE(root.value(QLatin1String("summary")).toObject().value(QLatin1String("skipped")).toInt(),
             int(plan.targets.size()) - plan.testableCount());
    QCOMPARE(root.value(QLatin1String("entries")).toObject().value(QLatin1String("web")).toString(),
             QStringLiteral("partial"));
    const QJsonObject first = root.value(QLatin1String("results")).toArray().at(5).toObject();
    QCOMPARE(first.value(QLatin1String("stages"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
             QStringLiteral("not-run"));

    const QString text =
            QString::fromUtf8(ResultsReport::results(ResultsReport::Format::Text, plan, results, run));
    QVERIFY(text.contains(QLatin1String("Untrusted certificate")));
    QVERIFY(text.contains(QLatin1String("tls (not run)")));
    const QJsonDocument planJson =
            QJsonDocument::fromJson(ResultsReport::plan(ResultsReport::Format::Json, plan));
    QCOMPARE(planJson.object().value(QLatin1String("testable")).toInt(), plan.testableCount());
    QVERIFY(ResultsReport::plan(ResultsReport::Format::Text, plan).contains("Dry run: nothing was sent."));
}

QTEST_GUILESS_MAIN(tst_TestPlanner)
#include "tst_testplanner.moc"
