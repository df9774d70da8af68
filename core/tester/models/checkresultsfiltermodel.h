#pragma once

#include <QSortFilterProxyModel>

// Sorts a CheckResultsModel by its SortRole and, on request, shows only the failures.
class CheckResultsFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CheckResultsFilterModel)

public:
    explicit CheckResultsFilterModel(QObject *parent = nullptr);

    bool failuresOnly() const { return m_failuresOnly; }
    void setFailuresOnly(bool failuresOnly);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_failuresOnly = false;
};
