// TestSession: the run history both front ends drive (issue 11). Loopback servers only.
#include "core/tester/report/reportwriters.h"
#include "core/tester/result/stage.h"
#include "core/tester/session/endpointcheck.h"
#include "core/tester/session/testsession.h"

#include "testservers.h"

#include <QSignalSpy>
#include <QTest>

namespace {
CheckTarget target(CheckTarget::Kind kind, quint16 port, const QString &entry)
{
    CheckTarget t;
    t.addFlow(entry, 0);
    t.host = QStringLiteral("127.0.0.1");
    t.port = port;
    t.kind = kind;
    t.transport = t.isUdp() ? Transport::Udp : Transport::Tcp;
    t.endpoint = QStringLiteral("127.0.0.1:%1").arg(port);
    return t;
}

TesterOptions loopbackOptions()
{
    TesterOptions options;
    options.allowOnlyLoopback = true;
    options.stageTimeoutMs = 5000;
    return options;
}

QStringList verdicts(const QList<CheckResult> &results)
{
    QStringList names;
    for (const CheckResult &result : results)
        names.append(Verdict::name(result.verdict));
    return names;
}
} // namespace

class tst_TestSession : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void rerunFailedKeepsTheRunAndItsIndices();
    void cancelledRunIsNoPreviousRun();
    void newCatalogKeepsTheCompleteRun();
    void stageTable();
    void verdictTable();

private:
    TestPlan plan() const;
    bool runToEnd(TestSession &session, const std::function<void()> &start);

    TestTcpServer m_http{TestTcpServer::Mode::Http};
    TestTcpServer m_silent{TestTcpServer::Mode::Silent};
    quint16 m_closed = 0;
};

void tst_TestSession::initTestCase()
{
    QVERIFY(m_http.listenLoopback());
    QVERIFY(m_silent.listenLoopback());
    m_closed = closedTcpPort();
    QVERIFY(m_closed != 0);
}

TestPlan tst_TestSession::plan() const
{
    TestPlan plan;
    plan.roles = {QStringLiteral("agent")};
    CheckTarget skipped = target(CheckTarget::Kind::Tcp, 0, QStringLiteral("c"));
    skipped.kind = CheckTarget::Kind::None;
    skipped.skipReason = QStringLiteral("No address");
    plan.targets = {target(CheckTarget::Kind::Tcp, m_http.port(), QStringLiteral("a")),
                    target(CheckTarget::Kind::Tcp, m_closed, QStringLiteral("b")), skipped};
    return plan;
}

bool tst_TestSession::runToEnd(TestSession &session, const std::function<void()> &start)
{
    QSignalSpy finished(&session, &TestSession::finished);
    start();
    return finished.wait(20000) && !session.isRunning();
}

void tst_TestSession::rerunFailedKeepsTheRunAndItsIndices()
{
    TestSession session;
    session.setOptions(loopbackOptions());
    QVERIFY(!session.rerunFailed()); // nothing ran yet
    QSignalSpy started(&session, &TestSession::started);
    QVERIFY(runToEnd(session, [&] { session.start(plan()); }));
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(0).value<QList<int>>(), (QList<int>{0, 1, 2}));
    QCOMPARE(verdicts(session.results()), (QStringList{"ok", "refused", "skipped"}));
    QVERIFY(session.hasFailures());
    QVERIFY(session.isComplete());
    QVERIFY(!session.previousResults());

    // Only the failure runs again, under its index in the full plan; the run stays whole.
    QSignalSpy results(&session, &TestSession::resultReady);
    QVERIFY(runToEnd(session, [&] { QVERIFY(session.rerunFailed()); }));
    QCOMPARE(started.count(), 2);
    QCOMPARE(started.at(1).at(0).value<QList<int>>(), QList<int>{1});
    QCOMPARE(results.count(), 1);
    QCOMPARE(results.at(0).at(0).toInt(), 1);
    QCOMPARE(results.at(0).at(1).value<CheckResult>().targetIndex, 1);
    QCOMPARE(session.results().size(), 3);
    QVERIFY(session.isComplete());
    // The run before the re-run is there to compare with.
    QVERIFY(session.previousResults());
    QCOMPARE(verdicts(*session.previousResults()), (QStringList{"ok", "refused", "skipped"}));

    // Reports and the ticket come from the session, for both front ends.
    const QByteArray json =
            session.report(*ReportWriters::find(QStringLiteral("json")), QStringLiteral("en"));
    QVERIFY(json.contains("\"refused\""));
    QVERIFY(session.ticketText().contains(QStringLiteral("127.0.0.1:%1").arg(m_closed)));
    QCOMPARE(session.run().cancelled, false);
}

