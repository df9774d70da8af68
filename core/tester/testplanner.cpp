#include "testplanner.h"

#include "catalog/networksyntax.h"

#include <QSet>
#include <QUrl>

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
    for (const Entry &entry : catalog.entries) {
        for (const Endpoint &endpoint : entry.endpoints) {
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

class PlanBuilder
{
public:
    explicit PlanBuilder(TestPlan &plan)
        : m_plan(plan)
    { }

    void add(const CheckTarget &target)
    {
        const QString key =
                target.entryId + QLatin1Char('|') + target.dedupKey() + QLatin1Char('|') + target.endpoint;
        if (m_keys.contains(key))
            return;
        m_keys.insert(key);
        m_plan.targets.append(target);
    }

private:
    TestPlan &m_plan;
    QSet<QString> m_keys;
};

} // namespace

CheckTarget::Kind TestPlanner::kindFor(const PortSpec &port)
{
    const QString protocol = port.protocol.toUpper();
    if (port.transport == QLatin1String("udp")) {
        if (protocol == QLatin1String("NTP"))
            return CheckTarget::Kind::Ntp;
        if (protocol == QLatin1String("SYSLOG"))
            return CheckTarget::Kind::SyslogUdp;
        if (protocol == QLatin1String("DNS"))
            return CheckTarget::Kind::Dns;
        return CheckTarget::Kind::None;
    }
    if (protocol == QLatin1String("HTTPS"))
        return CheckTarget::Kind::Https;
    if (protocol == QLatin1String("HTTP"))
        return CheckTarget::Kind::Http;
    if (protocol == QLatin1String("TLS"))
        return CheckTarget::Kind::Tls;
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
    for (const QString &role : options.roles) {
        const Component *component = catalog.component(role);
        if (!component || !component->isRole) {
            QStringList known;
            for (const Component &c : catalog.components) {
                if (c.isRole)
                    known.append(c.id);
            }
            return tr("unknown role \"%1\" (%2)").arg(role, known.join(QStringLiteral(", ")));
        }
    }

    TestPlan plan;
    plan.roles = options.roles;
    plan.requiredOnly = options.requiredOnly;
    plan.includeExpired = options.includeExpired;
    plan.site = options.site;
    PlanBuilder builder(plan);
    const QStringList allHosts = concreteHosts(catalog);

    for (const Entry &entry : catalog.entries) {
        bool opensConnection = false;
        for (const QString &role : options.roles)
            opensConnection = opensConnection || entry.sources.contains(role);
        if (!opensConnection)
            continue;
        if (options.requiredOnly && entry.requirement != QLatin1String("required"))
            continue;
        if (!options.includeExpired && catalog.isExpired(entry, options.today))
            continue;

        auto targetFor = [&entry](const QString &host, const PortSpec &port) {
            CheckTarget target;
            target.entryId = entry.id;
            target.host = host;
            target.port = port.port;
            target.transport = port.transport;
            target.protocol = port.protocol;
            target.kind = kindFor(port);
            target.path = QStringLiteral("/");
            target.endpoint = endpointText(host, port.port);
            if (target.kind == CheckTarget::Kind::None)
                target.skipReason = tr("%1 over UDP cannot be checked").arg(port.protocol);
            return target;
        };

        if (entry.endpoints.isEmpty()) {
            const Component *destination = catalog.component(entry.destination);
            const QString name = destination ? destination->name.text(options.language) : entry.destination;
            if (destination && destination->isCustomerSide && !destination->siteKey.isEmpty()) {
                const QString key = destination->siteKey;
                if (options.site.has(key)) {
                    for (const PortSpec &port : entry.ports) {
                        CheckTarget target = targetFor(options.site.address(key), port);
                        target.siteKey = key;
                        builder.add(target);
                    }
                } else {
                    CheckTarget target;
                    target.entryId = entry.id;
                    target.endpoint = name;
                    target.kind = CheckTarget::Kind::None;
                    target.siteKey = key;
                    target.skipReason = tr("No address given for %1: add --site %2=ADDRESS").arg(name, key);
                    builder.add(target);
                }
            } else {
                CheckTarget target;
                target.entryId = entry.id;
                target.endpoint = name;
                target.kind = CheckTarget::Kind::None;
                target.skipReason =
                        tr("The catalog gives no address for %1; its host and URL entries are tested")
                                .arg(name);
                builder.add(target);
            }
            continue;
        }

        for (int endpointIndex = 0; endpointIndex < entry.endpoints.size(); ++endpointIndex) {
            const Endpoint &endpoint = entry.endpoints.at(endpointIndex);
            const auto add = [&builder, endpointIndex](CheckTarget target) {
                target.catalogEndpoint = endpointIndex;
                builder.add(target);
            };
            switch (endpoint.kind) {
            case Endpoint::Kind::Url: {
                const QUrl url(endpoint.value, QUrl::StrictMode);
                const bool https = url.scheme() == QLatin1String("https");
                CheckTarget target;
                target.entryId = entry.id;
                target.endpoint = endpoint.value;
                target.host = url.host().toLower();
                target.port = url.port(https ? 443 : 80);
                target.transport = QStringLiteral("tcp");
                target.protocol = https ? QStringLiteral("HTTPS") : QStringLiteral("HTTP");
                target.kind = https ? CheckTarget::Kind::Https : CheckTarget::Kind::Http;
                target.path = url.path(QUrl::FullyEncoded);
                if (target.path.isEmpty())
                    target.path = QStringLiteral("/");
                if (url.hasQuery())
                    target.path += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
                add(target);
                break;
            }
            case Endpoint::Kind::Host:
                if (endpoint.isWildcard()) {
                    const QString wildcard = endpoint.value.toLower();
                    QStringList members;
                    for (const QString &host : allHosts) {
                        if (matchesWildcard(host, wildcard))
                            members.append(host);
                    }
                    CheckTarget target;
                    target.entryId = entry.id;
                    target.endpoint = wildcard;
                    target.host = wildcard;
                    target.kind = CheckTarget::Kind::Wildcard;
                    target.members = members;
                    target.skipReason = members.isEmpty()
                            ? tr("Not directly testable: a wildcard, and the catalog names no host it "
                                 "covers")
                            : tr("Not directly testable: a wildcard; tested through the %n catalog "
                                 "host(s) it covers",
                                 nullptr, int(members.size()));
                    add(target);
                    for (const QString &member : members) {
                        for (const PortSpec &port : entry.ports)
                            add(targetFor(member, port));
                    }
                } else {
                    for (const PortSpec &port : entry.ports)
                        add(targetFor(endpoint.hostName(), port));
                }
                break;
            case Endpoint::Kind::Address:
                for (const PortSpec &port : entry.ports) {
                    CheckTarget target = targetFor(endpoint.value, port);
                    // A static address has no host name to validate a certificate against:
                    // the check proves that the firewall lets the connection through.
                    if (target.kind == CheckTarget::Kind::Https || target.kind == CheckTarget::Kind::Tls)
                        target.kind = CheckTarget::Kind::Tcp;
                    add(target);
                }
                break;
            case Endpoint::Kind::Cidr: {
                CheckTarget target;
                target.entryId = entry.id;
                target.endpoint = endpoint.value;
                target.host = endpoint.value;
                target.kind = CheckTarget::Kind::None;
                target.skipReason = tr("Not directly testable: a subnet, not a single address");
                add(target);
                break;
            }
            }
        }
    }
    return plan;
}
