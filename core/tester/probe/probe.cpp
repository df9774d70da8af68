#include "probe.h"

Probe::Probe(Stage::Id stage, ProbeContext *context, QObject *parent)
    : QObject(parent)
    , m_stage(stage)
    , m_context(context)
{ }

int Probe::timeoutMs() const
{
    return options().stageTimeoutMs;
}

void Probe::cancel()
{
    if (m_finished)
        return;
    m_finished = true;
    stop();
}

void Probe::pass(const QString &detail)
{
    finishWith({CheckStage::Status::Passed, Verdict::Ok, detail, {}});
}

void Probe::passWithoutRunning(const QString &detail)
{
    finishWith({CheckStage::Status::NotRun, Verdict::Ok, detail, {}});
}

void Probe::fail(Verdict::Value verdict, const QString &detail)
{
    finishWith({CheckStage::Status::Failed, verdict, detail, detail});
}

void Probe::conclude(Verdict::Value verdict, const QString &detail, const QString &reason)
{
    finishWith({CheckStage::Status::Passed, verdict, detail, reason});
}

QString Probe::waitedText() const
{
    return QString::number(options().stageTimeoutMs / 1000.0, 'g', 3);
}

void Probe::finishWith(const Outcome &outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    stop();
    m_outcome = outcome;
    emit finished();
}
