#include "testplanner.h"

#include <QHash>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace {

bool matchesWildcard(const QString &host, const QString &wildcard)
{
    // "*.example.com" covers "a.example.com" and "a.b.example.com", not "example.com".
    return host.endsWith(wildcard.mid(1)) && host.size() > wildcard.size() - 1;
}

QStringList concreteHosts(const Catalog &catalog)
{
    QStringList hosts;
    QSet<QString> seen;
    for (const EndpointList &list : catalog.endpointLists) {
        for (const Endpoint &endpoint : list.endpoints) {
            if (endpoint.kind != Endpoint::Kind::Host || endpoint.isWildcard())
                continue;
            const QString host = endpoint.hostName();
            if (!seen.contains(host)) {
                seen.insert(host);
                hosts.append(host);
            }
        }
    }
    return hosts;
}

// How much a check proves: an HTTPS request says more than a TLS handshake, which says more
// than a TCP connect.
int thoroughness(CheckTarget::Kind kind)
{
    switch (kind) {
    case CheckTarget::Kind::Https:
        return 2;
    case CheckTarget::Kind::Tls:
    case CheckTarget::Kind::Http:
        return 1;
    default:
        return 0;
    }
}

// Collects targets, one per destination: a destination that several flows (or several
// endpoints of one flow) need is checked once and serves all of them.
class PlanBuilder
{
public:
    explicit PlanBuilder(TestPlan &plan)
        : m_plan(plan)
    { }

    void add(const CheckTarget &target)
    {
        const QString key = keyOf(target);
        const auto it = m_index.constFind(key);
        if (it == m_index.cend()) {
            m_index.insert(key, int(m_plan.targets.size()));
            m_plan.targets.append(target);
            return;
        }
        CheckTarget &existing = m_plan.targets[it.value()];
        for (const CheckTarget::FlowRef &ref : target.flows)
            existing.addFlow(ref.flow, ref.endpoint);
        // The same host and port under two protocols: run the check that proves more.
        if (thoroughness(target.kind) > thoroughness(existing.kind)) {
            existing.kind = target.kind;
            existing.protocol = target.protocol;
        }
    }

private:
    static QString keyOf(const CheckTarget &target)
    {
        if (target.isSkipped())
            return target.dedupKey();
        // TCP checks of one host and port are one connection whatever the application
        // protocol; HTTP requests of different paths (URLs) are different checks.
        if (target.isUdp())
            return QStringLiteral("udp|%1|%2|%3")
                    .arg(CheckTarget::kindName(target.kind), target.host.toLower())
                    .arg(target.port);
        return QStringLiteral("tcp|%1|%2|%3")
                .arg(target.host.toLower())
                .arg(target.port)
                .arg(target.usesHttp() && target.path != QLatin1String("/") ? target.path : QString());
    }

    TestPlan &m_plan;
    QHash<QString, int> m_index;
};

class FlowPlanner
{
    Q_DECLARE_TR_FUNCTIONS(TestPlanner)

public:
    FlowPlanner(const Catalog &catalog, const TestPlanner::Options &options, PlanBuilder &builder)
        : m_catalog(catalog)
        , m_options(options)
        , m_builder(builder)
        , m_allHosts(concreteHosts(catalog))
    { }

    void plan(const Flow &flow)
    {
        m_flow = &flow;
        if (!flow.needsNetworkRule) {
            CheckTarget target = skipped(componentName(flow.listener), -1);
            target.skipReason = tr("Not checked from this computer: the connection stays on the %1's own "
                                   "computer and needs no network rule")
                                        .arg(componentName(flow.listener));
            m_builder.add(target);
            return;
        }
        // Endpoints that describe the initiators (Workload Security's subnet towards the
        // agent) are nothing to connect to: the far side is the listener itself.
        if (flow.endpoints.isEmpty() || m_catalog.endpointsDescribeInitiator(flow)) {
            planListener();
            return;
        }
        for (int i = 0; i < flow.endpoints.size(); ++i) {
            const Endpoint &endpoint = flow.endpoints.at(i);
            if (m_options.scope.acceptsEndpoint(m_catalog, flow, endpoint, m_options.today))
                planEndpoint(endpoint, i);
        }
    }

private:
    QString componentName(const QString &id) const
    {
        const Component *c = m_catalog.component(id);
        return c ? c->name.text(m_options.language) : id;
    }

