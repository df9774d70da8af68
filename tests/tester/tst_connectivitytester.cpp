// The engine against real servers on loopback: every verdict, every stage, proxies (squid),
// DNS (in-process server, dnsmasq), NTP, syslog, a blackhole inside a private network
// namespace, TLS inspection (squid ssl-bump), concurrency, total time and cancellation. Nothing leaves the
// loopback interface: every test runs with allowOnlyLoopback.

#include "core/tester/plan/checktarget.h"
#include "core/tester/probe/dnsclient.h"
#include "core/tester/report/csvreport.h"
#include "core/tester/report/resultsreport.h"
#include "core/tester/result/resulttext.h"
#include "core/tester/session/connectivitytester.h"
#include "tests/tester/testservers.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace {

enum class Server {
    ValidTls,
    ExpiredTls,
    WrongHostTls,
    UntrustedTls,
    PlainHttp,
    NotHttp,
    Silent,
    SilentTls,
    Closed
};

CheckTarget target(CheckTarget::Kind kind, const QString &host, quint16 port,
                   const QString &entry = QStringLiteral("e"))
{
    CheckTarget t;
    t.addFlow(entry, 0);
    t.host = host;
    t.port = port;
    t.kind = kind;
    t.transport = t.isUdp() ? Transport::Udp : Transport::Tcp;
    t.path = QStringLiteral("/");
    t.endpoint = QStringLiteral("%1:%2").arg(host).arg(port);
    return t;
}

// Re-runs the current test function inside a private network namespace (unshare -rn) and
// checks that it passed there; the namespaced run does the real work.
#define RUN_IN_NETWORK_NAMESPACE(function, seen)                                                             \
    if (!m_inNamespace) {                                                                                    \
        int exitCode = -1;                                                                                   \
        QByteArray output;                                                                                   \
        const QString error = runInNetworkNamespace({QStringLiteral(function)}, &exitCode, &output);         \
        if (!error.isEmpty())                                                                                \
            QSKIP(qPrintable(error));                                                                        \
        QVERIFY2(!output.contains("SKIP   :"), output.constData());                                          \
        QVERIFY2(exitCode == 0, output.constData());                                                         \
        QVERIFY2(output.contains("PASS   : tst_ConnectivityTester::" function "()"), output.constData());    \
        for (Verdict::Value verdict : seen)                                                                  \
            m_seen.insert(verdict);                                                                          \
        return;                                                                                              \
    }

QString verdictName(Verdict::Value verdict)
{
    return Verdict::name(verdict);
}

} // namespace

class tst_ConnectivityTester : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void verdicts_data();
    void verdicts();
    void ntp();
    void ntpRefusedAndSilent();
    void ntpWithoutTime();
    void syslog();
    void dnsProbe();
    void dnsServer();
    void dnsmasq();
    void dnsOverTcpAndAliases();
    void squidProxy_data();
    void squidProxy();
    void proxyUnreachable();
    void blackhole();
    void firewallRejects();
    void redirects_data();
    void redirects();
    void gatewayErrorsWithoutSquidHeader_data();
    void gatewayErrorsWithoutSquidHeader();
    void tlsInterception();
    void dualStackFallsBack();
    void dualStackBlackholedIpv6();
    void loopbackOnlyRefuses();
    void skippedTargets();
    void sameDestinationCheckedOnce();
    void concurrencyIsBounded();
    void totalTimeIsCloseToSlowest();
    void cancelStopsEverything();
    void everyVerdictProduced();

private:
    TesterOptions baseOptions() const;
    QList<CheckResult> run(const QList<CheckTarget> &targets, const TesterOptions &options);
    CheckResult runOne(const CheckTarget &target, const TesterOptions &options);
    void verifyStages(const CheckResult &result);
    TestTcpServer *server(Server kind);

    TestCertificates m_certificates;
    QString m_certificateError;
    QSet<Verdict::Value> m_seen;
    std::unique_ptr<TestProcess> m_squid;
    std::unique_ptr<TestProcess> m_squidAuth;
    quint16 m_squidPort = 0;
    quint16 m_squidAuthPort = 0;
    QString m_squidError;
    bool m_inNamespace = false;
};

void tst_ConnectivityTester::initTestCase()
{
    m_inNamespace = qEnvironmentVariableIsSet("PORTOLAN_IN_NETNS");
    if (!m_inNamespace)
        m_certificateError = m_certificates.generate();
}

void tst_ConnectivityTester::cleanupTestCase()
{
    m_squid.reset();
    m_squidAuth.reset();
}

TesterOptions tst_ConnectivityTester::baseOptions() const
{
    TesterOptions options;
    options.allowOnlyLoopback = true;
    options.stageTimeoutMs = 1000;
    options.udpRefusalWaitMs = 300;
    options.addResolveOverride(QStringLiteral("valid.test:127.0.0.1"));
    options.addResolveOverride(QStringLiteral("closed.test:127.0.0.1"));
    if (m_certificateError.isEmpty() && !m_inNamespace)
        options.addCaFile(m_certificates.caFile());
    return options;
}

QList<CheckResult> tst_ConnectivityTester::run(const QList<CheckTarget> &targets,
                                               const TesterOptions &options)
{
    TestPlan plan;
    plan.roles = {QStringLiteral("agent")};
    plan.targets = targets;
    ConnectivityTester tester;
    tester.setOptions(options);
    QSignalSpy finished(&tester, &ConnectivityTester::finished);
    QSignalSpy ready(&tester, &ConnectivityTester::resultReady);
    tester.start(plan);
    if (!finished.wait(60000))
        return {};
    const QList<CheckResult> results = tester.results();
    if (ready.count() != targets.size())
        qWarning("resultReady emitted %d times for %d targets", int(ready.count()), int(targets.size()));
    for (const CheckResult &result : results) {
        m_seen.insert(result.verdict);
        verifyStages(result);
    }
    return results;
}

CheckResult tst_ConnectivityTester::runOne(const CheckTarget &target, const TesterOptions &options)
{
    const QList<CheckResult> results = run({target}, options);
    return results.value(0);
}

// A stage that did not run is never passed; a failure names exactly one failed stage, after
// which nothing ran.
void tst_ConnectivityTester::verifyStages(const CheckResult &result)
{
    int failed = 0;
    bool afterFailure = false;
    for (const CheckStage &stage : result.stages) {
        if (stage.status == CheckStage::Status::NotRun)
            QCOMPARE(stage.durationMs, qint64(-1));
        else
            QVERIFY2(!afterFailure, qPrintable(stage.name + QStringLiteral(" ran after a failure")));
        if (stage.status == CheckStage::Status::Failed) {
            ++failed;
            afterFailure = true;
        }
    }
    if (result.verdict == Verdict::Ok) {
        QCOMPARE(failed, 0);
        for (const CheckStage &stage : result.stages) {
            if (stage.name != QLatin1String("dns"))
                QVERIFY2(stage.status == CheckStage::Status::Passed, qPrintable(stage.name));
        }
    } else if (result.isFailure()) {
        QCOMPARE(failed, 1);
        QVERIFY(!result.hint.isEmpty());
    }
}

