// DnsClient and the checks that use it, against hostile DNS servers written here: malformed
// replies (bad counts, truncated records, compression loops, foreign questions), a flood of
// them from another thread, and REFUSED, SERVFAIL and truncated (TC) replies. Everything
// listens on 127.0.0.1 and every check runs with allowOnlyLoopback.

#include "core/tester/probe/dnsclient.h"
#include "core/tester/session/connectivitytester.h"
#include "tests/memoryusage.h"
#include "tests/tester/testservers.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QUdpSocket>

#include <atomic>
#include <functional>

namespace {

constexpr quint16 TypeA = 1;
constexpr quint16 TypeAaaa = 28;
constexpr int FlagsOk = 0x8180; // response, recursion desired and available, NOERROR
constexpr int FlagTruncated = 0x0200;

const QHostAddress Good(QStringLiteral("127.0.0.1"));
const QHostAddress Hostile(QStringLiteral("127.0.0.66")); // only ever in replies that must be rejected
const QByteArray ToQuestion("\xc0\x0c", 2); // a compressed name: the question's

QByteArray u16(int value)
{
    QByteArray data;
    data.append(char((value >> 8) & 0xff));
    data.append(char(value & 0xff));
    return data;
}

quint16 queryType(const QByteArray &query)
{
    return quint16((quint8(query.at(query.size() - 4)) << 8) | quint8(query.at(query.size() - 3)));
}

QByteArray header(const QByteArray &query, int flags, int questions, int answers, int authority = 0,
                  int additional = 0)
{
    return query.left(2) + u16(flags) + u16(questions) + u16(answers) + u16(authority) + u16(additional);
}

QByteArray question(const QByteArray &query)
{
    return query.mid(12);
}

QByteArray record(const QByteArray &owner, int type, const QByteArray &data)
{
    return owner + u16(type) + u16(1) + QByteArray("\0\0\0\x3c", 4) + u16(int(data.size())) + data;
}

QByteArray aRecord(const QByteArray &owner, const QHostAddress &address)
{
    const quint32 ip = address.toIPv4Address();
    QByteArray data;
    for (int shift : {24, 16, 8, 0})
        data.append(char((ip >> shift) & 0xff));
    return record(owner, TypeA, data);
}

QByteArray encodedName(const QString &name)
{
    QByteArray data;
    for (const QString &label : name.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        data.append(char(label.size()));
        data.append(label.toLatin1());
    }
    data.append('\0');
    return data;
}

QByteArray reply(const QByteArray &query, int flags, const QList<QByteArray> &answers)
{
    QByteArray data = header(query, flags, 1, int(answers.size())) + question(query);
    for (const QByteArray &answer : answers)
        data += answer;
    return data;
}

// The honest answer: 127.0.0.1 for A, no AAAA record.
QByteArray goodReply(const QByteArray &query)
{
    return queryType(query) == TypeA ? reply(query, FlagsOk, {aRecord(ToQuestion, Good)})
                                     : reply(query, FlagsOk, {});
}

using Craft = std::function<QByteArray(const QByteArray &query)>;

// Replies that must be rejected whole; each carries the hostile address where a parser that
// adds answers before validating the reply would take it.
const QList<QPair<const char *, Craft>> &malformedReplies()
{
    static const QList<QPair<const char *, Craft>> replies{
            {"answer count too high",
             [](const QByteArray &q) {
                 return header(q, FlagsOk, 1, 2) + question(q) + aRecord(ToQuestion, Hostile);
             }},
            {"truncated record",
             [](const QByteArray &q) {
                 return header(q, FlagsOk, 1, 2) + question(q) + aRecord(ToQuestion, Hostile)
                         + aRecord(ToQuestion, Hostile).left(7);
             }},
            {"data past the end",
             [](const QByteArray &q) {
                 return header(q, FlagsOk, 1, 2) + question(q) + aRecord(ToQuestion, Hostile) + ToQuestion
                         + u16(TypeA) + u16(1) + QByteArray(4, '\0') + u16(200) + QByteArray(4, '\x7f');
             }},
            {"self pointer",
             [](const QByteArray &q) {
                 QByteArray data = header(q, FlagsOk, 1, 2) + question(q) + aRecord(ToQuestion, Hostile);
                 const int here = int(data.size());
                 return data + aRecord(QByteArray(1, char(0xc0)) + char(here), Hostile);
             }},
            {"compression loop through a label",
             [](const QByteArray &q) {
                 QByteArray data = header(q, FlagsOk, 1, 2) + question(q) + aRecord(ToQuestion, Hostile);
                 const int here = int(data.size());
                 return data
                         + aRecord(QByteArray("\x01"
                                              "a\xc0",
                                              3)
                                           + char(here),
                                   Hostile);
             }},
            {"pointer past the end",
             [](const QByteArray &q) {
                 return header(q, FlagsOk, 1, 2) + question(q) + aRecord(ToQuestion, Hostile)
                         + aRecord(QByteArray("\xff\xff", 2), Hostile);
             }},
            {"label past the end",
             [](const QByteArray &q) {
                 return header(q, FlagsOk, 1, 2) + question(q) + aRecord(ToQuestion, Hostile)
                         + QByteArray("\x3f"
                                      "abc",
                                      4);
             }},
            {"reserved label type",
             [](const QByteArray &q) {
                 return header(q, FlagsOk, 1, 2) + question(q) + aRecord(ToQuestion, Hostile)
                         + aRecord(QByteArray("\x81\x01", 2), Hostile);
             }},
            {"no question",
             [](const QByteArray &q) {
                 return header(q, FlagsOk, 0, 1) + aRecord(QByteArray(1, '\0'), Hostile);
             }},
            {"another question",
             [](const QByteArray &q) {
                 return header(q, FlagsOk, 1, 1) + encodedName(QStringLiteral("evil.test")) + q.right(4)
                         + aRecord(ToQuestion, Hostile);
             }},
            {"trailing bytes",
             [](const QByteArray &q) {
                 return reply(q, FlagsOk, {aRecord(ToQuestion, Hostile)}) + "\xde\xad";
             }},
            {"address of five bytes",
             [](const QByteArray &q) {
                 return reply(
                         q, FlagsOk,
                         {aRecord(ToQuestion, Hostile), record(ToQuestion, TypeA, QByteArray(5, '\x7f'))});
             }},
            {"not a response",
             [](const QByteArray &q) { return reply(q, 0x0100, {aRecord(ToQuestion, Hostile)}); }},
    };
    return replies;
}

// A DNS server on 127.0.0.1 that answers each query with what respond() makes of it.
class HostileDnsServer final : public QObject
{
public:
    explicit HostileDnsServer(const std::function<QList<QByteArray>(const QByteArray &)> &respond)
        : m_respond(respond)
    {
        connect(&m_socket, &QUdpSocket::readyRead, this, [this] {
            while (m_socket.hasPendingDatagrams()) {
                QHostAddress sender;
                quint16 senderPort = 0;
                QByteArray query(int(m_socket.pendingDatagramSize()), '\0');
                m_socket.readDatagram(query.data(), query.size(), &sender, &senderPort);
                if (query.size() < 17)
                    continue;
                ++m_queries;
                for (const QByteArray &datagram : m_respond(query))
                    m_socket.writeDatagram(datagram, sender, senderPort);
            }
        });
    }
    bool listenLoopback() { return m_socket.bind(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_socket.localPort(); }
    int queries() const { return m_queries; }

private:
    std::function<QList<QByteArray>(const QByteArray &)> m_respond;
    QUdpSocket m_socket;
    int m_queries = 0;
};

// Floods whoever queries it with large malformed replies, from its own thread, until stopped
// (at most MaxFloodMs). Each datagram holds 1400 well-formed A records of the hostile address
// before a truncated one: a client that kept answers of rejected replies grows by ~70 KB per
// datagram, and one that reads until the socket is empty never returns to its event loop.
class FloodServer final : public QThread
{
public:
    static constexpr int MaxFloodMs = 8000;