    CheckTarget skipped(const QString &endpointText, int endpoint) const
    {
        CheckTarget target;
        target.addFlow(m_flow->id, endpoint);
        target.endpoint = endpointText;
        target.kind = CheckTarget::Kind::None;
        return target;
    }

    CheckTarget targetFor(const QString &host, const PortSpec &port, int endpoint) const
    {
        CheckTarget target;
        target.addFlow(m_flow->id, endpoint);
        target.host = host;
        target.port = port.port;
        target.transport = port.transport;
        target.protocol = port.protocol;
        target.kind = TestPlanner::kindFor(port);
        target.path = QStringLiteral("/");
        target.endpoint = TestPlanner::endpointText(host, port.port);
        if (port.transport == Transport::Unstated)
            target.skipReason = tr("The page states no transport for port %1").arg(port.port);
        else if (target.kind == CheckTarget::Kind::None)
            target.skipReason = tr("%1 over UDP cannot be checked").arg(port.protocol);
        return target;
    }

    void planListener()
    {
        const Flow &flow = *m_flow;
        const Component *listener = m_catalog.component(flow.listener);
        const QString name = componentName(flow.listener);
        if (listener && listener->isCustomerSide && listener->siteKey != SiteKey::None) {
            const SiteKey key = listener->siteKey;
            if (m_options.site.has(key)) {
                for (const PortSpec &port : flow.ports) {
                    CheckTarget target = targetFor(m_options.site.address(key), port, -1);
                    target.siteKey = key;
                    m_builder.add(target);
                }
            } else {
                CheckTarget target = skipped(name, -1);
                target.siteKey = key;
                target.skipReason =
                        tr("No address given for %1: add --site %2=ADDRESS").arg(name, Vocabulary::name(key));
                m_builder.add(target);
            }
            return;
        }
        CheckTarget target = skipped(name, -1);
        target.skipReason = tr("The catalog gives no address for %1 in this flow").arg(name);
        m_builder.add(target);
    }

    void planEndpoint(const Endpoint &endpoint, int index)
    {
        const QList<PortSpec> ports = m_catalog.portsOf(*m_flow, endpoint);
        switch (endpoint.kind) {
        case Endpoint::Kind::Url: {
            const QUrl url(endpoint.value, QUrl::StrictMode);
            const bool https = url.scheme() == QLatin1String("https");
            CheckTarget target;
            target.addFlow(m_flow->id, index);
            target.endpoint = endpoint.value;
            target.host = url.host().toLower();
            target.port = url.port(https ? 443 : 80);
            target.transport = Transport::Tcp;
            target.protocol = https ? QStringLiteral("HTTPS") : QStringLiteral("HTTP");
            target.kind = https ? CheckTarget::Kind::Https : CheckTarget::Kind::Http;
            target.path = url.path(QUrl::FullyEncoded);
            if (target.path.isEmpty())
                target.path = QStringLiteral("/");
            if (url.hasQuery())
                target.path += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
            m_builder.add(target);
            break;
        }
        case Endpoint::Kind::Host:
            if (endpoint.isWildcard()) {
                const QString wildcard = endpoint.value.toLower();
                QStringList members;
                for (const QString &host : m_allHosts) {
                    if (matchesWildcard(host, wildcard))
                        members.append(host);
                }
                CheckTarget target = skipped(wildcard, index);
                target.host = wildcard;
                target.kind = CheckTarget::Kind::Wildcard;
                target.members = members;
                target.skipReason = members.isEmpty()
                        ? tr("Not directly testable: a wildcard, and the catalog names no host it covers")
                        : tr("Not directly testable: a wildcard; tested through the %n catalog hosts it "
                             "covers",
                             nullptr, int(members.size()));
                m_builder.add(target);
                for (const QString &member : std::as_const(members)) {
                    for (const PortSpec &port : ports)
                        m_builder.add(targetFor(member, port, index));
                }
            } else {
                for (const PortSpec &port : ports)
                    m_builder.add(targetFor(endpoint.hostName(), port, index));
            }
            break;
        case Endpoint::Kind::Address:
            for (const PortSpec &port : ports) {
                CheckTarget target = targetFor(endpoint.value, port, index);
                // A static address has no host name to validate a certificate against: the
                // check proves that the firewall lets the connection through.
                if (target.kind == CheckTarget::Kind::Https || target.kind == CheckTarget::Kind::Tls)
                    target.kind = CheckTarget::Kind::Tcp;
                m_builder.add(target);
            }
            break;
        case Endpoint::Kind::Cidr: {
            CheckTarget target = skipped(endpoint.value, index);
            target.host = endpoint.value;
            target.skipReason = tr("Not directly testable: a subnet, not a single address");
            m_builder.add(target);
            break;
        }
        }
    }

