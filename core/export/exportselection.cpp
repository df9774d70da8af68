#include "exportselection.h"

#include "core/catalog/catalogtext.h"
#include "core/export/exporttext.h"

#include "core/catalog/networksyntax.h"

#include <QHostInfo>
#include <QSet>

#include <algorithm>

namespace {
bool isCustomerSide(const Catalog &catalog, const QStringList &ids)
{
    return std::all_of(ids.cbegin(), ids.cend(), [&catalog](const QString &id) {
        const Component *c = catalog.component(id);
        return c && c->isCustomerSide;
    });
}

QString withNote(const QString &comment, const QString &note)
{
    if (note.isEmpty())
        return comment;
    return ExportText::bounded(comment + QStringLiteral(" (") + note + QLatin1Char(')'));
}

QString joinNotes(const QString &a, const QString &b)
{
    if (a.isEmpty() || b.isEmpty())
        return a + b;
    return a + QStringLiteral("; ") + b;
}

// The note for ports whose transport the page does not state, or empty.
QString transportNote(const QList<PortSpec> &ports)
{
    QStringList unstated;
    for (const PortSpec &port : ports) {
        if (port.transport == Transport::Unstated)
            unstated << QString::number(port.port);
    }
    if (unstated.isEmpty())
        return {};
    return ExportSelection::tr("the page states no transport for port %1: rules for both TCP and UDP")
            .arg(unstated.join(QStringLiteral(", ")));
}

QList<ExportRule::Direction> ruleDirections(const ExportScope &scope, Direction direction)
{
    switch (direction) {
    case Direction::Outbound:
        return {ExportRule::Direction::Egress};
    case Direction::Inbound:
        return {ExportRule::Direction::Ingress};
    case Direction::Both:
        // A direction filter keeps its half of a flow the role both opens and accepts.
        if (scope.direction == Direction::Outbound)
            return {ExportRule::Direction::Egress};
        if (scope.direction == Direction::Inbound)
            return {ExportRule::Direction::Ingress};
        return {ExportRule::Direction::Egress, ExportRule::Direction::Ingress};
    case Direction::Local:
        return {ExportRule::Direction::Local};
    case Direction::None:
        break;
    }
    return {};
}

class RuleBuilder
{
    Q_DECLARE_TR_FUNCTIONS(ExportSelection)

public:
    RuleBuilder(const ExportRequest &request, QList<ExportRule> &out)
        : m_request(request)
        , m_catalog(request.catalog)
        , m_out(out)
    { }

    void addFlow(int flowIndex)
    {
        const Flow &flow = m_catalog.flows.at(flowIndex);
        const ExportScope &scope = m_request.scope;
        if (!scope.acceptsFlow(m_catalog, flow))
            return;
        // A flow whose endpoints are all left out (expired, other features or agent versions) is
        // not exported at all, whichever side its endpoints describe.
        if (!flow.endpoints.isEmpty()
            && std::none_of(flow.endpoints.cbegin(), flow.endpoints.cend(), [&](const Endpoint &endpoint) {
                   return scope.acceptsEndpoint(m_catalog, flow, endpoint, m_request.today);
               }))
            return;
        const Direction direction = FlowFilter::directionOf(m_catalog, flow, scope.roles);
        for (const ExportRule::Direction d : ruleDirections(scope, direction))
            addFlowDirection(flowIndex, d);
    }

private:
    ExportRule base(int flowIndex, ExportRule::Direction direction) const
    {
        const Flow &flow = m_catalog.flows.at(flowIndex);
        const Language language = m_request.language;
        ExportRule rule;
        rule.flowIndex = flowIndex;
        rule.flowId = flow.id;
        rule.purpose = ExportText::bounded(flow.description.text(language), ExportText::MaxCommentBytes / 2);
        rule.service = ExportText::bounded(flow.service.text(language), ExportText::MaxCommentBytes / 4);
        rule.requirement = flow.requirement;
        rule.requirementText = CatalogText::requirement(flow.requirement);
        rule.direction = direction;
        rule.ports = flow.ports;
        rule.groupComment = ExportText::bounded(tr("%1: %2").arg(flow.id, rule.purpose));
        rule.comment = rule.groupComment;
        return rule;
    }

