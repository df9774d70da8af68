// Planning (catalog -> targets), option parsing, packets and report formats. Nothing is sent.

#include "core/catalog/catalogloader.h"
#include "core/tester/plan/testeroptions.h"
#include "core/tester/plan/testplanner.h"
#include "core/tester/probe/dnsclient.h"
#include "core/tester/probe/ntppacket.h"
#include "core/tester/report/resultsreport.h"
#include "core/tester/result/flowresultsummary.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

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
                             .arg(target.flowIds().join(QLatin1Char(',')), target.endpoint,
                                  CheckTarget::kindName(target.kind),
                                  target.isSkipped() ? QStringLiteral(" skipped") : QString()));
    return lines;
}

const CheckTarget *findTarget(const TestPlan &plan, const QString &endpoint)
{
    for (const CheckTarget &target : plan.targets) {
        if (target.endpoint == endpoint)
            return &target;
    }
    return nullptr;
}

QStringList servingTargets(const TestPlan &plan, const QString &flowId)
{
    QStringList endpoints;
    for (const CheckTarget &target : plan.targets) {
        if (target.serves(flowId))
            endpoints.append(target.endpoint + (target.isSkipped() ? QStringLiteral(" skipped") : QString()));
    }
    return endpoints;
}

} // namespace

class tst_TestPlanner : public QObject
{
    Q_OBJECT

private slots:
    void defaultAgentPlan();
    void sitesAndOptions_data();
    void sitesAndOptions();
    void dedupAcrossLists();
    void listenedFlowsYieldNoCheck();
    void noNetworkRuleNoCheck();
    void expiredOnlyWhenAsked();
    void listPortSubset();
    void unstatedTransport();
    void featuresAndVersion_data();
    void featuresAndVersion();
    void unknownRole();
    void builtinCatalogPlan();
    void verdictNames();
    void parsing_data();
    void parsing();
    void ntpPacket();
    void dnsPacket();
    void flowSummary_data();
    void flowSummary();
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
            // Reached through web's wildcard and members' own list: checked once, for both.
            QStringLiteral("web,members a.svc.test:443 https"),
            QStringLiteral("web a.svc.test:80 http"),
            QStringLiteral("web,members b.deep.svc.test:443 https"),
            QStringLiteral("web b.deep.svc.test:80 http"),
            QStringLiteral("web https://api.test:8443/api?x=1 https"),
            QStringLiteral("members other.test:443 https"),
            // "static" is expired on 2024-06-01 and left out; "console" is for admins;
            // "inbound" is opened by the cloud.
            QStringLiteral("subnet 127.0.1.0/24 none skipped"),
            QStringLiteral("local Relay none skipped"),
            QStringLiteral("unstated u.test:4124 none skipped"),
            QStringLiteral("update upd.test:80 http"),
            QStringLiteral("update upd.test:443 https"),
            QStringLiteral("update 127.0.0.20:443 tcp"),
            QStringLiteral("feedback fb20.test:443 https"),
            QStringLiteral("feedback fb12.test:443 https"),
            QStringLiteral("feedback ml.test:443 https"),
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
    QCOMPARE(full.testableCount(), 14);

    // Each target names the flow endpoints it serves; wildcard members map to the wildcard,
    // flows without endpoints to -1.
    QStringList refs;
    for (const CheckTarget &target : full.targets) {
        QStringList parts;
        for (const CheckTarget::FlowRef &ref : target.flows)
            parts.append(QStringLiteral("%1/%2").arg(ref.flow).arg(ref.endpoint));
        refs.append(parts.join(QLatin1Char('+')));
    }
    QCOMPARE(refs.mid(0, 15),
             (QStringList{QStringLiteral("dns/-1"), QStringLiteral("ntp/-1"), QStringLiteral("syslog/-1"),
                          QStringLiteral("relay/-1"), QStringLiteral("spn/-1"), QStringLiteral("web/0"),
                          QStringLiteral("web/0"), QStringLiteral("web/1"), QStringLiteral("web/1+members/0"),
                          QStringLiteral("web/1"), QStringLiteral("web/1+members/1"), QStringLiteral("web/1"),
                          QStringLiteral("web/2"), QStringLiteral("members/2"), QStringLiteral("subnet/0")}));
}