TestTcpServer *tst_ConnectivityTester::server(Server kind)
{
    using Leaf = TestCertificates::Leaf;
    TestTcpServer *server = nullptr;
    switch (kind) {
    case Server::ValidTls:
    case Server::ExpiredTls:
    case Server::WrongHostTls:
    case Server::UntrustedTls: {
        const Leaf leaf = kind == Server::ValidTls ? Leaf::Valid
                : kind == Server::ExpiredTls       ? Leaf::Expired
                : kind == Server::WrongHostTls     ? Leaf::WrongHost
                                                   : Leaf::Untrusted;
        server = new TestTcpServer(TestTcpServer::Mode::Http, this);
        server->setTls(m_certificates.certificate(leaf), m_certificates.key(leaf));
        break;
    }
    case Server::PlainHttp:
        server = new TestTcpServer(TestTcpServer::Mode::Http, this);
        break;
    case Server::NotHttp:
        server = new TestTcpServer(TestTcpServer::Mode::NotHttp, this);
        break;
    case Server::Silent:
    case Server::Closed:
        server = new TestTcpServer(TestTcpServer::Mode::Silent, this);
        break;
    case Server::SilentTls: // completes the TLS handshake, then never answers HTTP
        server = new TestTcpServer(TestTcpServer::Mode::Silent, this);
        server->setTls(m_certificates.certificate(Leaf::Valid), m_certificates.key(Leaf::Valid));
        break;
    }
    server->listenLoopback();
    if (kind == Server::Closed)
        server->close();
    return server;
}

void tst_ConnectivityTester::verdicts_data()
{
    QTest::addColumn<Server>("server");
    QTest::addColumn<CheckTarget::Kind>("kind");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("failedStage");

    using K = CheckTarget::Kind;
    QTest::addRow("https ok") << Server::ValidTls << K::Https << "ok"
                              << "";
    QTest::addRow("tls ok") << Server::ValidTls << K::Tls << "ok"
                            << "";
    QTest::addRow("http ok") << Server::PlainHttp << K::Http << "ok"
                             << "";
    QTest::addRow("tcp ok") << Server::Silent << K::Tcp << "ok"
                            << "";
    QTest::addRow("refused") << Server::Closed << K::Https << "refused"
                             << "tcp";
    QTest::addRow("untrusted") << Server::UntrustedTls << K::Https << "tls-untrusted"
                               << "tls";
    QTest::addRow("hostname mismatch") << Server::WrongHostTls << K::Https << "tls-hostname-mismatch"
                                       << "tls";
    QTest::addRow("expired") << Server::ExpiredTls << K::Tls << "tls-expired"
                             << "tls";
    QTest::addRow("not tls") << Server::NotHttp << K::Tls << "tls-failed"
                             << "tls";
    QTest::addRow("tls stalls") << Server::Silent << K::Https << "stalled"
                                << "tls";
    QTest::addRow("https stalls after tls") << Server::SilentTls << K::Https << "stalled"
                                            << "http";
    QTest::addRow("not http") << Server::NotHttp << K::Http << "http-error"
                              << "http";
    QTest::addRow("http stalls") << Server::Silent << K::Http << "stalled"
                                 << "http";
}

void tst_ConnectivityTester::verdicts()
{
    QFETCH(Server, server);
    QFETCH(CheckTarget::Kind, kind);
    QFETCH(QString, verdict);
    QFETCH(QString, failedStage);
    if (!m_certificateError.isEmpty())
        QSKIP(qPrintable(m_certificateError));

    TestTcpServer *listener = this->server(server);
    const CheckResult result =
            runOne(target(kind, QStringLiteral("valid.test"), listener->port()), baseOptions());
    delete listener;

    QCOMPARE(verdictName(result.verdict), verdict);
    QCOMPARE(result.resolvedAddresses, QStringList{QStringLiteral("127.0.0.1")});
    QCOMPARE(result.stage(QStringLiteral("dns"))->status, CheckStage::Status::Passed);
    if (failedStage.isEmpty()) {
        QVERIFY(result.reason.isEmpty());
    } else {
        QVERIFY(result.stage(failedStage));
        QCOMPARE(result.stage(failedStage)->status, CheckStage::Status::Failed);
        QVERIFY(!result.reason.isEmpty());
    }
    if (verdict == QLatin1String("ok")
        && (kind == CheckTarget::Kind::Http || kind == CheckTarget::Kind::Https))
        QCOMPARE(result.httpStatus, 204);
    if (verdict == QLatin1String("ok")
        && (kind == CheckTarget::Kind::Https || kind == CheckTarget::Kind::Tls)) {
        QVERIFY(result.tls.present);
        QCOMPARE(result.tls.issuer, QStringLiteral("Portolan Test CA"));
        QCOMPARE(result.tls.subject, QStringLiteral("valid.test"));
        QVERIFY(result.tls.protocol.startsWith(QLatin1String("TLSv1.")));
        QVERIFY(result.tls.notAfter > QDateTime::currentDateTimeUtc());
    }
    if (verdict == QLatin1String("tls-untrusted")) {
        // The issuer is named: it reveals a TLS-inspecting proxy.
        QCOMPARE(result.tls.issuer, QStringLiteral("Inspecting Proxy CA"));
        QVERIFY(result.reason.contains(QLatin1String("Inspecting Proxy CA")));
        QVERIFY(result.hint.contains(QLatin1String("Inspecting Proxy CA")));
    }
    if (verdict == QLatin1String("tls-expired"))
        QCOMPARE(result.tls.notAfter.date(), QDate(2020, 2, 1));
    if (verdict == QLatin1String("stalled")) {
        // The port is open: the hint names the stage that stalled and its likely causes.
        QVERIFY2(!result.hint.contains(QLatin1String("silently dropped")), qPrintable(result.hint));
        QVERIFY2(result.hint.contains(QLatin1String("is open")), qPrintable(result.hint));
        QVERIFY2(result.hint.contains(QLatin1String("MTU black hole")), qPrintable(result.hint));
        QVERIFY2(result.hint.contains(QLatin1String("hung server")), qPrintable(result.hint));
        QVERIFY2(result.hint.contains(failedStage == QLatin1String("tls")
                                              ? QLatin1String("TLS handshake stalled")
                                              : QLatin1String("HTTP request")),
                 qPrintable(result.hint));
        QCOMPARE(result.stage(QStringLiteral("tcp"))->status, CheckStage::Status::Passed);
        QVERIFY(result.stage(failedStage)->durationMs >= 950);
        QVERIFY2(result.reason.contains(QLatin1String("connected"), Qt::CaseInsensitive),
                 qPrintable(result.reason));
    }
    if (verdict == QLatin1String("tls-hostname-mismatch"))
        QCOMPARE(result.tls.subject, QStringLiteral("other.test"));
}

void tst_ConnectivityTester::ntp()
{
    TestNtpServer server(2500);
    QVERIFY(server.listenLoopback());
    const CheckResult result =
            runOne(target(CheckTarget::Kind::Ntp, QStringLiteral("127.0.0.1"), server.port()), baseOptions());
    QCOMPARE(verdictName(result.verdict), QStringLiteral("ok"));
    QCOMPARE(server.queries(), 1);
    QVERIFY2(qAbs(result.ntpOffsetMs - 2500.0) < 200.0, qPrintable(QString::number(result.ntpOffsetMs)));
    QCOMPARE(result.stage(QStringLiteral("ntp"))->status, CheckStage::Status::Passed);
    QCOMPARE(result.stage(QStringLiteral("dns"))->status, CheckStage::Status::NotRun);
}

void tst_ConnectivityTester::ntpRefusedAndSilent()
{
    const CheckResult refused = runOne(
            target(CheckTarget::Kind::Ntp, QStringLiteral("127.0.0.1"), closedUdpPort()), baseOptions());
    QCOMPARE(verdictName(refused.verdict), QStringLiteral("refused"));
    QVERIFY(refused.reason.contains(QLatin1String("ICMP")));

    TestUdpSink silent;
    QVERIFY(silent.listenLoopback());
    TesterOptions options = baseOptions();
    options.stageTimeoutMs = 300;
    const CheckResult timeout =
            runOne(target(CheckTarget::Kind::Ntp, QStringLiteral("127.0.0.1"), silent.port()), options);
    QCOMPARE(verdictName(timeout.verdict), QStringLiteral("timeout"));
    QCOMPARE(silent.messages().size(), 1);
}