    void addFlowDirection(int flowIndex, ExportRule::Direction direction)
    {
        const Flow &flow = m_catalog.flows.at(flowIndex);
        const Language language = m_request.language;
        if (direction == ExportRule::Direction::Local) {
            ExportRule rule = base(flowIndex, direction);
            rule.kind = ExportRule::Kind::SiteSpecific;
            rule.value =
                    ExportText::bounded(CatalogText::componentNames(m_catalog, {flow.listener}, language));
            m_out.append(rule);
            return;
        }
        // The remote side: the listener of a connection the role opens, the initiators of one
        // it accepts; described by the endpoints when they describe that side.
        const bool remoteIsInitiator = direction == ExportRule::Direction::Ingress;
        if (!flow.endpoints.isEmpty() && m_catalog.endpointsDescribeInitiator(flow) == remoteIsInitiator) {
            addEndpoints(flowIndex, direction);
            return;
        }
        const QStringList peer = remoteIsInitiator ? flow.initiators : QStringList{flow.listener};
        if (addSitePeers(flowIndex, direction, peer))
            return;
        ExportRule rule = base(flowIndex, direction);
        rule.kind = ExportRule::Kind::SiteSpecific;
        const QString names = ExportText::bounded(CatalogText::componentNames(m_catalog, peer, language),
                                                  ExportText::MaxCommentBytes / 4);
        rule.value = names;
        const QStringList missing = ExportSelection::missingSiteKeys(m_request, peer);
        if (!missing.isEmpty())
            rule.note = tr("%1 is in your network: its address (site key %2) is not set")
                                .arg(names, missing.join(QStringLiteral(", ")));
        else if (isCustomerSide(m_catalog, peer))
            rule.note = tr("%1 is in your network: the address is site-specific").arg(names);
        else
            rule.note = tr("%1 has no fixed address in the catalog for this flow: the address is "
                           "site-specific")
                                .arg(names);
        rule.note = joinNotes(rule.note, transportNote(rule.ports));
        rule.comment = withNote(rule.groupComment, rule.note);
        m_out.append(rule);
    }

    // The peers are customer-side components with a site key whose address the request's site
    // profile gives: one rule per peer with that address. False (nothing added) when any peer
    // has no such address.
    bool addSitePeers(int flowIndex, ExportRule::Direction direction, const QStringList &peer)
    {
        QList<ExportRule> rules;
        for (const QString &id : peer) {
            const Component *component = m_catalog.component(id);
            if (!component || !component->isCustomerSide || component->siteKey == SiteKey::None)
                return false;
            const QString key = Vocabulary::name(component->siteKey);
            const auto value = ExportSelection::siteAddress(m_request, key);
            if (!value)
                return false;
            ExportRule rule = base(flowIndex, direction);
            rule.siteKey = key;
            rule.value = *value;
            const QString name =
                    ExportText::bounded(CatalogText::componentNames(m_catalog, {id}, m_request.language),
                                        ExportText::MaxCommentBytes / 4);
            if (NetworkSyntax::parseCidr(*value) && value->contains(QLatin1Char('/')))
                rule.kind = ExportRule::Kind::Network;
            else if (NetworkSyntax::parseAddress(*value))
                rule.kind = ExportRule::Kind::Address;
            else
                rule.kind = ExportRule::Kind::HostName;
            rule.note = joinNotes(tr("%1 on your site: %2 (site key %3)").arg(name, *value, key),
                                  transportNote(rule.ports));
            rule.comment = withNote(rule.groupComment, rule.note);
            rules.append(rule);
        }
        for (const ExportRule &rule : std::as_const(rules)) {
            if (rule.kind == ExportRule::Kind::HostName)
                addHost(rule);
            else
                m_out.append(rule);
        }
        return !rules.isEmpty();
    }

