#include "core/catalog/catalogloader.h"
#include "core/catalog/cataloglookup.h"

#include <QTest>

// Reverse lookup on the built-in catalog and on tests/data/lookup/lookup.json, a small catalog
// with an 80 + 443 flow whose static addresses are 443 only, a subnet shared by TCP and UDP flows
// of different roles, a UDP host and a port whose transport is not stated.
class TestCatalogLookup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void builtin_data();
    void builtin();
    void ports_data();
    void ports();
    void roles_data();
    void roles();
    void parse_data();
    void parse();
    void group_data();
    void group();
    void expiredMarked();
    void explanations_data();
    void explanations();
    void answers_data();
    void answers();

private:
    // "flow:Reason:pattern" for a full match, "flow:Reason:pattern:wrong-port" for an address-only one.
    static QStringList describe(const Catalog &catalog, const QList<CatalogLookup::Match> &matches);

    Catalog m_builtin;
    Catalog m_test;
};

void TestCatalogLookup::initTestCase()
{
    auto result = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    m_builtin = *result.catalog;
    auto test = CatalogLoader::loadFile(QStringLiteral(PORTOLAN_TEST_DATA "/lookup/lookup.json"));
    QVERIFY2(test.isOk(), qPrintable(test.error.toString()));
    m_test = *test.catalog;
}

QStringList TestCatalogLookup::describe(const Catalog &catalog, const QList<CatalogLookup::Match> &matches)
{
    static const char *names[] = {"ExactHost", "WildcardHost", "UrlHost",
                                  "Url",       "ExactAddress", "InsideSubnet"};
    QStringList result;
    for (const CatalogLookup::Match &m : matches) {
        const Flow &flow = catalog.flows.at(m.flow);
        // The match names the endpoint it found, and its ports are that endpoint's.
        if (flow.endpoints.at(m.endpoint).value != m.pattern)
            return {QStringLiteral("pattern differs from the endpoint")};
        if (m.ports != catalog.portsOf(flow, flow.endpoints.at(m.endpoint)))
            return {QStringLiteral("ports differ from the endpoint's")};
        QString text =
                QStringLiteral("%1:%2:%3").arg(flow.id, QLatin1String(names[int(m.reason)]), m.pattern);
        if (!m.portMatches)
            text += QStringLiteral(":wrong-port");
        result.append(text);
    }
    return result;
}

