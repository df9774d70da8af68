#include "core/catalog/catalogloader.h"
#include "core/catalog/flowfilter.h"

#include <QRegularExpression>

#include <QSet>
#include <QTest>
#include <algorithm>

// The built-in catalog against the vendor page (shared/seeds/000_873be7b7b3f0d8b2.txt): every
// network flow the page states exactly once, with the tables and rows that state it; every
// correction of the machine translation; and, for each role, the direction of every flow.
class TestCatalogData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void flows_data();
    void flows();
    void everyFlowOnce();
    void directions_data();
    void directions();
    void endpointLists_data();
    void endpointLists();
    void individualHostsAreAgentsNnn();
    void translationArtifactsFixed();
    void workloadSecurityIsHttpsOnly();
    void smartProtectionServerIsConditional();
    void embeddedRelayPortNeedsNoNetworkRule();
    void unstatedProtocols();
    void inboundFlowsComeFromTheSubnet();
    void individualListServesAgentsAndApiClients();
    void gatewayHostsBelongToTheDataCenterGateway();
    void smartFeedbackByAgentVersion();
    void staticAddressesExpired();
    void adminHasOnlyExpiredAddresses();
    void source();
    void japaneseGlossary();
    void narrationForEveryFlow();

private:
    QStringList values(const QString &listId) const;
    Catalog m_catalog;
};

void TestCatalogData::initTestCase()
{
    const auto result = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    m_catalog = *result.catalog;
}

QStringList TestCatalogData::values(const QString &listId) const
{
    QStringList result;
    if (const EndpointList *list = m_catalog.endpointList(listId)) {
        for (const Endpoint &ep : list->endpoints)
            result.append(ep.value);
    }
    return result;
}

// Initiators, listener, ports and provenance of every flow the page states.
void TestCatalogData::flows_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("initiators");
    QTest::addColumn<QString>("listener");
    QTest::addColumn<QString>("ports");
    QTest::addColumn<QString>("requirement");
    QTest::addColumn<QString>("provenance");

    const auto row = [](const char *id, const char *initiators, const char *listener, const char *ports,
                        const char *requirement, const char *provenance) {
        QTest::addRow("%s", id) << id << initiators << listener << ports << requirement << provenance;
    };
    row("ws-agent-4118", "workload-security", "agent", "4118/tcp/HTTPS", "optional",
        "ports.agent-inbound#4118 ports.workload-security#4118 ips.inbound#agent");
    row("ws-relay-4118", "workload-security", "relay", "4118/tcp/HTTPS", "optional",
        "ports.relay-inbound#agent-ports");
    row("agent-dns", "agent", "dns-server", "53/tcp/DNS 53/udp/DNS", "required", "ports.agent-outbound#dns");
    row("agent-ws-443", "agent relay", "workload-security", "443/tcp/HTTPS", "required",
        "ports.agent-outbound#web urls.services#heartbeat urls.individual#list ips.outbound#gui "
        "ips.outbound#heartbeat ips.outbound#fast-heartbeat");
    row("agent-spn-web", "agent", "spn", "80/tcp/HTTP 443/tcp/HTTPS", "required",
        "ports.agent-outbound#web ips.outbound#spn urls.services#census urls.services#gfr "
        "urls.services#feedback urls.services#smart-scan urls.services#ml urls.services#wrs");
    row("agent-sps-80-443", "agent", "sps", "80/tcp/HTTP 443/tcp/HTTPS", "conditional",
        "ports.agent-outbound#web");
    row("agent-ntp", "agent", "ntp-server", "123/udp/NTP", "required", "ports.agent-outbound#ntp");
    row("agent-syslog", "agent", "siem", "514/udp/Syslog", "optional", "ports.agent-outbound#syslog");
    row("agent-sps-wrs", "agent", "sps", "5274/tcp/HTTP 5275/tcp/HTTPS", "optional",
        "ports.agent-outbound#sps-wrs");
    row("agent-relay-4122", "agent", "relay", "4122/tcp/HTTPS", "optional",
        "ports.agent-outbound#relay ports.relay-inbound#4122");
    row("relay-relay-4122", "relay", "relay", "4122/unstated/", "conditional", "ports.relay-outbound#4122");
    row("agent-relay-4123", "agent", "relay", "4123/unstated/", "conditional", "ports.relay-inbound#4123");
    row("update-servers-web", "agent relay", "update-servers", "80/tcp/HTTP 443/tcp/HTTPS", "required",
        "ports.relay-outbound#update urls.services#update urls.services#download ips.outbound#update");
    row("ws-siem-514", "workload-security", "siem", "514/udp/Syslog", "optional",
        "ports.workload-security#syslog ips.inbound#siem");
    row("ws-relay-4122", "workload-security", "relay", "4122/tcp/HTTPS", "optional",
        "ports.workload-security#4122 ips.inbound#relay");
    row("dcg-dns", "dcg", "dns-server", "53/unstated/DNS", "conditional", "ports.dcg-internet#dns");
    row("dcg-ws-443", "dcg", "workload-security", "443/tcp/TLS", "conditional",
        "ports.dcg-internet#443 urls.services#dcg-control urls.services#dcg-data");
    row("dcg-vcenter-443", "dcg", "vcenter", "443/tcp/TLS", "conditional", "ports.dcg-intranet#vcenter");
    row("xdr-443", "agent", "xdr-event-channel", "443/tcp/HTTPS", "required", "urls.services#xdr");
    row("api-ws-443", "api-client", "workload-security", "443/tcp/HTTPS", "required",
        "urls.services#api urls.individual#list");
    row("admin-ws-443", "admin", "workload-security", "443/tcp/HTTPS", "required", "ips.outbound#gui");
}

