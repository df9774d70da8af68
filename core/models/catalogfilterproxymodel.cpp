#include "catalogfilterproxymodel.h"

#include "catalogmodel.h"

#include <QRegularExpression>

CatalogFilterProxyModel::CatalogFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(CatalogModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void CatalogFilterProxyModel::changed()
{
    invalidateFilter();
    emit filterChanged();
}

void CatalogFilterProxyModel::setFilterText(const QString &text)
{
    if (m_filterText == text)
        return;
    m_filterText = text;
    m_words = text.toLower().split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    changed();
}

void CatalogFilterProxyModel::setRole(const QString &componentId)
{
    if (m_role == componentId)
        return;
    m_role = componentId;
    changed();
}

void CatalogFilterProxyModel::setDirection(const QString &direction)
{
    if (m_direction == direction)
        return;
    m_direction = direction;
    changed();
}

void CatalogFilterProxyModel::setRequirement(const QString &requirement)
{
    if (m_requirement == requirement)
        return;
    m_requirement = requirement;
    changed();
}

void CatalogFilterProxyModel::setRequiredOnly(bool requiredOnly)
{
    if (m_requiredOnly == requiredOnly)
        return;
    m_requiredOnly = requiredOnly;
    changed();
}

void CatalogFilterProxyModel::setProtocol(const QString &protocol)
{
    if (m_protocol == protocol)
        return;
    m_protocol = protocol;
    changed();
}

void CatalogFilterProxyModel::setPort(int port)
{
    if (m_port == port)
        return;
    m_port = port;
    changed();
}

void CatalogFilterProxyModel::setIncludeExpired(bool include)
{
    if (m_includeExpired == include)
        return;
    m_includeExpired = include;
    changed();
}

void CatalogFilterProxyModel::setEntryIds(const QSet<QString> &ids)
{
    if (m_entryIds == ids)
        return;
    m_entryIds = ids;
    changed();
}

void CatalogFilterProxyModel::clearFilters()
{
    m_filterText.clear();
    m_words.clear();
    m_role.clear();
    m_direction.clear();
    m_requirement.clear();
    m_requiredOnly = false;
    m_protocol.clear();
    m_port = 0;
    m_entryIds.clear();
    changed();
}

bool CatalogFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto value = [&index](int role) { return index.data(role); };

    if (!m_includeExpired && value(CatalogModel::ExpiredRole).toBool())
        return false;
    if (!m_entryIds.isEmpty() && !m_entryIds.contains(value(CatalogModel::EntryIdRole).toString()))
        return false;
    if (!m_role.isEmpty() && value(CatalogModel::DestinationRole).toString() != m_role
        && !value(CatalogModel::SourcesRole).toStringList().contains(m_role))
        return false;
    if (!m_direction.isEmpty() && value(CatalogModel::DirectionRole).toString() != m_direction)
        return false;
    const QString requirement = value(CatalogModel::RequirementRole).toString();
    if (m_requiredOnly && requirement != QLatin1String("required"))
        return false;
    if (!m_requirement.isEmpty() && requirement != m_requirement)
        return false;
    if (!m_protocol.isEmpty()
        && !value(CatalogModel::ProtocolsRole).toStringList().contains(m_protocol, Qt::CaseInsensitive)
        && !value(CatalogModel::TransportsRole).toStringList().contains(m_protocol, Qt::CaseInsensitive))
        return false;
    if (m_port != 0 && !value(CatalogModel::PortsRole).toList().contains(QVariant(m_port)))
        return false;
    if (!m_words.isEmpty()) {
        const QString text = value(CatalogModel::SearchTextRole).toString();
        for (const QString &word : m_words) {
            if (!text.contains(word))
                return false;
        }
    }
    return true;
}
