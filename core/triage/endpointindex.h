#pragma once

#include "core/catalog/catalog.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QStringList>
#include <QVarLengthArray>

#include <optional>

// The catalog's endpoints indexed once for reverse lookups: hash sets for exact addresses and
// host names (including the hosts of listed URLs), one hash table per prefix length for subnets
// (a longest-prefix structure with at most 33 + 129 probes) and a suffix map for "*.domain"
// wildcards. A wildcard covers the names below its domain, never the domain itself (the apex
// matches only when the catalog lists it). Lookups allocate nothing for IPv4 and host names.
//
// Entries are in catalog order (flow by flow, endpoint by endpoint); every find* appends the
// indices of the covering entries, sorted and without duplicates.
class EndpointIndex
{
public:
    enum class Cover { ExactAddress, Subnet, ExactHost, WildcardHost, UrlHost };

    struct Entry
    {
        int flow = -1;
        int endpoint = -1; // index into the flow's endpoints
        Endpoint::Kind kind = Endpoint::Kind::Host;
        bool isWildcard = false;
        QList<PortSpec> ports; // Catalog::portsOf for this endpoint
    };

    using Hits = QVarLengthArray<int, 16>;

    // Only flows in which one of the roles takes part (all flows without roles).
    explicit EndpointIndex(const Catalog &catalog, const QStringList &roles = {});

    const QList<Entry> &entries() const { return m_entries; }
    const Entry &entry(int index) const { return m_entries.at(index); }
    int hostCount() const { return int(m_hosts.size() + m_wildcards.size()); }

    // IPv4-mapped IPv6 addresses are looked up as the IPv4 address they carry.
    void findAddress(const QHostAddress &address, Hits &hits) const;
    void findIPv4(quint32 address, Hits &hits) const;
    void findIPv6(const Q_IPV6ADDR &address, Hits &hits) const;
    // host: lower case, no trailing dot.
    void findHost(QByteArrayView host, Hits &hits) const;
    // Why the entry was found: exact address, subnet, exact host, wildcard or URL host.
    Cover coverOf(int entry) const;

    // The port and transport select the spec (port 0: any; no transport: any; a spec whose
    // transport the page does not state is either).
    static bool portSelects(const PortSpec &spec, int port, std::optional<Transport> transport);
    bool usesPort(int entry, int port, std::optional<Transport> transport) const;

    // Every listed address and host as text (wildcards without "*.", subnets as their network
    // address), one per line: the patterns "grep -F -f" would take.
    QByteArray literalPatterns() const;

private:
    static void finish(Hits &hits, qsizetype from);

    QList<Entry> m_entries;
    QHash<quint32, QList<int>> m_v4;
    QHash<QByteArray, QList<int>> m_v6; // 16 bytes
    // Subnets: prefix length -> network address -> entries; the lengths in use, longest first.
    QHash<int, QHash<quint32, QList<int>>> m_v4Subnets;
    QList<int> m_v4Lengths;
    QHash<int, QHash<QByteArray, QList<int>>> m_v6Subnets;
    QList<int> m_v6Lengths;
    QHash<QByteArray, QList<int>> m_hosts; // exact host names and the hosts of URLs
    QHash<QByteArray, QList<int>> m_wildcards; // "*.cloud.example" is stored as "cloud.example"
    QByteArrayList m_literals;
};
