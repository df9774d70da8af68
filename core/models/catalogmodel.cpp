#include "catalogmodel.h"

#include "catalog/catalogtext.h"

#include <QBrush>
#include <QPalette>

CatalogModel::CatalogModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CatalogModel::setCatalog(const Catalog &catalog)
{
    beginResetModel();
    m_catalog = catalog;
    m_rows = m_catalog.rows();
    m_checkStates = QList<RowCheckState>(m_rows.size());
    m_searchTexts.clear();
    m_searchTexts.reserve(m_rows.size());
    for (const CatalogRowRef &ref : std::as_const(m_rows))
        m_searchTexts.append(searchText(ref));
    endResetModel();
}

void CatalogModel::setLanguage(Language language)
{
    if (m_language == language)
        return;
    m_language = language;
    emitAllChanged();
    emit languageChanged(language);
}

void CatalogModel::setReferenceDate(const QDate &date)
{
    if (m_referenceDate == date)
        return;
    m_referenceDate = date;
    emitAllChanged();
}

void CatalogModel::emitAllChanged()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(m_rows.size() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int CatalogModel::rowOf(int entry, int endpoint) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).entry == entry && m_rows.at(row).endpoint == endpoint)
            return row;
    }
    return -1;
}

void CatalogModel::setCheckState(int row, const RowCheckState &state)
{
    if (row < 0 || row >= m_checkStates.size() || m_checkStates.at(row) == state)
        return;
    m_checkStates[row] = state;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CatalogModel::clearCheckStates()
{
    m_checkStates = QList<RowCheckState>(m_rows.size());
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(m_rows.size() - 1, ColumnCount - 1));
}

QString CatalogModel::checkText(const RowCheckState &state)
{
    if (state.status == RowCheckState::Status::Untested)
        return {};
    if (state.status == RowCheckState::Status::Running)
        return tr("Testing…");
    if (state.latencyMs < 0)
        return state.summary;
    return tr("%1 (%2 ms)").arg(state.summary).arg(state.latencyMs);
}

QColor CatalogModel::checkColor(RowCheckState::Status status)
{
    switch (status) {
    case RowCheckState::Status::Passed:
        return QColor(0x2e, 0x9d, 0x4f);
    case RowCheckState::Status::Failed:
        return QColor(0xd1, 0x3b, 0x3b);
    case RowCheckState::Status::Partial:
        return QColor(0xe0, 0x8e, 0x1b);
    case RowCheckState::Status::Running:
        return QColor(0x3b, 0x82, 0xd1);
    case RowCheckState::Status::Skipped:
    case RowCheckState::Status::Untested:
        break;
    }
    return QColor(0x9a, 0x9a, 0x9a);
}

QList<int> CatalogModel::rowsForEntry(const QString &entryId) const
{
    QList<int> result;
    const int entry = m_catalog.entryIndex(entryId);
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).entry == entry)
            result.append(row);
    }
    return result;
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CatalogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CatalogModel::displayText(int row, int column) const
{
    const CatalogRowRef &ref = m_rows.at(row);
    const Entry &e = m_catalog.entries.at(ref.entry);
    switch (column) {
    case EndpointColumn:
        return CatalogText::endpoint(m_catalog, e, ref.endpoint, m_language);
    case PortsColumn:
        return CatalogText::ports(e.ports);
    case SourcesColumn:
        return CatalogText::componentNames(m_catalog, e.sources, m_language);
    case DestinationColumn:
        return CatalogText::componentNames(m_catalog, {e.destination}, m_language);
    case ServiceColumn:
        return e.service.text(m_language);
    case DirectionColumn:
        return CatalogText::direction(e.direction);
    case RequirementColumn:
        return CatalogText::requirement(e.requirement);
    case ValidityColumn:
        return CatalogText::validity(m_catalog, e, m_referenceDate);
    case TableColumn: {
        const CatalogTable *t = m_catalog.table(e.table);
        return t ? t->title.text(m_language) : e.table;
    }
    case IdColumn:
        return e.id;
    case CheckColumn:
        return checkText(m_checkStates.at(row));
    default:
        return {};
    }
}

