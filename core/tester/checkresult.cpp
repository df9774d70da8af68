#include "checkresult.h"

QString CheckStage::statusName(Status status)
{
    switch (status) {
    case Status::NotRun:
        return QStringLiteral("not-run");
    case Status::Passed:
        return QStringLiteral("passed");
    case Status::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

const CheckStage *CheckResult::stage(const QString &name) const
{
    for (const CheckStage &s : stages) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

CheckResult CheckResult::forTarget(const CheckTarget &target, Verdict::Value verdict, const QString &reason)
{
    CheckResult result;
    result.entryId = target.entryId;
    result.catalogEndpoint = target.catalogEndpoint;
    result.endpoint = target.endpoint;
    result.host = target.host;
    result.port = target.port;
    result.transport = target.transport;
    result.kind = CheckTarget::kindName(target.kind);
    result.verdict = verdict;
    result.reason = reason;
    result.proxy = QStringLiteral("direct");
    return result;
}
