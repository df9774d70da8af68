#include "catalog/catalogloader.h"

#include <QRegularExpression>
#include <QTest>

// The built-in catalog against the vendor page (shared/seeds): every table, sampled values,
// the corrected host names, the address groups and the validity rule.
class TestCatalogData : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tableSizes_data();
    void tableSizes();
    void ports_data();
    void ports();
    void hosts_data();
    void hosts();
    void individualHostList();
    void translationArtifactsFixed();
    void apiUrls();
    void addressGroups_data();
    void addressGroups();
    void inboundSubnet();
    void smartProtectionNetworkHasNoStaticAddress();
    void validity();
    void customerSideComponents();
    void configurablePorts();

private:
    QStringList endpointValues(const QString &entryId) const;
    Catalog m_catalog;
};

void TestCatalogData::initTestCase()
{
    const auto result = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    m_catalog = *result.catalog;
}

QStringList TestCatalogData::endpointValues(const QString &entryId) const
{
    QStringList values;
    const Entry *e = m_catalog.entry(entryId);
    if (e) {
        for (const Endpoint &ep : e->endpoints)
            values.append(ep.value);
    }
    return values;
}

void TestCatalogData::tableSizes_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("section");
    QTest::addColumn<int>("entries");
    QTest::addRow("agent inbound") << "ports.agent-inbound"
                                   << "ports" << 1;
    QTest::addRow("agent outbound") << "ports.agent-outbound"
                                    << "ports" << 8;
    QTest::addRow("relay inbound") << "ports.relay-inbound"
                                   << "ports" << 3;
    QTest::addRow("relay outbound") << "ports.relay-outbound"
                                    << "ports" << 2;
    QTest::addRow("workload security") << "ports.workload-security"
                                       << "ports" << 3;
    QTest::addRow("dcg internet") << "ports.dcg-internet"
                                  << "ports" << 2;
    QTest::addRow("dcg intranet") << "ports.dcg-intranet"
                                  << "ports" << 1;
    QTest::addRow("urls") << "urls.services"
                          << "urls" << 16;
    QTest::addRow("individual urls") << "urls.individual"
                                     << "urls" << 1;
    QTest::addRow("inbound ips") << "ips.inbound"
                                 << "ips" << 3;
    QTest::addRow("outbound ips") << "ips.outbound"
                                  << "ips" << 5;
}

void TestCatalogData::tableSizes()
{
    QFETCH(QString, table);
    QFETCH(QString, section);
    QFETCH(int, entries);
    const CatalogTable *t = m_catalog.table(table);
    QVERIFY(t);
    QCOMPARE(t->section, section);
    const int n = int(std::count_if(m_catalog.entries.cbegin(), m_catalog.entries.cend(),
                                    [&](const Entry &e) { return e.table == table; }));
    QCOMPARE(n, entries);
}