void tst_TestPlanner::dedupAcrossLists()
{
    TestPlanner::Options options;
    options.today = QDate(2024, 6, 1);
    const TestPlan plan = build(options);
    // One check for a.svc.test:443, attributed to both flows that need it.
    const CheckTarget *shared = findTarget(plan, QStringLiteral("a.svc.test:443"));
    QVERIFY(shared);
    QCOMPARE(shared->flowIds(), (QStringList{QStringLiteral("web"), QStringLiteral("members")}));
    QCOMPARE(shared->flows.at(0).endpoint, 1); // web's wildcard
    QCOMPARE(shared->flows.at(1).endpoint, 0); // members' own entry
    // No destination is checked twice.
    QSet<QString> seen;
    for (const CheckTarget &target : plan.targets) {
        if (target.isSkipped())
            continue;
        const QString key = QStringLiteral("%1|%2|%3|%4")
                                    .arg(target.host)
                                    .arg(target.port)
                                    .arg(target.transportName(), target.usesHttp() ? target.path : QString());
        QVERIFY2(!seen.contains(key), qPrintable(key));
        seen.insert(key);
    }
    // Its result counts for both flows.
    CheckResult result = CheckResult::forTarget(*shared, Verdict::Refused);
    const auto summary = FlowResultSummary::summarize({result});
    QCOMPARE(summary.value(QStringLiteral("web")), FlowStatus::Failed);
    QCOMPARE(summary.value(QStringLiteral("members")), FlowStatus::Failed);
}

void tst_TestPlanner::listenedFlowsYieldNoCheck()
{
    TestPlanner::Options options;
    options.today = QDate(2024, 6, 1);
    // The agent listens on "inbound" (opened by the cloud): nothing to connect to.
    QVERIFY(servingTargets(build(options), QStringLiteral("inbound")).isEmpty());
    // The relay listens on "relay" and "local" and opens "web" only.
    options.scope.roles = {QStringLiteral("relay")};
    const TestPlan relay = build(options);
    QVERIFY(!relay.targets.isEmpty());
    for (const CheckTarget &target : relay.targets)
        QCOMPARE(target.flowIds(), QStringList{QStringLiteral("web")});
}

void tst_TestPlanner::noNetworkRuleNoCheck()
{
    TestPlanner::Options options;
    options.today = QDate(2024, 6, 1);
    const TestPlan plan = build(options);
    QCOMPARE(servingTargets(plan, QStringLiteral("local")), QStringList{QStringLiteral("Relay skipped")});
    const auto local = std::find_if(plan.targets.cbegin(), plan.targets.cend(),
                                    [](const CheckTarget &t) { return t.serves(QStringLiteral("local")); });
    QVERIFY(local != plan.targets.cend());
    QCOMPARE(local->flowIds(), QStringList{QStringLiteral("local")});
    QVERIFY(local->skipReason.contains(QLatin1String("needs no network rule")));
    // Even with the relay's address known: the port stays on the relay's own computer.
    QVERIFY(!options.site.set(QStringLiteral("relay"), QStringLiteral("127.0.0.1")));
    const TestPlan withSite = build(options);
    QCOMPARE(servingTargets(withSite, QStringLiteral("local")), QStringList{QStringLiteral("Relay skipped")});
    QCOMPARE(servingTargets(withSite, QStringLiteral("relay")),
             QStringList{QStringLiteral("127.0.0.1:4122")});
}

void tst_TestPlanner::expiredOnlyWhenAsked()
{
    TestPlanner::Options options;
    options.today = QDate(2024, 6, 1);
    QVERIFY(servingTargets(build(options), QStringLiteral("static")).isEmpty());
    options.scope.includeExpired = true;
    QCOMPARE(servingTargets(build(options), QStringLiteral("static")),
             (QStringList{QStringLiteral("127.0.0.10:443"), QStringLiteral("[::1]:443")}));
    // Before the validity ends they are in the plan anyway.
    options.scope.includeExpired = false;
    options.today = QDate(2022, 12, 31);
    QCOMPARE(servingTargets(build(options), QStringLiteral("static")).size(), 2);
}

