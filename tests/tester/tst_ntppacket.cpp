// NtpPacket against crafted server replies: zero timestamps (once reported as an offset of
// -4,005,209,408,502 ms), kiss-o'-death, unsynchronised servers, unknown versions, a reply
// sent before the request arrived; and an NTP check against a server on 127.0.0.1 that sends
// such a reply.

#include "core/tester/probe/ntppacket.h"
#include "core/tester/session/connectivitytester.h"
#include "tests/tester/testservers.h"

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
    void checkUnsynchronised_data();
    void checkUnsynchronised();
    void chronydWithoutSource();
    void offsetWarning();
};

void tst_NtpPacket::replies_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("error"); // empty: a reply to another request
    QTest::addColumn<int>("rejection"); // NtpPacket::Rejection

    const qint64 t1 = 1'700'000'000'000;
    const QByteArray request = NtpPacket::request(t1);
    const quint64 t2 = NtpPacket::toNtp(t1 + 5);
    const quint64 t3 = NtpPacket::toNtp(t1 + 6);

    QTest::addRow("valid") << craft(request, 0, 4, 4, 2, t2, t3) << request << true << ""
                           << int(NtpPacket::Rejection::None);
    QTest::addRow("valid, version 3")
            << craft(request, 0, 3, 4, 1, t2, t3) << request << true << "" << int(NtpPacket::Rejection::None);
    QTest::addRow("valid, leap second announced")
            << craft(request, 1, 4, 4, 2, t2, t3) << request << true << "" << int(NtpPacket::Rejection::None);
    QTest::addRow("same receive and transmit")
            << craft(request, 0, 4, 4, 2, t2, t2) << request << true << "" << int(NtpPacket::Rejection::None);
    QTest::addRow("zero timestamps") << craft(request, 0, 4, 4, 2, 0, 0) << request << false << "zero"
                                     << int(NtpPacket::Rejection::Invalid);
    QTest::addRow("zero receive") << craft(request, 0, 4, 4, 2, 0, t3) << request << false << "zero"
                                  << int(NtpPacket::Rejection::Invalid);
    QTest::addRow("zero transmit") << craft(request, 0, 4, 4, 2, t2, 0) << request << false << "zero"
                                   << int(NtpPacket::Rejection::Invalid);
    QTest::addRow("kiss-o'-death") << craft(request, 0, 4, 4, 0, t2, t3, "RATE") << request << false << "RATE"
                                   << int(NtpPacket::Rejection::Unsynchronised);
    QTest::addRow("kiss-o'-death, zero timestamps")
            << craft(request, 3, 4, 4, 0, 0, 0, "DENY") << request << false << "DENY"
            << int(NtpPacket::Rejection::Unsynchronised);
    QTest::addRow("leap indicator 3") << craft(request, 3, 4, 4, 2, t2, t3) << request << false
                                      << "not synchronised" << int(NtpPacket::Rejection::Unsynchronised);
    QTest::addRow("stratum 16") << craft(request, 0, 4, 4, 16, t2, t3) << request << false
                                << "not synchronised" << int(NtpPacket::Rejection::Unsynchronised);
    QTest::addRow("stratum 255") << craft(request, 0, 4, 4, 255, t2, t3) << request << false
                                 << "not synchronised" << int(NtpPacket::Rejection::Unsynchronised);
    QTest::addRow("version 0") << craft(request, 0, 0, 4, 2, t2, t3) << request << false << "version"
                               << int(NtpPacket::Rejection::Invalid);
    QTest::addRow("version 7") << craft(request, 0, 7, 4, 2, t2, t3) << request << false << "version"
                               << int(NtpPacket::Rejection::Invalid);
    QTest::addRow("sent before received") << craft(request, 0, 4, 4, 2, t3, t2) << request << false
                                          << "before" << int(NtpPacket::Rejection::Invalid);
    QTest::addRow("client mode") << craft(request, 0, 4, 3, 2, t2, t3) << request << false << "mode 3"
                                 << int(NtpPacket::Rejection::Invalid);
    QTest::addRow("broadcast mode") << craft(request, 0, 4, 5, 2, t2, t3) << request << false << "mode 5"
                                    << int(NtpPacket::Rejection::Invalid);
    QTest::addRow("another request") << craft(NtpPacket::request(t1 + 1), 0, 4, 4, 2, t2, t3) << request
                                     << false << "" << int(NtpPacket::Rejection::NotOurs);
    QTest::addRow("short") << craft(request, 0, 4, 4, 2, t2, t3).left(47) << request << false << "47 bytes"
                           << int(NtpPacket::Rejection::Invalid);
    QTest::addRow("empty") << QByteArray() << request << false << "0 bytes"
                           << int(NtpPacket::Rejection::Invalid);
}