void TestCatalogLookup::builtin_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expected"); // in catalog order
    const QString wild = QStringLiteral("*.workload.us-1.cloudone.trendmicro.com");
    const QString subnet = QStringLiteral("34.205.5.0/27");
    QTest::addRow("exact host") << "files.trendmicro.com"
                                << QStringList{"update-servers-web:ExactHost:files.trendmicro.com"};
    QTest::addRow("exact host, upper case, trailing dot")
            << "FILES.TrendMicro.com." << QStringList{"update-servers-web:ExactHost:files.trendmicro.com"};
    QTest::addRow("wildcard and listed")
            << "agents-044.workload.us-1.cloudone.trendmicro.com"
            << QStringList{"agent-ws-443:WildcardHost:" + wild,
                           "agent-ws-443:ExactHost:agents-044.workload.us-1.cloudone.trendmicro.com",
                           "api-ws-443:WildcardHost:" + wild,
                           "api-ws-443:ExactHost:agents-044.workload.us-1.cloudone.trendmicro.com"};
    QTest::addRow("wildcard only, deeper")
            << "x.y.workload.us-1.cloudone.trendmicro.com"
            << QStringList{"agent-ws-443:WildcardHost:" + wild, "api-ws-443:WildcardHost:" + wild};
    QTest::addRow("apex is not covered by the wildcard")
            << "workload.us-1.cloudone.trendmicro.com"
            << QStringList{"agent-ws-443:ExactHost:workload.us-1.cloudone.trendmicro.com",
                           "api-ws-443:ExactHost:workload.us-1.cloudone.trendmicro.com"};
    QTest::addRow("url with path")
            << "https://app.deepsecurity.trendmicro.com/api/computers?expand=none"
            << QStringList{
                       "agent-ws-443:ExactHost:app.deepsecurity.trendmicro.com",
                       "api-ws-443:UrlHost:https://app.deepsecurity.trendmicro.com/webservice/Manager?WSDL",
                       "api-ws-443:Url:https://app.deepsecurity.trendmicro.com/api",
                       "api-ws-443:UrlHost:https://app.deepsecurity.trendmicro.com/rest"};
    QTest::addRow("lookalike suffix") << "evilworkload.us-1.cloudone.trendmicro.com" << QStringList{};
    QTest::addRow("cidr") << "34.205.5.17"
                          << QStringList{"ws-agent-4118:InsideSubnet:" + subnet,
                                         "ws-relay-4118:InsideSubnet:" + subnet,
                                         "ws-siem-514:InsideSubnet:" + subnet,
                                         "ws-relay-4122:InsideSubnet:" + subnet};
    QTest::addRow("cidr, right address, wrong port")
            << "34.205.5.17:22"
            << QStringList{"ws-agent-4118:InsideSubnet:" + subnet + ":wrong-port",
                           "ws-relay-4118:InsideSubnet:" + subnet + ":wrong-port",
                           "ws-siem-514:InsideSubnet:" + subnet + ":wrong-port",
                           "ws-relay-4122:InsideSubnet:" + subnet + ":wrong-port"};
    QTest::addRow("cidr, 4118/tcp") << "tcp 34.205.5.3:4118"
                                    << QStringList{"ws-agent-4118:InsideSubnet:" + subnet,
                                                   "ws-relay-4118:InsideSubnet:" + subnet,
                                                   "ws-siem-514:InsideSubnet:" + subnet + ":wrong-port",
                                                   "ws-relay-4122:InsideSubnet:" + subnet + ":wrong-port"};
    QTest::addRow("cidr, syslog over udp")
            << "34.205.5.3:514/udp"
            << QStringList{"ws-agent-4118:InsideSubnet:" + subnet + ":wrong-port",
                           "ws-relay-4118:InsideSubnet:" + subnet + ":wrong-port",
                           "ws-siem-514:InsideSubnet:" + subnet,
                           "ws-relay-4122:InsideSubnet:" + subnet + ":wrong-port"};
    QTest::addRow("ipv4-mapped ipv6")
            << "::ffff:34.205.5.17"
            << QStringList{"ws-agent-4118:InsideSubnet:" + subnet, "ws-relay-4118:InsideSubnet:" + subnet,
                           "ws-siem-514:InsideSubnet:" + subnet, "ws-relay-4122:InsideSubnet:" + subnet};
    QTest::addRow("cidr last address") << "34.205.5.31:4122"
                                       << QStringList{"ws-agent-4118:InsideSubnet:" + subnet + ":wrong-port",
                                                      "ws-relay-4118:InsideSubnet:" + subnet + ":wrong-port",
                                                      "ws-siem-514:InsideSubnet:" + subnet + ":wrong-port",
                                                      "ws-relay-4122:InsideSubnet:" + subnet};
    QTest::addRow("just outside cidr") << "34.205.5.32" << QStringList{};
    QTest::addRow("static gui address") << "52.0.124.201"
                                        << QStringList{"agent-ws-443:ExactAddress:52.0.124.201",
                                                       "admin-ws-443:ExactAddress:52.0.124.201"};
    QTest::addRow("static gui address on 80")
            << "52.0.124.201:80"
            << QStringList{"agent-ws-443:ExactAddress:52.0.124.201:wrong-port",
                           "admin-ws-443:ExactAddress:52.0.124.201:wrong-port"};
    QTest::addRow("static update address, 443")
            << "174.129.163.104:443" << QStringList{"update-servers-web:ExactAddress:174.129.163.104"};
    // The update servers' flow is 80 + 443; its static addresses are 443 only.
    QTest::addRow("static update address, 80")
            << "174.129.163.104:80"
            << QStringList{"update-servers-web:ExactAddress:174.129.163.104:wrong-port"};
    QTest::addRow("update host, 80") << "files.trendmicro.com:80"
                                     << QStringList{"update-servers-web:ExactHost:files.trendmicro.com"};
    QTest::addRow("host with port") << "dsaas.url.trendmicro.com:443"
                                    << QStringList{"agent-spn-web:ExactHost:dsaas.url.trendmicro.com"};
    QTest::addRow("host, udp") << "udp dsaas.url.trendmicro.com"
                               << QStringList{"agent-spn-web:ExactHost:dsaas.url.trendmicro.com:wrong-port"};
    QTest::addRow("no match host") << "example.com" << QStringList{};
    QTest::addRow("no match address") << "192.0.2.1" << QStringList{};
}

