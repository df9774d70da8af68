#include "diagramresultsadapter.h"

#include "core/tester/result/flowresultsummary.h"

DiagramResults DiagramResultsAdapter::fromResults(const QList<CheckResult> &results)
{
    DiagramResults diagram;
    const auto statuses = FlowResultSummary::summarize(results);
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        // No status for untested: the diagram draws it so.
        if (it.value() != FlowStatus::Untested)
            diagram.setStatus(it.key(), it.value());
    }
    return diagram;
}
