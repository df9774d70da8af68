#include "diagramresultsadapter.h"

#include "core/tester/result/flowresultsummary.h"

DiagramResults DiagramResultsAdapter::fromResults(const QList<CheckResult> &results)
{
    DiagramResults diagram;
    const auto statuses = FlowResultSummary::summarize(results);
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        switch (it.value()) {
        case FlowResultSummary::Untested:
            break; // no status: the diagram draws it untested
        case FlowResultSummary::Passed:
            diagram.setStatus(it.key(), FlowStatus::Passed);
            break;
        case FlowResultSummary::Failed:
            diagram.setStatus(it.key(), FlowStatus::Failed);
            break;
        case FlowResultSummary::Partial:
            diagram.setStatus(it.key(), FlowStatus::Partial);
            break;
        }
    }
    return diagram;
}