void TestCatalogLookup::builtin()
{
    QFETCH(QString, value);
    QFETCH(QStringList, expected);
    const CatalogLookup lookup(m_builtin, QDate(2022, 1, 1));
    QCOMPARE(describe(m_builtin, lookup.lookup(value)), expected);
}

void TestCatalogLookup::ports_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<bool>("matched");
    const QString s = QStringLiteral(":InsideSubnet:127.0.1.0/24");
    const QString w = QStringLiteral(":wrong-port");
    QTest::addRow("subnet, any port")
            << "127.0.1.5" << QStringList{"cloud-agent-4118" + s, "cloud-relay-4122" + s, "cloud-syslog" + s}
            << true;
    QTest::addRow("subnet, unused port")
            << "127.0.1.5:22"
            << QStringList{"cloud-agent-4118" + s + w, "cloud-relay-4122" + s + w, "cloud-syslog" + s + w}
            << false;
    QTest::addRow("subnet, port without transport")
            << "127.0.1.5:4118"
            << QStringList{"cloud-agent-4118" + s, "cloud-relay-4122" + s + w, "cloud-syslog" + s + w}
            << true;
    QTest::addRow("leading transport")
            << "tcp 127.0.1.5:4118"
            << QStringList{"cloud-agent-4118" + s, "cloud-relay-4122" + s + w, "cloud-syslog" + s + w}
            << true;
    QTest::addRow("trailing port") << "127.0.1.5 4118/tcp"
                                   << QStringList{"cloud-agent-4118" + s, "cloud-relay-4122" + s + w,
                                                  "cloud-syslog" + s + w}
                                   << true;
    QTest::addRow("trailing bare port")
            << "127.0.1.5 4122"
            << QStringList{"cloud-agent-4118" + s + w, "cloud-relay-4122" + s, "cloud-syslog" + s + w}
            << true;
    QTest::addRow("port with transport")
            << "127.0.1.5:4118/TCP"
            << QStringList{"cloud-agent-4118" + s, "cloud-relay-4122" + s + w, "cloud-syslog" + s + w}
            << true;
    QTest::addRow("wrong transport") << "udp 127.0.1.5:4118"
                                     << QStringList{"cloud-agent-4118" + s + w, "cloud-relay-4122" + s + w,
                                                    "cloud-syslog" + s + w}
                                     << false;
    QTest::addRow("udp") << "udp 127.0.1.5:514"
                         << QStringList{"cloud-agent-4118" + s + w, "cloud-relay-4122" + s + w,
                                        "cloud-syslog" + s}
                         << true;
    QTest::addRow("transport only") << "udp 127.0.1.5"
                                    << QStringList{"cloud-agent-4118" + s + w, "cloud-relay-4122" + s + w,
                                                   "cloud-syslog" + s}
                                    << true;
    QTest::addRow("udp port over tcp")
            << "127.0.1.5 514/tcp"
            << QStringList{"cloud-agent-4118" + s + w, "cloud-relay-4122" + s + w, "cloud-syslog" + s + w}
            << false;
    QTest::addRow("ipv4-mapped") << "[::ffff:127.0.1.5]:514"
                                 << QStringList{"cloud-agent-4118" + s + w, "cloud-relay-4122" + s + w,
                                                "cloud-syslog" + s}
                                 << true;
    // The static addresses of the 80 + 443 flow are 443 only.
    QTest::addRow("static on 443") << "127.0.0.10:443" << QStringList{"agent-web:ExactAddress:127.0.0.10"}
                                   << true;
    QTest::addRow("static on 80") << "127.0.0.10:80" << QStringList{"agent-web:ExactAddress:127.0.0.10" + w}
                                  << false;
    QTest::addRow("static, mapped, 443")
            << "[::ffff:127.0.0.10]:443" << QStringList{"agent-web:ExactAddress:127.0.0.10"} << true;
    QTest::addRow("static ipv6, other spelling")
            << "[2001:db8:0::10]:443" << QStringList{"agent-web:ExactAddress:2001:db8::10"} << true;
    QTest::addRow("static ipv6 on 80")
            << "2001:db8::10 80/tcp" << QStringList{"agent-web:ExactAddress:2001:db8::10" + w} << false;
    QTest::addRow("hosts on 80") << "api.cloud.localhost:80"
                                 << QStringList{"agent-web:WildcardHost:*.cloud.localhost",
                                                "agent-web:ExactHost:api.cloud.localhost",
                                                "agent-web:UrlHost:https://api.cloud.localhost/api"}
                                 << true;
    QTest::addRow("url implies 443/tcp") << "https://api.cloud.localhost/api/v1"
                                         << QStringList{"agent-web:WildcardHost:*.cloud.localhost",
                                                        "agent-web:ExactHost:api.cloud.localhost",
                                                        "agent-web:Url:https://api.cloud.localhost/api"}
                                         << true;
    QTest::addRow("url on another port") << "https://api.cloud.localhost:8443/api"
                                         << QStringList{"agent-web:WildcardHost:*.cloud.localhost" + w,
                                                        "agent-web:ExactHost:api.cloud.localhost" + w,
                                                        "agent-web:Url:https://api.cloud.localhost/api" + w}
                                         << false;
    QTest::addRow("udp host") << "log.localhost:514" << QStringList{"agent-log:ExactHost:log.localhost"}
                              << true;
    QTest::addRow("udp host over tcp")
            << "tcp log.localhost:514" << QStringList{"agent-log:ExactHost:log.localhost" + w} << false;
    // The page does not say whether 4122 to the relay host is TCP or UDP: either matches.
    QTest::addRow("unstated, tcp") << "tcp relay.localhost:4122"
                                   << QStringList{"relay-cloud-4122:ExactHost:relay.localhost"} << true;
    QTest::addRow("unstated, udp") << "relay.localhost:4122/udp"
                                   << QStringList{"relay-cloud-4122:ExactHost:relay.localhost"} << true;
    QTest::addRow("unstated, other port")
            << "relay.localhost:4123" << QStringList{"relay-cloud-4122:ExactHost:relay.localhost" + w}
            << false;
    QTest::addRow("nothing") << "192.0.2.1:443" << QStringList{} << false;
}