void TestCatalogData::ports_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QString>("ports");
    QTest::addColumn<QString>("requirement");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<QString>("destination");
    QTest::addRow("agent 4118") << "agent-in-4118"
                                << "4118/tcp/HTTPS"
                                << "optional"
                                << "inbound"
                                << "agent";
    QTest::addRow("dns tcp or udp") << "agent-out-dns"
                                    << "53/tcp/DNS 53/udp/DNS"
                                    << "required"
                                    << "outbound"
                                    << "dns-server";
    QTest::addRow("web spn") << "agent-out-web-spn"
                             << "80/tcp/HTTP 443/tcp/HTTPS"
                             << "required"
                             << "outbound"
                             << "spn";
    QTest::addRow("web sps") << "agent-out-web-sps"
                             << "80/tcp/HTTP 443/tcp/HTTPS"
                             << "required"
                             << "outbound"
                             << "sps";
    QTest::addRow("web ws") << "agent-out-web-ws"
                            << "80/tcp/HTTP 443/tcp/HTTPS"
                            << "required"
                            << "outbound"
                            << "workload-security";
    QTest::addRow("ntp") << "agent-out-ntp"
                         << "123/udp/NTP"
                         << "required"
                         << "outbound"
                         << "ntp-server";
    QTest::addRow("syslog") << "agent-out-syslog"
                            << "514/udp/Syslog"
                            << "optional"
                            << "outbound"
                            << "siem";
    QTest::addRow("sps web reputation") << "agent-out-sps-wrs"
                                        << "5274/tcp/HTTP 5275/tcp/HTTPS"
                                        << "optional"
                                        << "outbound"
                                        << "sps";
    QTest::addRow("agent to relay") << "agent-out-relay"
                                    << "4122/tcp/HTTPS"
                                    << "optional"
                                    << "outbound"
                                    << "relay";
    QTest::addRow("relay 4118") << "relay-in-4118"
                                << "4118/tcp/HTTPS"
                                << "optional"
                                << "inbound"
                                << "relay";
    QTest::addRow("relay 4122") << "relay-in-4122"
                                << "4122/tcp/HTTPS"
                                << "conditional"
                                << "inbound"
                                << "relay";
    QTest::addRow("relay 4123") << "relay-in-4123"
                                << "4123/tcp/Relay"
                                << "conditional"
                                << "local"
                                << "relay";
    QTest::addRow("relay updates") << "relay-out-update"
                                   << "80/tcp/HTTP 443/tcp/HTTPS"
                                   << "conditional"
                                   << "outbound"
                                   << "update-servers";
    QTest::addRow("relay to relay") << "relay-out-4122"
                                    << "4122/tcp/HTTPS"
                                    << "conditional"
                                    << "outbound"
                                    << "relay";
    QTest::addRow("ws syslog") << "ws-out-syslog"
                               << "514/udp/Syslog"
                               << "optional"
                               << "outbound"
                               << "siem";
    QTest::addRow("ws 4118") << "ws-out-4118"
                             << "4118/tcp/HTTPS"
                             << "optional"
                             << "outbound"
                             << "agent";
    QTest::addRow("ws 4122") << "ws-out-4122"
                             << "4122/tcp/HTTPS"
                             << "optional"
                             << "outbound"
                             << "relay";
    QTest::addRow("dcg dns") << "dcg-out-dns"
                             << "53/udp/DNS 53/tcp/DNS"
                             << "conditional"
                             << "outbound"
                             << "dns-server";
    QTest::addRow("dcg ws") << "dcg-out-ws"
                            << "443/tcp/TLS"
                            << "conditional"
                            << "outbound"
                            << "workload-security";
    QTest::addRow("dcg vcenter") << "dcg-out-vcenter"
                                 << "443/tcp/TLS"
                                 << "conditional"
                                 << "outbound"
                                 << "vcenter";
    QTest::addRow("ip syslog") << "ip-in-syslog"
                               << "514/udp/Syslog"
                               << "conditional"
                               << "inbound"
                               << "siem";
    QTest::addRow("ip agent") << "ip-in-agent"
                              << "4118/tcp/HTTPS"
                              << "conditional"
                              << "inbound"
                              << "agent";
    QTest::addRow("ip relay") << "ip-in-relay"
                              << "4122/tcp/HTTPS"
                              << "conditional"
                              << "inbound"
                              << "relay";
}

void TestCatalogData::ports()
{
    QFETCH(QString, entry);
    QFETCH(QString, ports);
    QFETCH(QString, requirement);
    QFETCH(QString, direction);
    QFETCH(QString, destination);
    const Entry *e = m_catalog.entry(entry);
    QVERIFY(e);
    QStringList actual;
    for (const PortSpec &p : e->ports)
        actual.append(QStringLiteral("%1/%2/%3").arg(p.port).arg(p.transport, p.protocol));
    QCOMPARE(actual.join(QLatin1Char(' ')), ports);
    QCOMPARE(e->requirement, requirement);
    QCOMPARE(e->direction, direction);
    QCOMPARE(e->destination, destination);
}

void TestCatalogData::hosts_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<QStringList>("hosts");
    QTest::addColumn<QString>("requirement");
    QTest::addRow("heartbeat") << "url-heartbeat"
                               << QStringList{"app.deepsecurity.trendmicro.com",
                                              "agents.deepsecurity.trendmicro.com",
                                              "dsmim.deepsecurity.trendmicro.com",
                                              "relay.deepsecurity.trendmicro.com",
                                              "*.workload.us-1.cloudone.trendmicro.com"}
                               << "required";
    QTest::addRow("download") << "url-download" << QStringList{"files.trendmicro.com"} << "required";
    QTest::addRow("census") << "url-census" << QStringList{"dsaas1100-en-census.trendmicro.com"}
                            << "required";
    QTest::addRow("gfr") << "url-gfr" << QStringList{"deepsecaas11-en.gfrbridge.trendmicro.com"}
                         << "required";
    QTest::addRow("feedback 20") << "url-feedback-20"
                                 << QStringList{"ds200-en.fbs25.trendmicro.com",
                                                "ds200-jp.fbs25.trendmicro.com"}
                                 << "conditional";
    QTest::addRow("feedback 12") << "url-feedback-12"
                                 << QStringList{"ds120-en.fbs25.trendmicro.com",
                                                "ds120-jp.fbs25.trendmicro.com"}
                                 << "conditional";
    QTest::addRow("feedback 11") << "url-feedback-11"
                                 << QStringList{"deepsecurity1100-en.fbs25.trendmicro.com",
                                                "deepsecurity1100-jp.fbs25.trendmicro.com"}
                                 << "conditional";
    QTest::addRow("feedback 10") << "url-feedback-10"
                                 << QStringList{"deepsecurity1000-en.fbs20.trendmicro.com",
                                                "deepsecurity1000-jp.fbs20.trendmicro.com",
                                                "deepsecurity1000-sc.fbs20.trendmicro.com"}
                                 << "conditional";
    QTest::addRow("smart scan") << "url-smart-scan" << QStringList{"dsaas.icrc.trendmicro.com"} << "required";
    QTest::addRow("machine learning")
            << "url-ml" << QStringList{"dsaas-en-f.trx.trendmicro.com", "dsaas-en-b.trx.trendmicro.com"}
            << "required";
    QTest::addRow("web reputation") << "url-wrs" << QStringList{"dsaas.url.trendmicro.com"} << "required";
    QTest::addRow("xdr event channel") << "url-xdr"
                                       << QStringList{"ak5ih4ev105f2-ats.iot.us-east-1.amazonaws.com",
                                                      "azrb5zzyvrkw6-ats.iot.us-east-1.amazonaws.com"}
                                       << "required";
    QTest::addRow("update servers") << "url-update"
                                    << QStringList{"iaus.activeupdate.trendmicro.com", "iaus.trendmicro.com",
                                                   "ipv6-iaus.trendmicro.com",
                                                   "ipv6-iaus.activeupdate.trendmicro.com"}
                                    << "required";
    QTest::addRow("gateway control") << "url-dcg-control"
                                     << QStringList{"gateway-control.workload.us-1.cloudone.trendmicro.com"}
                                     << "conditional";
    QTest::addRow("gateway data") << "url-dcg-data"
                                  << QStringList{"gateway.workload.us-1.cloudone.trendmicro.com"}
                                  << "conditional";
}

