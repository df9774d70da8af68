#include "catalogtext.h"

QString CatalogText::direction(Direction direction)
{
    switch (direction) {
    case Direction::Inbound:
        return tr("Inbound");
    case Direction::Outbound:
        return tr("Outbound");
    case Direction::Both:
        return tr("Both directions");
    case Direction::Local:
        return tr("Local");
    case Direction::None:
        break;
    }
    return {};
}

QString CatalogText::requirement(Requirement requirement)
{
    switch (requirement) {
    case Requirement::Required:
        return tr("Required");
    case Requirement::Optional:
        return tr("Optional");
    case Requirement::Conditional:
        return tr("Conditional");
    }
    return {};
}

QString CatalogText::requirement(const Catalog &catalog, const Flow &flow, int endpoint, const QDate &today)
{
    if (endpoint >= 0 && endpoint < flow.endpoints.size()
        && catalog.isExpired(flow.endpoints.at(endpoint), today))
        return tr("Expired");
    return requirement(flow.requirement);
}

QString CatalogText::section(Section section)
{
    switch (section) {
    case Section::Ports:
        return tr("Ports");
    case Section::Urls:
        return tr("URLs");
    case Section::Ips:
        return tr("IP addresses");
    }
    return {};
}

QString CatalogText::zone(Zone zone)
{
    switch (zone) {
    case Zone::Customer:
        return tr("Customer network");
    case Zone::Internet:
        return tr("Internet");
    case Zone::TrendCloud:
        return tr("Trend Micro cloud");
    }
    return {};
}

QString CatalogText::transport(Transport transport)
{
    switch (transport) {
    case Transport::Tcp:
        return QStringLiteral("TCP");
    case Transport::Udp:
        return QStringLiteral("UDP");
    case Transport::Unstated:
        return tr("transport not stated");
    }
    return {};
}

QString CatalogText::feature(Feature feature)
{
    switch (feature) {
    case Feature::ManagerInitiated:
        return tr("Manager-initiated communication");
    case Feature::WebReputation:
        return tr("Web Reputation");
    case Feature::FileReputation:
        return tr("File Reputation (Smart Scan)");
    case Feature::BehaviorMonitoring:
        return tr("Behavior Monitoring");
    case Feature::MachineLearning:
        return tr("Predictive Machine Learning");
    case Feature::SmartFeedback:
        return tr("Smart Feedback");
    case Feature::XdrActivityMonitoring:
        return tr("XDR activity monitoring");
    case Feature::Relay:
        return tr("Relay");
    case Feature::DataCenterGateway:
        return tr("Data Center Gateway");
    case Feature::SiemForwarding:
        return tr("SIEM or Syslog forwarding");
    case Feature::SmartProtectionServer:
        return tr("Smart Protection Server");
    }
    return {};
}

QString CatalogText::features(const QList<Feature> &features)
{
    QStringList names;
    for (Feature f : features)
        names.append(feature(f));
    return names.join(tr(", "));
}

QString CatalogText::port(const PortSpec &p)
{
    if (p.transport == Transport::Unstated)
        return p.protocol.isEmpty() ? tr("%1 (transport not stated)").arg(p.port)
                                    : tr("%1 (%2, transport not stated)").arg(p.port).arg(p.protocol);
    if (p.protocol.isEmpty())
        return QStringLiteral("%1/%2").arg(p.port).arg(transport(p.transport));
    return QStringLiteral("%1/%2 (%3)").arg(p.port).arg(transport(p.transport), p.protocol);
}

QString CatalogText::ports(const QList<PortSpec> &ports)
{
    QStringList parts;
    for (const PortSpec &p : ports)
        parts.append(port(p));
    return parts.join(QStringLiteral(", "));
}

QString CatalogText::componentNames(const Catalog &catalog, const QStringList &ids, Language language)
{
    QStringList names;
    for (const QString &id : ids) {
        const Component *c = catalog.component(id);
        names.append(c ? c->name.text(language) : id);
    }
    return names.join(QStringLiteral(", "));
}

QString CatalogText::flowSummary(const Catalog &catalog, const Flow &flow, Language language)
{
    return QStringLiteral("%1 → %2").arg(componentNames(catalog, flow.initiators, language),
                                         componentNames(catalog, {flow.listener}, language));
}

QString CatalogText::endpoint(const Catalog &catalog, const Flow &flow, int endpoint, Language language)
{
    if (endpoint >= 0 && endpoint < flow.endpoints.size())
        return flow.endpoints.at(endpoint).value;
    // No fixed address: describe the far side (the listener, or the initiators of a flow into
    // the customer network).
    const QStringList side =
            catalog.endpointsDescribeInitiator(flow) ? flow.initiators : QStringList{flow.listener};
    const QString names = componentNames(catalog, side, language);
    const bool customer = std::all_of(side.cbegin(), side.cend(), [&catalog](const QString &id) {
        const Component *c = catalog.component(id);
        return c && c->isCustomerSide;
    });
    if (!flow.needsNetworkRule)
        return tr("%1 (on the same computer)").arg(names);
    if (customer)
        return tr("%1 (in your network)").arg(names);
    return tr("%1 (no static address)").arg(names);
}

QString CatalogText::service(const Catalog &catalog, const Flow &flow, int endpoint, Language language)
{
    if (endpoint >= 0 && endpoint < flow.endpoints.size()) {
        const EndpointList &list = catalog.listOf(flow.endpoints.at(endpoint));
        if (!list.service.isEmpty())
            return list.service.text(language);
    }
    return flow.service.text(language);
}

QString CatalogText::validity(const Catalog &catalog, const Endpoint &endpoint, const QDate &today)
{
    const QDate until = catalog.validUntil(endpoint);
    if (!until.isValid())
        return {};
    const QString date = until.toString(Qt::ISODate);
    return catalog.isExpired(endpoint, today) ? tr("expired %1").arg(date) : tr("valid until %1").arg(date);
}

QString CatalogText::provenance(const Catalog &catalog, const QList<Provenance> &provenance,
                                Language language)
{
    QStringList titles;
    for (const Provenance &p : provenance) {
        const CatalogTable *table = catalog.table(p.table);
        const QString title = table ? table->title.text(language) : p.table;
        if (!titles.contains(title))
            titles.append(title);
    }
    return titles.join(QStringLiteral("; "));
}

QStringList CatalogText::provenanceRows(const Catalog &catalog, const QList<Provenance> &provenance,
                                        Language language)
{
    QStringList lines;
    for (const Provenance &p : provenance) {
        const CatalogTable *table = catalog.table(p.table);
        const TableRow *row = table ? table->row(p.row) : nullptr;
        lines.append(tr("%1: %2").arg(table ? table->title.text(language) : p.table,
                                      row ? row->label.text(language) : p.row));
    }
    return lines;
}

QString CatalogText::agentVersions(const AgentVersionRange &range)
{
    if (range.isEmpty())
        return {};
    if (range.before.isNull())
        return tr("%1 and later").arg(range.from.toString());
    if (range.from.isNull())
        return tr("before %1").arg(range.before.toString());
    return tr("%1 up to %2").arg(range.from.toString(), range.before.toString());
}
