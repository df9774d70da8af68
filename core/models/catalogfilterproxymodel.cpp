#include "catalogfilterproxymodel.h"

#include "core/models/catalogmodel.h"

#include <QMetaObject>

#include <algorithm>
#include <numeric>
#include <string_view>

namespace {
constexpr int RecentResults = 8;

bool contains(std::string_view text, const QByteArray &word)
{
    return text.find(std::string_view(word.constData(), size_t(word.size()))) != std::string_view::npos;
}
} // namespace

CatalogFilterProxyModel::Words::Words(const QStringList &list)
{
    utf8.reserve(list.size());
    for (const QString &w : list)
        utf8.append(w.toUtf8());
}

CatalogFilterProxyModel::CatalogFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
{ }

void CatalogFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    m_resetting = true;
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(model);
    m_model = qobject_cast<const CatalogModel *>(model);
    if (model) {
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            beginResetModel();
            m_resetting = true;
        });
        connect(model, &QAbstractItemModel::modelReset, this, &CatalogFilterProxyModel::sourceReset);
        connect(model, &QAbstractItemModel::dataChanged, this, &CatalogFilterProxyModel::sourceDataChanged);
        connect(model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
        // CatalogModel changes its rows only by a reset; any other structural change of a
        // source is taken as one.
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved,
                            &QAbstractItemModel::columnsInserted, &QAbstractItemModel::columnsRemoved}) {
            connect(model, signal, this, [this] {
                beginResetModel();
                m_resetting = true;
                sourceReset();
            });
        }
        connect(model, &QAbstractItemModel::layoutChanged, this, [this] {
            beginResetModel();
            m_resetting = true;
            sourceReset();
        });
    }
    sourceReset();
}

void CatalogFilterProxyModel::sourceReset()
{
    // Called between beginResetModel() (on modelAboutToBeReset) and here.
    m_recent.clear();
    m_accepted.clear();
    computeAccepted();
    sortAll();
    rebuildMapping();
    if (m_resetting) {
        m_resetting = false;
        endResetModel();
    }
}

void CatalogFilterProxyModel::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                                const QList<int> &roles)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    if (m_model && m_acceptedDate != m_model->referenceDate()) {
        invalidate(); // validity follows the date: filter and sort again
        return;
    }
    // The rows shown among those changed: one signal over the stretch of proxy rows they span.
    int first = -1;
    int last = -1;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const int p = m_sourceToProxy.value(row, -1);
        if (p < 0)
            continue;
        first = first < 0 ? p : qMin(first, p);
        last = qMax(last, p);
    }
    if (first >= 0)
        emit dataChanged(index(first, topLeft.column()), index(last, bottomRight.column()), roles);
    const bool sortTouched = m_sortColumn >= topLeft.column() && m_sortColumn <= bottomRight.column()
            && (roles.isEmpty() || roles.contains(Qt::DisplayRole) || roles.contains(CatalogModel::SortRole));
    if (!sortTouched)
        return;
    if (topLeft.row() == 0 && bottomRight.row() == m_model->rowCount() - 1) {
        sortAll(); // a language switch: at once
        relayout();
    } else if (!m_resortQueued) {
        // Check results arrive one row at a time: sort once per event-loop turn.
        m_resortQueued = true;
        QMetaObject::invokeMethod(
                this,
                [this] {
                    m_resortQueued = false;
                    sortAll();
                    relayout();
                },
                Qt::QueuedConnection);
    }
}

void CatalogFilterProxyModel::invalidate()
{
    m_recent.clear();
    m_accepted.clear();
    computeAccepted();
    sortAll();
    relayout();
}

void CatalogFilterProxyModel::apply(const FlowFilter &filter)
{
    if (m_filter == filter)
        return;
    m_filter = filter;
    computeAccepted();
    relayout();
    emit filterChanged();
}

bool CatalogFilterProxyModel::narrows(const FlowFilter &narrower, const FlowFilter &wider)
{
    FlowFilter a = narrower;
    a.words = wider.words;
    if (a != wider || narrower.words.size() < wider.words.size())
        return false;
    for (int i = 0; i < wider.words.size(); ++i) {
        if (!narrower.words.at(i).contains(wider.words.at(i)))
            return false;
    }
    return true;
}

void CatalogFilterProxyModel::computeAccepted()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    if (!m_model) {
        m_accepted.clear();
        m_recent.clear();
        return;
    }
    const bool known = m_accepted.size() == rows && m_acceptedDate == m_model->referenceDate();
    if (!known)
        m_recent.clear();
    for (const Result &r : std::as_const(m_recent)) {
        if (r.filter == m_filter && r.accepted.size() == rows) {
            m_accepted = r.accepted;
            m_acceptedFilter = m_filter;
            return;
        }
    }
    if (!(known && narrows(m_filter, m_acceptedFilter)))
        m_accepted = QList<bool>(rows, true);
    const Words words(m_filter.words);
    QList<GroupVerdict> verdicts(m_model->searchGroupCount());
    bool *accepted = m_accepted.data(); // detaches from m_recent's copy
    for (int row = 0; row < rows; ++row) {
        if (accepted[row])
            accepted[row] = accepts(row, m_filter, words, verdicts);
    }
    m_acceptedFilter = m_filter;
    m_acceptedDate = m_model->referenceDate();
    m_recent.prepend({m_filter, m_accepted});
    if (m_recent.size() > RecentResults)
        m_recent.removeLast();
}