// A time server that has no time (Debian's chronyd without a source) and something that is no
// time server (a UDP echo on the port): their own verdicts, not "timeout".
void tst_ConnectivityTester::ntpWithoutTime()
{
    TestProcess chronyd;
    quint16 port = 0;
    const QString error = startUnsynchronisedChronyd(chronyd, &port);
    if (!error.isEmpty())
        QSKIP(qPrintable(error));
    const CheckResult unsynchronised =
            runOne(target(CheckTarget::Kind::Ntp, QStringLiteral("127.0.0.1"), port), baseOptions());
    QCOMPARE(verdictName(unsynchronised.verdict), QStringLiteral("ntp-unsynchronised"));
    QVERIFY(unsynchronised.hint.contains(QLatin1String("time sources")));

    TestUdpResponder echo([](const QByteArray &request) { return request; });
    QVERIFY(echo.listenLoopback());
    TesterOptions options = baseOptions();
    options.stageTimeoutMs = 300;
    const CheckResult invalid =
            runOne(target(CheckTarget::Kind::Ntp, QStringLiteral("127.0.0.1"), echo.port()), options);
    QCOMPARE(verdictName(invalid.verdict), QStringLiteral("ntp-invalid-reply"));
    QVERIFY2(invalid.reason.contains(QLatin1String("mode 3")), qPrintable(invalid.reason));
    QVERIFY(invalid.hint.contains(QLatin1String("not an NTP server")));
}

void tst_ConnectivityTester::syslog()
{
    TestUdpSink sink;
    QVERIFY(sink.listenLoopback());
    const CheckResult sent = runOne(
            target(CheckTarget::Kind::SyslogUdp, QStringLiteral("127.0.0.1"), sink.port()), baseOptions());
    QCOMPARE(verdictName(sent.verdict), QStringLiteral("not-verifiable"));
    QVERIFY(!sent.isFailure());
    QCOMPARE(sink.messages().size(), 1);
    QVERIFY(sink.messages().first().startsWith("<14>1 "));
    QVERIFY(sink.messages().first().contains("Portolan connectivity test"));

    const CheckResult refused =
            runOne(target(CheckTarget::Kind::SyslogUdp, QStringLiteral("127.0.0.1"), closedUdpPort()),
                   baseOptions());
    QCOMPARE(verdictName(refused.verdict), QStringLiteral("refused"));
}

void tst_ConnectivityTester::dnsProbe()
{
    TestDnsServer server;
    QVERIFY(server.listenLoopback());
    const CheckResult ok =
            runOne(target(CheckTarget::Kind::Dns, QStringLiteral("127.0.0.1"), server.port()), baseOptions());
    QCOMPARE(verdictName(ok.verdict), QStringLiteral("ok"));
    QCOMPARE(server.queries(), 1);
    const CheckResult refused = runOne(
            target(CheckTarget::Kind::Dns, QStringLiteral("127.0.0.1"), closedUdpPort()), baseOptions());
    QCOMPARE(verdictName(refused.verdict), QStringLiteral("refused"));
}

void tst_ConnectivityTester::dnsServer()
{
    TestDnsServer dns;
    dns.addRecord(QStringLiteral("mapped.test"), QHostAddress(QStringLiteral("127.0.0.1")));
    QVERIFY(dns.listenLoopback());
    TestTcpServer web(TestTcpServer::Mode::Http);
    QVERIFY(web.listenLoopback());
    TesterOptions options = baseOptions();
    options.dnsServer = TesterOptions::DnsServer{QHostAddress::LocalHost, dns.port()};

    const QList<CheckResult> results =
            run({target(CheckTarget::Kind::Http, QStringLiteral("mapped.test"), web.port()),
                 target(CheckTarget::Kind::Http, QStringLiteral("missing.test"), web.port())},
                options);
    QCOMPARE(results.size(), 2);
    QCOMPARE(verdictName(results.at(0).verdict), QStringLiteral("ok"));
    QVERIFY(results.at(0).stage(QStringLiteral("dns"))->detail.contains(QLatin1String("DNS server")));
    QCOMPARE(verdictName(results.at(1).verdict), QStringLiteral("dns-failed"));
    QCOMPARE(results.at(1).stage(QStringLiteral("tcp"))->status, CheckStage::Status::NotRun);
    QCOMPARE(web.requestCount(), 1);

    // A DNS server that does not answer.
    options.dnsServer = TesterOptions::DnsServer{QHostAddress::LocalHost, closedUdpPort()};
    const CheckResult unreachable =
            runOne(target(CheckTarget::Kind::Http, QStringLiteral("mapped.test"), web.port()), options);
    QCOMPARE(verdictName(unreachable.verdict), QStringLiteral("dns-failed"));
}

void tst_ConnectivityTester::dnsmasq()
{
    TestProcess process;
    quint16 port = 0;
    const QString error = startDnsmasq(process, &port, {QStringLiteral("--address=/mapped.test/127.0.0.1")});
    if (!error.isEmpty())
        QSKIP(qPrintable(error));
    TestTcpServer web(TestTcpServer::Mode::Http);
    QVERIFY(web.listenLoopback());
    TesterOptions options = baseOptions();
    options.dnsServer = TesterOptions::DnsServer{QHostAddress::LocalHost, port};
    const QList<CheckResult> results =
            run({target(CheckTarget::Kind::Http, QStringLiteral("mapped.test"), web.port()),
                 target(CheckTarget::Kind::Http, QStringLiteral("unknown.test"), web.port())},
                options);
    QCOMPARE(verdictName(results.value(0).verdict), QStringLiteral("ok"));
    QCOMPARE(results.value(0).resolvedAddresses, QStringList{QStringLiteral("127.0.0.1")});
    QVERIFY(results.value(0).cnames.isEmpty());
    QCOMPARE(verdictName(results.value(1).verdict), QStringLiteral("dns-failed"));
}

