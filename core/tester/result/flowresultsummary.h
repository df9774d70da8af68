#pragma once

#include "core/diagram/flowstatus.h"
#include "core/tester/result/checkresult.h"

#include <QHash>
#include <QList>
#include <QString>

// Folds check results into one status per catalog flow, for views that colour flows (the
// diagram, the tables). A result counts for every flow it serves.
//   Passed:   every check of the flow that ran passed (ok, or not-verifiable UDP sends);
//   Failed:   every check that ran failed;
//   Partial:  some passed and some failed;
//   Untested: nothing ran (no results, or all skipped).
class FlowResultSummary
{
public:
    // The diagram's own status of a flow: one enum for tables, diagram and reports.
    using Status = FlowStatus;

    static QHash<QString, Status> summarize(const QList<CheckResult> &results);
    static Status summarizeOne(const QList<CheckResult> &resultsOfOneFlow);
    static QString statusName(Status status); // "untested", "passed", "failed", "partial"
};