void tst_NtpPacket::replies()
{
    QFETCH(QByteArray, datagram);
    QFETCH(QByteArray, request);
    QFETCH(bool, valid);
    QFETCH(QString, error);
    QFETCH(int, rejection);
    QString reason;
    NtpPacket::Rejection why = NtpPacket::Rejection::None;
    const auto reply = NtpPacket::parseReply(datagram, request, &reason, &why);
    QCOMPARE(reply.has_value(), valid);
    QCOMPARE(int(why), rejection);
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

namespace {
// One NTP check of 127.0.0.1:port through the tester.
CheckResult checkNtp(quint16 port, int stageTimeoutMs)
{
    CheckTarget target;
    target.flows = {{QStringLiteral("ntp"), -1}};
    target.kind = CheckTarget::Kind::Ntp;
    target.host = QStringLiteral("127.0.0.1");
    target.port = port;
    target.transport = Transport::Udp;
    target.endpoint = QStringLiteral("127.0.0.1:%1").arg(target.port);
    TestPlan plan;
    plan.roles = {QStringLiteral("agent")};
    plan.targets = {target};
    TesterOptions options;
    options.allowOnlyLoopback = true;
    options.stageTimeoutMs = stageTimeoutMs;
    ConnectivityTester tester;
    tester.setOptions(options);
    QSignalSpy finished(&tester, &ConnectivityTester::finished);
    tester.start(plan);
    if (!finished.wait(stageTimeoutMs + 10000))
        return {};
    return tester.results().value(0);
}

// A server that answers every request with craft(request, ...) of the given fields.
TestUdpResponder::Answer crafted(int leap, int stratum, bool zeroTimestamps, const QByteArray &referenceId)
{
    return [=](const QByteArray &request) {
        const quint64 stamp = zeroTimestamps ? 0 : NtpPacket::toNtp(QDateTime::currentMSecsSinceEpoch());
        return craft(request, leap, 4, 4, stratum, stamp, stamp, referenceId);
    };
}
} // namespace

// A reply with zero timestamps is not a valid server reply: ntp-invalid-reply, not a timeout.
void tst_NtpPacket::checkRejectsZeroTimestamps()
{
    TestUdpResponder server(crafted(0, 2, true, QByteArray("GPS\0", 4)));
    QVERIFY(server.listenLoopback());
    const CheckResult result = checkNtp(server.port(), 500);
    QCOMPARE(server.queries(), 1);
    QCOMPARE(Verdict::name(result.verdict), QStringLiteral("ntp-invalid-reply"));
    QVERIFY2(result.reason.contains(QLatin1String("zero")), qPrintable(result.reason));
    QVERIFY(!result.hint.isEmpty());
    QCOMPARE(result.ntpOffsetMs, 0.0);
    QCOMPARE(result.stage(QStringLiteral("ntp"))->status, CheckStage::Status::Failed);
}

void tst_NtpPacket::checkUnsynchronised_data()
{
    QTest::addColumn<int>("leap");
    QTest::addColumn<int>("stratum");
    QTest::addColumn<QByteArray>("referenceId");
    QTest::addColumn<QString>("reason");
    QTest::addRow("leap indicator 3") << 3 << 2 << QByteArray("GPS\0", 4) << "not synchronised";
    QTest::addRow("stratum 16") << 0 << 16 << QByteArray("GPS\0", 4) << "not synchronised";
    QTest::addRow("kiss-o'-death") << 0 << 0 << QByteArray("RATE") << "RATE";
}

// A server that says it has no time: ntp-unsynchronised at once, not after the timeout.
void tst_NtpPacket::checkUnsynchronised()
{
    QFETCH(int, leap);
    QFETCH(int, stratum);
    QFETCH(QByteArray, referenceId);
    QFETCH(QString, reason);
    TestUdpResponder server(crafted(leap, stratum, false, referenceId));
    QVERIFY(server.listenLoopback());
    const CheckResult result = checkNtp(server.port(), 5000);
    QCOMPARE(Verdict::name(result.verdict), QStringLiteral("ntp-unsynchronised"));
    QVERIFY2(result.reason.contains(reason), qPrintable(result.reason));
    QVERIFY2(result.durationMs < 2500, qPrintable(QString::number(result.durationMs)));
    QVERIFY(result.hint.contains(QLatin1String("time sources")));
    QVERIFY(Verdict::isFailure(result.verdict));
}

// Debian's chronyd with no time source of its own answers unsynchronised (leap indicator 3,
// stratum 0 without a kiss code).
void tst_NtpPacket::chronydWithoutSource()
{
    TestProcess chronyd;
    quint16 port = 0;
    const QString error = startUnsynchronisedChronyd(chronyd, &port);
    if (!error.isEmpty())
        QSKIP(qPrintable(error));
    const CheckResult result = checkNtp(port, 5000);
    QCOMPARE(Verdict::name(result.verdict), QStringLiteral("ntp-unsynchronised"));
    QVERIFY2(result.reason.contains(QLatin1String("not synchronised")), qPrintable(result.reason));
    QVERIFY2(result.durationMs < 2500, qPrintable(QString::number(result.durationMs)));
    QCOMPARE(result.stage(QStringLiteral("ntp"))->status, CheckStage::Status::Failed);
}

// A clock far off the server's passes, with a warning.
void tst_NtpPacket::offsetWarning()
{
    for (qint64 offset : {qint64(0), qint64(NtpPacket::OffsetWarningMs) * 5}) {
        TestNtpServer server(offset);
        QVERIFY(server.listenLoopback());
        const CheckResult result = checkNtp(server.port(), 5000);
        QCOMPARE(Verdict::name(result.verdict), QStringLiteral("ok"));
        const bool far = offset > NtpPacket::OffsetWarningMs;
        QCOMPARE(result.stage(QStringLiteral("ntp"))->detail.contains(QLatin1String("warning")), far);
        QCOMPARE(result.hint.contains(QLatin1String("Synchronise")), far);
    }
}

QTEST_GUILESS_MAIN(tst_NtpPacket)
#include "tst_ntppacket.moc"
