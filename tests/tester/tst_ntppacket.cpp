// NtpPacket against crafted server replies: zero timestamps (once reported as an offset of
// -4,005,209,408,502 ms), kiss-o'-death, unsynchronised servers, unknown versions, a reply
// sent before the request arrived; and an NTP check against a server on 127.0.0.1 that sends
// such a reply.

#include "core/tester/connectivitytester.h"
#include "core/tester/ntppacket.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>
#include <QtEndian>

namespace {

QByteArray craft(const QByteArray &request, int leap, int version, int mode, int stratum, quint64 receive,
                 quint64 transmit, const QByteArray &referenceId = QByteArray("GPS\0", 4))
{
    QByteArray data(NtpPacket::Size, '\0');
    data[0] = char((leap << 6) | (version << 3) | mode);
    data[1] = char(stratum);
    data.replace(12, 4, referenceId.left(4));
    data.replace(24, 8, request.mid(40, 8)); // originate: our transmit timestamp
    qToBigEndian<quint64>(receive, data.data() + 32);
    qToBigEndian<quint64>(transmit, data.data() + 40);
    return data;
}

} // namespace

class tst_NtpPacket : public QObject
{
    Q_OBJECT

private slots:
    void replies_data();
    void replies();
    void eras();
    void checkRejectsZeroTimestamps();
};

void tst_NtpPacket::replies_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("error"); // empty: not a reply to the request at all

    const qint64 t1 = 1'700'000'000'000;
    const QByteArray request = NtpPacket::request(t1);
    const quint64 t2 = NtpPacket::toNtp(t1 + 5);
    const quint64 t3 = NtpPacket::toNtp(t1 + 6);

    QTest::addRow("valid") << craft(request, 0, 4, 4, 2, t2, t3) << request << true << "";
    QTest::addRow("valid, version 3") << craft(request, 0, 3, 4, 1, t2, t3) << request << true << "";
    QTest::addRow("valid, leap second announced")
            << craft(request, 1, 4, 4, 2, t2, t3) << request << true << "";
    QTest::addRow("same receive and transmit") << craft(request, 0, 4, 4, 2, t2, t2) << request << true << "";
    QTest::addRow("zero timestamps") << craft(request, 0, 4, 4, 2, 0, 0) << request << false << "zero";
    QTest::addRow("zero receive") << craft(request, 0, 4, 4, 2, 0, t3) << request << false << "zero";
    QTest::addRow("zero transmit") << craft(request, 0, 4, 4, 2, t2, 0) << request << false << "zero";
    QTest::addRow("kiss-o'-death") << craft(request, 0, 4, 4, 0, t2, t3, "RATE") << request << false
                                   << "RATE";
    QTest::addRow("kiss-o'-death, zero timestamps")
            << craft(request, 3, 4, 4, 0, 0, 0, "DENY") << request << false << "DENY";
    QTest::addRow("leap indicator 3")
            << craft(request, 3, 4, 4, 2, t2, t3) << request << false << "not synchronised";
    QTest::addRow("stratum 16") << craft(request, 0, 4, 4, 16, t2, t3) << request << false
                                << "not synchronised";
    QTest::addRow("stratum 255") << craft(request, 0, 4, 4, 255, t2, t3) << request << false
                                 << "not synchronised";
    QTest::addRow("version 0") << craft(request, 0, 0, 4, 2, t2, t3) << request << false << "version";
    QTest::addRow("version 7") << craft(request, 0, 7, 4, 2, t2, t3) << request << false << "version";
    QTest::addRow("sent before received")
            << craft(request, 0, 4, 4, 2, t3, t2) << request << false << "before";
    QTest::addRow("client mode") << craft(request, 0, 4, 3, 2, t2, t3) << request << false << "";
    QTest::addRow("broadcast mode") << craft(request, 0, 4, 5, 2, t2, t3) << request << false << "";
    QTest::addRow("another request") << craft(NtpPacket::request(t1 + 1), 0, 4, 4, 2, t2, t3) << request
                                     << false << "";
    QTest::addRow("short") << craft(request, 0, 4, 4, 2, t2, t3).left(47) << request << false << "";
    QTest::addRow("empty") << QByteArray() << request << false << "";
}