void tst_TestSession::cancelledRunIsNoPreviousRun()
{
    TestSession session;
    session.setOptions(loopbackOptions());
    QVERIFY(runToEnd(session, [&] { session.start(plan()); }));
    const QList<CheckResult> complete = session.results();

    TestPlan silent = plan();
    silent.targets = {target(CheckTarget::Kind::Http, m_silent.port(), QStringLiteral("s"))};
    QSignalSpy targetsStarted(&session, &TestSession::targetsStarted);
    QSignalSpy finished(&session, &TestSession::finished);
    session.start(silent);
    QVERIFY(targetsStarted.wait(5000));
    QTRY_COMPARE(m_silent.connectionCount() > 0, true);
    session.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(session.wasCancelled());
    QVERIFY(session.run().cancelled);
    QVERIFY(!session.isComplete());
    QCOMPARE(verdicts(session.results()), QStringList{"cancelled"});
    // The complete run before it is the previous one.
    QCOMPARE(verdicts(*session.previousResults()), verdicts(complete));

    // A cancelled run never becomes the previous run.
    QVERIFY(runToEnd(session, [&] { session.start(plan()); }));
    QCOMPARE(verdicts(*session.previousResults()), verdicts(complete));
}

void tst_TestSession::newCatalogKeepsTheCompleteRun()
{
    TestSession session;
    session.setOptions(loopbackOptions());
    QVERIFY(runToEnd(session, [&] { session.start(plan()); }));
    Catalog catalog;
    catalog.catalogVersion = QStringLiteral("test-2");
    session.setCatalog(catalog);
    QVERIFY(!session.hasRun());
    QVERIFY(session.results().isEmpty());
    QVERIFY(session.plan().targets.isEmpty());
    QVERIFY(!session.rerunFailed());
    QCOMPARE(session.previousResults()->size(), 3);
    QCOMPARE(session.run().catalogVersion, QStringLiteral("test-2"));
}

void tst_TestSession::stageTable()
{
    QSet<QString> names;
    for (const Stage::Id stage : Stage::all()) {
        const QString name = Stage::name(stage);
        QVERIFY2(!name.isEmpty() && !names.contains(name), qPrintable(name));
        names.insert(name);
        QCOMPARE(Stage::fromName(name), std::optional<Stage::Id>(stage));
        QVERIFY(!Stage::label(stage).isEmpty());
        QVERIFY2(Stage::label(stage) != name, qPrintable(name)); // a label, not the key
    }
    QCOMPARE(Stage::label(QStringLiteral("from-a-newer-version")), QStringLiteral("from-a-newer-version"));
    // Every stage a pipeline runs is in the table, and every pipeline starts by finding its peer.
    for (const auto kind : {CheckTarget::Kind::Tcp, CheckTarget::Kind::Tls, CheckTarget::Kind::Http,
                            CheckTarget::Kind::Https, CheckTarget::Kind::Ntp, CheckTarget::Kind::SyslogUdp,
                            CheckTarget::Kind::Dns, CheckTarget::Kind::DnsTcp}) {
        for (const bool proxy : {false, true}) {
            const QList<Stage::Id> stages =
                    EndpointCheck::stages(target(kind, 1, QStringLiteral("k")), proxy);
            QVERIFY(!stages.isEmpty());
            QVERIFY(stages.first() == Stage::Dns || stages.first() == Stage::Proxy);
        }
    }
    QCOMPARE(EndpointCheck::stages(target(CheckTarget::Kind::Https, 443, QStringLiteral("k")), true),
             (QList<Stage::Id>{Stage::Proxy, Stage::Tunnel, Stage::Tls, Stage::Http}));
    QCOMPARE(EndpointCheck::stages(target(CheckTarget::Kind::Http, 80, QStringLiteral("k")), true),
             (QList<Stage::Id>{Stage::Proxy, Stage::Http}));
    // DNS goes to the site's server, never through a web proxy.
    QCOMPARE(EndpointCheck::stages(target(CheckTarget::Kind::DnsTcp, 53, QStringLiteral("k")), true),
             (QList<Stage::Id>{Stage::Dns, Stage::Tcp, Stage::DnsQuery}));
}

void tst_TestSession::verdictTable()
{
    for (const Verdict::Value verdict : Verdict::all()) {
        const Verdict::Category category = Verdict::category(verdict);
        QCOMPARE(Verdict::isFailure(verdict), category == Verdict::Category::Failed);
        QCOMPARE(Verdict::isTested(verdict), category != Verdict::Category::NotTested);
        QCOMPARE(Verdict::colorRole(verdict) == Verdict::ColorRole::Bad, Verdict::isFailure(verdict));
        QVERIFY(Verdict::severity(verdict) >= 0 && Verdict::severity(verdict) <= 3);
        QVERIFY(!Verdict::text(verdict).isEmpty());
    }
    QVERIFY(Verdict::severity(Verdict::Timeout) < Verdict::severity(Verdict::NotVerifiable));
    QVERIFY(Verdict::severity(Verdict::NotVerifiable) < Verdict::severity(Verdict::Cancelled));
    QVERIFY(Verdict::severity(Verdict::Cancelled) < Verdict::severity(Verdict::Ok));
}

QTEST_GUILESS_MAIN(tst_TestSession)
#include "tst_testsession.moc"