void tst_TestPlanner::listPortSubset()
{
    TestPlanner::Options options;
    options.today = QDate(2024, 6, 1);
    // The flow has 80 and 443; its static list only 443.
    QCOMPARE(servingTargets(build(options), QStringLiteral("update")),
             (QStringList{QStringLiteral("upd.test:80"), QStringLiteral("upd.test:443"),
                          QStringLiteral("127.0.0.20:443")}));
}

void tst_TestPlanner::unstatedTransport()
{
    TestPlanner::Options options;
    options.today = QDate(2024, 6, 1);
    const TestPlan plan = build(options);
    const CheckTarget *target = findTarget(plan, QStringLiteral("u.test:4124"));
    QVERIFY(target);
    QVERIFY(target->isSkipped());
    QCOMPARE(target->transport, Transport::Unstated);
    QCOMPARE(target->skipReason, QStringLiteral("The page states no transport for port 4124"));
}

void tst_TestPlanner::featuresAndVersion_data()
{
    QTest::addColumn<QStringList>("features");
    QTest::addColumn<QString>("agentVersion");
    QTest::addColumn<QStringList>("expected");
    const QString fb20 = QStringLiteral("fb20.test:443");
    const QString fb12 = QStringLiteral("fb12.test:443");
    const QString ml = QStringLiteral("ml.test:443");
    QTest::addRow("any") << QStringList{} << QString() << QStringList{fb20, fb12, ml};
    QTest::addRow("agent 20.1") << QStringList{} << QStringLiteral("20.1") << QStringList{fb20, ml};
    QTest::addRow("agent 12.5") << QStringList{} << QStringLiteral("12.5") << QStringList{fb12, ml};
    QTest::addRow("smart feedback") << QStringList{QStringLiteral("smart-feedback")} << QString()
                                    << QStringList{fb20, fb12};
    QTest::addRow("machine learning, agent 20.0")
            << QStringList{QStringLiteral("machine-learning")} << QStringLiteral("20.0") << QStringList{ml};
    QTest::addRow("web reputation only")
            << QStringList{QStringLiteral("web-reputation")} << QString() << QStringList{};
}

void tst_TestPlanner::featuresAndVersion()
{
    QFETCH(QStringList, features);
    QFETCH(QString, agentVersion);
    QFETCH(QStringList, expected);
    TestPlanner::Options options;
    options.today = QDate(2024, 6, 1);
    for (const QString &name : features)
        options.scope.features.append(*Vocabulary::fromName<Feature>(name));
    options.scope.agentVersion = QVersionNumber::fromString(agentVersion);
    const TestPlan plan = build(options);
    QCOMPARE(servingTargets(plan, QStringLiteral("feedback")), expected);
    // Flows and lists without features are needed whatever the features.
    QVERIFY(!servingTargets(plan, QStringLiteral("web")).isEmpty());
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
                           QStringLiteral("dns 127.0.0.53:53 dns-tcp"),
                           QStringLiteral("ntp ntp.site.test:123 ntp"),
                           QStringLiteral("spn Smart Protection Network none skipped"),
                           QStringLiteral("web svc.test:443 https"),
                           QStringLiteral("web svc.test:80 http"),
                           QStringLiteral("web *.svc.test wildcard skipped"),
                           QStringLiteral("web a.svc.test:443 https"),
                           QStringLiteral("web a.svc.test:80 http"),
                           QStringLiteral("web b.deep.svc.test:443 https"),
                           QStringLiteral("web b.deep.svc.test:80 http"),
                           QStringLiteral("web https://api.test:8443/api?x=1 https"),
                           QStringLiteral("update upd.test:80 http"),
                           QStringLiteral("update upd.test:443 https"),
                           QStringLiteral("update 127.0.0.20:443 tcp")};
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
                           QStringLiteral("static [::1]:443 tcp"),
                           QStringLiteral("update upd.test:80 http"),
                           QStringLiteral("update upd.test:443 https"),
                           QStringLiteral("update 127.0.0.20:443 tcp")};
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
    options.scope.roles = roles;
    options.scope.requiredOnly = requiredOnly;
    options.scope.includeExpired = includeExpired;
    for (const QString &assignment : site)
        QVERIFY(!options.site.parseAssignment(assignment));
    const TestPlan plan = build(options);
    QCOMPARE(describe(plan), expected);
    // Site-profile targets come from no catalog endpoint; the others from a valid one.
    const Catalog catalog = loadPlannerCatalog();
    for (const CheckTarget &target : plan.targets) {
        QVERIFY(!target.flows.isEmpty());
        for (const CheckTarget::FlowRef &ref : target.flows) {
            const Flow *flow = catalog.flow(ref.flow);
            QVERIFY(flow);
            if (target.siteKey != SiteKey::None)
                QCOMPARE(ref.endpoint, -1);
            else if (ref.endpoint >= 0)
                QVERIFY(ref.endpoint < flow->endpoints.size());
        }
    }
}

