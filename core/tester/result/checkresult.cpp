#include "checkresult.h"

#include <algorithm>

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
    result.flows = target.flows;
    result.endpoint = target.endpoint;
    result.host = target.host;
    result.port = target.port;
    result.transport = target.port > 0 ? target.transportName() : QString();
    result.kind = CheckTarget::kindName(target.kind);
    result.verdict = verdict;
    result.required = target.required;
    result.reason = reason;
    result.proxy = QStringLiteral("direct");
    return result;
}

QStringList CheckResult::flowIds() const
{
    QStringList ids;
    for (const CheckTarget::FlowRef &ref : flows) {
        if (!ids.contains(ref.flow))
            ids.append(ref.flow);
    }
    return ids;
}

bool CheckResult::serves(const QString &flowId) const
{
    return std::any_of(flows.cbegin(), flows.cend(),
                       [&flowId](const CheckTarget::FlowRef &ref) { return ref.flow == flowId; });
}