bool CatalogFilterProxyModel::accepts(int sourceRow, const FlowFilter &filter, const Words &words,
                                      QList<GroupVerdict> &verdicts) const
{
    const int group = m_model->searchGroup(sourceRow);
    GroupVerdict &verdict = verdicts[group];
    if (!verdict.known) {
        // Every criterion but the words concerns the flow or the endpoint's list, which the
        // group's rows share.
        FlowFilter withoutWords = filter;
        withoutWords.words.clear();
        verdict.accepted = withoutWords.acceptsRow(m_model->catalog(), m_model->rowRef(sourceRow),
                                                   m_model->referenceDate());
        const std::string_view text = m_model->groupSearchText(group);
        for (int i = 0; i < qMin(64, int(words.utf8.size())); ++i) {
            if (contains(text, words.utf8.at(i)))
                verdict.words |= quint64(1) << i;
        }
        verdict.known = true;
    }
    if (!verdict.accepted)
        return false;
    const std::string_view rowText = m_model->rowSearchText(sourceRow);
    for (int i = 0; i < words.utf8.size(); ++i) {
        if (i < 64 && (verdict.words & (quint64(1) << i)))
            continue;
        const QByteArray &word = words.utf8.at(i);
        if (!contains(rowText, word) && (i < 64 || !contains(m_model->groupSearchText(group), word)))
            return false;
    }
    return true;
}

void CatalogFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    const int columns = m_model ? m_model->columnCount() : 0;
    const int newColumn = column >= 0 && column < columns ? column : -1;
    if (newColumn == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = newColumn;
    m_sortOrder = order;
    sortAll();
    relayout();
}

void CatalogFilterProxyModel::sortAll()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    m_order.resize(rows);
    std::iota(m_order.begin(), m_order.end(), 0);
    if (m_sortColumn < 0 || rows == 0)
        return;
    const QList<qint64> keys = m_model->sortKeys(m_sortColumn);
    // Stable, so that equal keys keep the catalog's order, in both directions.
    if (m_sortOrder == Qt::AscendingOrder)
        std::stable_sort(m_order.begin(), m_order.end(),
                         [&keys](int a, int b) { return keys.at(a) < keys.at(b); });
    else
        std::stable_sort(m_order.begin(), m_order.end(),
                         [&keys](int a, int b) { return keys.at(a) > keys.at(b); });
}

void CatalogFilterProxyModel::rebuildMapping()
{
    const int rows = int(m_order.size());
    m_proxyToSource.clear();
    m_proxyToSource.reserve(rows);
    m_sourceToProxy = QList<int>(rows, -1);
    for (int source : std::as_const(m_order)) {
        if (m_accepted.value(source)) {
            m_sourceToProxy[source] = int(m_proxyToSource.size());
            m_proxyToSource.append(source);
        }
    }
}

void CatalogFilterProxyModel::relayout()
{
    if (m_resetting)
        return; // the reset in progress rebuilds everything
    const QList<int> before = m_proxyToSource;
    emit layoutAboutToBeChanged();
    const QModelIndexList persistent = persistentIndexList();
    QList<QPair<int, int>> sources; // (source row, column) of each persistent index
    sources.reserve(persistent.size());
    for (const QModelIndex &index : persistent)
        sources.append({before.value(index.row(), -1), index.column()});
    rebuildMapping();
    QModelIndexList updated;
    updated.reserve(persistent.size());
    for (const auto &[source, column] : std::as_const(sources)) {
        const int row = m_sourceToProxy.value(source, -1);
        updated.append(row < 0 ? QModelIndex() : createIndex(row, column));
    }
    changePersistentIndexList(persistent, updated);
    emit layoutChanged();
}

QModelIndex CatalogFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_model || proxyIndex.model() != this)
        return {};
    const int source = m_proxyToSource.value(proxyIndex.row(), -1);
    return source < 0 ? QModelIndex() : m_model->index(source, proxyIndex.column());
}

QModelIndex CatalogFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != m_model)
        return {};
    const int row = m_sourceToProxy.value(sourceIndex.row(), -1);
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QModelIndex CatalogFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_proxyToSource.size() || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex CatalogFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex CatalogFilterProxyModel::sibling(int row, int column, const QModelIndex &idx) const
{
    return idx.isValid() ? index(row, column) : QModelIndex();
}

int CatalogFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proxyToSource.size());
}

int CatalogFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool CatalogFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && rowCount() > 0;
}

QVariant CatalogFilterProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel())
        return {};
    if (orientation == Qt::Horizontal)
        return sourceModel()->headerData(section, orientation, role);
    // Row numbers as shown, not the source's.
    if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
        return section + 1;
    return {};
}

int CatalogFilterProxyModel::hiddenExpiredCount() const
{
    if (!m_model || m_filter.includeExpired)
        return 0;
    FlowFilter withExpired = m_filter;
    withExpired.includeExpired = true;
    QList<GroupVerdict> verdicts(m_model->searchGroupCount());
    const Words words(withExpired.words);
    int count = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (!m_accepted.value(row) && accepts(row, withExpired, words, verdicts))
            ++count;
    }
    return count;
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