    void addEndpoints(int flowIndex, ExportRule::Direction direction)
    {
        const Flow &flow = m_catalog.flows.at(flowIndex);
        const ExportScope &scope = m_request.scope;
        QSet<QString> seenHosts; // several URLs on one host with the same ports make one host rule
        for (int e = 0; e < flow.endpoints.size(); ++e) {
            const Endpoint &endpoint = flow.endpoints.at(e);
            if (!scope.acceptsEndpoint(m_catalog, flow, endpoint, m_request.today))
                continue;
            ExportRule rule = base(flowIndex, direction);
            rule.listIndex = endpoint.list;
            rule.ports = m_catalog.portsOf(flow, endpoint);
            rule.requirementText = CatalogText::requirement(m_catalog, flow, e, m_request.today);
            rule.validUntil = m_catalog.validUntil(endpoint);
            rule.isExpired = m_catalog.isExpired(endpoint, m_request.today);
            if (rule.isExpired)
                rule.groupComment =
                        ExportText::bounded(rule.groupComment + QLatin1Char(' ')
                                            + tr("[EXPIRED: static address valid until %1]")
                                                      .arg(rule.validUntil.toString(Qt::ISODate)));
            rule.note = transportNote(rule.ports);
            rule.comment = withNote(rule.groupComment, rule.note);
            switch (endpoint.kind) {
            case Endpoint::Kind::Address:
                rule.kind = ExportRule::Kind::Address;
                rule.value = endpoint.value;
                break;
            case Endpoint::Kind::Cidr:
                rule.kind = ExportRule::Kind::Network;
                rule.value = endpoint.value;
                break;
            case Endpoint::Kind::Host:
            case Endpoint::Kind::Url:
                rule.kind = ExportRule::Kind::HostName;
                rule.value = endpoint.kind == Endpoint::Kind::Host ? endpoint.value.toLower()
                                                                   : endpoint.hostName();
                if (endpoint.kind == Endpoint::Kind::Url)
                    rule.url = ExportText::bounded(endpoint.value);
                break;
            }
            if (rule.kind != ExportRule::Kind::HostName) {
                m_out.append(rule);
                continue;
            }
            const QString hostKey = rule.value + QLatin1Char(' ') + CatalogText::ports(rule.ports);
            if (rule.value.isEmpty() || seenHosts.contains(hostKey))
                continue;
            seenHosts.insert(hostKey);
            addHost(rule);
        }
    }

    void addHost(ExportRule rule)
    {
        const bool resolvable = m_request.hasResolvedHosts() && !rule.isWildcard();
        const QList<QHostAddress> addresses =
                resolvable ? m_request.resolvedHosts.value(rule.value) : QList<QHostAddress>();
        rule.isResolved = resolvable && !addresses.isEmpty();
        rule.isUnresolved = resolvable && addresses.isEmpty();
        if (resolvable) {
            const QString when = m_request.resolvedAt.toUTC().toString(Qt::ISODate);
            const QString resolution = addresses.isEmpty()
                    ? tr("%1 did not resolve at %2").arg(rule.value, when)
                    : tr("%1 resolved at %2").arg(rule.value, when);
            rule.note = joinNotes(resolution, rule.note);
            rule.comment = withNote(rule.groupComment, rule.note);
        }
        m_out.append(rule);
        for (const QHostAddress &address : addresses) {
            ExportRule resolved = rule;
            resolved.kind = ExportRule::Kind::Address;
            resolved.value = address.toString();
            resolved.url.clear();
            resolved.isResolved = false;
            resolved.isUnresolved = false;
            resolved.resolvedFrom = rule.value;
            m_out.append(resolved);
        }
    }

    const ExportRequest &m_request;
    const Catalog &m_catalog;
    QList<ExportRule> &m_out;
};
} // namespace

QList<ExportRule> ExportSelection::rules(const ExportRequest &request)
{
    QList<ExportRule> result;
    RuleBuilder builder(request, result);
    for (int f = 0; f < request.catalog.flows.size(); ++f)
        builder.addFlow(f);
    return result;
}

