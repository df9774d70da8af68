#pragma once

#include "core/tester/plan/testplan.h"
#include "core/tester/result/checkresult.h"

#include "core/models/rowcheckstate.h"

#include <QHash>
#include <QList>
#include <QSet>

class CatalogModel;

// Folds check results into one RowCheckState per CatalogModel row (a flow's endpoint). A check
// counts for the row of every flow endpoint it serves (one host reached through a wildcard list
// and an individual list colours both rows). A row is running while one of its checks is in
// flight, then the worst verdict wins the summary
// (failed when every check that ran failed, partial when some passed), skipped when nothing
// ran; the latency is the slowest check that ran.
class RowStateMapper
{
public:
    // Maps the plan's targets to the model's rows. Every row starts untested.
    void setPlan(const TestPlan &plan, const CatalogModel &model);
    // Marks a target as in flight; returns its rows (empty when it maps to none).
    QList<int> setRunning(int targetIndex);
    // Records a target's result; returns its rows.
    QList<int> setResult(int targetIndex, const CheckResult &result);

    QList<int> rowsOf(int targetIndex) const { return m_rowsOfTarget.value(targetIndex); }
    QList<int> rows() const; // every row a target maps to, ascending
    RowCheckState state(int row) const;

    // The state of one row from the results of its checks and how many are still in flight.
    static RowCheckState fold(const QList<CheckResult> &results, int running);

private:
    QList<QList<int>> m_rowsOfTarget;
    QHash<int, QList<int>> m_targetsOfRow;
    QHash<int, CheckResult> m_results; // target -> result
    QSet<int> m_running;
};
