#include "catalog.h"

#include <algorithm>

namespace {
template<typename T>
const T *findById(const QList<T> &list, const QString &id)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), [&id](const T &item) { return item.id == id; });
    return it == list.cend() ? nullptr : &*it;
}
} // namespace

const TableRow *CatalogTable::row(const QString &id) const
{
    return findById(rows, id);
}

Direction Flow::directionFor(const QString &role) const
{
    const bool initiates = initiators.contains(role);
    const bool listens = listener == role;
    if (!initiates && !listens)
        return Direction::None;
    if (!needsNetworkRule)
        return Direction::Local;
    if (initiates && listens)
        return Direction::Both;
    return initiates ? Direction::Outbound : Direction::Inbound;
}

const Component *Catalog::component(const QString &id) const
{
    return findById(components, id);
}

const CatalogTable *Catalog::table(const QString &id) const
{
    return findById(tables, id);
}

const ValidityRule *Catalog::validityRule(const QString &id) const
{
    return findById(validityRules, id);
}

const EndpointList *Catalog::endpointList(const QString &id) const
{
    return findById(endpointLists, id);
}

const Flow *Catalog::flow(const QString &id) const
{
    return findById(flows, id);
}

int Catalog::flowIndex(const QString &id) const
{
    const Flow *f = flow(id);
    return f ? int(f - flows.constData()) : -1;
}

bool Catalog::endpointsDescribeInitiator(const Flow &flow) const
{
    const Component *listener = component(flow.listener);
    if (!listener || listener->zone != Zone::Customer)
        return false;
    return std::any_of(flow.initiators.cbegin(), flow.initiators.cend(), [this](const QString &id) {
        const Component *c = component(id);
        return c && c->zone != Zone::Customer;
    });
}

QDate Catalog::validUntil(const Endpoint &endpoint) const
{
    if (endpoint.list < 0 || endpoint.list >= endpointLists.size())
        return {};
    const QString &id = endpointLists.at(endpoint.list).validity;
    const ValidityRule *rule = id.isEmpty() ? nullptr : validityRule(id);
    return rule ? rule->validUntil : QDate();
}

bool Catalog::isExpired(const Endpoint &endpoint, const QDate &today) const
{
    const QDate until = validUntil(endpoint);
    return until.isValid() && today > until;
}

bool Catalog::isFullyExpired(const Flow &flow, const QDate &today) const
{
    return !flow.endpoints.isEmpty()
            && std::all_of(flow.endpoints.cbegin(), flow.endpoints.cend(),
                           [&](const Endpoint &e) { return isExpired(e, today); });
}

QList<PortSpec> Catalog::portsOf(const Flow &flow, const Endpoint &endpoint) const
{
    if (endpoint.list < 0 || endpoint.list >= endpointLists.size())
        return flow.ports;
    const QList<int> &subset = endpointLists.at(endpoint.list).ports;
    if (subset.isEmpty())
        return flow.ports;
    QList<PortSpec> result;
    for (const PortSpec &p : flow.ports) {
        if (subset.contains(p.port))
            result.append(p);
    }
    return result;
}

QList<Feature> Catalog::featuresOf(const Flow &flow, const Endpoint *endpoint) const
{
    QList<Feature> result = flow.features;
    if (endpoint && endpoint->list >= 0 && endpoint->list < endpointLists.size()) {
        for (Feature f : endpointLists.at(endpoint->list).features) {
            if (!result.contains(f))
                result.append(f);
        }
    }
    return result;
}

QList<QVersionNumber> Catalog::agentVersions() const
{
    QList<QVersionNumber> result;
    for (const EndpointList &list : endpointLists) {
        if (!list.agentVersions.from.isNull() && !result.contains(list.agentVersions.from))
            result.append(list.agentVersions.from);
    }
    std::sort(result.begin(), result.end());
    return result;
}

QList<CatalogRowRef> Catalog::rows() const
{
    QList<CatalogRowRef> result;
    result.reserve(endpointCount() + flows.size());
    for (int f = 0; f < flows.size(); ++f) {
        const int n = flows.at(f).endpoints.size();
        if (n == 0)
            result.append({f, -1});
        for (int i = 0; i < n; ++i)
            result.append({f, i});
    }
    return result;
}

int Catalog::endpointCount() const
{
    int n = 0;
    for (const Flow &f : flows)
        n += f.endpoints.size();
    return n;
}
