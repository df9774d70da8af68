#include "rowstatemapper.h"

#include "core/tester/result/flowresultsummary.h"

#include "core/tester/result/resulttext.h"

#include "core/models/catalogmodel.h"

#include <algorithm>

void RowStateMapper::setPlan(const TestPlan &plan, const CatalogModel &model)
{
    m_rowsOfTarget.clear();
    m_targetsOfRow.clear();
    m_results.clear();
    m_running.clear();
    const Catalog &catalog = model.catalog();
    for (int i = 0; i < plan.targets.size(); ++i) {
        const CheckTarget &target = plan.targets.at(i);
        QList<int> rows;
        for (const CheckTarget::FlowRef &ref : target.flows) {
            const int flow = catalog.flowIndex(ref.flow);
            if (flow < 0)
                continue;
            int row = model.rowOf(flow, ref.endpoint);
            // A site-profile target of a flow with endpoints has no row of its own: its first.
            if (row < 0 && ref.endpoint < 0)
                row = model.rowsForFlow(ref.flow).value(0, -1);
            if (row >= 0 && !rows.contains(row)) {
                rows.append(row);
                m_targetsOfRow[row].append(i);
            }
        }
        m_rowsOfTarget.append(rows);
    }
}

QList<int> RowStateMapper::setRunning(int targetIndex)
{
    if (targetIndex < 0 || targetIndex >= m_rowsOfTarget.size())
        return {};
    m_running.insert(targetIndex);
    return m_rowsOfTarget.at(targetIndex);
}

QList<int> RowStateMapper::setResult(int targetIndex, const CheckResult &result)
{
    if (targetIndex < 0 || targetIndex >= m_rowsOfTarget.size())
        return {};
    m_running.remove(targetIndex);
    m_results.insert(targetIndex, result);
    return m_rowsOfTarget.at(targetIndex);
}

QList<int> RowStateMapper::rows() const
{
    QList<int> rows = m_targetsOfRow.keys();
    std::sort(rows.begin(), rows.end());
    return rows;
}

RowCheckState RowStateMapper::state(int row) const
{
    QList<CheckResult> results;
    int running = 0;
    const QList<int> targets = m_targetsOfRow.value(row);
    for (int target : targets) {
        if (m_running.contains(target))
            ++running;
        else if (m_results.contains(target))
            results.append(m_results.value(target));
    }
    return fold(results, running);
}

RowCheckState RowStateMapper::fold(const QList<CheckResult> &results, int running)
{
    RowCheckState state;
    if (running > 0) {
        state.status = RowCheckState::Status::Running;
        state.summary = ResultText::tr("Running…");
        return state;
    }
    if (results.isEmpty())
        return state;
    // The status is the flows' own summary: one aggregation for the tables and the diagram.
    const CheckResult *worst = nullptr;
    for (const CheckResult &result : results) {
        if (!Verdict::isTested(result.verdict))
            continue;
        if (!worst || Verdict::severity(result.verdict) < Verdict::severity(worst->verdict))
            worst = &result;
        state.latencyMs = qMax(state.latencyMs, result.durationMs);
    }
    switch (FlowResultSummary::summarizeOne(results)) {
    case FlowStatus::Untested:
        state.status = RowCheckState::Status::Skipped;
        state.summary = Verdict::text(Verdict::Skipped);
        return state;
    case FlowStatus::Passed:
        state.status = RowCheckState::Status::Passed;
        break;
    case FlowStatus::Failed:
        state.status = RowCheckState::Status::Failed;
        break;
    case FlowStatus::Partial:
        state.status = RowCheckState::Status::Partial;
        break;
    }
    state.summary = Verdict::text(worst->verdict);
    return state;
}