void TestCatalogData::flows()
{
    QFETCH(QString, id);
    QFETCH(QString, initiators);
    QFETCH(QString, listener);
    QFETCH(QString, ports);
    QFETCH(QString, requirement);
    QFETCH(QString, provenance);

    const Flow *flow = m_catalog.flow(id);
    QVERIFY2(flow, qPrintable(id));
    QCOMPARE(flow->initiators.join(QLatin1Char(' ')), initiators);
    QCOMPARE(flow->listener, listener);
    QStringList actualPorts;
    for (const PortSpec &p : flow->ports)
        actualPorts.append(QStringLiteral("%1/%2/%3").arg(p.port).arg(p.transportName(), p.protocol));
    QCOMPARE(actualPorts.join(QLatin1Char(' ')), ports);
    QCOMPARE(Vocabulary::name(flow->requirement), requirement);
    QStringList actualProvenance;
    for (const Provenance &p : flow->provenance)
        actualProvenance.append(p.toString());
    QCOMPARE(actualProvenance.join(QLatin1Char(' ')), provenance);
}

void TestCatalogData::everyFlowOnce()
{
    // The data above lists every flow of the page; the catalog has no other.
    QCOMPARE(m_catalog.flows.size(), 21);
    // No two flows for the same initiators, listener and ports: the page's repetitions are merged.
    QSet<QString> keys;
    for (const Flow &f : m_catalog.flows) {
        QStringList ports;
        for (const PortSpec &p : f.ports)
            ports.append(QStringLiteral("%1/%2").arg(p.port).arg(p.transportName()));
        const QString key = f.initiators.join(QLatin1Char(',')) + QLatin1String("->") + f.listener
                + QLatin1Char(':') + ports.join(QLatin1Char(','));
        QVERIFY2(!keys.contains(key), qPrintable(key));
        keys.insert(key);
    }
    // Every row of every table of the page is stated by some flow (the loader enforces it too).
    int rows = 0;
    for (const CatalogTable &t : m_catalog.tables)
        rows += t.rows.size();
    QCOMPARE(m_catalog.tables.size(), 11);
    QCOMPARE(rows, 40);
}

// The direction of every flow for every role: Outbound where it initiates, Inbound where it
// listens, Local for 4123, and empty where it takes no part.
void TestCatalogData::directions_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("expected"); // "flow=direction ..." for every flow the role takes part in

    QTest::addRow("agent") << "agent"
                           << "ws-agent-4118=inbound agent-dns=outbound agent-ws-443=outbound "
                              "agent-spn-web=outbound agent-sps-80-443=outbound agent-ntp=outbound "
                              "agent-syslog=outbound agent-sps-wrs=outbound agent-relay-4122=outbound "
                              "agent-relay-4123=local update-servers-web=outbound xdr-443=outbound";
    QTest::addRow("relay") << "relay"
                           << "ws-relay-4118=inbound agent-ws-443=outbound agent-relay-4122=inbound "
                              "relay-relay-4122=both agent-relay-4123=local update-servers-web=outbound "
                              "ws-relay-4122=inbound";
    QTest::addRow("dcg") << "dcg"
                         << "dcg-dns=outbound dcg-ws-443=outbound dcg-vcenter-443=outbound";
    QTest::addRow("admin") << "admin"
                           << "admin-ws-443=outbound";
    QTest::addRow("api-client") << "api-client"
                                << "api-ws-443=outbound";
    QTest::addRow("workload-security")
            << "workload-security"
            << "ws-agent-4118=outbound ws-relay-4118=outbound agent-ws-443=inbound "
               "ws-siem-514=outbound ws-relay-4122=outbound dcg-ws-443=inbound "
               "api-ws-443=inbound admin-ws-443=inbound";
}