// dnsmasq inside a private network namespace: a CNAME chain is reported name by name; an
// answer too large for UDP (40 addresses) comes back truncated and is asked again over TCP, and
// fails clearly when a firewall resets DNS over TCP; 53/TCP gets a real DNS query over TCP.
void tst_ConnectivityTester::dnsOverTcpAndAliases()
{
    RUN_IN_NETWORK_NAMESPACE("dnsOverTcpAndAliases",
                             (QList<Verdict::Value>{Verdict::DnsFailed, Verdict::Stalled}))
    QString error = addFirewallRules({}); // brings lo up
    if (!error.isEmpty())
        QSKIP(qPrintable(error));
    QStringList records{QStringLiteral("--host-record=target.test,127.0.0.1"),
                        QStringLiteral("--cname=alias.test,middle.test"),
                        QStringLiteral("--cname=middle.test,target.test")};
    for (int i = 1; i <= 40; ++i)
        records.append(QStringLiteral("--host-record=big.test,127.0.%1.1").arg(i == 1 ? 0 : i));
    TestProcess dnsmasq;
    quint16 port = 0;
    error = startDnsmasq(dnsmasq, &port, records);
    if (!error.isEmpty())
        QSKIP(qPrintable(error));
    TestTcpServer web(TestTcpServer::Mode::Http);
    QVERIFY(web.listenLoopback());
    TesterOptions options = baseOptions();
    options.dnsServer = TesterOptions::DnsServer{QHostAddress::LocalHost, port};

    // The alias chain, in order, in the result and the text report.
    CheckResult result =
            runOne(target(CheckTarget::Kind::Http, QStringLiteral("alias.test"), web.port()), options);
    QCOMPARE(verdictName(result.verdict), QStringLiteral("ok"));
    QCOMPARE(result.cnames, (QStringList{QStringLiteral("middle.test"), QStringLiteral("target.test")}));
    QCOMPARE(result.resolvedAddresses, QStringList{QStringLiteral("127.0.0.1")});
    TestPlan plan;
    plan.targets = {target(CheckTarget::Kind::Http, QStringLiteral("alias.test"), web.port())};
    const QString text = QString::fromUtf8(
            ResultsReport::results(ResultsReport::Format::Text, plan, {result}, ResultsReport::Run()));
    QVERIFY2(text.contains(QLatin1String("Aliases: alias.test > middle.test > target.test")),
             qPrintable(text));

    // Truncated over UDP, complete over TCP.
    result = runOne(target(CheckTarget::Kind::Http, QStringLiteral("big.test"), web.port()), options);
    QCOMPARE(result.resolvedAddresses.size(), 40);
    QVERIFY2(result.stage(QStringLiteral("dns"))->detail.contains(QLatin1String("asked again over TCP")),
             qPrintable(result.stage(QStringLiteral("dns"))->detail));
    QCOMPARE(verdictName(result.verdict), QStringLiteral("ok")); // 127.0.0.1 among them answers

    // 53/TCP: a DNS query over TCP, answered.
    result = runOne(target(CheckTarget::Kind::DnsTcp, QStringLiteral("127.0.0.1"), port), options);
    QVERIFY2(result.verdict == Verdict::Ok, qPrintable(result.reason + dnsmasq.output()));
    QVERIFY2(result.stage(QStringLiteral("dns-query"))->detail.contains(QLatin1String("response code 3")),
             qPrintable(result.stage(QStringLiteral("dns-query"))->detail));
    QCOMPARE(result.stage(QStringLiteral("tcp"))->status, CheckStage::Status::Passed);
    QCOMPARE(result.stage(QStringLiteral("dns-query"))->status, CheckStage::Status::Passed);
    // Something else on the port: an SSH banner is no DNS reply; a silent server stalls.
    TestTcpServer banner(TestTcpServer::Mode::NotHttp);
    TestTcpServer silent(TestTcpServer::Mode::Silent);
    QVERIFY(banner.listenLoopback());
    QVERIFY(silent.listenLoopback());
    result = runOne(target(CheckTarget::Kind::DnsTcp, QStringLiteral("127.0.0.1"), banner.port()), options);
    QCOMPARE(verdictName(result.verdict), QStringLiteral("dns-failed"));
    QCOMPARE(result.stage(QStringLiteral("dns-query"))->status, CheckStage::Status::Failed);
    result = runOne(target(CheckTarget::Kind::DnsTcp, QStringLiteral("127.0.0.1"), silent.port()), options);
    QCOMPARE(verdictName(result.verdict), QStringLiteral("stalled"));
    QVERIFY2(!result.hint.contains(QLatin1String("silently dropped")), qPrintable(result.hint));

    // A firewall resets DNS over TCP: the truncated answer cannot be completed.
    error = addFirewallRules(
            {QStringLiteral("-A INPUT -p tcp --dport %1 -j REJECT --reject-with tcp-reset").arg(port)});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    result = runOne(target(CheckTarget::Kind::Http, QStringLiteral("big.test"), web.port()), options);
    QCOMPARE(verdictName(result.verdict), QStringLiteral("dns-failed"));
    QVERIFY2(result.reason.contains(QLatin1String("does not answer over TCP")), qPrintable(result.reason));
    result = runOne(target(CheckTarget::Kind::DnsTcp, QStringLiteral("127.0.0.1"), port), options);
    QCOMPARE(verdictName(result.verdict), QStringLiteral("refused"));
    // Small answers still come over UDP.
    result = runOne(target(CheckTarget::Kind::Http, QStringLiteral("alias.test"), web.port()), options);
    QCOMPARE(verdictName(result.verdict), QStringLiteral("ok"));
}

void tst_ConnectivityTester::squidProxy_data()
{
    QTest::addColumn<bool>("auth");
    QTest::addColumn<QString>("credentials");
    QTest::addColumn<QString>("host");
    QTest::addColumn<CheckTarget::Kind>("kind");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("failedStage");

    using K = CheckTarget::Kind;
    QTest::addRow("https through CONNECT") << false << ""
                                           << "valid.test" << K::Https << "ok"
                                           << "";
    QTest::addRow("http absolute form") << false << ""
                                        << "valid.test" << K::Http << "ok"
                                        << "";
    QTest::addRow("tcp through CONNECT") << false << ""
                                         << "valid.test" << K::Tcp << "ok"
                                         << "";
    QTest::addRow("denied by proxy") << false << ""
                                     << "blocked.test" << K::Https << "proxy-refused"
                                     << "tunnel";
    QTest::addRow("target refused") << false << ""
                                    << "closed.test" << K::Https << "refused"
                                    << "tunnel";
    QTest::addRow("auth missing") << true << ""
                                  << "valid.test" << K::Https << "proxy-auth-required"
                                  << "tunnel";
    QTest::addRow("auth missing http") << true << ""
                                       << "valid.test" << K::Http << "proxy-auth-required"
                                       << "http";
    QTest::addRow("auth wrong") << true << "user:wrong"
                                << "valid.test" << K::Https << "proxy-auth-required"
                                << "tunnel";
    QTest::addRow("auth ok") << true << "user:s3cret"
                             << "valid.test" << K::Https << "ok"
                             << "";
}

void tst_ConnectivityTester::squidProxy()
{
    QFETCH(bool, auth);
    QFETCH(QString, credentials);
    QFETCH(QString, host);
    QFETCH(CheckTarget::Kind, kind);
    QFETCH(QString, verdict);
    QFETCH(QString, failedStage);
    if (!m_certificateError.isEmpty())
        QSKIP(qPrintable(m_certificateError));

    const QHash<QString, QString> hosts{{QStringLiteral("valid.test"), QStringLiteral("127.0.0.1")},
                                        {QStringLiteral("blocked.test"), QStringLiteral("127.0.0.1")},
                                        {QStringLiteral("closed.test"), QStringLiteral("127.0.0.1")}};
    std::unique_ptr<TestProcess> &squid = auth ? m_squidAuth : m_squid;
    quint16 &squidPort = auth ? m_squidAuthPort : m_squidPort;
    if (!squid && m_squidError.isEmpty()) {
        squid = std::make_unique<TestProcess>();
        m_squidError = auth
                ? startSquid(*squid, &squidPort, hosts, QStringLiteral("user"), QStringLiteral("s3cret"))
                : startSquid(*squid, &squidPort, hosts);
    }
    if (!m_squidError.isEmpty())
        QSKIP(qPrintable(m_squidError));

    TestTcpServer *listener = server(kind == CheckTarget::Kind::Http ? Server::PlainHttp : Server::ValidTls);
    const quint16 port = host == QLatin1String("closed.test") ? closedTcpPort() : listener->port();
    TesterOptions options = baseOptions();
    options.stageTimeoutMs = 4000;
    const QString url = credentials.isEmpty()
            ? QStringLiteral("http://127.0.0.1:%1").arg(squidPort)
            : QStringLiteral("http://%1@127.0.0.1:%2").arg(credentials).arg(squidPort);
    options.proxy = std::get<ProxySettings>(ProxySettings::parse(url));
    const CheckResult result = runOne(target(kind, host, port), options);
    delete listener;

    QCOMPARE(verdictName(result.verdict), verdict);
    QVERIFY(result.proxy.startsWith(QLatin1String("http://")));
    QVERIFY2(!result.proxy.contains(QLatin1String("s3cret")), "the password never appears in results");
    // Through a proxy, the target's name is resolved by the proxy, not here.
    QVERIFY(!result.stage(QStringLiteral("dns")));
    QCOMPARE(result.stage(QStringLiteral("proxy"))->status, CheckStage::Status::Passed);
    if (!failedStage.isEmpty())
        QCOMPARE(result.stage(failedStage)->status, CheckStage::Status::Failed);
    if (verdict == QLatin1String("ok") && kind == CheckTarget::Kind::Https)
        QCOMPARE(result.tls.issuer, QStringLiteral("Portolan Test CA"));
}

