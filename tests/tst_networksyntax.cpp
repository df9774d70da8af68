#include "core/catalog/networksyntax.h"

#include <QTest>

class TestNetworkSyntax : public QObject
{
    Q_OBJECT

private slots:
    void hostNames_data();
    void hostNames();
    void addresses_data();
    void addresses();
    void cidrs_data();
    void cidrs();
    void controlCharacters();
};

void TestNetworkSyntax::hostNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("wildcard");
    QTest::addColumn<bool>("valid");
    QTest::addRow("simple") << "files.trendmicro.com" << false << true;
    QTest::addRow("digits and hyphens") << "agent-001.workload.us-1.cloudone.trendmicro.com" << false << true;
    QTest::addRow("single label") << "localhost" << false << true;
    QTest::addRow("wildcard allowed") << "*.workload.us-1.cloudone.trendmicro.com" << true << true;
    QTest::addRow("wildcard not allowed") << "*.workload.us-1.cloudone.trendmicro.com" << false << false;
    QTest::addRow("inner wildcard") << "a.*.example.com" << true << false;
    QTest::addRow("bare star") << "*" << true << false;
    QTest::addRow("leading hyphen") << "-bad.example.com" << false << false;
    QTest::addRow("trailing hyphen") << "bad-.example.com" << false << false;
    QTest::addRow("empty label") << "a..b" << false << false;
    QTest::addRow("underscore") << "a_b.example.com" << false << false;
    QTest::addRow("space") << "a b.example.com" << false << false;
    QTest::addRow("japanese") << QStringLiteral("ゲートウェイ-control.example.com") << false << false;
    QTest::addRow("63 chars") << QString(63, QLatin1Char('a')) + ".com" << false << true;
    QTest::addRow("64 chars") << QString(64, QLatin1Char('a')) + ".com" << false << false;
    QTest::addRow("too long") << (QString(60, QLatin1Char('a')) + ".").repeated(5) + "com" << false << false;
    QTest::addRow("all numeric") << "1.2.3.4" << false << false;
    QTest::addRow("shell") << "$(reboot).example.com" << false << false;
    QTest::addRow("empty") << "" << false << false;
}

void TestNetworkSyntax::hostNames()
{
    QFETCH(QString, name);
    QFETCH(bool, wildcard);
    QFETCH(bool, valid);
    QCOMPARE(NetworkSyntax::isValidHostName(name, wildcard), valid);
}

void TestNetworkSyntax::addresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addRow("ipv4") << "34.196.38.94" << true;
    QTest::addRow("loopback") << "127.0.0.1" << true;
    QTest::addRow("ipv6") << "2001:db8::1" << true;
    QTest::addRow("ipv6 loopback") << "::1" << true;
    QTest::addRow("shorthand") << "1.2.3" << false;
    QTest::addRow("octet too big") << "1.2.3.256" << false;
    QTest::addRow("leading zero") << "01.2.3.4" << false;
    QTest::addRow("trailing dot") << "1.2.3.4." << false;
    QTest::addRow("scope id") << "fe80::1%eth0" << false;
    QTest::addRow("bad ipv6") << "2001:db8:::1" << false;
    QTest::addRow("host") << "example.com" << false;
}

void TestNetworkSyntax::addresses()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QCOMPARE(NetworkSyntax::parseAddress(text).has_value(), valid);
}

void TestNetworkSyntax::cidrs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("prefix");
    QTest::addRow("workload subnet") << "34.205.5.0/27" << true << 27;
    QTest::addRow("host route") << "127.0.0.1/32" << true << 32;
    QTest::addRow("ipv6") << "2001:db8::/32" << true << 32;
    QTest::addRow("host bits set") << "34.205.5.1/27" << false << 0;
    QTest::addRow("prefix too long") << "10.0.0.0/33" << false << 0;
    QTest::addRow("no prefix") << "10.0.0.0" << false << 0;
    QTest::addRow("negative") << "10.0.0.0/-1" << false << 0;
    QTest::addRow("text prefix") << "10.0.0.0/ab" << false << 0;
}

void TestNetworkSyntax::cidrs()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, prefix);
    const auto cidr = NetworkSyntax::parseCidr(text);
    QCOMPARE(cidr.has_value(), valid);
    if (valid)
        QCOMPARE(cidr->second, prefix);
}

void TestNetworkSyntax::controlCharacters()
{
    QVERIFY(NetworkSyntax::hasControlCharacters(QStringLiteral("a\nb")));
    QVERIFY(NetworkSyntax::hasControlCharacters(QStringLiteral("a\x7f")));
    QVERIFY(!NetworkSyntax::hasControlCharacters(QStringLiteral("ポート番号 $(x) `y` \"z\"")));
}

QTEST_GUILESS_MAIN(TestNetworkSyntax)
#include "tst_networksyntax.moc"