void TestCatalogData::directions()
{
    QFETCH(QString, role);
    QFETCH(QString, expected);
    QStringList actual;
    for (const Flow &f : m_catalog.flows) {
        const Direction d = f.directionFor(role);
        if (d != Direction::None)
            actual.append(f.id + QLatin1Char('=') + Vocabulary::name(d));
    }
    QCOMPARE(actual.join(QLatin1Char(' ')), expected);

    // The one filter agrees: Outbound for the agent never lists a flow the agent listens on.
    FlowFilter outbound;
    outbound.roles = QStringList{role};
    outbound.direction = Direction::Outbound;
    for (const Flow &f : m_catalog.flows) {
        const Direction d = f.directionFor(role);
        QCOMPARE(outbound.acceptsFlow(m_catalog, f), d == Direction::Outbound || d == Direction::Both);
    }
}

void TestCatalogData::endpointLists_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addRow("heartbeat") << "ws-heartbeat-hosts" << 5 << "app.deepsecurity.trendmicro.com"
                               << "*.workload.us-1.cloudone.trendmicro.com";
    QTest::addRow("individual") << "ws-individual-hosts" << 70 << "workload.us-1.cloudone.trendmicro.com"
                                << "agents-067.workload.us-1.cloudone.trendmicro.com";
    QTest::addRow("gui static") << "ws-gui-static" << 24 << "34.196.38.94"
                                << "54.80.120.113";
    QTest::addRow("update static") << "update-static" << 37 << "3.210.17.243"
                                   << "174.129.163.104";
    QTest::addRow("heartbeat static") << "ws-heartbeat-static" << 12 << "34.192.67.219"
                                      << "54.86.2.200";
    QTest::addRow("fast heartbeat static") << "ws-fast-heartbeat-static" << 33 << "34.192.145.157"
                                           << "54.165.185.17";
    QTest::addRow("api") << "api-urls" << 4
                         << "https://app.deepsecurity.trendmicro.com/webservice/Manager?WSDL"
                         << "*.workload.us-1.cloudone.trendmicro.com";
    QTest::addRow("download") << "download-center" << 1 << "files.trendmicro.com"
                              << "files.trendmicro.com";
    QTest::addRow("update") << "update-hosts" << 4 << "iaus.activeupdate.trendmicro.com"
                            << "ipv6-iaus.activeupdate.trendmicro.com";
    QTest::addRow("census") << "spn-census" << 1 << "dsaas1100-en-census.trendmicro.com"
                            << "dsaas1100-en-census.trendmicro.com";
    QTest::addRow("gfr") << "spn-gfr" << 1 << "deepsecaas11-en.gfrbridge.trendmicro.com"
                         << "deepsecaas11-en.gfrbridge.trendmicro.com";
    QTest::addRow("feedback 10") << "spn-feedback-10" << 3 << "deepsecurity1000-en.fbs20.trendmicro.com"
                                 << "deepsecurity1000-sc.fbs20.trendmicro.com";
    QTest::addRow("ml") << "spn-ml" << 2 << "dsaas-en-f.trx.trendmicro.com"
                        << "dsaas-en-b.trx.trendmicro.com";
    QTest::addRow("xdr") << "xdr-hosts" << 2 << "ak5ih4ev105f2-ats.iot.us-east-1.amazonaws.com"
                         << "azrb5zzyvrkw6-ats.iot.us-east-1.amazonaws.com";
    QTest::addRow("subnet") << "ws-subnet" << 1 << "34.205.5.0/27"
                            << "34.205.5.0/27";
}

