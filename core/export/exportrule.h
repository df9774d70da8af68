#pragma once

#include "catalog/catalog.h"

#include <QDate>
#include <QString>

// One flat rule of an export: an entry's endpoint (or the note that it has none) with the
// entry's ports, direction and comment. ExportSelection makes them; every exporter renders the
// same list.
struct ExportRule
{
    enum class Direction { Egress, Ingress, Local };
    enum class Kind {
        Address, // value is an IPv4 or IPv6 address
        Network, // value is a CIDR subnet
        HostName, // value is a host name, maybe "*.domain"
        SiteSpecific, // no fixed address in the catalog; value describes the peer
    };

    int entryIndex = -1;
    QString entryId;
    QString purpose; // the entry's description in the request's language, one line
    QString service; // the service name in the request's language, one line
    QString requirement;
    Direction direction = Direction::Egress;
    Kind kind = Kind::HostName;
    QString value;
    QString url; // HostName rules taken from a URL endpoint: the URL
    QList<PortSpec> ports;
    bool isExpired = false;
    QDate validUntil;
    bool isResolved = false; // HostName rules: resolved; Address rules for its addresses follow
    bool isUnresolved = false; // HostName rules: resolution was requested and found nothing
    QString resolvedFrom; // Address rules: the host name they were resolved from
    QString entryComment; // "entry-id: purpose", with the expired mark; translated, one line
    QString note; // what this rule adds: site-specific, resolution; or empty
    QString comment; // entryComment and the note in parentheses

    bool isWildcard() const { return kind == Kind::HostName && value.startsWith(QLatin1String("*.")); }
    // The domain of a wildcard ("*.example.com" -> "example.com"), else the value.
    QString domain() const { return isWildcard() ? value.mid(2) : value; }
    bool isIpv6() const { return value.contains(QLatin1Char(':')); }
    bool isAddressLike() const { return kind == Kind::Address || kind == Kind::Network; }
    // Address rules as a /32 or /128 network, Network rules as they are.
    QString cidr() const;
};
