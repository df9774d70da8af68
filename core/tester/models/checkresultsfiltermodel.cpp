#include "checkresultsfiltermodel.h"

#include "core/tester/models/checkresultsmodel.h"

CheckResultsFilterModel::CheckResultsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CheckResultsModel::SortRole);
    // A row that fails while the filter is on appears at once.
    setDynamicSortFilter(true);
}

void CheckResultsFilterModel::setFailuresOnly(bool failuresOnly)
{
    if (m_failuresOnly == failuresOnly)
        return;
    m_failuresOnly = failuresOnly;
    invalidateFilter();
}

bool CheckResultsFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_failuresOnly)
        return true;
    return sourceModel()->index(sourceRow, 0, sourceParent).data(CheckResultsModel::IsFailureRole).toBool();
}