void TestCatalogData::endpointLists()
{
    QFETCH(QString, list);
    QFETCH(int, count);
    QFETCH(QString, first);
    QFETCH(QString, last);
    const QStringList v = values(list);
    QCOMPARE(v.size(), count);
    QCOMPARE(v.first(), first);
    QCOMPARE(v.last(), last);
}

void TestCatalogData::individualHostsAreAgentsNnn()
{
    const QStringList hosts = values(QStringLiteral("ws-individual-hosts"));
    for (int n = 1; n <= 67; ++n)
        QVERIFY(hosts.contains(QStringLiteral("agents-%1.workload.us-1.cloudone.trendmicro.com")
                                       .arg(n, 3, 10, QLatin1Char('0'))));
    for (const Flow &f : m_catalog.flows) {
        for (const Endpoint &ep : f.endpoints)
            QVERIFY2(!ep.value.startsWith(QLatin1String("agent-")), qPrintable(ep.value));
    }
    const Correction *why = nullptr;
    for (const Correction &c : m_catalog.corrections) {
        if (c.id == QLatin1String("agents-nnn"))
            why = &c;
    }
    QVERIFY(why);
    QVERIFY(why->reason.en.contains(QLatin1String("agents-004.workload.us-1.cloudone.trendmicro.com")));
}

void TestCatalogData::translationArtifactsFixed()
{
    static const QRegularExpression nonAscii(QStringLiteral("[^\\x{0000}-\\x{007f}]"));
    QSet<QString> all;
    for (const EndpointList &list : m_catalog.endpointLists) {
        for (const Endpoint &ep : list.endpoints) {
            QVERIFY2(!nonAscii.match(ep.value).hasMatch(), qPrintable(ep.value));
            QVERIFY2(!ep.value.contains(QLatin1String("p>")), qPrintable(ep.value));
            all.insert(ep.value);
        }
    }
    QVERIFY(all.contains(QStringLiteral("gateway-control.workload.us-1.cloudone.trendmicro.com")));
    QVERIFY(all.contains(QStringLiteral("workload.us-1.cloudone.trendmicro.com")));
    QVERIFY(all.contains(QStringLiteral("50.17.162.194")));
    QStringList ids;
    for (const Correction &c : m_catalog.corrections)
        ids.append(c.id);
    QCOMPARE(ids.join(QLatin1Char(' ')),
             QStringLiteral("gateway-control workload-apex agents-nnn stray-markup ws-https-only"));
}

void TestCatalogData::workloadSecurityIsHttpsOnly()
{
    // The combined 80/443 bullet must not give Workload Security port 80.
    for (const Flow &f : m_catalog.flows) {
        if (f.listener != QLatin1String("workload-security"))
            continue;
        for (const PortSpec &p : f.ports)
            QCOMPARE(p.port, 443);
    }
}

void TestCatalogData::smartProtectionServerIsConditional()
{
    const Flow *sps = m_catalog.flow(QStringLiteral("agent-sps-80-443"));
    QVERIFY(sps);
    QCOMPARE(sps->requirement, Requirement::Conditional);
    QVERIFY(sps->condition.en.contains(QLatin1String("deploy a Smart Protection Server")));
    QVERIFY(sps->notes.en.contains(QLatin1String("required ports")));
    const Flow *wrs = m_catalog.flow(QStringLiteral("agent-sps-wrs"));
    QVERIFY(wrs->notes.en.contains(QLatin1String("Web Reputation module, not by the Firewall module")));
}

void TestCatalogData::embeddedRelayPortNeedsNoNetworkRule()
{
    const Flow *local = m_catalog.flow(QStringLiteral("agent-relay-4123"));
    QVERIFY(local);
    QVERIFY(!local->needsNetworkRule);
    QVERIFY(local->endpoints.isEmpty());
    QVERIFY(local->notes.en.contains(QLatin1String("Windows Firewall")));
    QVERIFY(local->notes.en.contains(QLatin1String("port conflict")));
    int local4123 = 0;
    for (const Flow &f : m_catalog.flows)
        local4123 += f.needsNetworkRule ? 0 : 1;
    QCOMPARE(local4123, 1);
}

void TestCatalogData::unstatedProtocols()
{
    // What the page does not state is marked so, never invented.
    for (const char *id : {"agent-relay-4123", "relay-relay-4122", "dcg-dns"}) {
        const Flow *f = m_catalog.flow(QLatin1String(id));
        QVERIFY(f);
        for (const PortSpec &p : f->ports)
            QCOMPARE(p.transport, Transport::Unstated);
        QVERIFY(f->notes.en.contains(QLatin1String("states no")));
    }
}

