#pragma once

#include "core/tester/plan/checktarget.h"
#include "core/tester/plan/proxysettings.h"
#include "core/tester/plan/testeroptions.h"
#include "core/tester/result/checkresult.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

#include <optional>

class QSslSocket;

// What the probes of one check share: the target, how to test it, the result they fill in, and
// the TCP connection that TcpProbe makes and the later probes (CONNECT, TLS, HTTP, DNS) use.
struct ProbeContext
{
    CheckTarget target;
    TesterOptions options;
    std::optional<ProxySettings::HttpProxy> proxy;
    CheckResult *result = nullptr;
    QSslSocket *socket = nullptr;
    QList<QHostAddress> addresses; // the destination's, once resolved
};

// One step of a check: it runs one stage and says how that stage ended. The check's pipeline
// (EndpointCheck) owns the stage's timer and calls timeOut() when it runs out; a probe never
// emits finished() twice, and nothing after cancel().
class Probe : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Probe)

public:
    struct Outcome
    {
        CheckStage::Status status = CheckStage::Status::Failed;
        // Failed: the check's verdict. Passed: Ok goes on to the next stage; any other verdict
        // ends the check with it (syslog's not-verifiable).
        Verdict::Value verdict = Verdict::Ok;
        QString detail; // the stage's
        QString reason; // the check's, when it ends here
    };

    Probe(Stage::Id stage, ProbeContext *context, QObject *parent = nullptr);

    Stage::Id stage() const { return m_stage; }
    virtual int timeoutMs() const;
    virtual void start() = 0;
    // The stage's time ran out: finishes with what that means at this step.
    virtual void timeOut() = 0;
    // Stops at once, without finished().
    void cancel();

    bool isFinished() const { return m_finished; }
    const Outcome &outcome() const { return m_outcome; }

signals:
    void finished();

protected:
    void pass(const QString &detail);
    // The stage had nothing to do (an address needs no resolving): not run, the check goes on.
    void passWithoutRunning(const QString &detail);
    void fail(Verdict::Value verdict, const QString &detail);
    // The stage passed and the check ends with verdict.
    void conclude(Verdict::Value verdict, const QString &detail, const QString &reason);
    // Releases sockets, timers and lookups; called once, when the probe finishes or is cancelled.
    virtual void stop() { }

    // The stage timeout in seconds, as the timeout texts say it: "5".
    QString waitedText() const;

    ProbeContext &context() { return *m_context; }
    const ProbeContext &context() const { return *m_context; }
    const CheckTarget &target() const { return m_context->target; }
    const TesterOptions &options() const { return m_context->options; }
    CheckResult &result() { return *m_context->result; }

private:
    void finishWith(const Outcome &outcome);

    Stage::Id m_stage;
    ProbeContext *m_context;
    Outcome m_outcome;
    bool m_finished = false;
};
