#include "flowresultsummary.h"

QHash<QString, FlowResultSummary::Status> FlowResultSummary::summarize(const QList<CheckResult> &results)
{
    QHash<QString, QList<CheckResult>> byFlow;
    for (const CheckResult &result : results) {
        for (const QString &flow : result.flowIds())
            byFlow[flow].append(result);
    }
    QHash<QString, Status> summary;
    for (auto it = byFlow.cbegin(); it != byFlow.cend(); ++it)
        summary.insert(it.key(), summarizeOne(it.value()));
    return summary;
}

FlowResultSummary::Status FlowResultSummary::summarizeOne(const QList<CheckResult> &resultsOfOneFlow)
{
    int passed = 0;
    int failed = 0;
    for (const CheckResult &result : resultsOfOneFlow) {
        if (!Verdict::isTested(result.verdict))
            continue;
        if (result.isFailure())
            ++failed;
        else
            ++passed;
    }
    if (passed == 0 && failed == 0)
        return FlowStatus::Untested;
    if (failed == 0)
        return FlowStatus::Passed;
    if (passed == 0)
        return FlowStatus::Failed;
    return FlowStatus::Partial;
}

QString FlowResultSummary::statusName(Status status)
{
    return flowStatusName(status);
}
