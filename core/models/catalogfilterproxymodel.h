#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

// The explorer's filters over a CatalogModel: free text (every word must appear, in either
// language), role, direction, requirement, protocol, port, and whether expired static
// addresses are shown. Empty or zero criteria match everything.
class CatalogFilterProxyModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogFilterProxyModel)

public:
    explicit CatalogFilterProxyModel(QObject *parent = nullptr);

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);

    // A component id; rows whose entry has it as a source or as the destination.
    QString role() const { return m_role; }
    void setRole(const QString &componentId);

    QString direction() const { return m_direction; }
    void setDirection(const QString &direction);

    QString requirement() const { return m_requirement; }
    void setRequirement(const QString &requirement);

    bool isRequiredOnly() const { return m_requiredOnly; }
    void setRequiredOnly(bool requiredOnly);

    // Application protocol ("HTTPS") or transport ("udp"), case-insensitive.
    QString protocol() const { return m_protocol; }
    void setProtocol(const QString &protocol);

    int port() const { return m_port; }
    void setPort(int port);

    bool includesExpired() const { return m_includeExpired; }
    void setIncludeExpired(bool include);

    // Restricts to these entry ids (empty: no restriction); the diagram uses it.
    QSet<QString> entryIds() const { return m_entryIds; }
    void setEntryIds(const QSet<QString> &ids);

    void clearFilters();

signals:
    void filterChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void changed();

    QString m_filterText;
    QStringList m_words;
    QString m_role;
    QString m_direction;
    QString m_requirement;
    bool m_requiredOnly = false;
    QString m_protocol;
    int m_port = 0;
    bool m_includeExpired = false;
    QSet<QString> m_entryIds;
};
