#include "entryresultsummary.h"

QHash<QString, EntryResultSummary::Status> EntryResultSummary::summarize(const QList<CheckResult> &results)
{
    QHash<QString, QList<CheckResult>> byEntry;
    for (const CheckResult &result : results)
        byEntry[result.entryId].append(result);
    QHash<QString, Status> summary;
    for (auto it = byEntry.cbegin(); it != byEntry.cend(); ++it)
        summary.insert(it.key(), summarizeOne(it.value()));
    return summary;
}

EntryResultSummary::Status EntryResultSummary::summarizeOne(const QList<CheckResult> &resultsOfOneEntry)
{
    int passed = 0;
    int failed = 0;
    for (const CheckResult &result : resultsOfOneEntry) {
        if (result.verdict == Verdict::Skipped)
            continue;
        if (result.isFailure())
            ++failed;
        else
            ++passed;
    }
    if (passed == 0 && failed == 0)
        return Untested;
    if (failed == 0)
        return Passed;
    if (passed == 0)
        return Failed;
    return Partial;
}

QString EntryResultSummary::statusName(Status status)
{
    switch (status) {
    case Untested:
        return QStringLiteral("untested");
    case Passed:
        return QStringLiteral("passed");
    case Failed:
        return QStringLiteral("failed");
    case Partial:
        return QStringLiteral("partial");
    }
    return {};
}
