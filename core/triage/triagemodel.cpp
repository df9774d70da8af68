#include "triagemodel.h"

#include "core/catalog/catalogtext.h"

#include <QLocale>

TriageModel::TriageModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void TriageModel::setReport(const Catalog &catalog, const TriageReport &report)
{
    beginResetModel();
    m_catalog = catalog;
    m_report = report;
    endResetModel();
}

void TriageModel::setLanguage(Language language)
{
    if (language == m_language)
        return;
    m_language = language;
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DisplayRole});
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int TriageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_report.flows.size() + m_report.mismatches.size());
}

int TriageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QStringList TriageModel::flowIds(int row) const
{
    QStringList ids;
    const auto add = [&](int flow) {
        if (flow >= 0 && flow < m_catalog.flows.size())
            ids.append(m_catalog.flows.at(flow).id);
    };
    if (row < m_report.flows.size()) {
        add(m_report.flows.at(row).flow);
    } else {
        for (int flow : m_report.mismatches.at(row - m_report.flows.size()).flows)
            add(flow);
    }
    return ids;
}

QString TriageModel::text(int row, int column) const
{
    const QLocale locale = m_language == Language::Japanese ? QLocale(QLocale::Japanese) : QLocale::c();
    if (row < m_report.flows.size()) {
        const TriageReport::FlowHit &hit = m_report.flows.at(row);
        const Flow &flow = m_catalog.flows.at(hit.flow);
        switch (column) {
        case KindColumn:
            return tr("Flow hit");
        case FlowColumn:
            return QStringLiteral("%1 — %2").arg(flow.id,
                                                 CatalogText::flowSummary(m_catalog, flow, m_language));
        case EndpointColumn:
            return hit.endpoints.join(QStringLiteral(", "));
        case PortsColumn:
            return CatalogText::ports(flow.ports);
        case LinesColumn:
            return locale.toString(hit.lines);
        case FirstSeenColumn:
            return TriageReport::timeText(hit.firstSeen);
        case LastSeenColumn:
            return TriageReport::timeText(hit.lastSeen);
        }
        return {};
    }
    const TriageReport::PortMismatch &m = m_report.mismatches.at(row - m_report.flows.size());
    switch (column) {
    case KindColumn:
        return tr("Port no flow uses");
    case FlowColumn: {
        const QString reached = m.port > 0
                ? tr("%1 reached on %2 %3").arg(m.address).arg(m.port).arg(m.protocol)
                : tr("%1 reached with %2").arg(m.address, m.protocol);
        return reached.trimmed();
    }
    case EndpointColumn:
        return m.endpoint;
    case PortsColumn:
        return tr("used: %1").arg(CatalogText::ports(m.ports));
    case LinesColumn:
        return locale.toString(m.lines);
    case FirstSeenColumn:
        return TriageReport::timeText(m.firstSeen);
    case LastSeenColumn:
        return TriageReport::timeText(m.lastSeen);
    }
    return {};
}

QVariant TriageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const bool mismatch = row >= m_report.flows.size();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return text(row, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == LinesColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case IsMismatchRole:
        return mismatch;
    case FlowIdsRole:
        return flowIds(row);
    case SamplesRole:
        return mismatch ? m_report.mismatches.at(row - m_report.flows.size()).samples
                        : m_report.flows.at(row).samples;
    case LinesRole:
        return mismatch ? m_report.mismatches.at(row - m_report.flows.size()).lines
                        : m_report.flows.at(row).lines;
    }
    return {};
}

QVariant TriageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case KindColumn:
        return tr("Finding");
    case FlowColumn:
        return tr("Flow");
    case EndpointColumn:
        return tr("Endpoint");
    case PortsColumn:
        return tr("Ports");
    case LinesColumn:
        return tr("Lines");
    case FirstSeenColumn:
        return tr("First seen (UTC)");
    case LastSeenColumn:
        return tr("Last seen (UTC)");
    case ColumnCount:
        break;
    }
    return {};
}

QString TriageModel::summary() const
{
    const TriageReport &r = m_report;
    const QLocale locale = m_language == Language::Japanese ? QLocale(QLocale::Japanese) : QLocale::c();
    return tr("Lines read: %1 · hit a flow: %2 · catalog endpoint on a port no flow uses: %3 · unrelated: %4 "
              "· "
              "not recognised: %5")
            .arg(locale.toString(r.totalLines), locale.toString(r.matchedLines),
                 locale.toString(r.mismatchedLines), locale.toString(r.unrelatedLines),
                 locale.toString(r.unrecognisedLines));
}