void TestCatalogData::hosts()
{
    QFETCH(QString, entry);
    QFETCH(QStringList, hosts);
    QFETCH(QString, requirement);
    QCOMPARE(endpointValues(entry), hosts);
    QCOMPARE(m_catalog.entry(entry)->requirement, requirement);
}

void TestCatalogData::individualHostList()
{
    const QStringList hosts = endpointValues(QStringLiteral("url-individual"));
    QCOMPARE(hosts.size(), 71);
    const QString suffix = QStringLiteral(".workload.us-1.cloudone.trendmicro.com");
    QCOMPARE(hosts.mid(0, 4),
             (QStringList{QStringLiteral("workload.us-1.cloudone.trendmicro.com"),
                          QStringLiteral("gateway") + suffix, QStringLiteral("ingress") + suffix,
                          QStringLiteral("xdr-resp-gw") + suffix}));
    for (int i = 1; i <= 67; ++i)
        QCOMPARE(hosts.at(3 + i), QStringLiteral("agent-%1").arg(i, 3, 10, QLatin1Char('0')) + suffix);
    const Entry *e = m_catalog.entry(QStringLiteral("url-individual"));
    QCOMPARE(e->requirement, QStringLiteral("conditional"));
    QVERIFY(e->condition.en.contains(QStringLiteral("20.0.0-1540")));
    QVERIFY(e->condition.ja.contains(QStringLiteral("20.0.0-1540")));
    QVERIFY(e->condition.en.contains(QStringLiteral("*.workload.us-1.cloudone.trendmicro.com")));
}

void TestCatalogData::translationArtifactsFixed()
{
    static const QRegularExpression ascii(QStringLiteral("^[\\x21-\\x7e]+$"));
    int endpoints = 0;
    for (const Entry &e : std::as_const(m_catalog.entries)) {
        for (const Endpoint &ep : e.endpoints) {
            QVERIFY2(ascii.match(ep.value).hasMatch(), qPrintable(ep.value));
            ++endpoints;
        }
    }
    QCOMPARE(endpoints, 213);
}

void TestCatalogData::apiUrls()
{
    QCOMPARE(endpointValues(QStringLiteral("url-api")),
             (QStringList{QStringLiteral("https://app.deepsecurity.trendmicro.com/webservice/Manager?WSDL"),
                          QStringLiteral("https://app.deepsecurity.trendmicro.com/api"),
                          QStringLiteral("https://app.deepsecurity.trendmicro.com/rest"),
                          QStringLiteral("*.workload.us-1.cloudone.trendmicro.com")}));
    QCOMPARE(m_catalog.entry(QStringLiteral("url-api"))->sources, QStringList{QStringLiteral("api-client")});
}

void TestCatalogData::addressGroups_data()
{
    QTest::addColumn<QString>("entry");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QStringList>("sources");
    QTest::addRow("gui") << "ip-out-gui" << 24 << "34.196.38.94"
                         << "54.80.120.113" << QStringList{"agent", "admin"};
    QTest::addRow("update") << "ip-out-update" << 37 << "3.210.17.243"
                            << "174.129.163.104" << QStringList{"agent", "relay"};
    QTest::addRow("heartbeat") << "ip-out-heartbeat" << 12 << "34.192.67.219"
                               << "54.86.2.200" << QStringList{"agent"};
    QTest::addRow("fast heartbeat") << "ip-out-fast-heartbeat" << 33 << "34.192.145.157"
                                    << "54.165.185.17" << QStringList{"agent"};
}

