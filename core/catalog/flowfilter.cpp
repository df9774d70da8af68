#include "flowfilter.h"

#include <QRegularExpression>

#include <algorithm>

namespace {
bool intersects(const QList<Feature> &a, const QList<Feature> &b)
{
    return std::any_of(a.cbegin(), a.cend(), [&b](Feature f) { return b.contains(f); });
}

bool portMatches(const QList<PortSpec> &ports, int port, const QString &protocol)
{
    return std::any_of(ports.cbegin(), ports.cend(), [&](const PortSpec &p) {
        if (port != 0 && p.port != port)
            return false;
        return protocol.isEmpty() || p.protocol.compare(protocol, Qt::CaseInsensitive) == 0
                || p.transportName().compare(protocol, Qt::CaseInsensitive) == 0;
    });
}

Direction combine(Direction a, Direction b)
{
    if (a == Direction::None || a == b)
        return b;
    if (b == Direction::None)
        return a;
    if (a == Direction::Local || b == Direction::Local)
        return Direction::Local;
    return Direction::Both;
}
} // namespace

void FlowFilter::setText(const QString &text)
{
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    words = text.toLower().split(spaces, Qt::SkipEmptyParts);
}

Direction FlowFilter::directionOf(const Catalog &catalog, const Flow &flow, const QStringList &roles)
{
    if (!roles.isEmpty()) {
        Direction d = Direction::None;
        for (const QString &role : roles)
            d = combine(d, flow.directionFor(role));
        return d;
    }
    if (!flow.needsNetworkRule)
        return Direction::Local;
    return catalog.endpointsDescribeInitiator(flow) ? Direction::Inbound : Direction::Outbound;
}

bool FlowFilter::acceptsFlow(const Catalog &catalog, const Flow &flow) const
{
    if (!flowIds.isEmpty() && !flowIds.contains(flow.id))
        return false;
    if (!roles.isEmpty()
        && std::none_of(roles.cbegin(), roles.cend(), [&flow](const QString &r) { return flow.involves(r); }))
        return false;
    if (direction != Direction::None) {
        const Direction d = directionOf(catalog, flow, roles);
        const bool ok = d == direction
                || (d == Direction::Both
                    && (direction == Direction::Outbound || direction == Direction::Inbound));
        if (!ok)
            return false;
    }
    if (requiredOnly && flow.requirement != Requirement::Required)
        return false;
    if (requirement && flow.requirement != *requirement)
        return false;
    if (!features.isEmpty() && !flow.features.isEmpty() && !intersects(flow.features, features))
        return false;
    if ((port != 0 || !protocol.isEmpty()) && !portMatches(flow.ports, port, protocol))
        return false;
    return true;
}

bool FlowFilter::acceptsEndpoint(const Catalog &catalog, const Flow &flow, const Endpoint &endpoint,
                                 const QDate &today) const
{
    if (!includeExpired && catalog.isExpired(endpoint, today))
        return false;
    const EndpointList &list = catalog.listOf(endpoint);
    if (!features.isEmpty() && !list.features.isEmpty() && !intersects(list.features, features))
        return false;
    if (!agentVersion.isNull() && !list.agentVersions.contains(agentVersion))
        return false;
    if ((port != 0 || !protocol.isEmpty()) && !portMatches(catalog.portsOf(flow, endpoint), port, protocol))
        return false;
    return true;
}

bool FlowFilter::acceptsRow(const Catalog &catalog, const CatalogRowRef &ref, const QDate &today,
                            const QString &searchText) const
{
    if (ref.flow < 0 || ref.flow >= catalog.flows.size())
        return false;
    const Flow &flow = catalog.flows.at(ref.flow);
    if (!acceptsFlow(catalog, flow))
        return false;
    if (ref.endpoint >= 0 && !acceptsEndpoint(catalog, flow, flow.endpoints.at(ref.endpoint), today))
        return false;
    return matchesText(searchText);
}

bool FlowFilter::matchesText(const QString &searchText) const
{
    return std::all_of(words.cbegin(), words.cend(),
                       [&searchText](const QString &w) { return searchText.contains(w); });
}

bool FlowFilter::operator==(const FlowFilter &o) const
{
    return roles == o.roles && direction == o.direction && requirement == o.requirement
            && requiredOnly == o.requiredOnly && features == o.features && agentVersion == o.agentVersion
            && protocol == o.protocol && port == o.port && includeExpired == o.includeExpired
            && flowIds == o.flowIds && words == o.words;
}