void tst_TestPlanner::unknownRole()
{
    TestPlanner::Options options;
    options.scope.roles = {QStringLiteral("spn")};
    const auto plan = TestPlanner::build(loadPlannerCatalog(), options);
    QVERIFY(std::holds_alternative<QString>(plan));
    QVERIFY(std::get<QString>(plan).contains(QLatin1String("agent, relay, admin, cloud")));
}

void tst_TestPlanner::builtinCatalogPlan()
{
    // Planning only: nothing is resolved or sent to the catalog's hosts.
    const auto loaded = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    QVERIFY(loaded.isOk());
    const Catalog &catalog = *loaded.catalog;
    TestPlanner::Options options;
    options.today = QDate(2024, 6, 1);
    const TestPlan plan = std::get<TestPlan>(TestPlanner::build(catalog, options));
    QVERIFY(plan.testableCount() > 100);
    int wildcards = 0;
    QSet<QString> pairs;
    for (const CheckTarget &target : plan.targets) {
        for (const CheckTarget::FlowRef &ref : target.flows) {
            const Flow *flow = catalog.flow(ref.flow);
            QVERIFY(flow);
            QVERIFY2(flow->isInitiatedBy(QStringLiteral("agent")), qPrintable(ref.flow));
            if (ref.endpoint >= 0) {
                const Endpoint &endpoint = flow->endpoints.at(ref.endpoint);
                QVERIFY2(!catalog.isExpired(endpoint, options.today) || target.isSkipped(),
                         "expired static addresses are left out");
            }
        }
        if (target.kind == CheckTarget::Kind::Wildcard) {
            ++wildcards;
            QVERIFY(target.members.size() > 10);
        }
        if (target.isSkipped())
            continue;
        QVERIFY(target.port > 0 && !target.host.isEmpty());
        // No host:port (or address:port) is checked twice.
        const QString pair =
                QStringLiteral("%1|%2|%3").arg(target.host).arg(target.port).arg(target.transportName());
        QVERIFY2(!pairs.contains(pair), qPrintable(pair));
        pairs.insert(pair);
    }
    QVERIFY(wildcards >= 1);
    // The agent does not connect to Workload Security's subnet (4118 is opened towards it).
    for (const CheckTarget &target : plan.targets)
        QVERIFY(!target.serves(QStringLiteral("ws-agent-4118")));
    // A host in Workload Security's wildcard and individual lists serves the flows needing it.
    bool shared = false;
    for (const CheckTarget &target : plan.targets)
        shared = shared || target.flowIds().size() > 1 || target.flows.size() > 1;
    QVERIFY(shared);
    qInfo("agent plan: %d targets, %d checks for %d distinct host:port pairs", int(plan.targets.size()),
          plan.testableCount(), int(pairs.size()));

    options.scope.includeExpired = true;
    const TestPlan expired = std::get<TestPlan>(TestPlanner::build(catalog, options));
    QVERIFY(expired.testableCount() > plan.testableCount() + 50);
}