void TestCatalogData::addressGroups()
{
    QFETCH(QString, entry);
    QFETCH(int, count);
    QFETCH(QString, first);
    QFETCH(QString, last);
    QFETCH(QStringList, sources);
    const Entry *e = m_catalog.entry(entry);
    QVERIFY(e);
    const QStringList addresses = endpointValues(entry);
    QCOMPARE(addresses.size(), count);
    QCOMPARE(QSet<QString>(addresses.cbegin(), addresses.cend()).size(), count);
    QCOMPARE(addresses.first(), first);
    QCOMPARE(addresses.last(), last);
    for (const Endpoint &ep : e->endpoints)
        QCOMPARE(ep.kind, Endpoint::Kind::Address);
    QCOMPARE(e->sources, sources);
    QCOMPARE(e->validity, QStringLiteral("legacy-static-ips"));
    QCOMPARE(e->ports.size(), 1);
    QCOMPARE(e->ports.first().port, 443);
    QVERIFY(m_catalog.isExpired(*e, QDate(2026, 11, 30)));
    QVERIFY(!m_catalog.isExpired(*e, QDate(2022, 12, 31)));
}

void TestCatalogData::inboundSubnet()
{
    for (const char *id : {"ip-in-syslog", "ip-in-agent", "ip-in-relay"}) {
        const Entry *e = m_catalog.entry(QString::fromLatin1(id));
        QVERIFY(e);
        QCOMPARE(e->endpoints.size(), 1);
        QCOMPARE(e->endpoints.first().kind, Endpoint::Kind::Cidr);
        QCOMPARE(e->endpoints.first().value, QStringLiteral("34.205.5.0/27"));
        QCOMPARE(e->sources, QStringList{QStringLiteral("workload-security")});
        QVERIFY(e->validity.isEmpty()); // the inbound subnet has no expiry on the page
        QVERIFY(!e->condition.isEmpty());
    }
}

void TestCatalogData::smartProtectionNetworkHasNoStaticAddress()
{
    const Entry *e = m_catalog.entry(QStringLiteral("ip-out-spn"));
    QVERIFY(e);
    QVERIFY(e->endpoints.isEmpty());
    QVERIFY(e->notes.en.contains(QStringLiteral("Smart Protection Server")));
    QVERIFY(e->notes.ja.contains(QStringLiteral("Smart Protection Server")));
}

void TestCatalogData::validity()
{
    QCOMPARE(m_catalog.validityRules.size(), 1);
    const ValidityRule &rule = m_catalog.validityRules.first();
    QCOMPARE(rule.accountsCreatedBefore, QDate(2020, 11, 23));
    QCOMPARE(rule.validUntil, QDate(2022, 12, 31));
    QVERIFY(rule.isExpired(QDate(2023, 1, 1)));
    QVERIFY(!rule.isExpired(QDate(2022, 12, 31)));
    QVERIFY(!rule.howToCheck.isEmpty());
}

void TestCatalogData::customerSideComponents()
{
    for (const char *id : {"dns-server", "ntp-server", "siem", "sps", "relay", "vcenter"}) {
        const Component *c = m_catalog.component(QString::fromLatin1(id));
        QVERIFY2(c, id);
        QVERIFY2(c->isCustomerSide, id);
        QVERIFY2(!c->siteKey.isEmpty(), id);
    }
    for (const char *id : {"workload-security", "spn", "update-servers", "xdr-event-channel"})
        QVERIFY2(!m_catalog.component(QString::fromLatin1(id))->isCustomerSide, id);
    QStringList roles;
    for (const Component &c : std::as_const(m_catalog.components)) {
        if (c.isRole)
            roles.append(c.id);
    }
    QCOMPARE(roles, (QStringList{"agent", "relay", "dcg", "admin", "api-client", "workload-security"}));
}

void TestCatalogData::configurablePorts()
{
    QVERIFY(!m_catalog.entry(QStringLiteral("agent-out-syslog"))->configurable.isEmpty());
    QVERIFY(!m_catalog.entry(QStringLiteral("ws-out-syslog"))->configurable.isEmpty());
    QVERIFY(!m_catalog.entry(QStringLiteral("dcg-out-vcenter"))->configurable.isEmpty());
    QVERIFY(m_catalog.entry(QStringLiteral("relay-in-4123"))->notes.en.contains(QStringLiteral("iptables")));
    QCOMPARE(m_catalog.notes.size(), 6);
}

QTEST_GUILESS_MAIN(TestCatalogData)
#include "tst_catalogdata.moc"
