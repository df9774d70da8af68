#include "catalogfilterproxymodel.h"

#include "core/models/catalogmodel.h"

CatalogFilterProxyModel::CatalogFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CatalogModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void CatalogFilterProxyModel::apply(const FlowFilter &filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    invalidateFilter();
    emit filterChanged();
}

void CatalogFilterProxyModel::setFilter(const FlowFilter &filter)
{
    m_filterText = filter.words.join(QLatin1Char(' '));
    apply(filter);
}

void CatalogFilterProxyModel::setFilterText(const QString &text)
{
    m_filterText = text;
    FlowFilter f = m_filter;
    f.setText(text);
    apply(f);
}

void CatalogFilterProxyModel::setRoles(const QStringList &componentIds)
{
    FlowFilter f = m_filter;
    f.roles = componentIds;
    apply(f);
}

void CatalogFilterProxyModel::setRole(const QString &componentId)
{
    setRoles(componentId.isEmpty() ? QStringList() : QStringList{componentId});
}

void CatalogFilterProxyModel::setDirection(Direction direction)
{
    FlowFilter f = m_filter;
    f.direction = direction;
    apply(f);
}

void CatalogFilterProxyModel::setRequirement(std::optional<Requirement> requirement)
{
    FlowFilter f = m_filter;
    f.requirement = requirement;
    apply(f);
}

void CatalogFilterProxyModel::setRequiredOnly(bool requiredOnly)
{
    FlowFilter f = m_filter;
    f.requiredOnly = requiredOnly;
    apply(f);
}

void CatalogFilterProxyModel::setFeatures(const QList<Feature> &features)
{
    FlowFilter f = m_filter;
    f.features = features;
    apply(f);
}

void CatalogFilterProxyModel::setAgentVersion(const QVersionNumber &version)
{
    FlowFilter f = m_filter;
    f.agentVersion = version;
    apply(f);
}

void CatalogFilterProxyModel::setProtocol(const QString &protocol)
{
    FlowFilter f = m_filter;
    f.protocol = protocol;
    apply(f);
}

void CatalogFilterProxyModel::setPort(int port)
{
    FlowFilter f = m_filter;
    f.port = port;
    apply(f);
}

void CatalogFilterProxyModel::setIncludeExpired(bool include)
{
    FlowFilter f = m_filter;
    f.includeExpired = include;
    apply(f);
}

void CatalogFilterProxyModel::setFlowIds(const QSet<QString> &ids)
{
    FlowFilter f = m_filter;
    f.flowIds = ids;
    apply(f);
}

void CatalogFilterProxyModel::clearFilters()
{
    FlowFilter f;
    f.includeExpired = m_filter.includeExpired;
    m_filterText.clear();
    apply(f);
}

int CatalogFilterProxyModel::hiddenExpiredCount() const
{
    const auto *model = qobject_cast<const CatalogModel *>(sourceModel());
    if (!model || m_filter.includeExpired)
        return 0;
    FlowFilter withExpired = m_filter;
    withExpired.includeExpired = true;
    int count = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const CatalogRowRef ref = model->rowRef(row);
        const QString searchText = m_filter.words.isEmpty()
                ? QString()
                : model->index(row, 0).data(CatalogModel::SearchTextRole).toString();
        if (withExpired.acceptsRow(model->catalog(), ref, model->referenceDate(), searchText)
            && !m_filter.acceptsRow(model->catalog(), ref, model->referenceDate(), searchText))
            ++count;
    }
    return count;
}

bool CatalogFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const CatalogModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return false;
    const QString searchText = m_filter.words.isEmpty()
            ? QString()
            : model->index(sourceRow, 0).data(CatalogModel::SearchTextRole).toString();
    return m_filter.acceptsRow(model->catalog(), model->rowRef(sourceRow), model->referenceDate(),
                               searchText);
}