void tst_ConnectivityTester::proxyUnreachable()
{
    TesterOptions options = baseOptions();
    options.proxy = std::get<ProxySettings>(
            ProxySettings::parse(QStringLiteral("http://127.0.0.1:%1").arg(closedTcpPort())));
    const CheckResult result =
            runOne(target(CheckTarget::Kind::Https, QStringLiteral("valid.test"), 443), options);
    // A proxy failure is told apart from a target failure.
    QCOMPARE(verdictName(result.verdict), QStringLiteral("proxy-refused"));
    QCOMPARE(result.stage(QStringLiteral("proxy"))->status, CheckStage::Status::Failed);
    QCOMPARE(result.stage(QStringLiteral("tunnel"))->status, CheckStage::Status::NotRun);
    QCOMPARE(result.stage(QStringLiteral("tls"))->status, CheckStage::Status::NotRun);
}

void tst_ConnectivityTester::blackhole()
{
    if (!m_inNamespace) {
        int exitCode = -1;
        QByteArray output;
        const QString error = runInNetworkNamespace({QStringLiteral("blackhole")}, &exitCode, &output);
        if (!error.isEmpty())
            QSKIP(qPrintable(error));
        QVERIFY2(!output.contains("SKIP   :"), output.constData());
        QVERIFY2(exitCode == 0, output.constData());
        QVERIFY2(output.contains("PASS   : tst_ConnectivityTester::blackhole()"), output.constData());
        m_seen.insert(Verdict::Timeout);
        return;
    }
    // Inside a private network namespace: TCP to these ports is dropped on lo.
    const QList<quint16> ports{9, 10, 11, 12};
    const QString error = blackholeLoopbackPorts(ports);
    if (!error.isEmpty())
        QSKIP(qPrintable(error));
    TesterOptions options = baseOptions();
    options.stageTimeoutMs = 500;
    QList<CheckTarget> targets;
    for (quint16 port : ports)
        targets.append(target(CheckTarget::Kind::Https, QStringLiteral("valid.test"), port));
    QElapsedTimer clock;
    clock.start();
    const QList<CheckResult> results = run(targets, options);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(results.size(), ports.size());
    for (const CheckResult &result : results) {
        QCOMPARE(verdictName(result.verdict), QStringLiteral("timeout"));
        QCOMPARE(result.stage(QStringLiteral("tcp"))->status, CheckStage::Status::Failed);
        QVERIFY(result.stage(QStringLiteral("tcp"))->durationMs >= 450);
        QCOMPARE(result.stage(QStringLiteral("tls"))->status, CheckStage::Status::NotRun);
    }
    // In parallel: about one timeout, not four.
    QVERIFY2(elapsed < 1500, qPrintable(QString::number(elapsed)));
}

// A host firewall that rejects with ICMP admin-prohibited (firewalld's default) is "filtered"
// at once, not a timeout; one that rejects with a TCP reset looks like a closed port: "refused".
void tst_ConnectivityTester::firewallRejects()
{
    RUN_IN_NETWORK_NAMESPACE("firewallRejects", (QList<Verdict::Value>{Verdict::Filtered, Verdict::Refused}))
    TestTcpServer prohibited(TestTcpServer::Mode::Http);
    TestTcpServer reset(TestTcpServer::Mode::Http);
    const QString error = addFirewallRules(
            {QStringLiteral("-A INPUT -p tcp --dport %1 -j REJECT --reject-with icmp-admin-prohibited")
                     .arg(prohibited.listenLoopback() ? prohibited.port() : 0),
             QStringLiteral("-A INPUT -p tcp --dport %1 -j REJECT --reject-with tcp-reset")
                     .arg(reset.listenLoopback() ? reset.port() : 0)});
    if (!error.isEmpty())
        QSKIP(qPrintable(error));
    TesterOptions options = baseOptions();
    options.stageTimeoutMs = 5000;
    QElapsedTimer clock;
    clock.start();
    const QList<CheckResult> results =
            run({target(CheckTarget::Kind::Http, QStringLiteral("valid.test"), prohibited.port()),
                 target(CheckTarget::Kind::Http, QStringLiteral("valid.test"), reset.port())},
                options);
    const qint64 elapsed = clock.elapsed();
    qInfo("admin-prohibited and tcp-reset: verdicts after %lld ms (%lld ms, %lld ms)", elapsed,
          results.value(0).durationMs, results.value(1).durationMs);
    QCOMPARE(results.size(), 2);
    const CheckResult &filtered = results.at(0);
    QCOMPARE(verdictName(filtered.verdict), QStringLiteral("filtered"));
    QCOMPARE(filtered.stage(QStringLiteral("tcp"))->status, CheckStage::Status::Failed);
    QVERIFY2(filtered.reason.contains(QLatin1String("ICMP")), qPrintable(filtered.reason));
    QVERIFY2(filtered.hint.contains(QLatin1String("firewall")), qPrintable(filtered.hint));
    QVERIFY2(filtered.hint.contains(QStringLiteral("TCP %1").arg(prohibited.port())),
             qPrintable(filtered.hint));
    const CheckResult &refused = results.at(1);
    QCOMPARE(verdictName(refused.verdict), QStringLiteral("refused"));
    QCOMPARE(refused.stage(QStringLiteral("tcp"))->status, CheckStage::Status::Failed);
    QVERIFY2(refused.hint.contains(QLatin1String("Nothing listens")), qPrintable(refused.hint));
    QCOMPARE(prohibited.connectionCount(), 0);
    QCOMPARE(reset.connectionCount(), 0);
    // At once, not after the 5 s timeout.
    QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
}

// A captive portal or a web filter answers with a redirect to another host: a failure that
// names where it points. http -> https on the same host, or a relative redirect, is fine.
void tst_ConnectivityTester::redirects_data()
{
    QTest::addColumn<bool>("viaProxy");
    QTest::addColumn<CheckTarget::Kind>("kind");
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<QString>("location");

    using K = CheckTarget::Kind;
    const QByteArray portal =
            "HTTP/1.1 302 Found\r\nLocation: http://portal.example/login?from=valid.test\r\n"
            "Content-Length: 0\r\nConnection: close\r\n\r\n";
    QTest::addRow("target redirects to a portal") << false << K::Http << portal << "http-redirected"
                                                  << "http://portal.example/login?from=valid.test";
    QTest::addRow("https target redirects to a portal") << false << K::Https << portal << "http-redirected"
                                                        << "http://portal.example/login?from=valid.test";
    QTest::addRow("proxy redirects plain http") << true << K::Http << portal << "http-redirected"
                                                << "http://portal.example/login?from=valid.test";
    QTest::addRow("http to https on the same host")
            << false << K::Http
            << QByteArray("HTTP/1.1 301 Moved Permanently\r\nLocation: https://VALID.test/\r\n\r\n") << "ok"
            << "";
    QTest::addRow("relative redirect")
            << false << K::Http
            << QByteArray("HTTP/1.1 307 Temporary Redirect\r\nLocation: /elsewhere\r\n\r\n") << "ok"
            << "";
    QTest::addRow("redirect to an address")
            << false << K::Http
            << QByteArray("HTTP/1.1 303 See Other\r\nLocation: http://10.0.0.1:8080/\r\n\r\n")
            << "http-redirected"
            << "http://10.0.0.1:8080/";
}

