// ProxyReply: the one mapping of a proxy's reply for CONNECT and for plain HTTP, as a table.

#include "core/tester/probe/proxyreply.h"

#include <QTest>

class tst_ProxyReply : public QObject
{
    Q_OBJECT

private slots:
    void verdict_data();
    void verdict();
};

void tst_ProxyReply::verdict_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("squidError");
    QTest::addColumn<QString>("connect"); // the verdict through CONNECT; "" when reached
    QTest::addColumn<QString>("plainHttp"); // the verdict for plain HTTP; "" when reached

    QTest::addRow("200") << 200 << QByteArray() << ""
                         << "";
    QTest::addRow("204") << 204 << QByteArray() << ""
                         << "";
    QTest::addRow("407") << 407 << QByteArray() << "proxy-auth-required"
                         << "proxy-auth-required";
    QTest::addRow("407 squid") << 407 << QByteArray("ERR_CACHE_ACCESS_DENIED 0") << "proxy-auth-required"
                               << "proxy-auth-required";
    QTest::addRow("502 plain") << 502 << QByteArray() << "refused"
                               << "refused";
    QTest::addRow("503 plain") << 503 << QByteArray() << "refused"
                               << "refused";
    QTest::addRow("504 plain") << 504 << QByteArray() << "timeout"
                               << "timeout";
    QTest::addRow("dns fail") << 503 << QByteArray("ERR_DNS_FAIL 0") << "dns-failed"
                              << "dns-failed";
    QTest::addRow("connect refused") << 503 << QByteArray("ERR_CONNECT_FAIL 111") << "refused"
                                     << "refused";
    QTest::addRow("connect timed out") << 503 << QByteArray("ERR_CONNECT_FAIL 110") << "timeout"
                                       << "timeout";
    QTest::addRow("host unreachable") << 503 << QByteArray("ERR_CONNECT_FAIL 113") << "filtered"
                                      << "filtered";
    QTest::addRow("read timeout") << 504 << QByteArray("ERR_READ_TIMEOUT 0") << "timeout"
                                  << "timeout";
    QTest::addRow("access denied") << 403 << QByteArray("ERR_ACCESS_DENIED 0") << "proxy-refused"
                                   << "proxy-refused";
    // Without squid's header a 403 through CONNECT is the proxy's; for plain HTTP it may be the
    // destination's answer, which means the destination was reached.
    QTest::addRow("403 plain") << 403 << QByteArray() << "proxy-refused"
                               << "";
    QTest::addRow("302 plain") << 302 << QByteArray() << "proxy-refused"
                               << "";
}

void tst_ProxyReply::verdict()
{
    QFETCH(int, status);
    QFETCH(QByteArray, squidError);
    QFETCH(QString, connect);
    QFETCH(QString, plainHttp);
    const auto name = [](const std::optional<Verdict::Value> &verdict) {
        return verdict ? Verdict::name(*verdict) : QString();
    };
    QCOMPARE(name(ProxyReply::verdict(ProxyReply::Request::Connect, status, squidError)), connect);
    QCOMPARE(name(ProxyReply::verdict(ProxyReply::Request::PlainHttp, status, squidError)), plainHttp);
}

QTEST_GUILESS_MAIN(tst_ProxyReply)
#include "tst_proxyreply.moc"
