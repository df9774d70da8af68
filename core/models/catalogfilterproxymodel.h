#pragma once

#include "core/catalog/flowfilter.h"

#include <QAbstractProxyModel>
#include <QDate>
#include <QSet>

#include <optional>

class CatalogModel;

// The explorer's filters and sort order over a CatalogModel: one FlowFilter (free text in either
// language, roles, direction, requirement, features in use, agent version, protocol, port,
// expired endpoints, flow ids). Each setter changes the filter and re-filters. Empty or zero
// criteria match everything.
//
// Built for 200k rows within a frame per keystroke, which QSortFilterProxyModel is not (it
// signals each removed stretch and re-sorts the rows it shows on every change): the sort order
// of all rows is kept (integer keys from CatalogModel::sortKeys), a filter change judges each
// group of rows once and each row's own text only (CatalogModel::searchGroup), narrows from the
// last result when the user types on, reuses the last few results on Backspace, and is one
// layout change that keeps the selection and the current row.
class CatalogFilterProxyModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogFilterProxyModel)

public:
    explicit CatalogFilterProxyModel(QObject *parent = nullptr);

    const FlowFilter &filter() const { return m_filter; }
    void setFilter(const FlowFilter &filter);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);

    // Rows of flows in which one of these components takes part.
    QStringList roles() const { return m_filter.roles; }
    void setRoles(const QStringList &componentIds);
    // The first role, or empty for all roles.
    QString role() const { return m_filter.roles.value(0); }
    void setRole(const QString &componentId);

    // None: any; else as computed for the roles (FlowFilter::directionOf).
    Direction direction() const { return m_filter.direction; }
    void setDirection(Direction direction);

    std::optional<Requirement> requirement() const { return m_filter.requirement; }
    void setRequirement(std::optional<Requirement> requirement);

    bool isRequiredOnly() const { return m_filter.requiredOnly; }
    void setRequiredOnly(bool requiredOnly);

    // The features in use; empty: all. Flows and endpoint lists without features always match.
    QList<Feature> features() const { return m_filter.features; }
    void setFeatures(const QList<Feature> &features);

    // Null: any version.
    QVersionNumber agentVersion() const { return m_filter.agentVersion; }
    void setAgentVersion(const QVersionNumber &version);

    // Application protocol ("HTTPS") or transport ("udp"), case-insensitive.
    QString protocol() const { return m_filter.protocol; }
    void setProtocol(const QString &protocol);

    int port() const { return m_filter.port; }
    void setPort(int port);

    bool includesExpired() const { return m_filter.includeExpired; }
    void setIncludeExpired(bool include);

    // Restricts to these flow ids (empty: no restriction); the diagram uses it.
    QSet<QString> flowIds() const { return m_filter.flowIds; }
    void setFlowIds(const QSet<QString> &ids);

    // Resets every criterion but "include expired".
    void clearFilters();

    // Source rows that the filter hides only because they are expired (0 when expired rows are
    // shown): what an empty result names as its reason.
    int hiddenExpiredCount() const;

    // Filters and sorts again from scratch (after the source's reference date changed, say).
    void invalidate();

    // -1: the catalog's order.
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setSourceModel(QAbstractItemModel *model) override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void filterChanged();

private:
    // What a group of rows (CatalogModel::searchGroup) shares, judged once per filter: whether
    // the criteria other than the words accept it, and which words its text contains (bit i:
    // word i, for the first 64 words).
    struct GroupVerdict
    {
        bool known = false;
        bool accepted = false;
        quint64 words = 0;
    };
    // The filter's words in UTF-8, as the model's search texts are.
    struct Words
    {
        QByteArrayList utf8;
        explicit Words(const QStringList &list);
    };
    struct Result
    {
        FlowFilter filter;
        QList<bool> accepted;
    };

    void apply(const FlowFilter &filter);
    // m_accepted for every source row under m_filter. When the filter only narrows the one
    // before (more words, or longer ones, the rest alike), only the rows it accepted are judged.
    void computeAccepted();
    bool accepts(int sourceRow, const FlowFilter &filter, const Words &words,
                 QList<GroupVerdict> &verdicts) const;
    static bool narrows(const FlowFilter &narrower, const FlowFilter &wider);
    void sortAll();
    // Rebuilds the shown rows from m_order and m_accepted, as one layout change.
    void relayout();
    void rebuildMapping();
    void sourceReset();
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                           const QList<int> &roles);

    const CatalogModel *m_model = nullptr;
    FlowFilter m_filter;
    QString m_filterText;
    QList<bool> m_accepted; // source row -> shown
    FlowFilter m_acceptedFilter;
    QDate m_acceptedDate;
    QList<Result> m_recent; // the last few results, newest first
    QList<int> m_order; // every source row, in sort order
    QList<int> m_proxyToSource;
    QList<int> m_sourceToProxy; // -1: hidden
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_resortQueued = false;
    bool m_resetting = false;
};