void tst_ConnectivityTester::redirects()
{
    QFETCH(bool, viaProxy);
    QFETCH(CheckTarget::Kind, kind);
    QFETCH(QByteArray, reply);
    QFETCH(QString, verdict);
    QFETCH(QString, location);
    if (!m_certificateError.isEmpty())
        QSKIP(qPrintable(m_certificateError));

    TestTcpServer server(TestTcpServer::Mode::Canned);
    server.setCannedReply(reply);
    if (kind == CheckTarget::Kind::Https)
        server.setTls(m_certificates.certificate(TestCertificates::Leaf::Valid),
                      m_certificates.key(TestCertificates::Leaf::Valid));
    QVERIFY(server.listenLoopback());
    TesterOptions options = baseOptions();
    // Through the proxy the target port is never contacted: the proxy answers for it.
    quint16 port = server.port();
    if (viaProxy) {
        options.proxy = std::get<ProxySettings>(
                ProxySettings::parse(QStringLiteral("http://127.0.0.1:%1").arg(server.port())));
        port = closedTcpPort();
    }
    const CheckResult result = runOne(target(kind, QStringLiteral("valid.test"), port), options);
    QCOMPARE(verdictName(result.verdict), verdict);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(result.redirectLocation, location);
    if (verdict == QLatin1String("http-redirected")) {
        QCOMPARE(result.stage(QStringLiteral("http"))->status, CheckStage::Status::Failed);
        QVERIFY2(result.reason.contains(location), qPrintable(result.reason));
        QVERIFY2(result.hint.contains(location), qPrintable(result.hint));
        QVERIFY2(result.hint.contains(QLatin1String("captive portal")), qPrintable(result.hint));
        QVERIFY(Verdict::isFailure(result.verdict));
    } else {
        QVERIFY(result.httpStatus >= 300 && result.httpStatus < 400);
    }
}

// A 502/504 from a proxy that is not squid (no X-Squid-Error) means the same through CONNECT
// and for plain HTTP.
void tst_ConnectivityTester::gatewayErrorsWithoutSquidHeader_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<QString>("verdict");
    QTest::addRow("502") << QByteArray("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n") << "refused";
    QTest::addRow("504") << QByteArray("HTTP/1.1 504 Gateway Timeout\r\nContent-Length: 0\r\n\r\n")
                         << "timeout";
    QTest::addRow("squid 113") << QByteArray(
            "HTTP/1.1 503 Service Unavailable\r\nX-Squid-Error: ERR_CONNECT_FAIL "
            "113\r\n\r\n") << "filtered";
}

