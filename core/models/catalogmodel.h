#pragma once

#include "core/catalog/catalog.h"
#include "core/models/rowcheckstate.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDate>
#include <QHash>
#include <QPalette>
#include <QStringList>

#include <string_view>

// One row per flow x endpoint (a flow without endpoints is one row), as Catalog::rows() lists
// them. Display text follows the model's language; switching it emits dataChanged and
// headerDataChanged, never a reset, so that views keep their selection. The Direction column is
// computed for the model's roles (the role the user looks at); without roles it shows
// "initiators → listener".
class CatalogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogModel)

public:
    enum Column {
        EndpointColumn,
        PortsColumn,
        InitiatorsColumn,
        ListenerColumn,
        ServiceColumn,
        DirectionColumn,
        RequirementColumn,
        FeaturesColumn,
        ValidityColumn,
        PageColumn, // the page's tables that state the row (provenance)
        IdColumn,
        CheckColumn, // connectivity test state and latency
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        FlowIdRole = Qt::UserRole + 1,
        FlowIndexRole, // int, index into Catalog::flows
        EndpointIndexRole, // int, index into Flow::endpoints; -1 for a flow without endpoints
        EndpointListIdRole, // QString, the endpoint's list; empty without endpoint
        EndpointRole, // QString, the raw endpoint value (empty without endpoint)
        EndpointKindRole, // QString: host, url, address, cidr, or empty
        PortsRole, // QVariantList of int: the ports this row uses
        TransportsRole, // QStringList of transport names
        ProtocolsRole, // QStringList
        InitiatorsRole, // QStringList of component ids
        ListenerRole, // QString component id
        DirectionRole, // Direction, for the model's roles (FlowFilter::directionOf)
        RequirementRole, // Requirement, the flow's
        FeaturesRole, // QList<Feature>: the flow's and the endpoint list's
        AgentVersionsRole, // QString, "20.0 and later", or empty
        ProvenanceRole, // QStringList of "table#row": the page's table rows stating the row
        ConditionRole, // QString, current language
        DescriptionRole, // QString, current language
        NotesRole, // QString, current language
        ConfigurableRole, // QString, current language
        ValidUntilRole, // QDate, null when the endpoint never expires
        ExpiredRole, // bool
        CustomerSideRole, // bool: the far side lives in the customer network
        NeedsNetworkRuleRole, // bool: false for a flow that stays on its host
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

    // The components the Direction column is relative to; empty: all roles. Changing them
    // emits dataChanged for the Direction column only.
    QStringList roles() const { return m_roles; }
    void setRoles(const QStringList &componentIds);
    // One role, or all roles for an empty id.
    void setRole(const QString &componentId);

    // The day against which endpoints are judged expired. Defaults to today.
    QDate referenceDate() const { return m_referenceDate; }
    void setReferenceDate(const QDate &date);

    CatalogRowRef rowRef(int row) const { return m_rows.value(row); }
    // The row of a flow's endpoint (endpoint -1: the flow's only row when it has no endpoints),
    // or -1.
    int rowOf(int flow, int endpoint) const;
    // Rows of a flow, in order.
    QList<int> rowsForFlow(const QString &flowId) const;

    // Connectivity results shown in the CheckColumn and as a colour swatch beside the endpoint.
    RowCheckState checkState(int row) const { return m_checkStates.value(row); }
    void setCheckState(int row, const RowCheckState &state);
    void clearCheckStates();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The search text of a row (SearchTextRole) in two parts, so that filtering need not scan
    // what rows share: the text of its group (the rows of one flow whose endpoints come from one
    // list share everything but the endpoint) and the row's own text (the endpoint). A word
    // never spans the two: both are lower case, parts joined by line breaks. UTF-8, in which a
    // substring match of a UTF-8 word is a match of whole characters.
    int searchGroup(int row) const { return m_rowGroups.at(row); }
    int searchGroupCount() const { return int(m_groupTexts.size()); }
    std::string_view groupSearchText(int group) const
    {
        const QByteArray &text = m_groupTexts.at(group);
        return {text.constData(), size_t(text.size())};
    }
    std::string_view rowSearchText(int row) const
    {
        const int from = m_rowOffsets.at(row);
        return {m_rowTexts.constData() + from, size_t(m_rowOffsets.at(row + 1) - from)};
    }

    // One integer per row that orders the rows in a column as SortRole does: text by the
    // language's collation (case-insensitive, numbers by value), ports, dates and check results
    // by value. Text columns collate each distinct text once and keep the ranks until the
    // language, roles or catalog change, so that sorting 200k rows compares integers.
    QList<qint64> sortKeys(int column) const;

    static QString columnTitle(Column column);
    static QString checkText(const RowCheckState &state);
    static QColor checkColor(RowCheckState::Status status);
    // WCAG contrast ratio of two colours (1 to 21).
    static double contrastRatio(const QColor &a, const QColor &b);
    // The text colour of expired rows: as far towards the background as the palette allows
    // while keeping at least 4.5:1 against Base and AlternateBase (light and dark palettes).
    static QColor expiredColor(const QPalette &palette);

signals:
    void languageChanged(Language language);
    void rolesChanged(const QStringList &componentIds);

private:
    QString displayText(int row, int column) const;
    QString groupSearchText(const CatalogRowRef &ref) const;
    QString rowSearchText(const CatalogRowRef &ref) const;
    QList<PortSpec> portsOf(const CatalogRowRef &ref) const;
    const Endpoint *endpointOf(const CatalogRowRef &ref) const;
    QList<Provenance> provenanceOf(const CatalogRowRef &ref) const;
    void emitAllChanged();
    const QList<qint64> &sortRanks(int column) const;

    Catalog m_catalog;
    QList<CatalogRowRef> m_rows;
    QByteArrayList m_groupTexts;
    QList<int> m_rowGroups;
    QByteArray m_rowTexts; // every row's text, one after the other
    QList<int> m_rowOffsets; // where each row's text starts, and the end

    QList<RowCheckState> m_checkStates;
    mutable QHash<int, QList<qint64>> m_sortRanks; // column -> row -> rank, for the language
    QStringList m_roles;
    Language m_language = Language::English;
    QDate m_referenceDate = QDate::currentDate();
};
