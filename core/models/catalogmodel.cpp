#include "catalogmodel.h"

#include "core/models/statuspalette.h"

#include "core/catalog/catalogtext.h"
#include "core/catalog/flowfilter.h"

#include <QBrush>
#include <QCollator>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

CatalogModel::CatalogModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CatalogModel::setCatalog(const Catalog &catalog)
{
    beginResetModel();
    m_sortRanks.clear();
    m_catalog = catalog;
    m_rows = m_catalog.rows();
    m_checkStates = QList<RowCheckState>(m_rows.size());
    m_groupTexts.clear();
    m_rowGroups.clear();
    m_rowTexts.clear();
    m_rowOffsets.clear();
    m_rowGroups.reserve(m_rows.size());
    m_rowOffsets.reserve(m_rows.size() + 1);
    QHash<QPair<int, int>, int> groups; // (flow, endpoint list or -1) -> group
    for (const CatalogRowRef &ref : std::as_const(m_rows)) {
        const Endpoint *endpoint = endpointOf(ref);
        const QPair<int, int> key{ref.flow, endpoint ? endpoint->list : -1};
        auto it = groups.constFind(key);
        if (it == groups.cend()) {
            it = groups.insert(key, int(m_groupTexts.size()));
            m_groupTexts.append(groupSearchText(ref).toUtf8());
        }
        m_rowGroups.append(*it);
        m_rowOffsets.append(int(m_rowTexts.size()));
        m_rowTexts.append(rowSearchText(ref).toUtf8());
    }
    m_rowOffsets.append(int(m_rowTexts.size()));
    endResetModel();
}

void CatalogModel::setLanguage(Language language)
{
    if (m_language == language)
        return;
    m_language = language;
    m_sortRanks.clear();
    emitAllChanged();
    emit languageChanged(language);
}

void CatalogModel::setRoles(const QStringList &componentIds)
{
    if (m_roles == componentIds)
        return;
    m_roles = componentIds;
    m_sortRanks.remove(DirectionColumn);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, DirectionColumn), index(int(m_rows.size()) - 1, DirectionColumn));
    emit headerDataChanged(Qt::Horizontal, DirectionColumn, DirectionColumn);
    emit rolesChanged(m_roles);
}

void CatalogModel::setRole(const QString &componentId)
{
    setRoles(componentId.isEmpty() ? QStringList() : QStringList{componentId});
}

void CatalogModel::setReferenceDate(const QDate &date)
{
    if (m_referenceDate == date)
        return;
    m_referenceDate = date;
    m_sortRanks.clear();
    emitAllChanged();
}

void CatalogModel::emitAllChanged()
{
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int CatalogModel::rowOf(int flow, int endpoint) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).flow == flow && m_rows.at(row).endpoint == endpoint)
            return row;
    }
    return -1;
}

QList<int> CatalogModel::rowsForFlow(const QString &flowId) const
{
    QList<int> result;
    const int flow = m_catalog.flowIndex(flowId);
    if (flow < 0)
        return result;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).flow == flow)
            result.append(row);
    }
    return result;
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
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
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
    using Role = StatusPalette::Role;
    switch (status) {
    case RowCheckState::Status::Passed:
        return StatusPalette::line(Role::Good);
    case RowCheckState::Status::Failed:
        return StatusPalette::line(Role::Bad);
    case RowCheckState::Status::Partial:
        return StatusPalette::line(Role::Warning);
    case RowCheckState::Status::Running:
        return StatusPalette::line(Role::Active);
    case RowCheckState::Status::Skipped:
    case RowCheckState::Status::Untested:
        break;
    }
    return StatusPalette::line(Role::Neutral);
}

double CatalogModel::contrastRatio(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor CatalogModel::expiredColor(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Active, QPalette::Text);
    const QColor base = palette.color(QPalette::Active, QPalette::Base);
    const QColor alternate = palette.color(QPalette::Active, QPalette::AlternateBase);
    const auto mix = [&](double t) { // t = 0: the text colour, 1: the background
        return QColor::fromRgbF(float(text.redF() + (base.redF() - text.redF()) * t),
                                float(text.greenF() + (base.greenF() - text.greenF()) * t),
                                float(text.blueF() + (base.blueF() - text.blueF()) * t));
    };
    const auto readable = [&](const QColor &c) {
        return contrastRatio(c, base) >= 4.6 && contrastRatio(c, alternate) >= 4.6;
    };
    QColor best = text;
    for (int step = 1; step <= 20; ++step) {
        const QColor candidate = mix(step / 40.0); // at most half-way towards the background
        if (!readable(candidate))
            break;
        best = candidate;
    }
    return best;
}

int CatalogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CatalogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const Endpoint *CatalogModel::endpointOf(const CatalogRowRef &ref) const
{
    const Flow &flow = m_catalog.flows.at(ref.flow);
    return ref.endpoint >= 0 && ref.endpoint < flow.endpoints.size() ? &flow.endpoints.at(ref.endpoint)
                                                                     : nullptr;
}

QList<PortSpec> CatalogModel::portsOf(const CatalogRowRef &ref) const
{
    const Flow &flow = m_catalog.flows.at(ref.flow);
    const Endpoint *endpoint = endpointOf(ref);
    return endpoint ? m_catalog.portsOf(flow, *endpoint) : flow.ports;
}

QList<Provenance> CatalogModel::provenanceOf(const CatalogRowRef &ref) const
{
    // The rows that list the endpoint, then the rest of the flow's.
    const Flow &flow = m_catalog.flows.at(ref.flow);
    const Endpoint *endpoint = endpointOf(ref);
    QList<Provenance> result = endpoint ? m_catalog.listOf(*endpoint).provenance : QList<Provenance>();
    for (const Provenance &p : flow.provenance) {
        if (!result.contains(p))
            result.append(p);
    }
    return result;
}

QString CatalogModel::displayText(int row, int column) const
{
    const CatalogRowRef &ref = m_rows.at(row);
    const Flow &f = m_catalog.flows.at(ref.flow);
    const Endpoint *endpoint = endpointOf(ref);
    switch (column) {
    case EndpointColumn:
        return CatalogText::endpoint(m_catalog, f, ref.endpoint, m_language);
    case PortsColumn:
        return CatalogText::ports(portsOf(ref));
    case InitiatorsColumn:
        return CatalogText::componentNames(m_catalog, f.initiators, m_language);
    case ListenerColumn:
        return CatalogText::componentNames(m_catalog, {f.listener}, m_language);
    case ServiceColumn:
        return CatalogText::service(m_catalog, f, ref.endpoint, m_language);
    case DirectionColumn:
        if (m_roles.isEmpty())
            return CatalogText::flowSummary(m_catalog, f, m_language);
        return CatalogText::direction(FlowFilter::directionOf(m_catalog, f, m_roles));
    case RequirementColumn:
        return CatalogText::requirement(m_catalog, f, ref.endpoint, m_referenceDate);
    case FeaturesColumn:
        return CatalogText::features(m_catalog.featuresOf(f, endpoint));
    case ValidityColumn:
        return endpoint ? CatalogText::validity(m_catalog, *endpoint, m_referenceDate) : QString();
    case PageColumn:
        return CatalogText::provenance(m_catalog, provenanceOf(ref), m_language);
    case IdColumn:
        return f.id;
    case CheckColumn:
        return checkText(m_checkStates.at(row));
    default:
        return {};
    }
}

QString CatalogModel::rowSearchText(const CatalogRowRef &ref) const
{
    const Flow &f = m_catalog.flows.at(ref.flow);
    if (const Endpoint *endpoint = endpointOf(ref))
        return endpoint->value.toLower();
    return (CatalogText::endpoint(m_catalog, f, ref.endpoint, Language::English) + QLatin1Char('\n')
            + CatalogText::endpoint(m_catalog, f, ref.endpoint, Language::Japanese))
            .toLower();
}

QString CatalogModel::groupSearchText(const CatalogRowRef &ref) const
{
    const Flow &f = m_catalog.flows.at(ref.flow);
    const Endpoint *endpoint = endpointOf(ref);
    const QList<Provenance> provenance = provenanceOf(ref);
    QStringList parts;
    for (Language l : {Language::English, Language::Japanese}) {
        parts << CatalogText::componentNames(m_catalog, f.initiators, l)
              << CatalogText::componentNames(m_catalog, {f.listener}, l)
              << CatalogText::service(m_catalog, f, ref.endpoint, l)
              << CatalogText::provenanceRows(m_catalog, provenance, l);
    }
    const QList<Feature> features = m_catalog.featuresOf(f, endpoint);
    for (Feature feature : features)
        parts << Vocabulary::name(feature) << CatalogText::feature(feature);
    parts << CatalogText::ports(portsOf(ref)) << f.id << Vocabulary::name(f.requirement)
          << CatalogText::requirement(f.requirement) << f.description.combined() << f.condition.combined()
          << f.notes.combined() << f.configurable.combined();
    if (endpoint) {
        const EndpointList &list = m_catalog.listOf(*endpoint);
        parts << list.id << list.description.combined() << list.condition.combined();
    }
    return parts.join(QLatin1Char('\n')).toLower();
}

