#include "catalog/catalogloader.h"
#include "catalog/cataloglookup.h"

#include <QTest>

class TestCatalogLookup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void builtin_data();
    void builtin();
    void parse_data();
    void parse();
    void expiredMarked();
    void explanations();

private:
    Catalog m_builtin;
};

void TestCatalogLookup::initTestCase()
{
    auto result = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    m_builtin = *result.catalog;
}

void TestCatalogLookup::builtin_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expected"); // "entry:reason:pattern", in catalog order
    const QString wild = QStringLiteral("*.workload.us-1.cloudone.trendmicro.com");
    QTest::addRow("exact host") << "files.trendmicro.com"
                                << QStringList{"url-download:ExactHost:files.trendmicro.com"};
    QTest::addRow("exact host, upper case, trailing dot")
            << "FILES.TrendMicro.com." << QStringList{"url-download:ExactHost:files.trendmicro.com"};
    QTest::addRow("wildcard and listed")
            << "agent-044.workload.us-1.cloudone.trendmicro.com"
            << QStringList{"url-heartbeat:WildcardHost:" + wild, "url-api:WildcardHost:" + wild,
                           "url-individual:ExactHost:agent-044.workload.us-1.cloudone.trendmicro.com"};
    QTest::addRow("wildcard only, deeper")
            << "x.y.workload.us-1.cloudone.trendmicro.com"
            << QStringList{"url-heartbeat:WildcardHost:" + wild, "url-api:WildcardHost:" + wild};
    QTest::addRow("apex is not covered by the wildcard")
            << "workload.us-1.cloudone.trendmicro.com"
            << QStringList{"url-individual:ExactHost:workload.us-1.cloudone.trendmicro.com"};
    QTest::addRow("lookalike suffix") << "evilworkload.us-1.cloudone.trendmicro.com" << QStringList{};
    QTest::addRow("cidr") << "34.205.5.17"
                          << QStringList{"ip-in-syslog:InsideSubnet:34.205.5.0/27",
                                         "ip-in-agent:InsideSubnet:34.205.5.0/27",
                                         "ip-in-relay:InsideSubnet:34.205.5.0/27"};
    QTest::addRow("cidr last address") << "34.205.5.31"
                                       << QStringList{"ip-in-syslog:InsideSubnet:34.205.5.0/27",
                                                      "ip-in-agent:InsideSubnet:34.205.5.0/27",
                                                      "ip-in-relay:InsideSubnet:34.205.5.0/27"};
    QTest::addRow("just outside cidr") << "34.205.5.32" << QStringList{};
    QTest::addRow("static list") << "52.0.124.201" << QStringList{"ip-out-gui:ExactAddress:52.0.124.201"};
    QTest::addRow("static list with port")
            << "174.129.163.104:443" << QStringList{"ip-out-update:ExactAddress:174.129.163.104"};
    QTest::addRow("fast heartbeat") << "3.225.117.164"
                                    << QStringList{"ip-out-fast-heartbeat:ExactAddress:3.225.117.164"};
    QTest::addRow("url with path")
            << "https://app.deepsecurity.trendmicro.com/api/computers?expand=none"
            << QStringList{"url-heartbeat:ExactHost:app.deepsecurity.trendmicro.com",
                           "url-api:UrlHost:https://app.deepsecurity.trendmicro.com/webservice/Manager?WSDL",
                           "url-api:Url:https://app.deepsecurity.trendmicro.com/api",
                           "url-api:UrlHost:https://app.deepsecurity.trendmicro.com/rest"};
    QTest::addRow("host with port") << "dsaas.url.trendmicro.com:443"
                                    << QStringList{"url-wrs:ExactHost:dsaas.url.trendmicro.com"};
    QTest::addRow("no match host") << "example.com" << QStringList{};
    QTest::addRow("no match address") << "192.0.2.1" << QStringList{};
}

void TestCatalogLookup::builtin()
{
    QFETCH(QString, value);
    QFETCH(QStringList, expected);
    const CatalogLookup lookup(m_builtin, QDate(2022, 1, 1));
    QStringList actual;
    for (const CatalogLookup::Match &m : lookup.lookup(value)) {
        static const char *names[] = {"ExactHost", "WildcardHost", "UrlHost",
                                      "Url",       "ExactAddress", "InsideSubnet"};
        actual.append(QStringLiteral("%1:%2:%3")
                              .arg(m_builtin.entries.at(m.entry).id, QLatin1String(names[int(m.reason)]),
                                   m.pattern));
        QCOMPARE(m_builtin.entries.at(m.entry).endpoints.at(m.endpoint).value, m.pattern);
    }
    QCOMPARE(actual, expected);
}

void TestCatalogLookup::parse_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("host");
    using K = CatalogLookup::Query::Kind;
    QTest::addRow("ipv4") << "34.205.5.1" << int(K::Address) << "";
    QTest::addRow("ipv6 bracketed with port") << "[2001:db8::1]:443" << int(K::Address) << "";
    QTest::addRow("ipv6") << "2001:db8::1" << int(K::Address) << "";
    QTest::addRow("url with address") << "https://52.0.124.201/x" << int(K::Address) << "";
    QTest::addRow("host") << "  Example.COM  " << int(K::Host) << "example.com";
    QTest::addRow("url") << "http://files.trendmicro.com:80/a" << int(K::Url) << "files.trendmicro.com";
    QTest::addRow("empty") << "" << int(K::Invalid) << "";
    QTest::addRow("shell injection") << "$(reboot)" << int(K::Invalid) << "";
    QTest::addRow("newline") << "a.com\nb.com" << int(K::Invalid) << "";
    QTest::addRow("spaces inside") << "a b.com" << int(K::Invalid) << "";
    QTest::addRow("bad url") << "https://" << int(K::Invalid) << "";
    QTest::addRow("untranslated host")
            << QStringLiteral("ゲートウェイ-control.workload.us-1.cloudone.trendmicro.com") << int(K::Invalid)
            << "";
}

void TestCatalogLookup::parse()
{
    QFETCH(QString, value);
    QFETCH(int, kind);
    QFETCH(QString, host);
    const CatalogLookup::Query q = CatalogLookup::parse(value);
    QCOMPARE(int(q.kind), kind);
    QCOMPARE(q.host, host);
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
}

void TestCatalogLookup::explanations()
{
    const CatalogLookup lookup(m_builtin, QDate(2022, 1, 1));
    QCOMPARE(lookup.lookup(QStringLiteral("34.205.5.9")).first().explanation(),
             QStringLiteral("inside 34.205.5.0/27"));
    QCOMPARE(lookup.lookup(QStringLiteral("agent-001.workload.us-1.cloudone.trendmicro.com"))
                     .first()
                     .explanation(),
             QStringLiteral("matches *.workload.us-1.cloudone.trendmicro.com"));
}

QTEST_GUILESS_MAIN(TestCatalogLookup)
#include "tst_cataloglookup.moc"