QString CatalogModel::searchText(const CatalogRowRef &ref) const
{
    const Entry &e = m_catalog.entries.at(ref.entry);
    QStringList parts;
    for (Language l : {Language::English, Language::Japanese}) {
        parts << CatalogText::endpoint(m_catalog, e, ref.endpoint, l)
              << CatalogText::componentNames(m_catalog, e.sources, l)
              << CatalogText::componentNames(m_catalog, {e.destination}, l);
        if (const CatalogTable *t = m_catalog.table(e.table))
            parts << t->title.text(l);
    }
    parts << CatalogText::ports(e.ports) << e.id << e.direction << e.requirement << e.service.combined()
          << e.description.combined() << e.condition.combined() << e.notes.combined()
          << e.configurable.combined();
    return parts.join(QLatin1Char('\n')).toLower();
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CatalogRowRef &ref = m_rows.at(index.row());
    const Entry &e = m_catalog.entries.at(ref.entry);
    const bool hasEndpoint = ref.endpoint >= 0;

    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.row(), index.column());
    case Qt::ToolTipRole: {
        QString tip = e.service.text(m_language) + QLatin1Char('\n') + e.description.text(m_language);
        if (!e.condition.isEmpty())
            tip += QLatin1Char('\n') + e.condition.text(m_language);
        return tip;
    }
    case Qt::DecorationRole:
        if (index.column() == EndpointColumn
            && m_checkStates.at(index.row()).status != RowCheckState::Status::Untested)
            return checkColor(m_checkStates.at(index.row()).status); // views draw a colour swatch
        return {};
    case Qt::ForegroundRole:
        if (m_catalog.isExpired(e, m_referenceDate))
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case EntryIdRole:
        return e.id;
    case EntryIndexRole:
        return ref.entry;
    case EndpointIndexRole:
        return ref.endpoint;
    case EndpointRole:
        return hasEndpoint ? e.endpoints.at(ref.endpoint).value : QString();
    case EndpointKindRole:
        return hasEndpoint ? Endpoint::kindName(e.endpoints.at(ref.endpoint).kind) : QString();
    case PortsRole: {
        QVariantList ports;
        for (const PortSpec &p : e.ports)
            ports.append(p.port);
        return ports;
    }
    case TransportsRole:
    case ProtocolsRole: {
        QStringList values;
        for (const PortSpec &p : e.ports) {
            const QString v = role == TransportsRole ? p.transport : p.protocol;
            if (!values.contains(v))
                values.append(v);
        }
        return values;
    }
    case SourcesRole:
        return e.sources;
    case DestinationRole:
        return e.destination;
    case DirectionRole:
        return e.direction;
    case RequirementRole:
        return e.requirement;
    case SectionRole: {
        const CatalogTable *t = m_catalog.table(e.table);
        return t ? t->section : QString();
    }
    case TableRole:
        return e.table;
    case ConditionRole:
        return e.condition.text(m_language);
    case DescriptionRole:
        return e.description.text(m_language);
    case NotesRole:
        return e.notes.text(m_language);
    case ConfigurableRole:
        return e.configurable.text(m_language);
    case ValidUntilRole:
        return m_catalog.validUntil(e);
    case ExpiredRole:
        return m_catalog.isExpired(e, m_referenceDate);
    case CustomerSideRole: {
        const Component *c = m_catalog.component(e.destination);
        return c && c->isCustomerSide;
    }
    case CheckStatusRole:
        return int(m_checkStates.at(index.row()).status);
    case CheckLatencyRole:
        return m_checkStates.at(index.row()).latencyMs;
    case SearchTextRole:
        return m_searchTexts.at(index.row());
    case SortRole:
        if (index.column() == PortsColumn)
            return e.ports.isEmpty() ? 0 : e.ports.first().port;
        if (index.column() == ValidityColumn)
            return m_catalog.validUntil(e);
        if (index.column() == CheckColumn)
            return int(m_checkStates.at(index.row()).status) * 1000000
                    + m_checkStates.at(index.row()).latencyMs;
        return displayText(index.row(), index.column());
    default:
        return {};
    }
}

QString CatalogModel::columnTitle(Column column)
{
    switch (column) {
    case EndpointColumn:
        return tr("Endpoint");
    case PortsColumn:
        return tr("Ports");
    case SourcesColumn:
        return tr("Source");
    case DestinationColumn:
        return tr("Destination");
    case ServiceColumn:
        return tr("Service");
    case DirectionColumn:
        return tr("Direction");
    case RequirementColumn:
        return tr("Requirement");
    case ValidityColumn:
        return tr("Validity");
    case TableColumn:
        return tr("Table");
    case IdColumn:
        return tr("Id");
    case CheckColumn:
        return tr("Check");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnTitle(Column(section));
}

QHash<int, QByteArray> CatalogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{EntryIdRole, "entryId"},
                  {EndpointRole, "endpoint"},
                  {EndpointKindRole, "endpointKind"},
                  {PortsRole, "ports"},
                  {SourcesRole, "sources"},
                  {DestinationRole, "destination"},
                  {DirectionRole, "direction"},
                  {RequirementRole, "requirement"},
                  {SectionRole, "section"},
                  {ExpiredRole, "expired"}});
    return names;
}
