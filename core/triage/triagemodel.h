#pragma once

#include "core/triage/triagereport.h"

#include "core/catalog/catalog.h"
#include "core/i18n/language.h"

#include <QAbstractTableModel>

// A triage report as a table: one row per flow the log hits, then one per "right address, wrong
// port" mismatch. Display text follows the model's language; switching it emits dataChanged
// and headerDataChanged, never a reset.
class TriageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TriageModel)

public:
    enum Column {
        KindColumn,
        FlowColumn,
        EndpointColumn,
        PortsColumn,
        LinesColumn,
        FirstSeenColumn,
        LastSeenColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        IsMismatchRole = Qt::UserRole + 1, // bool
        FlowIdsRole, // QStringList: the flow hit, or the flows that use the mismatched endpoint
        SamplesRole, // QStringList: sample lines, cleaned
        LinesRole, // qint64
    };
    Q_ENUM(Role)

    explicit TriageModel(QObject *parent = nullptr);

    void setReport(const Catalog &catalog, const TriageReport &report);
    const TriageReport &report() const { return m_report; }
    const Catalog &catalog() const { return m_catalog; }

    Language language() const { return m_language; }
    void setLanguage(Language language);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // One line of counts: read, hit a flow, on a port no flow uses, unrelated, not recognised.
    QString summary() const;

private:
    QString text(int row, int column) const;
    QStringList flowIds(int row) const;

    Catalog m_catalog;
    TriageReport m_report;
    Language m_language = Language::English;
};
