#include "core/tester/probe/httpresponse.h"

#include <QTest>

// HttpResponse: the status line and header fields EndpointCheck reads from a server or a proxy.
class tst_HttpResponse : public QObject
{
    Q_OBJECT

private slots:
    void status_data();
    void status();
    void headerValue_data();
    void headerValue();
};

void tst_HttpResponse::status_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("status");
    QTest::addRow("ok") << QByteArray("HTTP/1.1 200 OK\r\nServer: x") << 200;
    QTest::addRow("1.0") << QByteArray("HTTP/1.0 407 Proxy Authentication Required") << 407;
    QTest::addRow("no reason") << QByteArray("HTTP/1.1 204") << 204;
    QTest::addRow("lf only") << QByteArray("HTTP/1.1 301 Moved\nLocation: x") << 301;
    QTest::addRow("empty") << QByteArray() << 0;
    QTest::addRow("http/2") << QByteArray("HTTP/2 200") << 0;
    QTest::addRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2") << 0;
    QTest::addRow("two digits") << QByteArray("HTTP/1.1 20 OK") << 0;
    QTest::addRow("four digits") << QByteArray("HTTP/1.1 2000 OK") << 0;
    QTest::addRow("below 100") << QByteArray("HTTP/1.1 099 x") << 0;
    QTest::addRow("above 599") << QByteArray("HTTP/1.1 600 x") << 0;
    QTest::addRow("sign") << QByteArray("HTTP/1.1 +20 x") << 0;
    QTest::addRow("nul") << QByteArray("HTTP/1.1 2\0000 x", sizeof("HTTP/1.1 2\0000 x") - 1) << 0;
    QTest::addRow("status on line 2") << QByteArray("hello\r\nHTTP/1.1 200 OK") << 0;
}

void tst_HttpResponse::status()
{
    QFETCH(QByteArray, header);
    QFETCH(int, status);
    QCOMPARE(HttpResponse::status(header), status);
}

void tst_HttpResponse::headerValue_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addRow("squid") << QByteArray("HTTP/1.1 503 x\r\nX-Squid-Error: ERR_DNS_FAIL 0\r\nVia: y")
                           << QByteArray("ERR_DNS_FAIL 0");
    QTest::addRow("case and spaces") << QByteArray("HTTP/1.1 503 x\r\n x-squid-error :ERR_CONNECT_FAIL 110 ")
                                     << QByteArray("ERR_CONNECT_FAIL 110");
    QTest::addRow("first wins") << QByteArray("HTTP/1.1 503 x\nX-Squid-Error: a\nX-Squid-Error: b")
                                << QByteArray("a");
    QTest::addRow("absent") << QByteArray("HTTP/1.1 200 OK\r\nServer: x") << QByteArray();
    QTest::addRow("no colon") << QByteArray("HTTP/1.1 200 OK\r\nX-Squid-Error") << QByteArray();
    QTest::addRow("empty name") << QByteArray("HTTP/1.1 200 OK\r\n: X-Squid-Error") << QByteArray();
    QTest::addRow("empty") << QByteArray() << QByteArray();
}

void tst_HttpResponse::headerValue()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QCOMPARE(HttpResponse::headerValue(header, "X-Squid-Error"), value);
}

QTEST_GUILESS_MAIN(tst_HttpResponse)
#include "tst_httpresponse.moc"