    const Catalog &m_catalog;
    const TestPlanner::Options &m_options;
    PlanBuilder &m_builder;
    const QStringList m_allHosts;
    const Flow *m_flow = nullptr;
};

} // namespace

CheckTarget::Kind TestPlanner::kindFor(const PortSpec &port)
{
    const QString protocol = port.protocol.toUpper();
    if (port.transport == Transport::Udp) {
        if (protocol == QLatin1String("NTP"))
            return CheckTarget::Kind::Ntp;
        if (protocol == QLatin1String("SYSLOG"))
            return CheckTarget::Kind::SyslogUdp;
        if (protocol == QLatin1String("DNS"))
            return CheckTarget::Kind::Dns;
        return CheckTarget::Kind::None;
    }
    if (port.transport == Transport::Unstated)
        return CheckTarget::Kind::None;
    if (protocol == QLatin1String("HTTPS"))
        return CheckTarget::Kind::Https;
    if (protocol == QLatin1String("HTTP"))
        return CheckTarget::Kind::Http;
    if (protocol == QLatin1String("TLS"))
        return CheckTarget::Kind::Tls;
    if (protocol == QLatin1String("DNS"))
        return CheckTarget::Kind::DnsTcp;
    return CheckTarget::Kind::Tcp;
}

QString TestPlanner::endpointText(const QString &host, int port)
{
    if (host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

std::variant<TestPlan, QString> TestPlanner::build(const Catalog &catalog, const Options &options)
{
    QStringList known;
    for (const Component &c : catalog.components) {
        if (c.isRole)
            known.append(c.id);
    }
    const QStringList &roles = options.scope.roles;
    if (roles.isEmpty())
        return tr("no role to test for (%1)").arg(known.join(QStringLiteral(", ")));
    for (const QString &role : roles) {
        if (!known.contains(role))
            return tr("unknown role \"%1\" (%2)").arg(role, known.join(QStringLiteral(", ")));
    }

    TestPlan plan;
    plan.roles = roles;
    plan.requiredOnly = options.scope.requiredOnly;
    plan.includeExpired = options.scope.includeExpired;
    plan.site = options.site;
    PlanBuilder builder(plan);
    FlowPlanner planner(catalog, options, builder);
    FlowFilter scope = options.scope;
    scope.direction = Direction::None;
    for (const Flow &flow : catalog.flows) {
        const bool initiated = std::any_of(roles.cbegin(), roles.cend(),
                                           [&flow](const QString &role) { return flow.isInitiatedBy(role); });
        if (initiated && scope.acceptsFlow(catalog, flow))
            planner.plan(flow);
    }
    // A destination is required when any flow it serves is: its failure is counted apart.
    for (CheckTarget &target : plan.targets) {
        target.required =
                std::any_of(target.flows.cbegin(), target.flows.cend(), [&catalog](const auto &ref) {
                    const Flow *flow = catalog.flow(ref.flow);
                    return flow && flow->requirement == Requirement::Required;
                });
    }
    return plan;
}