void TestCatalogLookup::ports()
{
    QFETCH(QString, value);
    QFETCH(QStringList, expected);
    QFETCH(bool, matched);
    const CatalogLookup lookup(m_test, QDate(2022, 6, 1));
    const QList<CatalogLookup::Match> matches = lookup.lookup(value);
    QCOMPARE(describe(m_test, matches), expected);
    QCOMPARE(CatalogLookup::isMatched(matches), matched);
    for (const CatalogLookup::Match &m : matches)
        QCOMPARE(m.matchedPorts.isEmpty(), CatalogLookup::parse(value).hasPort() && !m.portMatches);
}

void TestCatalogLookup::roles_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<QStringList>("expected"); // "flow:direction"
    QTest::addRow("no role: relative to the customer network")
            << "127.0.1.5" << QStringList{}
            << QStringList{"cloud-agent-4118:inbound", "cloud-relay-4122:inbound", "cloud-syslog:inbound"};
    QTest::addRow("agent, inbound") << "127.0.1.5" << QStringList{"agent"}
                                    << QStringList{"cloud-agent-4118:inbound"};
    QTest::addRow("relay, inbound") << "127.0.1.5" << QStringList{"relay"}
                                    << QStringList{"cloud-relay-4122:inbound"};
    QTest::addRow("cloud, outbound") << "127.0.1.5:514" << QStringList{"cloud"}
                                     << QStringList{"cloud-agent-4118:outbound", "cloud-relay-4122:outbound",
                                                    "cloud-syslog:outbound"};
    QTest::addRow("agent, outbound") << "log.localhost" << QStringList{"agent"}
                                     << QStringList{"agent-log:outbound"};
    QTest::addRow("relay does not log") << "log.localhost" << QStringList{"relay"} << QStringList{};
    QTest::addRow("two roles") << "127.0.1.5" << QStringList{"agent", "relay"}
                               << QStringList{"cloud-agent-4118:inbound", "cloud-relay-4122:inbound"};
}