std::optional<QString> ExportSelection::siteAddress(const ExportRequest &request, const QString &siteKey)
{
    QString value = request.siteAddresses.value(siteKey).trimmed();
    if (value.startsWith(QLatin1Char('[')) && value.endsWith(QLatin1Char(']')))
        value = value.mid(1, value.size() - 2);
    if (value.isEmpty())
        return std::nullopt;
    if (NetworkSyntax::parseAddress(value))
        return value;
    if (value.contains(QLatin1Char('/')) && NetworkSyntax::parseCidr(value))
        return value;
    if (NetworkSyntax::isValidHostName(value))
        return value.toLower();
    return std::nullopt; // never a rule for a value no firewall could take
}

QStringList ExportSelection::missingSiteKeys(const ExportRequest &request, const QStringList &componentIds)
{
    QStringList keys;
    for (const QString &id : componentIds) {
        const Component *component = request.catalog.component(id);
        if (!component || !component->isCustomerSide || component->siteKey == SiteKey::None)
            continue;
        const QString key = Vocabulary::name(component->siteKey);
        if (!siteAddress(request, key) && !keys.contains(key))
            keys.append(key);
    }
    return keys;
}

QList<ExportSelection::SiteGap> ExportSelection::siteGaps(const ExportRequest &request)
{
    QList<SiteGap> gaps;
    for (const ExportRule &rule : rules(request)) {
        if (rule.kind != ExportRule::Kind::SiteSpecific || rule.direction == ExportRule::Direction::Local)
            continue;
        const Flow &flow = request.catalog.flows.at(rule.flowIndex);
        const QStringList peer = rule.direction == ExportRule::Direction::Ingress
                ? flow.initiators
                : QStringList{flow.listener};
        for (const QString &id : peer) {
            const Component *component = request.catalog.component(id);
            if (!component || missingSiteKeys(request, {id}).isEmpty())
                continue;
            auto it = std::find_if(gaps.begin(), gaps.end(),
                                   [&id](const SiteGap &g) { return g.componentId == id; });
            if (it == gaps.end()) {
                SiteGap gap;
                gap.componentId = id;
                gap.siteKey = Vocabulary::name(component->siteKey);
                gap.componentName = component->name.text(request.language);
                gaps.append(gap);
                it = gaps.end() - 1;
            }
            if (!it->flowIds.contains(rule.flowId))
                it->flowIds.append(rule.flowId);
        }
    }
    return gaps;
}

QStringList ExportSelection::hostNames(const ExportRequest &request)
{
    ExportRequest unresolved = request;
    unresolved.resolvedHosts.clear();
    unresolved.resolvedAt = QDateTime();
    QStringList names;
    for (const ExportRule &rule : rules(unresolved)) {
        if (rule.kind == ExportRule::Kind::HostName && !rule.isWildcard())
            names.append(rule.value);
    }
    names.sort();
    names.removeDuplicates();
    return names;
}

void ExportSelection::resolveHosts(ExportRequest &request, const Resolver &resolver, const QDateTime &now)
{
    QHash<QString, QList<QHostAddress>> resolved;
    for (const QString &name : hostNames(request)) {
        QList<QHostAddress> addresses = resolver(name);
        // Deterministic order, no duplicates, no scoped or unusable addresses.
        QList<QHostAddress> clean;
        for (QHostAddress a : addresses) {
            a.setScopeId(QString());
            if (a.isNull() || clean.contains(a))
                continue;
            clean.append(a);
        }
        std::sort(clean.begin(), clean.end(), [](const QHostAddress &l, const QHostAddress &r) {
            if (l.protocol() != r.protocol())
                return l.protocol() == QAbstractSocket::IPv4Protocol;
            return l.toString() < r.toString();
        });
        resolved.insert(name, clean);
    }
    request.resolvedHosts = resolved;
    request.resolvedAt = now;
}

QList<QHostAddress> ExportSelection::systemResolve(const QString &hostName)
{
    const QHostInfo info = QHostInfo::fromName(hostName);
    return info.error() == QHostInfo::NoError ? info.addresses() : QList<QHostAddress>();
}
