#include "endpointcheck.h"

#include "core/tester/probe/dnsprobe.h"
#include "core/tester/probe/httpprobe.h"
#include "core/tester/probe/ntpprobe.h"
#include "core/tester/probe/resolver.h"
#include "core/tester/probe/syslogprobe.h"
#include "core/tester/probe/tcpprobe.h"
#include "core/tester/probe/tlsprobe.h"
#include "core/tester/probe/tunnelprobe.h"
#include "core/tester/result/resulttext.h"

#include <QNetworkProxy>
#include <QSslSocket>

EndpointCheck::EndpointCheck(const CheckTarget &target, const TesterOptions &options, QObject *parent)
    : QObject(parent)
    , m_result(CheckResult::forTarget(target))
{
    m_context.target = target;
    m_context.options = options;
    m_context.result = &m_result;
    m_stageTimer.setSingleShot(true);
    // A coarse timer may fire up to 5% early: a stage must get its whole timeout.
    m_stageTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_stageTimer, &QTimer::timeout, this, &EndpointCheck::onStageTimeout);
}

EndpointCheck::~EndpointCheck()
{
    if (m_probe)
        m_probe->cancel();
}

QList<Stage::Id> EndpointCheck::stages(const CheckTarget &target, bool throughProxy)
{
    using Kind = CheckTarget::Kind;
    switch (target.kind) {
    case Kind::Ntp:
        return {Stage::Dns, Stage::Ntp};
    case Kind::Dns:
        return {Stage::Dns, Stage::DnsQuery};
    case Kind::SyslogUdp:
        return {Stage::Dns, Stage::UdpSend};
    case Kind::DnsTcp:
        // DNS goes to the site's own server, never through a web proxy.
        return {Stage::Dns, Stage::Tcp, Stage::DnsQuery};
    default:
        break;
    }
    QList<Stage::Id> stages;
    if (throughProxy) {
        stages.append(Stage::Proxy);
        // Plain HTTP asks the proxy itself; everything else goes through a tunnel.
        if (target.kind != Kind::Http)
            stages.append(Stage::Tunnel);
    } else {
        stages.append({Stage::Dns, Stage::Tcp});
    }
    if (target.usesTls())
        stages.append(Stage::Tls);
    if (target.usesHttp())
        stages.append(Stage::Http);
    return stages;
}

Probe *EndpointCheck::createProbe(Stage::Id stage)
{
    switch (stage) {
    case Stage::Dns:
        return new Resolver(m_context.target.host, Resolver::Use::Destination, &m_context, this);
    case Stage::Proxy:
        return new TcpProbe(TcpProbe::Peer::Proxy, &m_context, this);
    case Stage::Tunnel:
        return new TunnelProbe(&m_context, this);
    case Stage::Tcp:
        return new TcpProbe(TcpProbe::Peer::Destination, &m_context, this);
    case Stage::Tls:
        return new TlsProbe(&m_context, this);
    case Stage::Http:
        return new HttpProbe(&m_context, this);
    case Stage::DnsQuery:
        return new DnsProbe(m_context.target.isUdp() ? DnsProbe::Transport::Udp : DnsProbe::Transport::Tcp,
                            &m_context, this);
    case Stage::Ntp:
        return new NtpProbe(&m_context, this);
    case Stage::UdpSend:
        return new SyslogProbe(&m_context, this);
    }
    return nullptr;
}

void EndpointCheck::start()
{
    m_total.start();
    const CheckTarget &target = m_context.target;
    if (target.isSkipped()) {
        finish(Verdict::Skipped, target.skipReason);
        return;
    }
    if (!target.isUdp()) {
        const QString scheme =
                target.kind == CheckTarget::Kind::Http ? QStringLiteral("http") : QStringLiteral("https");
        if (target.kind != CheckTarget::Kind::DnsTcp)
            m_context.proxy = m_context.options.proxy.proxyFor(scheme, target.host, target.port);
        if (m_context.proxy)
            m_result.proxy = m_context.proxy->displayName();
        m_context.socket = new QSslSocket(this);
        m_context.socket->setProxy(QNetworkProxy::NoProxy);
    }
    m_pipeline = stages(target, m_context.proxy.has_value());
    for (const Stage::Id stage : std::as_const(m_pipeline)) {
        CheckStage entry;
        entry.name = Stage::name(stage);
        m_result.stages.append(entry);
    }
    runNext();
}

void EndpointCheck::runNext()
{
    if (m_next >= m_pipeline.size()) {
        finish(Verdict::Ok);
        return;
    }
    m_stageIndex = m_next;
    m_probe = createProbe(m_pipeline.at(m_next++));
    connect(m_probe, &Probe::finished, this, &EndpointCheck::onProbeFinished);
    m_stageClock.start();
    m_stageTimer.start(m_probe->timeoutMs());
    m_probe->start();
}

void EndpointCheck::onProbeFinished()
{
    Probe *probe = m_probe;
    if (m_done || sender() != probe)
        return;
    m_stageTimer.stop();
    // Possibly inside one of its own slots: deleted when the event loop runs again.
    probe->deleteLater();
    m_probe = nullptr;
    const Probe::Outcome &outcome = probe->outcome();
    CheckStage &stage = m_result.stages[m_stageIndex];
    stage.status = outcome.status;
    stage.detail = outcome.detail;
    if (outcome.status != CheckStage::Status::NotRun)
        stage.durationMs = m_stageClock.elapsed();
    m_stageIndex = -1;
    if (outcome.status == CheckStage::Status::Failed) {
        finish(outcome.verdict, outcome.reason);
        return;
    }
    if (outcome.verdict != Verdict::Ok) {
        finish(outcome.verdict, outcome.reason);
        return;
    }
    runNext();
}

void EndpointCheck::onStageTimeout()
{
    if (!m_done && m_probe)
        m_probe->timeOut();
}

void EndpointCheck::cancel()
{
    if (m_done)
        return;
    blockSignals(true);
    finish(Verdict::Cancelled, tr("Cancelled while it ran"));
}

void EndpointCheck::finish(Verdict::Value verdict, const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    m_stageTimer.stop();
    if (m_probe) {
        m_probe->cancel();
        m_probe->deleteLater();
        m_probe = nullptr;
    }
    if (m_stageIndex >= 0) {
        // Interrupted (cancelled): the stage ran but did not pass.
        CheckStage &stage = m_result.stages[m_stageIndex];
        stage.status = CheckStage::Status::Failed;
        stage.durationMs = m_stageClock.elapsed();
        stage.detail = reason;
        m_stageIndex = -1;
    }
    if (m_context.socket)
        m_context.socket->abort();
    m_result.verdict = verdict;
    m_result.reason = reason;
    m_result.hint = ResultText::hint(m_result);
    m_result.durationMs = m_total.isValid() ? m_total.elapsed() : 0;
    emit finished();
}