void TestCatalogLookup::roles()
{
    QFETCH(QString, value);
    QFETCH(QStringList, roles);
    QFETCH(QStringList, expected);
    const CatalogLookup lookup(m_test, QDate(2022, 6, 1), roles);
    QStringList actual;
    for (const CatalogLookup::Match &m : lookup.lookup(value))
        actual.append(m_test.flows.at(m.flow).id + QLatin1Char(':') + Vocabulary::name(m.direction));
    QCOMPARE(actual, expected);
}

void TestCatalogLookup::parse_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("transport"); // empty: any
    using K = CatalogLookup::Query::Kind;
    QTest::addRow("ipv4") << "34.205.5.1" << int(K::Address) << ""
                          << "34.205.5.1" << 0 << "";
    QTest::addRow("ipv4 with port") << "34.205.5.1:22" << int(K::Address) << ""
                                    << "34.205.5.1" << 22 << "";
    QTest::addRow("ipv4 with port and transport") << "34.205.5.3:4118/tcp" << int(K::Address) << ""
                                                  << "34.205.5.3" << 4118 << "tcp";
    QTest::addRow("leading transport") << "tcp 34.205.5.3:4118" << int(K::Address) << ""
                                       << "34.205.5.3" << 4118 << "tcp";
    QTest::addRow("leading transport, upper case") << "UDP 1.2.3.4:514" << int(K::Address) << ""
                                                   << "1.2.3.4" << 514 << "udp";
    QTest::addRow("trailing port") << "34.205.5.3 4118/tcp" << int(K::Address) << ""
                                   << "34.205.5.3" << 4118 << "tcp";
    QTest::addRow("trailing bare port") << "34.205.5.3 4118" << int(K::Address) << ""
                                        << "34.205.5.3" << 4118 << "";
    QTest::addRow("transport twice, same") << "tcp 1.2.3.4:80/tcp" << int(K::Address) << ""
                                           << "1.2.3.4" << 80 << "tcp";
    QTest::addRow("transport only") << "udp 1.2.3.4" << int(K::Address) << ""
                                    << "1.2.3.4" << 0 << "udp";
    QTest::addRow("ipv4-mapped ipv6") << "::ffff:34.205.5.17" << int(K::Address) << ""
                                      << "34.205.5.17" << 0 << "";
    QTest::addRow("ipv4-mapped ipv6, hex") << "::ffff:22cd:511" << int(K::Address) << ""
                                           << "34.205.5.17" << 0 << "";
    QTest::addRow("ipv4-mapped ipv6 bracketed with port")
            << "[::ffff:34.205.5.17]:22" << int(K::Address) << ""
            << "34.205.5.17" << 22 << "";
    QTest::addRow("loopback ipv6 stays ipv6") << "::1" << int(K::Address) << ""
                                              << "::1" << 0 << "";
    QTest::addRow("ipv6 bracketed with port") << "[2001:db8::1]:443" << int(K::Address) << ""
                                              << "2001:db8::1" << 443 << "";
    QTest::addRow("ipv6 bracketed with port and transport")
            << "[2001:db8::1]:514/udp" << int(K::Address) << ""
            << "2001:db8::1" << 514 << "udp";
    QTest::addRow("ipv6") << "2001:db8::1" << int(K::Address) << ""
                          << "2001:db8::1" << 0 << "";
    QTest::addRow("ipv6, trailing port") << "2001:db8::1 443/tcp" << int(K::Address) << ""
                                         << "2001:db8::1" << 443 << "tcp";
    QTest::addRow("url with address") << "https://52.0.124.201/x" << int(K::Address) << ""
                                      << "52.0.124.201" << 443 << "tcp";
    QTest::addRow("host") << "  Example.COM  " << int(K::Host) << "example.com"
                          << "" << 0 << "";
    QTest::addRow("host with port and transport") << "Example.COM:53/udp" << int(K::Host) << "example.com"
                                                  << "" << 53 << "udp";
    QTest::addRow("url") << "http://files.trendmicro.com:80/a" << int(K::Url) << "files.trendmicro.com"
                         << "" << 80 << "tcp";
    QTest::addRow("url, default port")
            << "http://files.trendmicro.com/a" << int(K::Url) << "files.trendmicro.com"
            << "" << 80 << "tcp";
    QTest::addRow("url, other port") << "https://h.example:8443/" << int(K::Url) << "h.example"
                                     << "" << 8443 << "tcp";
    QTest::addRow("empty") << "" << int(K::Invalid) << ""
                           << "" << 0 << "";
    QTest::addRow("shell injection") << "$(reboot)" << int(K::Invalid) << ""
                                     << "" << 0 << "";
    QTest::addRow("newline") << "a.com\nb.com" << int(K::Invalid) << ""
                             << "" << 0 << "";
    QTest::addRow("spaces inside") << "a b.com" << int(K::Invalid) << ""
                                   << "" << 0 << "";
    QTest::addRow("bad url") << "https://" << int(K::Invalid) << ""
                             << "" << 0 << "";
    QTest::addRow("port 0") << "1.2.3.4:0" << int(K::Invalid) << ""
                            << "" << 0 << "";
    QTest::addRow("port too large") << "1.2.3.4:65536" << int(K::Invalid) << ""
                                    << "" << 0 << "";
    QTest::addRow("unknown transport") << "sctp 1.2.3.4:80" << int(K::Invalid) << ""
                                       << "" << 0 << "";
    QTest::addRow("unstated is not a transport") << "1.2.3.4:80/unstated" << int(K::Invalid) << ""
                                                 << "" << 0 << "";
    QTest::addRow("contradicting transports") << "tcp 1.2.3.4:514/udp" << int(K::Invalid) << ""
                                              << "" << 0 << "";
    QTest::addRow("contradicting ports") << "1.2.3.4:80 443" << int(K::Invalid) << ""
                                         << "" << 0 << "";
    QTest::addRow("too many words") << "tcp 1.2.3.4 80 443" << int(K::Invalid) << ""
                                    << "" << 0 << "";
    QTest::addRow("untranslated host")
            << QStringLiteral("ゲートウェイ-control.workload.us-1.cloudone.trendmicro.com") << int(K::Invalid)
            << ""
            << "" << 0 << "";
}

