#include "diagramresultsadapter.h"

#include "entryresultsummary.h"

DiagramResults DiagramResultsAdapter::fromResults(const QList<CheckResult> &results)
{
    DiagramResults diagram;
    const auto statuses = EntryResultSummary::summarize(results);
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it) {
        switch (it.value()) {
        case EntryResultSummary::Untested:
            break; // no status: the diagram draws it untested
        case EntryResultSummary::Passed:
            diagram.setStatus(it.key(), FlowStatus::Passed);
            break;
        case EntryResultSummary::Failed:
            diagram.setStatus(it.key(), FlowStatus::Failed);
            break;
        case EntryResultSummary::Partial:
            diagram.setStatus(it.key(), FlowStatus::Partial);
            break;
        }
    }
    return diagram;
}