QVariant CatalogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CatalogRowRef &ref = m_rows.at(index.row());
    const Flow &f = m_catalog.flows.at(ref.flow);
    const Endpoint *endpoint = endpointOf(ref);
    const EndpointList *list = endpoint ? &m_catalog.listOf(*endpoint) : nullptr;

    switch (role) {
    case Qt::DisplayRole:
        return displayText(index.row(), index.column());
    case Qt::ToolTipRole: {
        if (index.column() == PageColumn)
            return CatalogText::provenanceRows(m_catalog, provenanceOf(ref), m_language)
                    .join(QLatin1Char('\n'));
        if (index.column() == DirectionColumn || index.column() == InitiatorsColumn
            || index.column() == ListenerColumn)
            return CatalogText::flowSummary(m_catalog, f, m_language);
        QStringList lines{CatalogText::service(m_catalog, f, ref.endpoint, m_language),
                          f.description.text(m_language)};
        if (!f.condition.isEmpty())
            lines.append(f.condition.text(m_language));
        if (list && !list->condition.isEmpty())
            lines.append(list->condition.text(m_language));
        lines.removeAll(QString());
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::DecorationRole:
        if (index.column() == EndpointColumn
            && m_checkStates.at(index.row()).status != RowCheckState::Status::Untested)
            return checkColor(m_checkStates.at(index.row()).status); // views draw a colour swatch
        return {};
    case Qt::ForegroundRole:
        if (endpoint && m_catalog.isExpired(*endpoint, m_referenceDate))
            return QBrush(expiredColor(QPalette()));
        return {};
    case FlowIdRole:
        return f.id;
    case FlowIndexRole:
        return ref.flow;
    case EndpointIndexRole:
        return ref.endpoint;
    case EndpointListIdRole:
        return list ? list->id : QString();
    case EndpointRole:
        return endpoint ? endpoint->value : QString();
    case EndpointKindRole:
        return endpoint ? Endpoint::kindName(endpoint->kind) : QString();
    case PortsRole: {
        QVariantList ports;
        for (const PortSpec &p : portsOf(ref)) {
            if (!ports.contains(QVariant(p.port)))
                ports.append(p.port);
        }
        return ports;
    }
    case TransportsRole:
    case ProtocolsRole: {
        QStringList values;
        for (const PortSpec &p : portsOf(ref)) {
            const QString v = role == TransportsRole ? p.transportName() : p.protocol;
            if (!v.isEmpty() && !values.contains(v))
                values.append(v);
        }
        return values;
    }
    case InitiatorsRole:
        return f.initiators;
    case ListenerRole:
        return f.listener;
    case DirectionRole:
        return QVariant::fromValue(FlowFilter::directionOf(m_catalog, f, m_roles));
    case RequirementRole:
        return QVariant::fromValue(f.requirement);
    case FeaturesRole:
        return QVariant::fromValue(m_catalog.featuresOf(f, endpoint));
    case AgentVersionsRole:
        return list ? CatalogText::agentVersions(list->agentVersions) : QString();
    case ProvenanceRole: {
        QStringList values;
        for (const Provenance &p : provenanceOf(ref))
            values.append(p.toString());
        return values;
    }
    case ConditionRole:
        return f.condition.text(m_language);
    case DescriptionRole:
        return f.description.text(m_language);
    case NotesRole:
        return f.notes.text(m_language);
    case ConfigurableRole:
        return f.configurable.text(m_language);
    case ValidUntilRole:
        return endpoint ? m_catalog.validUntil(*endpoint) : QDate();
    case ExpiredRole:
        return endpoint && m_catalog.isExpired(*endpoint, m_referenceDate);
    case CustomerSideRole: {
        const QStringList side =
                m_catalog.endpointsDescribeInitiator(f) ? f.initiators : QStringList{f.listener};
        return !side.isEmpty() && std::all_of(side.cbegin(), side.cend(), [this](const QString &id) {
            const Component *c = m_catalog.component(id);
            return c && c->isCustomerSide;
        });
    }
    case NeedsNetworkRuleRole:
        return f.needsNetworkRule;
    case CheckStatusRole:
        return int(m_checkStates.at(index.row()).status);
    case CheckLatencyRole:
        return m_checkStates.at(index.row()).latencyMs;
    case SearchTextRole:
        return QString::fromUtf8(m_groupTexts.at(m_rowGroups.at(index.row())) + '\n'
                                 + QByteArray::fromRawData(rowSearchText(index.row()).data(),
                                                           qsizetype(rowSearchText(index.row()).size())));
    case SortRole:
        if (index.column() == PortsColumn) {
            const QList<PortSpec> ports = portsOf(ref);
            return ports.isEmpty() ? 0 : ports.first().port;
        }
        if (index.column() == ValidityColumn)
            return endpoint ? m_catalog.validUntil(*endpoint) : QDate();
        if (index.column() == CheckColumn)
            return int(m_checkStates.at(index.row()).status) * 1000000
                    + m_checkStates.at(index.row()).latencyMs;
        return displayText(index.row(), index.column());
    default:
        return {};
    }
}

