#include "rowstatemapper.h"

#include "resulttext.h"

#include "models/catalogmodel.h"

#include <algorithm>

void RowStateMapper::setPlan(const TestPlan &plan, const CatalogModel &model)
{
    m_rowOfTarget.clear();
    m_targetsOfRow.clear();
    m_results.clear();
    m_running.clear();
    QHash<QString, int> entryIndex;
    const Catalog &catalog = model.catalog();
    for (int i = 0; i < catalog.entries.size(); ++i)
        entryIndex.insert(catalog.entries.at(i).id, i);
    for (int i = 0; i < plan.targets.size(); ++i) {
        const CheckTarget &target = plan.targets.at(i);
        const int entry = entryIndex.value(target.entryId, -1);
        int row = entry < 0 ? -1 : model.rowOf(entry, target.catalogEndpoint);
        // A site-profile target of an entry with endpoints has no row of its own: its first.
        if (row < 0 && entry >= 0 && target.catalogEndpoint < 0)
            row = model.rowsForEntry(target.entryId).value(0, -1);
        m_rowOfTarget.append(row);
        if (row >= 0)
            m_targetsOfRow[row].append(i);
    }
}

int RowStateMapper::setRunning(int targetIndex)
{
    if (targetIndex < 0 || targetIndex >= m_rowOfTarget.size())
        return -1;
    m_running.insert(targetIndex);
    return m_rowOfTarget.at(targetIndex);
}

int RowStateMapper::setResult(int targetIndex, const CheckResult &result)
{
    if (targetIndex < 0 || targetIndex >= m_rowOfTarget.size())
        return -1;
    m_running.remove(targetIndex);
    m_results.insert(targetIndex, result);
    return m_rowOfTarget.at(targetIndex);
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
    int passed = 0;
    int failed = 0;
    const CheckResult *worst = nullptr;
    for (const CheckResult &result : results) {
        if (result.verdict == Verdict::Skipped)
            continue;
        if (!worst || ResultText::severity(result.verdict) < ResultText::severity(worst->verdict))
            worst = &result;
        state.latencyMs = qMax(state.latencyMs, result.durationMs);
        if (result.isFailure())
            ++failed;
        else
            ++passed;
    }
    if (passed == 0 && failed == 0) {
        state.status = RowCheckState::Status::Skipped;
        state.summary = Verdict::text(Verdict::Skipped);
        return state;
    }
    if (failed == 0)
        state.status = RowCheckState::Status::Passed;
    else if (passed == 0)
        state.status = RowCheckState::Status::Failed;
    else
        state.status = RowCheckState::Status::Partial;
    state.summary = Verdict::text(worst->verdict);
    return state;
}