void TestCatalogData::inboundFlowsComeFromTheSubnet()
{
    for (const Flow &f : m_catalog.flows) {
        if (!f.initiators.contains(QLatin1String("workload-security")))
            continue;
        QVERIFY2(m_catalog.endpointsDescribeInitiator(f), qPrintable(f.id));
        QCOMPARE(f.endpointListIds, QStringList{QStringLiteral("ws-subnet")});
        QCOMPARE(f.endpoints.first().value, QStringLiteral("34.205.5.0/27"));
    }
}

void TestCatalogData::individualListServesAgentsAndApiClients()
{
    QVERIFY(m_catalog.flow(QStringLiteral("agent-ws-443"))
                    ->endpointListIds.contains(QLatin1String("ws-individual-hosts")));
    QVERIFY(m_catalog.flow(QStringLiteral("api-ws-443"))
                    ->endpointListIds.contains(QLatin1String("ws-individual-hosts")));
    const EndpointList *list = m_catalog.endpointList(QStringLiteral("ws-individual-hosts"));
    QVERIFY(list->condition.en.contains(QLatin1String("20.0.0-1540")));
}

void TestCatalogData::gatewayHostsBelongToTheDataCenterGateway()
{
    for (const Flow &f : m_catalog.flows) {
        for (const Endpoint &ep : f.endpoints) {
            if (ep.value.startsWith(QLatin1String("gateway")))
                QCOMPARE(f.id, QStringLiteral("dcg-ws-443"));
        }
    }
    const EndpointList *data = m_catalog.endpointList(QStringLiteral("dcg-data"));
    QVERIFY(data->provenance.contains(Provenance{QStringLiteral("urls.individual"), QStringLiteral("list")}));
}

void TestCatalogData::smartFeedbackByAgentVersion()
{
    QCOMPARE(m_catalog.agentVersions(),
             (QList<QVersionNumber>{QVersionNumber(10, 0), QVersionNumber(11, 0), QVersionNumber(12, 0),
                                    QVersionNumber(20, 0)}));
    const Flow &spn = *m_catalog.flow(QStringLiteral("agent-spn-web"));
    const auto feedbackFor = [&](const QVersionNumber &version) {
        FlowFilter filter;
        filter.agentVersion = version;
        QStringList hosts;
        for (const Endpoint &ep : spn.endpoints) {
            if (m_catalog.listOf(ep).features.contains(Feature::SmartFeedback)
                && filter.acceptsEndpoint(m_catalog, spn, ep, QDate(2026, 1, 1)))
                hosts.append(ep.value);
        }
        return hosts;
    };
    QCOMPARE(feedbackFor(QVersionNumber({20, 0, 0, 1540})),
             (QStringList{QStringLiteral("ds200-en.fbs25.trendmicro.com"),
                          QStringLiteral("ds200-jp.fbs25.trendmicro.com")}));
    QCOMPARE(feedbackFor(QVersionNumber(12, 0)).first(), QStringLiteral("ds120-en.fbs25.trendmicro.com"));
    QCOMPARE(feedbackFor(QVersionNumber(11, 0)).first(),
             QStringLiteral("deepsecurity1100-en.fbs25.trendmicro.com"));
    QCOMPARE(feedbackFor(QVersionNumber(10, 0)).size(), 3);
    // Without a version, every list is shown; the note says how the page's wording was read.
    QCOMPARE(feedbackFor(QVersionNumber()).size(), 9);
    bool noted = false;
    for (const CatalogNote &n : m_catalog.notes)
        noted = noted || n.id == QLatin1String("smart-feedback-versions");
    QVERIFY(noted);
}

void TestCatalogData::staticAddressesExpired()
{
    const QDate today(2026, 12, 2);
    int expired = 0;
    for (const EndpointList &list : m_catalog.endpointLists) {
        for (const Endpoint &ep : list.endpoints)
            expired += m_catalog.isExpired(ep, today) ? 1 : 0;
    }
    QCOMPARE(expired, 24 + 37 + 12 + 33);
    // The static update addresses are 443 only, inside an 80 + 443 flow.
    const Flow &update = *m_catalog.flow(QStringLiteral("update-servers-web"));
    for (const Endpoint &ep : update.endpoints) {
        const QList<PortSpec> ports = m_catalog.portsOf(update, ep);
        QCOMPARE(ports.size(), m_catalog.listOf(ep).id == QLatin1String("update-static") ? 1 : 2);
    }
}

