#pragma once

#include "checkresult.h"

#include <QHash>
#include <QList>
#include <QString>

// Folds check results into one status per catalog entry, for views that colour entries (the
// diagram, the tables).
//   Passed:   every check of the entry that ran passed (ok, or not-verifiable UDP sends);
//   Failed:   every check that ran failed;
//   Partial:  some passed and some failed;
//   Untested: nothing ran (no results, or all skipped).
class EntryResultSummary
{
public:
    enum Status { Untested, Passed, Failed, Partial };

    static QHash<QString, Status> summarize(const QList<CheckResult> &results);
    static Status summarizeOne(const QList<CheckResult> &resultsOfOneEntry);
    static QString statusName(Status status); // "untested", "passed", "failed", "partial"
};