void tst_ConnectivityTester::gatewayErrorsWithoutSquidHeader()
{
    QFETCH(QByteArray, reply);
    QFETCH(QString, verdict);
    TestTcpServer proxy(TestTcpServer::Mode::Canned);
    proxy.setCannedReply(reply);
    QVERIFY(proxy.listenLoopback());
    TesterOptions options = baseOptions();
    options.proxy = std::get<ProxySettings>(
            ProxySettings::parse(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
    const QList<CheckResult> results =
            run({target(CheckTarget::Kind::Https, QStringLiteral("valid.test"), 443),
                 target(CheckTarget::Kind::Http, QStringLiteral("valid.test"), 80)},
                options);
    QCOMPARE(results.size(), 2);
    QCOMPARE(verdictName(results.at(0).verdict), verdict);
    QCOMPARE(results.at(0).stage(QStringLiteral("tunnel"))->status, CheckStage::Status::Failed);
    QCOMPARE(verdictName(results.at(1).verdict), verdict);
    QCOMPARE(results.at(1).stage(QStringLiteral("http"))->status, CheckStage::Status::Failed);
}

// A dual-stack name whose IPv6 path is refused: IPv4 is tried at once, and every address
// tried is reported.
// A TLS-inspecting proxy whose CA this machine trusts (installed in the system store, not a
// public root): squid with ssl-bump re-signs the server's certificate. The check names the
// re-signing root and fails with tls-intercepted unless the user named that CA with --ca-file;
// --ca-file adds to the system store, it does not replace it.
void tst_ConnectivityTester::tlsInterception()
{
    RUN_IN_NETWORK_NAMESPACE("tlsInterception", (QList<Verdict::Value>{Verdict::TlsIntercepted}))
    const QString certificateError = m_certificates.generate();
    if (!certificateError.isEmpty())
        QSKIP(qPrintable(certificateError));
    QString error = addFirewallRules({}); // brings lo up
    if (!error.isEmpty())
        QSKIP(qPrintable(error));
    // This machine's store: the test CA (standing for a public root) and the inspection CA.
    QTemporaryDir store;
    error = replaceSystemTrustStore({m_certificates.caFile(), m_certificates.proxyCaFile()}, store);
    if (!error.isEmpty())
        QSKIP(qPrintable(error));
    QTemporaryDir publicRoots;
    QVERIFY(QFile::copy(m_certificates.caFile(), publicRoots.filePath(QStringLiteral("test-root.crt"))));

    auto options = [&publicRoots](const QStringList &caFiles) {
        TesterOptions o;
        o.allowOnlyLoopback = true;
        o.stageTimeoutMs = 4000;
        o.addResolveOverride(QStringLiteral("valid.test:127.0.0.1"));
        o.publicRootsDirectory = publicRoots.path();
        for (const QString &file : caFiles)
            o.addCaFile(file);
        return o;
    };
    TestTcpServer origin(TestTcpServer::Mode::Http);
    origin.setTls(m_certificates.certificate(TestCertificates::Leaf::Valid),
                  m_certificates.key(TestCertificates::Leaf::Valid));
    QVERIFY(origin.listenLoopback());
    const CheckTarget direct = target(CheckTarget::Kind::Https, QStringLiteral("valid.test"), origin.port());

    // Direct, through a public root: ok, and the chain is named.
    CheckResult result = runOne(direct, options({}));
    QCOMPARE(verdictName(result.verdict), QStringLiteral("ok"));
    QCOMPARE(result.tls.chain,
             (QStringList{QStringLiteral("valid.test"), QStringLiteral("Portolan Test CA")}));
    QCOMPARE(result.tls.anchorKind, TrustAnchors::Kind::Public);
    TestPlan plan;
    plan.roles = {QStringLiteral("agent")};
    plan.targets = {direct};
    const QString text = QString::fromUtf8(
            ResultsReport::results(ResultsReport::Format::Text, plan, {result}, ResultsReport::Run()));
    QVERIFY2(text.contains(QLatin1String("valid.test < Portolan Test CA (a public root)")), qPrintable(text));
    const QString junit = QString::fromUtf8(
            ResultsReport::results(ResultsReport::Format::JUnit, plan, {result}, ResultsReport::Run()));
    QVERIFY2(junit.contains(QLatin1String("valid.test &lt; Portolan Test CA (a public root)")),
             qPrintable(junit));
    const QJsonObject tls = QJsonDocument::fromJson(ResultsReport::results(ResultsReport::Format::Json, plan,
                                                                           {result}, ResultsReport::Run()))
                                    .object()
                                    .value(QLatin1String("results"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QLatin1String("tls"))
                                    .toObject();
    QCOMPARE(tls.value(QLatin1String("root")).toString(), QStringLiteral("public"));
    QCOMPARE(tls.value(QLatin1String("chain")).toArray().size(), 2);

    // --ca-file with an unrelated CA: the system store is still trusted (it used to be replaced).
    result = runOne(direct, options({m_certificates.otherCaFile()}));
    QCOMPARE(verdictName(result.verdict), QStringLiteral("ok"));
    QCOMPARE(result.tls.anchorKind, TrustAnchors::Kind::Public);

    // A server whose certificate chains to the installed, non-public CA.
    TestTcpServer resigned(TestTcpServer::Mode::Http);
    resigned.setTls(m_certificates.certificate(TestCertificates::Leaf::Untrusted),
                    m_certificates.key(TestCertificates::Leaf::Untrusted));
    QVERIFY(resigned.listenLoopback());
    result = runOne(target(CheckTarget::Kind::Https, QStringLiteral("valid.test"), resigned.port()),
                    options({}));
    QCOMPARE(verdictName(result.verdict), QStringLiteral("tls-intercepted"));
    QCOMPARE(result.stage(QStringLiteral("tls"))->status, CheckStage::Status::Failed);
    QCOMPARE(result.stage(QStringLiteral("http"))->status, CheckStage::Status::NotRun);

    // squid with ssl-bump in between, signing with the installed inspection CA.
    TestProcess squid;
    quint16 squidPort = 0;
    error = startInspectingSquid(
            squid, &squidPort, {{QStringLiteral("valid.test"), QStringLiteral("127.0.0.1")}},
            m_certificates.proxyCaFile(), m_certificates.proxyCaKeyFile(), m_certificates.caFile());
    if (!error.isEmpty())
        QSKIP(qPrintable(error));
    const ProxySettings proxy = std::get<ProxySettings>(
            ProxySettings::parse(QStringLiteral("http://127.0.0.1:%1").arg(squidPort)));
    for (const CheckTarget::Kind kind : {CheckTarget::Kind::Https, CheckTarget::Kind::Tls}) {
        TesterOptions inspected = options({});
        inspected.proxy = proxy;
        result = runOne(target(kind, QStringLiteral("valid.test"), origin.port()), inspected);
        QVERIFY2(result.verdict == Verdict::TlsIntercepted, qPrintable(result.reason + squid.output()));
        QCOMPARE(result.tls.subject, QStringLiteral("valid.test"));
        QCOMPARE(result.tls.issuer, QStringLiteral("Inspecting Proxy CA"));
        QCOMPARE(result.tls.anchorKind, TrustAnchors::Kind::System);
        QCOMPARE(result.tls.chain.constLast(), QStringLiteral("Inspecting Proxy CA"));
        QVERIFY2(result.reason.contains(QLatin1String("Inspecting Proxy CA")), qPrintable(result.reason));
        const QString hint = ResultText::hint(result);
        QVERIFY2(hint.contains(QLatin1String("\"Inspecting Proxy CA\"")), qPrintable(hint));
        QVERIFY2(hint.contains(QLatin1String("exempted from TLS inspection")), qPrintable(hint));
        const QString csv = QString::fromUtf8(CsvReport::write({result}, QString()));
        QVERIFY2(csv.contains(QLatin1String("valid.test < Inspecting Proxy CA")), qPrintable(csv));
        const QString html = ResultText::detailsHtml(result);
        QVERIFY2(html.contains(QLatin1String("installed on this machine, not public")), qPrintable(html));
    }

    // The same inspection, expected: its CA named with --ca-file.
    TesterOptions expected = options({m_certificates.proxyCaFile()});
    expected.proxy = proxy;
    result = runOne(direct, expected);
    QVERIFY2(result.verdict == Verdict::Ok, qPrintable(result.reason));
    QCOMPARE(result.tls.issuer, QStringLiteral("Inspecting Proxy CA"));
    QCOMPARE(result.tls.anchorKind, TrustAnchors::Kind::CaFile);
    QCOMPARE(result.httpStatus, 204);

    // Without a list of public roots the judgement is off: the chain is still named.
    TesterOptions unknown = options({});
    unknown.proxy = proxy;
    unknown.publicRootsDirectory = store.filePath(QStringLiteral("missing"));
    result = runOne(direct, unknown);
    QVERIFY2(result.verdict == Verdict::Ok, qPrintable(result.reason));
    QCOMPARE(result.tls.anchorKind, TrustAnchors::Kind::Unknown);
    QCOMPARE(result.tls.chain.constLast(), QStringLiteral("Inspecting Proxy CA"));
}

void tst_ConnectivityTester::dualStackFallsBack()
{
    TestTcpServer server(TestTcpServer::Mode::Http);
    QVERIFY(server.listenLoopback());
    TesterOptions options = baseOptions();
    options.addResolveOverride(QStringLiteral("dual.test:[::1]"));
    options.addResolveOverride(QStringLiteral("dual.test:127.0.0.1"));
    QElapsedTimer clock;
    clock.start();
    const CheckResult result =
            runOne(target(CheckTarget::Kind::Http, QStringLiteral("dual.test"), server.port()), options);
    QCOMPARE(verdictName(result.verdict), QStringLiteral("ok"));
    QCOMPARE(result.resolvedAddresses, (QStringList{QStringLiteral("::1"), QStringLiteral("127.0.0.1")}));
    QCOMPARE(result.connectedAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(result.connectAttempts.size(), 2);
    QVERIFY2(result.connectAttempts.at(0).startsWith(QLatin1String("::1 port")),
             qPrintable(result.connectAttempts.at(0)));
    QVERIFY2(result.connectAttempts.at(1).contains(QLatin1String("127.0.0.1 port"))
                     && result.connectAttempts.at(1).contains(QLatin1String("connected")),
             qPrintable(result.connectAttempts.at(1)));
    QVERIFY2(result.stage(QStringLiteral("tcp"))->detail.contains(QLatin1String("::1")),
             qPrintable(result.stage(QStringLiteral("tcp"))->detail));
    QVERIFY2(clock.elapsed() < 500, qPrintable(QString::number(clock.elapsed())));
}

// The same with the IPv6 path blackholed (ip6tables DROP in a private namespace): the IPv6
// address gets its share of the timeout, then IPv4 connects within the same stage timeout.
void tst_ConnectivityTester::dualStackBlackholedIpv6()
{
    RUN_IN_NETWORK_NAMESPACE("dualStackBlackholedIpv6", QList<Verdict::Value>{})
    TestTcpServer server(TestTcpServer::Mode::Http);
    QVERIFY(server.listenLoopback());
    const QString error =
            addFirewallRules({QStringLiteral("-6 -A INPUT -p tcp --dport %1 -j DROP").arg(server.port())});
    if (!error.isEmpty())
        QSKIP(qPrintable(error));
    TesterOptions options = baseOptions();
    options.stageTimeoutMs = 2000;
    options.addResolveOverride(QStringLiteral("dual.test:[::1]"));
    options.addResolveOverride(QStringLiteral("dual.test:127.0.0.1"));
    QElapsedTimer clock;
    clock.start();
    const CheckResult result =
            runOne(target(CheckTarget::Kind::Http, QStringLiteral("dual.test"), server.port()), options);
    const qint64 elapsed = clock.elapsed();
    qInfo("dual stack with IPv6 blackholed: ok after %lld ms", elapsed);
    QCOMPARE(verdictName(result.verdict), QStringLiteral("ok"));
    QCOMPARE(result.connectedAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(result.connectAttempts.size(), 2);
    QVERIFY2(result.connectAttempts.at(0).contains(QLatin1String("no answer within")),
             qPrintable(result.connectAttempts.at(0)));
    QVERIFY2(elapsed >= 900 && elapsed < 1800, qPrintable(QString::number(elapsed)));
}

void tst_ConnectivityTester::loopbackOnlyRefuses()
{
    TesterOptions options = baseOptions();
    const QList<CheckResult> results =
            run({target(CheckTarget::Kind::Https, QStringLiteral("192.0.2.1"), 443),
                 target(CheckTarget::Kind::Https, QStringLiteral("not-mapped.example"), 443)},
                options);
    QCOMPARE(results.size(), 2);
    for (const CheckResult &result : results) {
        QVERIFY(result.isFailure());
        QVERIFY2(result.reason.contains(QLatin1String("loopback")), qPrintable(result.reason));
        QCOMPARE(result.stage(QStringLiteral("tcp"))->status, CheckStage::Status::NotRun);
    }
}

void tst_ConnectivityTester::skippedTargets()
{
    CheckTarget wildcard = target(CheckTarget::Kind::Wildcard, QStringLiteral("*.valid.test"), 0);
    wildcard.skipReason = QStringLiteral("Not directly testable");
    const CheckResult result = runOne(wildcard, baseOptions());
    QCOMPARE(verdictName(result.verdict), QStringLiteral("skipped"));
    QCOMPARE(result.reason, QStringLiteral("Not directly testable"));
    QVERIFY(result.stages.isEmpty());
    QVERIFY(!result.isFailure());
}

void tst_ConnectivityTester::sameDestinationCheckedOnce()
{
    TestTcpServer web(TestTcpServer::Mode::Http);
    QVERIFY(web.listenLoopback());
    QList<CheckTarget> targets;
    for (const QString &entry : {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")})
        targets.append(target(CheckTarget::Kind::Http, QStringLiteral("valid.test"), web.port(), entry));
    const QList<CheckResult> results = run(targets, baseOptions());
    QCOMPARE(web.connectionCount(), 1);
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).flowIds(), QStringList{QStringLiteral("a")});
    QCOMPARE(results.at(2).flowIds(), QStringList{QStringLiteral("c")});
    QCOMPARE(results.at(2).targetIndex, 2);
    for (const CheckResult &result : results)
        QCOMPARE(result.verdict, Verdict::Ok);
}

void tst_ConnectivityTester::concurrencyIsBounded()
{
    TestTcpServer silent(TestTcpServer::Mode::Silent);
    QVERIFY(silent.listenLoopback());
    TesterOptions options = baseOptions();
    options.concurrency = 3;
    options.stageTimeoutMs = 300;
    QList<CheckTarget> targets;
    for (int i = 0; i < 9; ++i) {
        CheckTarget t = target(CheckTarget::Kind::Http, QStringLiteral("valid.test"), silent.port());
        t.path = QStringLiteral("/%1").arg(i); // distinct checks
        targets.append(t);
    }
    QElapsedTimer clock;
    clock.start();
    const QList<CheckResult> results = run(targets, options);
    QCOMPARE(results.size(), 9);
    QCOMPARE(silent.connectionCount(), 9);
    // Each check holds its connection for the 300 ms timeout, so a fourth connection can only
    // come once one of three has timed out. (The server's own count of open connections
    // depends on when it notices a close, which a slow run — AddressSanitizer — delays.)
    const QList<qint64> accepted = silent.acceptTimesMs();
    for (int i = 0; i + 3 < accepted.size(); ++i)
        QVERIFY2(accepted.at(i + 3) - accepted.at(i) >= options.stageTimeoutMs / 2,
                 qPrintable(QStringLiteral("connections %1 and %2: %3 ms apart")
                                    .arg(i)
                                    .arg(i + 3)
                                    .arg(accepted.at(i + 3) - accepted.at(i))));
    QVERIFY(clock.elapsed() >= 3 * 300);
}

void tst_ConnectivityTester::totalTimeIsCloseToSlowest()
{
    TestTcpServer silent(TestTcpServer::Mode::Silent);
    TestTcpServer web(TestTcpServer::Mode::Http);
    QVERIFY(silent.listenLoopback());
    QVERIFY(web.listenLoopback());
    TesterOptions options = baseOptions();
    options.stageTimeoutMs = 400;
    QList<CheckTarget> targets;
    for (int i = 0; i < 30; ++i) {
        CheckTarget t = target(CheckTarget::Kind::Http, QStringLiteral("valid.test"),
                               i % 2 ? silent.port() : web.port());
        t.path = QStringLiteral("/%1").arg(i);
        targets.append(t);
    }
    QElapsedTimer clock;
    clock.start();
    const QList<CheckResult> results = run(targets, options);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(results.size(), 30);
    QCOMPARE(web.requestCount(), 15);
    // 15 checks wait a full timeout each: sequentially 6 s, in parallel about 0.4 s.
    QVERIFY2(elapsed < 2 * 400 + 400, qPrintable(QString::number(elapsed)));
}

void tst_ConnectivityTester::cancelStopsEverything()
{
    TestTcpServer silent(TestTcpServer::Mode::Silent);
    QVERIFY(silent.listenLoopback());
    TesterOptions options = baseOptions();
    options.stageTimeoutMs = 30000;
    options.concurrency = 8;
    TestPlan plan;
    for (int i = 0; i < 20; ++i) {
        CheckTarget t = target(CheckTarget::Kind::Http, QStringLiteral("valid.test"), silent.port());
        t.path = QStringLiteral("/%1").arg(i);
        plan.targets.append(t);
    }
    ConnectivityTester tester;
    tester.setOptions(options);
    QSignalSpy finished(&tester, &ConnectivityTester::finished);
    tester.start(plan);
    QTRY_COMPARE(silent.openConnections(), 8);
    QElapsedTimer clock;
    clock.start();
    tester.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 200);
    QVERIFY(clock.elapsed() < 200);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!tester.isRunning());
    const QList<CheckResult> results = tester.results();
    QCOMPARE(results.size(), 20);
    for (const CheckResult &result : results) {
        QCOMPARE(result.verdict, Verdict::Cancelled);
        QVERIFY2(result.reason.startsWith(QLatin1String("Cancelled")), qPrintable(result.reason));
        m_seen.insert(result.verdict);
        verifyStages(result);
    }
    // The sockets are gone: the server sees every connection closed, and no new one comes.
    QTRY_COMPARE_WITH_TIMEOUT(silent.openConnections(), 0, 2000);
    QCOMPARE(silent.connectionCount(), 8);
}

void tst_ConnectivityTester::everyVerdictProduced()
{
    if (m_inNamespace || QCoreApplication::arguments().size() > 1)
        QSKIP("needs the whole test run");
    QStringList missing;
    for (Verdict::Value verdict : Verdict::all()) {
        if (!m_seen.contains(verdict))
            missing.append(Verdict::name(verdict));
    }
    if (!missing.isEmpty() && (!m_squidError.isEmpty() || !m_certificateError.isEmpty()))
        QSKIP(qPrintable(
                QStringLiteral("not produced (%1): %2")
                        .arg(m_squidError + m_certificateError, missing.join(QStringLiteral(", ")))));
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
}

QTEST_GUILESS_MAIN(tst_ConnectivityTester)
#include "tst_connectivitytester.moc"