QList<qint64> CatalogModel::sortKeys(int column) const
{
    if (column != PortsColumn && column != ValidityColumn && column != CheckColumn)
        return sortRanks(column);
    // Values, cheap to read again; the check column changes with every result.
    QList<qint64> keys(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        const QVariant value = index(row, column).data(SortRole);
        if (column == ValidityColumn) {
            const QDate date = value.toDate();
            keys[row] = date.isValid() ? date.toJulianDay() : std::numeric_limits<qint64>::max();
        } else {
            keys[row] = value.toLongLong();
        }
    }
    return keys;
}

const QList<qint64> &CatalogModel::sortRanks(int column) const
{
    auto it = m_sortRanks.constFind(column);
    if (it != m_sortRanks.cend())
        return *it;
    // Rows of one flow share most texts: collate each distinct text once.
    QHash<QString, int> distinct;
    QStringList texts;
    QList<int> textOfRow(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row) {
        const QString text = displayText(row, column);
        auto found = distinct.constFind(text);
        if (found == distinct.cend()) {
            found = distinct.insert(text, int(texts.size()));
            texts.append(text);
        }
        textOfRow[row] = *found;
    }
    QCollator collator(m_language == Language::Japanese ? QLocale(QLocale::Japanese, QLocale::Japan)
                                                        : QLocale(QLocale::English, QLocale::UnitedStates));
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    QList<QCollatorSortKey> keys;
    keys.reserve(texts.size());
    for (const QString &text : std::as_const(texts))
        keys.append(collator.sortKey(text));
    QList<int> order(texts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&keys](int a, int b) { return keys.at(a).compare(keys.at(b)) < 0; });
    QList<int> rankOfText(texts.size());
    int rank = 0;
    for (int i = 0; i < order.size(); ++i) {
        if (i > 0 && keys.at(order.at(i - 1)).compare(keys.at(order.at(i))) != 0)
            ++rank;
        rankOfText[order.at(i)] = rank;
    }
    QList<qint64> ranks(m_rows.size());
    for (int row = 0; row < m_rows.size(); ++row)
        ranks[row] = rankOfText.at(textOfRow.at(row));
    return *m_sortRanks.insert(column, ranks);
}

QString CatalogModel::columnTitle(Column column)
{
    switch (column) {
    case EndpointColumn:
        return tr("Endpoint");
    case PortsColumn:
        return tr("Ports");
    case InitiatorsColumn:
        return tr("Initiator");
    case ListenerColumn:
        return tr("Listener");
    case ServiceColumn:
        return tr("Service");
    case DirectionColumn:
        return tr("Direction");
    case RequirementColumn:
        return tr("Requirement");
    case FeaturesColumn:
        return tr("Features");
    case ValidityColumn:
        return tr("Validity");
    case PageColumn:
        return tr("On the page");
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
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnTitle(Column(section));
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DirectionColumn:
            if (m_roles.isEmpty())
                return tr("Who opens the connection → who accepts it");
            return tr("Direction as seen by %1")
                    .arg(CatalogText::componentNames(m_catalog, m_roles, m_language));
        case InitiatorsColumn:
            return tr("The components that open the connection");
        case ListenerColumn:
            return tr("The component that accepts the connection");
        case FeaturesColumn:
            return tr("The product features that need this row; empty: every deployment needs it");
        case PageColumn:
            return tr("The tables of the vendor's page that state this row");
        default:
            break;
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> CatalogModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert({{FlowIdRole, "flowId"},
                  {FlowIndexRole, "flowIndex"},
                  {EndpointIndexRole, "endpointIndex"},
                  {EndpointRole, "endpoint"},
                  {EndpointKindRole, "endpointKind"},
                  {PortsRole, "ports"},
                  {InitiatorsRole, "initiators"},
                  {ListenerRole, "listener"},
                  {DirectionRole, "direction"},
                  {RequirementRole, "requirement"},
                  {FeaturesRole, "features"},
                  {ProvenanceRole, "provenance"},
                  {ExpiredRole, "expired"}});
    return names;
}
