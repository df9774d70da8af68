#pragma once

#include "core/tester/probe/probe.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// One asynchronous check of one target: a pipeline of probes, one per stage, run in order on
// the event loop (resolve, connect directly or to a proxy, CONNECT, TLS, HTTP; or an NTP query,
// a syslog send, a DNS query). It owns the stage timer and the TCP connection the probes share,
// and folds what they report into the CheckResult. Emits finished() once.
class EndpointCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointCheck)

public:
    EndpointCheck(const CheckTarget &target, const TesterOptions &options, QObject *parent = nullptr);
    ~EndpointCheck() override;

    void start();
    // Stops at once: no more packets, no signal. The result says "cancelled".
    void cancel();

    bool isFinished() const { return m_done; }
    const CheckResult &result() const { return m_result; }

    // The stages a check of the target runs, in order (through a proxy or not).
    static QList<Stage::Id> stages(const CheckTarget &target, bool throughProxy);

signals:
    void finished();

private:
    Probe *createProbe(Stage::Id stage);
    void runNext();
    void onProbeFinished();
    void onStageTimeout();
    void finish(Verdict::Value verdict, const QString &reason = {});

    CheckResult m_result;
    ProbeContext m_context;
    QList<Stage::Id> m_pipeline;
    int m_next = 0; // the next stage of m_pipeline to run
    Probe *m_probe = nullptr; // the one running
    int m_stageIndex = -1; // its stage in m_result.stages
    QElapsedTimer m_total;
    QElapsedTimer m_stageClock;
    QTimer m_stageTimer;
    bool m_done = false;
};
