#include "exportselection.h"

#include "catalog/catalogtext.h"
#include "exporttext.h"

#include <QHostInfo>
#include <QSet>

#include <algorithm>

namespace {
ExportRule::Direction directionOf(const Entry &entry)
{
    if (entry.direction == QLatin1String("inbound"))
        return ExportRule::Direction::Ingress;
    if (entry.direction == QLatin1String("local"))
        return ExportRule::Direction::Local;
    return ExportRule::Direction::Egress;
}

bool isCustomerSide(const Catalog &catalog, const QStringList &ids)
{
    return std::all_of(ids.cbegin(), ids.cend(), [&catalog](const QString &id) {
        const Component *c = catalog.component(id);
        return c && c->isCustomerSide;
    });
}
} // namespace

bool ExportSelection::isInScope(const Catalog &catalog, const Entry &entry, const ExportScope &scope,
                                const QDate &today)
{
    if (scope.requiredOnly && entry.requirement != QLatin1String("required"))
        return false;
    if (!scope.selectedEntryIds.isEmpty() && !scope.selectedEntryIds.contains(entry.id))
        return false;
    if (!scope.includeExpired && catalog.isExpired(entry, today))
        return false;
    if (scope.roles.isEmpty())
        return true;
    return std::any_of(scope.roles.cbegin(), scope.roles.cend(),
                       [&entry](const QString &role) { return entry.involves(role); });
}

QList<ExportRule> ExportSelection::rules(const ExportRequest &request)
{
    const Catalog &catalog = request.catalog;
    const Language language = request.language;
    QList<ExportRule> result;
    for (int e = 0; e < catalog.entries.size(); ++e) {
        const Entry &entry = catalog.entries.at(e);
        if (!isInScope(catalog, entry, request.scope, request.today))
            continue;

        ExportRule base;
        base.entryIndex = e;
        base.entryId = entry.id;
        base.purpose = ExportText::oneLine(entry.description.text(language));
        base.service = ExportText::oneLine(entry.service.text(language));
        base.requirement = entry.requirement;
        base.direction = directionOf(entry);
        base.ports = entry.ports;
        base.validUntil = catalog.validUntil(entry);
        base.isExpired = catalog.isExpired(entry, request.today);
        QString baseComment = tr("%1: %2").arg(entry.id, base.purpose);
        if (base.isExpired)
            baseComment += QStringLiteral(" ")
                    + tr("[EXPIRED: static address valid until %1]")
                              .arg(base.validUntil.toString(Qt::ISODate));
        base.entryComment = baseComment;
        base.comment = baseComment;

        if (entry.endpoints.isEmpty()) {
            ExportRule rule = base;
            rule.kind = ExportRule::Kind::SiteSpecific;
            // The peer is the destination for connections the subject opens, else the sources.
            const QStringList peer = rule.direction == ExportRule::Direction::Ingress
                    ? entry.sources
                    : QStringList{entry.destination};
            const QString names = ExportText::oneLine(CatalogText::componentNames(catalog, peer, language));
            rule.value = names;
            rule.note = isCustomerSide(catalog, peer)
                    ? tr("%1 is in your network: the address is site-specific").arg(names)
                    : tr("%1 has no fixed address in this entry: allow it by the host names in the catalog's "
                         "URL "
                         "entries")
                              .arg(names);
            rule.comment += QStringLiteral(" (") + rule.note + QLatin1Char(')');
            result.append(rule);
            continue;
        }

        QSet<QString> seenHosts;
        for (const Endpoint &endpoint : entry.endpoints) {
            ExportRule rule = base;
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
                    rule.url = endpoint.value;
                break;
            }
            if (rule.kind != ExportRule::Kind::HostName) {
                result.append(rule);
                continue;
            }
            // Several URLs on one host make one host rule.
            if (rule.value.isEmpty() || seenHosts.contains(rule.value))
                continue;
            seenHosts.insert(rule.value);
            const bool resolvable = request.hasResolvedHosts() && !rule.isWildcard();
            const QList<QHostAddress> addresses =
                    resolvable ? request.resolvedHosts.value(rule.value) : QList<QHostAddress>();
            rule.isResolved = resolvable && !addresses.isEmpty();
            rule.isUnresolved = resolvable && addresses.isEmpty();
            if (resolvable) {
                const QString when = request.resolvedAt.toUTC().toString(Qt::ISODate);
                rule.note = addresses.isEmpty() ? tr("%1 did not resolve at %2").arg(rule.value, when)
                                                : tr("%1 resolved at %2").arg(rule.value, when);
                rule.comment += QStringLiteral(" (") + rule.note + QLatin1Char(')');
            }
            result.append(rule);
            for (const QHostAddress &address : addresses) {
                ExportRule resolved = base;
                resolved.kind = ExportRule::Kind::Address;
                resolved.value = address.toString();
                resolved.resolvedFrom = rule.value;
                resolved.note = rule.note;
                resolved.comment = rule.comment;
                result.append(resolved);
            }
        }
    }
    return result;
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