void TestCatalogLookup::parse()
{
    QFETCH(QString, value);
    QFETCH(int, kind);
    QFETCH(QString, host);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QString, transport);
    const CatalogLookup::Query q = CatalogLookup::parse(value);
    QCOMPARE(int(q.kind), kind);
    QCOMPARE(q.host, host);
    QCOMPARE(q.address.isNull() ? QString() : q.address.toString(), address);
    QCOMPARE(q.port, port);
    QCOMPARE(q.transport ? Vocabulary::name(*q.transport) : QString(), transport);
}

void TestCatalogLookup::group_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<QStringList>("values");
    QTest::addRow("plain values") << QStringList{"a.example", "1.2.3.4:443"}
                                  << QStringList{"a.example", "1.2.3.4:443"};
    QTest::addRow("transport and port words")
            << QStringList{"tcp", "34.205.5.3:4118", "34.205.5.3", "4118/tcp", "udp", "1.2.3.4:514"}
            << QStringList{"tcp 34.205.5.3:4118", "34.205.5.3 4118/tcp", "udp 1.2.3.4:514"};
    QTest::addRow("bare port") << QStringList{"h.example", "443"} << QStringList{"h.example 443"};
    QTest::addRow("one port per value")
            << QStringList{"h.example", "443", "80"} << QStringList{"h.example 443", "80"};
    QTest::addRow("transport, value and port")
            << QStringList{"udp", "1.2.3.4", "514"} << QStringList{"udp 1.2.3.4 514"};
    QTest::addRow("lone port") << QStringList{"443"} << QStringList{"443"};
    QTest::addRow("lone transport") << QStringList{"a.example", "tcp"} << QStringList{"a.example", "tcp"};
    QTest::addRow("quoted value") << QStringList{"tcp 1.2.3.4:4118"} << QStringList{"tcp 1.2.3.4:4118"};
}

void TestCatalogLookup::group()
{
    QFETCH(QStringList, words);
    QFETCH(QStringList, values);
    QCOMPARE(CatalogLookup::group(words), values);
}

