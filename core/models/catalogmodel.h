#pragma once

#include "catalog/catalog.h"
#include "rowcheckstate.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDate>

// One row per catalog endpoint (an entry without endpoints is one row). Display text follows
// the model's language; switching it emits dataChanged and headerDataChanged, never a reset, so
// that views keep their selection.
class CatalogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogModel)

public:
    enum Column {
        EndpointColumn,
        PortsColumn,
        SourcesColumn,
        DestinationColumn,
        ServiceColumn,
        DirectionColumn,
        RequirementColumn,
        ValidityColumn,
        TableColumn,
        IdColumn,
        CheckColumn, // connectivity test state and latency
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        EntryIndexRole, // int, index into Catalog::entries
        EndpointIndexRole, // int, -1 for an entry without endpoints
        EndpointRole, // QString, the raw endpoint value (empty without endpoint)
        EndpointKindRole, // QString: host, url, address, cidr, or empty
        PortsRole, // QVariantList of int
        TransportsRole, // QStringList
        ProtocolsRole, // QStringList
        SourcesRole, // QStringList of component ids
        DestinationRole, // QString component id
        DirectionRole, // QString: inbound, outbound, local
        RequirementRole, // QString: required, optional, conditional
        SectionRole, // QString: ports, urls, ips
        TableRole, // QString table id
        ConditionRole, // QString, current language
        DescriptionRole, // QString, current language
        NotesRole, // QString, current language
        ConfigurableRole, // QString, current language
        ValidUntilRole, // QDate, null when the endpoint never expires
        ExpiredRole, // bool
        CustomerSideRole, // bool: the destination lives in the customer network
        SearchTextRole, // QString, lower case, every text field in both languages
        SortRole, // QVariant that sorts naturally (ports numerically)
        CheckStatusRole, // int, RowCheckState::Status
        CheckLatencyRole, // qint64 ms, -1 when nothing ran
    };
    Q_ENUM(Role)

    explicit CatalogModel(QObject *parent = nullptr);

    const Catalog &catalog() const { return m_catalog; }
    void setCatalog(const Catalog &catalog);

    Language language() const { return m_language; }
    void setLanguage(Language language);

    // The day against which static address lists are judged expired. Defaults to today.
    QDate referenceDate() const { return m_referenceDate; }
    void setReferenceDate(const QDate &date);

    CatalogRowRef rowRef(int row) const { return m_rows.value(row); }
    // The row of an entry's endpoint (endpoint -1: the entry's only row when it has no
    // endpoints), or -1.
    int rowOf(int entry, int endpoint) const;

    // Connectivity results shown in the CheckColumn and as a colour swatch beside the endpoint.
    RowCheckState checkState(int row) const { return m_checkStates.value(row); }
    void setCheckState(int row, const RowCheckState &state);
    void clearCheckStates();
    // Rows of an entry, in order.
    QList<int> rowsForEntry(const QString &entryId) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    static QString columnTitle(Column column);
    static QString checkText(const RowCheckState &state);
    static QColor checkColor(RowCheckState::Status status);

signals:
    void languageChanged(Language language);

private:
    QString displayText(int row, int column) const;
    QString searchText(const CatalogRowRef &ref) const;
    void emitAllChanged();

    Catalog m_catalog;
    QList<CatalogRowRef> m_rows;
    QStringList m_searchTexts;
    QList<RowCheckState> m_checkStates;
    Language m_language = Language::English;
    QDate m_referenceDate = QDate::currentDate();
};