    ~FloodServer() override
    {
        m_stop = true;
        wait();
    }
    quint16 startLoopback()
    {
        start();
        m_ready.acquire();
        return m_port;
    }
    void stop() { m_stop = true; }
    int sent() const { return m_sent; }

protected:
    void run() override
    {
        QUdpSocket socket;
        if (socket.bind(QHostAddress::LocalHost, 0))
            m_port = socket.localPort();
        m_ready.release();
        if (m_port == 0)
            return;
        QList<QByteArray> floods;
        QHostAddress peer;
        quint16 peerPort = 0;
        const QDeadlineTimer deadline(15000);
        while (!m_stop && floods.size() < 2 && !deadline.hasExpired()) {
            if (!socket.waitForReadyRead(50))
                continue;
            while (socket.hasPendingDatagrams()) {
                QByteArray query(int(socket.pendingDatagramSize()), '\0');
                socket.readDatagram(query.data(), query.size(), &peer, &peerPort);
                QByteArray flood = header(query, FlagsOk, 1, 1401) + question(query);
                const QByteArray answer = aRecord(ToQuestion, Hostile);
                for (int i = 0; i < 1400; ++i)
                    flood += answer;
                floods.append(flood + answer.left(5));
            }
        }
        QElapsedTimer flooding;
        flooding.start();
        while (!m_stop && !floods.isEmpty() && flooding.elapsed() < MaxFloodMs) {
            for (int i = 0; i < 32; ++i)
                socket.writeDatagram(floods.at(i % floods.size()), peer, peerPort);
            m_sent += 32;
        }
    }

private:
    QSemaphore m_ready;
    quint16 m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_sent{0};
};

struct LookupOutcome
{
    bool finished = false;
    QList<QHostAddress> addresses;
    DnsClient::Error error = DnsClient::Error::None;
    int rcode = -2;
    int rejected = 0;
};

LookupOutcome lookup(quint16 port, const QString &name = QStringLiteral("mapped.test"))
{
    LookupOutcome outcome;
    DnsClient client;
    QObject::connect(&client, &DnsClient::finished, &client,
                     [&outcome](const QList<QHostAddress> &addresses, DnsClient::Error error, int rcode) {
                         outcome.finished = true;
                         outcome.addresses = addresses;
                         outcome.error = error;
                         outcome.rcode = rcode;
                     });
    client.lookup(name, QHostAddress::LocalHost, port);
    if (!QTest::qWaitFor([&outcome] { return outcome.finished; }, 5000))
        return outcome;
    outcome.rejected = client.rejectedReplies();
    return outcome;
}

CheckTarget target(CheckTarget::Kind kind, const QString &host, quint16 port)
{
    CheckTarget t;
    t.flows = {{QStringLiteral("e"), -1}};
    t.host = host;
    t.port = port;
    t.kind = kind;
    t.transport = t.isUdp() ? Transport::Udp : Transport::Tcp;
    t.path = QStringLiteral("/");
    t.endpoint = QStringLiteral("%1:%2").arg(host).arg(port);
    return t;
}

TesterOptions loopbackOptions(quint16 dnsPort = 0)
{
    TesterOptions options;
    options.allowOnlyLoopback = true;
    options.stageTimeoutMs = 1000;
    if (dnsPort > 0)
        options.dnsServer = TesterOptions::DnsServer{QHostAddress::LocalHost, dnsPort};
    return options;
}

CheckResult runOne(const CheckTarget &target, const TesterOptions &options)
{
    TestPlan plan;
    plan.roles = {QStringLiteral("agent")};
    plan.targets = {target};
    ConnectivityTester tester;
    tester.setOptions(options);
    QSignalSpy finished(&tester, &ConnectivityTester::finished);
    tester.start(plan);
    if (!finished.wait(30000))
        return {};
    return tester.results().value(0);
}

} // namespace

class tst_DnsClient : public QObject
{
    Q_OBJECT

private slots:
    void parserRejectsMalformedReplies_data();
    void parserRejectsMalformedReplies();
    void parserKeepsOnlyTheAskedName();
    void parserCapsAddresses();
    void malformedReplyAddressIsNeverUsed_data();
    void malformedReplyAddressIsNeverUsed();
    void malformedReplyAddressIsNeverConnected();
    void floodIsBoundedInMemoryAndTime();
    void lookupVerdicts_data();
    void lookupVerdicts();
    void probeVerdicts_data();
    void probeVerdicts();
};

void tst_DnsClient::parserRejectsMalformedReplies_data()
{
    QTest::addColumn<int>("variant");
    for (int i = 0; i < malformedReplies().size(); ++i)
        QTest::addRow("%s", malformedReplies().at(i).first) << i;
}

void tst_DnsClient::parserRejectsMalformedReplies()
{
    QFETCH(int, variant);
    const QByteArray query = DnsClient::query(0x4242, QStringLiteral("mapped.test"), TypeA);
    QVERIFY(DnsClient::parseReply(goodReply(query), query));
    QCOMPARE(DnsClient::parseReply(goodReply(query), query)->addresses, QList<QHostAddress>{Good});
    const QByteArray bad = malformedReplies().at(variant).second(query);
    QCOMPARE(DnsClient::parseReply(bad, query).has_value(), false);
    // Nor is any prefix of it, except the whole reply before the trailing bytes.
    for (qsizetype size = 0; size < bad.size(); ++size) {
        if (DnsClient::parseReply(bad.left(size), query))
            QCOMPARE(QByteArray(malformedReplies().at(variant).first), QByteArray("trailing bytes"));
    }
}

void tst_DnsClient::parserKeepsOnlyTheAskedName()
{
    const QByteArray query = DnsClient::query(7, QStringLiteral("mapped.test"), TypeA);
    // An address for another name is not an address of the asked one; a CNAME chain is.
    const QByteArray withStranger =
            reply(query, FlagsOk,
                  {aRecord(encodedName(QStringLiteral("evil.test")), Hostile), aRecord(ToQuestion, Good)});
    QCOMPARE(DnsClient::parseReply(withStranger, query)->addresses, QList<QHostAddress>{Good});
    const QByteArray alias = encodedName(QStringLiteral("real.test"));
    const QHostAddress aliased(QStringLiteral("127.0.0.2"));
    const QByteArray withCname =
            reply(query, FlagsOk, {record(ToQuestion, 5, alias), aRecord(alias, aliased)});
    QCOMPARE(DnsClient::parseReply(withCname, query)->addresses, QList<QHostAddress>{aliased});
    // Case does not matter in names.
    const QByteArray upper = DnsClient::query(7, QStringLiteral("MAPPED.test"), TypeA);
    QVERIFY(DnsClient::parseReply(goodReply(upper), query));
}

void tst_DnsClient::parserCapsAddresses()
{
    const QByteArray query = DnsClient::query(9, QStringLiteral("many.test"), TypeA);
    QList<QByteArray> answers;
    for (int i = 0; i < 200; ++i)
        answers.append(aRecord(ToQuestion, QHostAddress(quint32(0x7f010000 + i))));
    const auto parsed = DnsClient::parseReply(reply(query, FlagsOk, answers), query);
    QVERIFY(parsed);
    QCOMPARE(parsed->addresses.size(), DnsClient::MaxAddresses);
}

void tst_DnsClient::malformedReplyAddressIsNeverUsed_data()
{
    parserRejectsMalformedReplies_data();
}

void tst_DnsClient::malformedReplyAddressIsNeverUsed()
{
    QFETCH(int, variant);
    const Craft malformed = malformedReplies().at(variant).second;
    // Each query gets the malformed reply first, then the honest one.
    HostileDnsServer server([&malformed](const QByteArray &query) {
        return QList<QByteArray>{malformed(query), goodReply(query)};
    });
    QVERIFY(server.listenLoopback());
    const LookupOutcome outcome = lookup(server.port());
    QVERIFY(outcome.finished);
    QCOMPARE(outcome.error, DnsClient::Error::None);
    QCOMPARE(outcome.addresses, QList<QHostAddress>{Good});
    QCOMPARE(outcome.rejected, 2);
}

void tst_DnsClient::malformedReplyAddressIsNeverConnected()
{
    HostileDnsServer server([](const QByteArray &query) {
        return QList<QByteArray>{malformedReplies().at(1).second(query), goodReply(query)};
    });
    QVERIFY(server.listenLoopback());
    TestTcpServer web(TestTcpServer::Mode::Http);
    QVERIFY(web.listenLoopback());
    const CheckResult result =
            runOne(target(CheckTarget::Kind::Http, QStringLiteral("mapped.test"), web.port()),
                   loopbackOptions(server.port()));
    QCOMPARE(Verdict::name(result.verdict), QStringLiteral("ok"));
    QCOMPARE(result.resolvedAddresses, QStringList{Good.toString()});
    QCOMPARE(result.connectedAddress, Good.toString());
}

void tst_DnsClient::floodIsBoundedInMemoryAndTime()
{
    FloodServer flood;
    const quint16 port = flood.startLoopback();
    QVERIFY(port != 0);
    TestTcpServer web(TestTcpServer::Mode::Http);
    QVERIFY(web.listenLoopback());
    const TesterOptions options = loopbackOptions(port);
    MemoryUsage::resetPeak();
    const qint64 before = MemoryUsage::peakRssKiB();
    QElapsedTimer clock;
    clock.start();
    CheckResult result;
    {
        // A client that kept the flood's answers would take gigabytes: fail fast instead.
        const MemoryUsage::Cap cap(768LL * 1024 * 1024);
        result = runOne(target(CheckTarget::Kind::Http, QStringLiteral("mapped.test"), web.port()), options);
    }
    const qint64 elapsed = clock.elapsed();
    const int sent = flood.sent();
    flood.stop();
    const qint64 growthKiB = MemoryUsage::peakRssKiB() - before;
    qInfo("flood: %d malformed datagrams sent, check finished after %lld ms, peak RSS growth %lld KiB", sent,
          elapsed, growthKiB);
    QVERIFY(sent > 0);
    QCOMPARE(Verdict::name(result.verdict), QStringLiteral("dns-failed"));
    QVERIFY2(result.reason.contains(QLatin1String("malformed")), qPrintable(result.reason));
    QVERIFY(result.resolvedAddresses.isEmpty());
    QCOMPARE(web.connectionCount(), 0);
    // The stage timeout (1 s) still fires during the flood.
    QVERIFY2(elapsed < 4000, qPrintable(QString::number(elapsed)));
    QVERIFY2(growthKiB < 64 * 1024, qPrintable(QStringLiteral("%1 KiB").arg(growthKiB)));
}

void tst_DnsClient::lookupVerdicts_data()
{
    QTest::addColumn<int>("aFlags");
    QTest::addColumn<int>("aaaaFlags");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QStringList>("resolved");

    const QStringList good{Good.toString()};
    QTest::addRow("ok") << FlagsOk << FlagsOk << "ok"
                        << "" << good;
    // A truncated reply is incomplete: its address is not used, and nothing answers over TCP here.
    QTest::addRow("A truncated") << (FlagsOk | FlagTruncated) << FlagsOk << "dns-failed"
                                 << "truncated" << QStringList{};
    QTest::addRow("AAAA truncated, A complete") << FlagsOk << (FlagsOk | FlagTruncated) << "ok"
                                                << "" << good;
    QTest::addRow("refused") << (FlagsOk | 5) << (FlagsOk | 5) << "dns-failed"
                             << "refused" << QStringList{};
    QTest::addRow("servfail") << (FlagsOk | 2) << (FlagsOk | 2) << "dns-failed"
                              << "failed" << QStringList{};
    QTest::addRow("nxdomain") << (FlagsOk | 3) << (FlagsOk | 3) << "dns-failed"
                              << "No such name" << QStringList{};
}

void tst_DnsClient::lookupVerdicts()
{
    QFETCH(int, aFlags);
    QFETCH(int, aaaaFlags);
    QFETCH(QString, verdict);
    QFETCH(QString, reason);
    QFETCH(QStringList, resolved);
    // The A answer carries the hostile address when its reply is truncated.
    HostileDnsServer server([=](const QByteArray &query) {
        const bool a = queryType(query) == TypeA;
        const int flags = a ? aFlags : aaaaFlags;
        QList<QByteArray> answers;
        if (a && (flags & 0xf) == 0)
            answers.append(aRecord(ToQuestion, (flags & FlagTruncated) ? Hostile : Good));
        return QList<QByteArray>{reply(query, flags, answers)};
    });
    QVERIFY(server.listenLoopback());
    TestTcpServer web(TestTcpServer::Mode::Http);
    QVERIFY(web.listenLoopback());
    const CheckResult result =
            runOne(target(CheckTarget::Kind::Http, QStringLiteral("mapped.test"), web.port()),
                   loopbackOptions(server.port()));
    QCOMPARE(Verdict::name(result.verdict), verdict);
    QVERIFY2(result.reason.contains(reason, Qt::CaseInsensitive), qPrintable(result.reason));
    QCOMPARE(result.resolvedAddresses, resolved);
    QCOMPARE(web.connectionCount(), resolved.isEmpty() ? 0 : 1);
}

void tst_DnsClient::probeVerdicts_data()
{
    QTest::addColumn<int>("flags");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("detail");

    QTest::addRow("noerror") << FlagsOk << "ok"
                             << "response code 0";
    QTest::addRow("refused") << (FlagsOk | 5) << "dns-failed"
                             << "REFUSED";
    QTest::addRow("servfail") << (FlagsOk | 2) << "dns-failed"
                              << "SERVFAIL";
    QTest::addRow("truncated") << (FlagsOk | FlagTruncated) << "ok"
                               << "truncated";
    QTest::addRow("truncated refused") << (FlagsOk | FlagTruncated | 5) << "dns-failed"
                                       << "REFUSED";
}

void tst_DnsClient::probeVerdicts()
{
    QFETCH(int, flags);
    QFETCH(QString, verdict);
    QFETCH(QString, detail);
    HostileDnsServer server([flags](const QByteArray &query) {
        return QList<QByteArray>{malformedReplies().at(0).second(query), reply(query, flags, {})};
    });
    QVERIFY(server.listenLoopback());
    const CheckResult result = runOne(
            target(CheckTarget::Kind::Dns, QStringLiteral("127.0.0.1"), server.port()), loopbackOptions());
    QCOMPARE(server.queries(), 1);
    QCOMPARE(Verdict::name(result.verdict), verdict);
    const CheckStage *stage = result.stage(QStringLiteral("dns-query"));
    QVERIFY(stage);
    QVERIFY2(stage->detail.contains(detail), qPrintable(stage->detail));
    if (result.isFailure()) {
        QCOMPARE(stage->status, CheckStage::Status::Failed);
        // The hint is about the server's configuration, not the firewall.
        QVERIFY2(result.hint.contains(QLatin1String("access list")), qPrintable(result.hint));
    } else {
        QCOMPARE(stage->status, CheckStage::Status::Passed);
    }
}

QTEST_GUILESS_MAIN(tst_DnsClient)
#include "tst_dnsclient.moc"