void tst_NtpPacket::replies()
{
    QFETCH(QByteArray, datagram);
    QFETCH(QByteArray, request);
    QFETCH(bool, valid);
    QFETCH(QString, error);
    QString reason;
    const auto reply = NtpPacket::parseReply(datagram, request, &reason);
    QCOMPARE(reply.has_value(), valid);
    if (valid) {
        QVERIFY(reason.isEmpty());
        // A usable reply gives a sane offset: the server clock is 5 to 6 ms ahead here.
        const double offset = NtpPacket::offsetMs(1'700'000'000'000, *reply, 1'700'000'000'001);
        QVERIFY2(qAbs(offset) < 10, qPrintable(QString::number(offset)));
    } else if (error.isEmpty()) {
        QVERIFY2(reason.isEmpty(), qPrintable(reason));
    } else {
        QVERIFY2(reason.contains(error), qPrintable(reason));
    }
    // Without the error pointer the answer is the same.
    QCOMPARE(NtpPacket::parseReply(datagram, request).has_value(), valid);
}

void tst_NtpPacket::eras()
{
    // Timestamps round-trip now and after the NTP era rolls over in 2036 (RFC 4330 section 3).
    for (const QDateTime &time : {QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC),
                                  QDateTime(QDate(2036, 2, 7), QTime(6, 28, 15), Qt::UTC),
                                  QDateTime(QDate(2036, 2, 7), QTime(6, 28, 17), Qt::UTC),
                                  QDateTime(QDate(2040, 1, 1), QTime(0, 0), Qt::UTC)}) {
        const qint64 ms = time.toMSecsSinceEpoch() + 250;
        QCOMPARE(NtpPacket::fromNtp(NtpPacket::toNtp(ms)), ms);
    }
}

void tst_NtpPacket::checkRejectsZeroTimestamps()
{
    // A server that answers every request with zero receive and transmit timestamps.
    QUdpSocket server;
    QVERIFY(server.bind(QHostAddress::LocalHost, 0));
    int replies = 0;
    connect(&server, &QUdpSocket::readyRead, this, [&server, &replies] {
        while (server.hasPendingDatagrams()) {
            QHostAddress sender;
            quint16 senderPort = 0;
            QByteArray request(int(server.pendingDatagramSize()), '\0');
            server.readDatagram(request.data(), request.size(), &sender, &senderPort);
            server.writeDatagram(craft(request, 0, 4, 4, 2, 0, 0), sender, senderPort);
            ++replies;
        }
    });
    CheckTarget target;
    target.flows = {{QStringLiteral("ntp"), -1}};
    target.kind = CheckTarget::Kind::Ntp;
    target.host = QStringLiteral("127.0.0.1");
    target.port = server.localPort();
    target.transport = Transport::Udp;
    target.endpoint = QStringLiteral("127.0.0.1:%1").arg(target.port);
    TestPlan plan;
    plan.roles = {QStringLiteral("agent")};
    plan.targets = {target};
    TesterOptions options;
    options.allowOnlyLoopback = true;
    options.stageTimeoutMs = 500;
    ConnectivityTester tester;
    tester.setOptions(options);
    QSignalSpy finished(&tester, &ConnectivityTester::finished);
    tester.start(plan);
    QVERIFY(finished.wait(10000));
    const CheckResult result = tester.results().value(0);
    QCOMPARE(replies, 1);
    QCOMPARE(Verdict::name(result.verdict), QStringLiteral("timeout"));
    QVERIFY2(result.reason.contains(QLatin1String("zero")), qPrintable(result.reason));
    QCOMPARE(result.ntpOffsetMs, 0.0);
    QCOMPARE(result.stage(QStringLiteral("ntp"))->status, CheckStage::Status::Failed);
}

QTEST_GUILESS_MAIN(tst_NtpPacket)
#include "tst_ntppacket.moc"
