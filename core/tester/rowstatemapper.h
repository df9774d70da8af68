#pragma once

#include "checkresult.h"
#include "testplan.h"

#include "models/rowcheckstate.h"

#include <QHash>
#include <QList>
#include <QSet>

class CatalogModel;

// Folds check results into one RowCheckState per CatalogModel row (an entry's endpoint):
// running while one of the row's checks is in flight, then the worst verdict wins the summary
// (failed when every check that ran failed, partial when some passed), skipped when nothing
// ran; the latency is the slowest check that ran.
class RowStateMapper
{
public:
    // Maps the plan's targets to the model's rows. Every row starts untested.
    void setPlan(const TestPlan &plan, const CatalogModel &model);
    // Marks a target as in flight; returns its row or -1.
    int setRunning(int targetIndex);
    // Records a target's result; returns its row or -1.
    int setResult(int targetIndex, const CheckResult &result);

    int rowOf(int targetIndex) const { return m_rowOfTarget.value(targetIndex, -1); }
    QList<int> rows() const; // every row a target maps to, ascending
    RowCheckState state(int row) const;

    // The state of one row from the results of its checks and how many are still in flight.
    static RowCheckState fold(const QList<CheckResult> &results, int running);

private:
    QList<int> m_rowOfTarget;
    QHash<int, QList<int>> m_targetsOfRow;
    QHash<int, CheckResult> m_results; // target -> result
    QSet<int> m_running;
};