void TestCatalogData::adminHasOnlyExpiredAddresses()
{
    const Flow &admin = *m_catalog.flow(QStringLiteral("admin-ws-443"));
    QVERIFY(m_catalog.isFullyExpired(admin, QDate(2026, 12, 2)));
    QVERIFY(!m_catalog.isFullyExpired(admin, QDate(2022, 12, 31)));
}

void TestCatalogData::source()
{
    QVERIFY(m_catalog.source.ja.contains(QLatin1String("/ja-jp/")));
    QVERIFY(m_catalog.source.en.contains(QLatin1String("required-ports")));
    QVERIFY(!m_catalog.source.en.contains(QLatin1String("/ja-jp/")));
}

void TestCatalogData::japaneseGlossary()
{
    // resources/catalog/GLOSSARY.md: one form per term, full-width brackets.
    static const QList<QRegularExpression> banned{
            QRegularExpression(QStringLiteral("サーバ(?!ー)")),
            QRegularExpression(QStringLiteral("アウトバウンド")),
            QRegularExpression(QStringLiteral("インバウンド")),
            QRegularExpression(QStringLiteral("一時ポート")), QRegularExpression(QStringLiteral("[()]")),
            QRegularExpression(QStringLiteral("(?<!Deep Security )Relay")),
            QRegularExpression(QStringLiteral("(?<!Deep Security )Agent(?!と)")),
            // No space between Japanese characters (the narration of Present reads these texts).
            QRegularExpression(
                    QStringLiteral("[\\x{3000}-\\x{30ff}\\x{3400}-\\x{9fff}\\x{ff00}-\\x{ffef}] +"
                                   "[\\x{3000}-\\x{30ff}\\x{3400}-\\x{9fff}\\x{ff00}-\\x{ffef}]"))};
    QStringList texts;
    for (const Flow &f : m_catalog.flows)
        texts << f.service.ja << f.description.ja << f.condition.ja << f.notes.ja << f.configurable.ja
              << f.narration.ja;
    for (const EndpointList &l : m_catalog.endpointLists)
        texts << l.service.ja << l.description.ja << l.condition.ja;
    for (const CatalogTable &t : m_catalog.tables) {
        texts << t.title.ja;
        for (const TableRow &r : t.rows)
            texts << r.label.ja;
    }
    for (const Component &c : m_catalog.components)
        texts << c.name.ja;
    for (const CatalogNote &n : m_catalog.notes)
        texts << n.title.ja << n.text.ja;
    for (const QString &text : texts) {
        for (const QRegularExpression &re : banned)
            QVERIFY2(!re.match(text).hasMatch(), qPrintable(re.pattern() + QLatin1String(": ") + text));
    }
}

// Present reads one sentence per flow to a customer: every flow has one in both languages, and
// a port it names is one of the flow's.
void TestCatalogData::narrationForEveryFlow()
{
    static const QRegularExpression portNumbers(
            QStringLiteral("(?:ports?|UDP port|ポート)\\s*(\\d+)(?:\\s*(?:and|と)\\s*(\\d+))?"));
    for (const Flow &f : m_catalog.flows) {
        const QString en = f.narration.en;
        const QString ja = f.narration.ja;
        QVERIFY2(en.endsWith(QLatin1Char('.')) && !en.chopped(1).contains(QLatin1String(". ")),
                 qPrintable(f.id));
        QVERIFY2(ja.endsWith(QChar(0x3002)) && ja.count(QChar(0x3002)) == 1, qPrintable(f.id));
        for (const QString &text : {en, ja}) {
            auto it = portNumbers.globalMatch(text);
            while (it.hasNext()) {
                const QRegularExpressionMatch m = it.next();
                for (int group = 1; group <= 2; ++group) {
                    if (m.captured(group).isEmpty())
                        continue;
                    const int port = m.captured(group).toInt();
                    QVERIFY2(std::any_of(f.ports.cbegin(), f.ports.cend(),
                                         [port](const PortSpec &p) { return p.port == port; }),
                             qPrintable(f.id + QLatin1String(": ") + text));
                }
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestCatalogData)
#include "tst_catalogdata.moc"