void tst_TestPlanner::verdictNames()
{
    const QStringList names{QStringLiteral("ok"),
                            QStringLiteral("dns-failed"),
                            QStringLiteral("refused"),
                            QStringLiteral("filtered"),
                            QStringLiteral("timeout"),
                            QStringLiteral("stalled"),
                            QStringLiteral("tls-untrusted"),
                            QStringLiteral("tls-hostname-mismatch"),
                            QStringLiteral("tls-expired"),
                            QStringLiteral("tls-failed"),
                            QStringLiteral("tls-intercepted"),
                            QStringLiteral("http-error"),
                            QStringLiteral("http-redirected"),
                            QStringLiteral("ntp-unsynchronised"),
                            QStringLiteral("ntp-invalid-reply"),
                            QStringLiteral("proxy-refused"),
                            QStringLiteral("proxy-auth-required"),
                            QStringLiteral("not-verifiable"),
                            QStringLiteral("skipped"),
                            QStringLiteral("cancelled")};
    QStringList actual;
    for (Verdict::Value verdict : Verdict::all()) {
        actual.append(Verdict::name(verdict));
        QCOMPARE(Verdict::fromName(Verdict::name(verdict)), std::optional<Verdict::Value>(verdict));
        QVERIFY(!Verdict::text(verdict).isEmpty());
        QCOMPARE(Verdict::hint(verdict, QStringLiteral("h"), 1, QStringLiteral("tcp")).isEmpty(),
                 verdict == Verdict::Ok || !Verdict::isTested(verdict));
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
    const auto parsed = DnsClient::parseReply(reply, query);
    QVERIFY(parsed);
    QCOMPARE(parsed->rcode, 0);
    QCOMPARE(parsed->addresses, QList<QHostAddress>{QHostAddress(QStringLiteral("127.0.0.2"))});
    QVERIFY(!DnsClient::parseReply(reply, DnsClient::query(0x4321, QStringLiteral("a.test"), 1)));
    QVERIFY(!DnsClient::parseReply(reply.left(20), query));
}

void tst_TestPlanner::flowSummary_data()
{
    QTest::addColumn<QStringList>("verdicts");
    QTest::addColumn<int>("status");
    QTest::addRow("none") << QStringList{} << int(FlowStatus::Untested);
    QTest::addRow("skipped") << QStringList{QStringLiteral("skipped")} << int(FlowStatus::Untested);
    QTest::addRow("ok") << QStringList{QStringLiteral("ok"), QStringLiteral("skipped")}
                        << int(FlowStatus::Passed);
    QTest::addRow("udp") << QStringList{QStringLiteral("not-verifiable")} << int(FlowStatus::Passed);
    QTest::addRow("failed") << QStringList{QStringLiteral("timeout"), QStringLiteral("refused")}
                            << int(FlowStatus::Failed);
    QTest::addRow("partial") << QStringList{QStringLiteral("ok"), QStringLiteral("tls-untrusted")}
                             << int(FlowStatus::Partial);
}

void tst_TestPlanner::flowSummary()
{
    QFETCH(QStringList, verdicts);
    QFETCH(int, status);
    QList<CheckResult> results;
    for (const QString &name : verdicts) {
        CheckResult result;
        result.flows = {{QStringLiteral("e"), 0}};
        result.verdict = *Verdict::fromName(name);
        results.append(result);
    }
    // One check serving two flows counts for both.
    CheckResult other;
    other.flows = {{QStringLiteral("other"), 0}, {QStringLiteral("also"), 2}};
    other.verdict = Verdict::Refused;
    results.append(other);
    const auto summary = FlowResultSummary::summarize(results);
    QCOMPARE(int(summary.value(QStringLiteral("e"), FlowStatus::Untested)), status);
    QCOMPARE(summary.value(QStringLiteral("other")), FlowStatus::Failed);
    QCOMPARE(summary.value(QStringLiteral("also")), FlowStatus::Failed);
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
        result.flows = target.flows;
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
    QCOMPARE(root.value(QLatin1String("schemaVersion")).toInt(), 2);
    QCOMPARE(root.value(QLatin1String("flows")).toObject().value(QLatin1String("web")).toString(),
             QStringLiteral("partial"));
    const QJsonArray shared = root.value(QLatin1String("results"))
                                      .toArray()
                                      .at(8)
                                      .toObject()
                                      .value(QLatin1String("flows"))
                                      .toArray();
    QCOMPARE(shared.size(), 2);
    QCOMPARE(shared.at(1).toObject().value(QLatin1String("id")).toString(), QStringLiteral("members"));
    QCOMPARE(shared.at(1).toObject().value(QLatin1String("endpoint")).toInt(), 0);
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
