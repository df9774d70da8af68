#pragma once

#include "core/catalog/flowfilter.h"

#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

class CatalogModel;

// The explorer's filters over a CatalogModel: one FlowFilter (free text in either language,
// roles, direction, requirement, features in use, agent version, protocol, port, expired
// endpoints, flow ids). Each setter changes the filter and re-filters. Empty or zero criteria
// match everything.
class CatalogFilterProxyModel final : public QSortFilterProxyModel
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

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void apply(const FlowFilter &filter);

    FlowFilter m_filter;
    QString m_filterText;
};
