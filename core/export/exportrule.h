#pragma once

#include "core/catalog/catalog.h"

#include <QDate>
#include <QString>

// One flat rule of an export: one endpoint of a flow (or the flow's peer without a fixed
// address) with its ports, its direction for the scope's roles and its comment. ExportSelection
// makes them; every exporter renders the same list.
struct ExportRule
{
    // Egress: the scope's role opens the connection (the remote side is the destination).
    // Ingress: the role listens (the remote side is the source, e.g. Workload Security's subnet).
    // Local: the flow never crosses the network (4123): never a rule, at most a comment.
    enum class Direction { Egress, Ingress, Local };
    enum class Kind {
        Address, // value is an IPv4 or IPv6 address
        Network, // value is a CIDR subnet
        HostName, // value is a host name, maybe "*.domain"
        SiteSpecific, // no fixed address in the catalog; value names the peer
    };

    int flowIndex = -1;
    QString flowId;
    int listIndex = -1; // the endpoint's list in Catalog::endpointLists, or -1
    QString purpose; // the flow's description in the request's language, one bounded line
    QString service; // the service name in the request's language, one bounded line
    Requirement requirement = Requirement::Required;
    QString requirementText; // translated; "Expired" for an expired endpoint
    Direction direction = Direction::Egress;
    Kind kind = Kind::HostName;
    QString value;
    QString url; // HostName rules taken from a URL endpoint: the URL
    QList<PortSpec> ports; // the endpoint's ports (Catalog::portsOf)
    bool isExpired = false;
    QDate validUntil;
    bool isResolved = false; // HostName rules: resolved; Address rules for its addresses follow
    bool isUnresolved = false; // HostName rules: resolution was requested and found nothing
    QString resolvedFrom; // Address rules: the host name they were resolved from
    QString siteKey; // rules for an address of the user's site profile: its key ("dns"), else empty
    QString groupComment; // "flow-id: purpose", with the expired mark; translated, one line
    QString note; // what this rule adds: site-specific, resolution, transport; or empty
    QString comment; // groupComment and the note in parentheses, bounded

    bool isWildcard() const { return kind == Kind::HostName && value.startsWith(QLatin1String("*.")); }
    // The domain of a wildcard ("*.example.com" -> "example.com"), else the value.
    QString domain() const { return isWildcard() ? value.mid(2) : value; }
    bool isIpv6() const { return value.contains(QLatin1Char(':')); }
    bool isAddressLike() const { return kind == Kind::Address || kind == Kind::Network; }
    // Address rules as a /32 or /128 network, Network rules as they are.
    QString cidr() const;
    // Rules of one flow, endpoint list and direction are rendered as one group by the formats
    // that group (squid, pac, allowlist).
    bool sameGroup(const ExportRule &other) const
    {
        return flowIndex == other.flowIndex && listIndex == other.listIndex && direction == other.direction;
    }
};