void TestCatalogLookup::expiredMarked()
{
    const CatalogLookup before(m_builtin, QDate(2022, 12, 31));
    const CatalogLookup after(m_builtin, QDate(2023, 1, 1));
    QCOMPARE(before.lookup(QStringLiteral("52.0.124.201")).first().isExpired, false);
    QCOMPARE(after.lookup(QStringLiteral("52.0.124.201")).first().isExpired, true);
    QVERIFY(after.lookup(QStringLiteral("52.0.124.201"))
                    .first()
                    .explanation()
                    .contains(QStringLiteral("expired")));
    QCOMPARE(after.lookup(QStringLiteral("34.205.5.1")).first().isExpired, false);
    // An expired match is still a match (flagged), on its own ports only.
    const QList<CatalogLookup::Match> test =
            CatalogLookup(m_test, QDate(2023, 1, 1)).lookup(QStringLiteral("127.0.0.10:443"));
    QCOMPARE(test.size(), 1);
    QVERIFY(test.first().isExpired);
    QVERIFY(CatalogLookup::isMatched(test));
    QVERIFY(!CatalogLookup(m_test, QDate(2023, 1, 1))
                     .lookup(QStringLiteral("api.cloud.localhost"))
                     .first()
                     .isExpired);
}

void TestCatalogLookup::explanations_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QStringList>("explanations");
    const QDate d(2022, 6, 1);
    QTest::addRow("subnet") << "127.0.1.9" << d
                            << QStringList{"inside 127.0.1.0/24", "inside 127.0.1.0/24",
                                           "inside 127.0.1.0/24"};
    QTest::addRow("subnet on a port")
            << "127.0.1.9:4118" << d
            << QStringList{"inside 127.0.1.0/24, on 4118/TCP (HTTPS)",
                           "inside 127.0.1.0/24, but it uses 4122/TCP (HTTPS), not 4118/TCP or UDP",
                           "inside 127.0.1.0/24, but it uses 514/UDP (Syslog), not 4118/TCP or UDP"};
    QTest::addRow("wildcard") << "x.cloud.localhost" << d << QStringList{"matches *.cloud.localhost"};
    QTest::addRow("static on 80, expired")
            << "127.0.0.10:80" << QDate(2023, 1, 1)
            << QStringList{"is listed as 127.0.0.10, but it uses 443/TCP (HTTPS), not 80/TCP or UDP (static "
                           "address, expired)"};
    QTest::addRow("transport only") << "udp log.localhost" << d
                                    << QStringList{"is listed as log.localhost, on 514/UDP (Syslog)"};
}

void TestCatalogLookup::explanations()
{
    QFETCH(QString, value);
    QFETCH(QDate, today);
    QFETCH(QStringList, explanations);
    QStringList actual;
    for (const CatalogLookup::Match &m : CatalogLookup(m_test, today).lookup(value))
        actual.append(m.explanation());
    QCOMPARE(actual, explanations);
}

void TestCatalogLookup::answers_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("answer");
    QTest::addRow("matched") << "34.205.5.17"
                             << "";
    QTest::addRow("matched on one of the flows") << "34.205.5.17:4118"
                                                 << "";
    QTest::addRow("right address, wrong port") << "34.205.5.17:22"
                                               << "in 34.205.5.0/27, but no requirement uses 22/TCP or UDP";
    QTest::addRow("right address, wrong port and transport")
            << "34.205.5.17:22/tcp"
            << "in 34.205.5.0/27, but no requirement uses 22/TCP";
    QTest::addRow("443-only static address on 80")
            << "52.0.124.201:80"
            << "in 52.0.124.201, but no requirement uses 80/TCP or UDP";
    QTest::addRow("wrong transport") << "udp 34.205.5.17"
                                     << "";
    QTest::addRow("host over udp") << "udp files.trendmicro.com"
                                   << "in files.trendmicro.com, but no requirement uses UDP";
    QTest::addRow("not listed") << "192.0.2.1:443"
                                << "not in the catalog";
}

void TestCatalogLookup::answers()
{
    QFETCH(QString, value);
    QFETCH(QString, answer);
    const CatalogLookup lookup(m_builtin, QDate(2022, 1, 1));
    const CatalogLookup::Query query = CatalogLookup::parse(value);
    QCOMPARE(CatalogLookup::answer(query, lookup.lookup(query)), answer);
}

QTEST_GUILESS_MAIN(TestCatalogLookup)
#include "tst_cataloglookup.moc"
