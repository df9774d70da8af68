#include "endpointindex.h"

#include "core/catalog/networksyntax.h"

#include <algorithm>
#include <cstring>

namespace {
quint32 maskV4(quint32 address, int length)
{
    return length == 0 ? 0 : address & (~quint32(0) << (32 - length));
}

QByteArray maskV6(const Q_IPV6ADDR &address, int length, char *buffer)
{
    for (int i = 0; i < 16; ++i) {
        const int bits = std::clamp(length - 8 * i, 0, 8);
        buffer[i] = char(address.c[i] & quint8(0xff00 >> bits));
    }
    return QByteArray::fromRawData(buffer, 16);
}

// An IPv4-mapped IPv6 address (::ffff:1.2.3.4) gives the IPv4 address it carries.
std::optional<quint32> mappedV4(const Q_IPV6ADDR &a)
{
    for (int i = 0; i < 10; ++i) {
        if (a.c[i] != 0)
            return std::nullopt;
    }
    if (a.c[10] != 0xff || a.c[11] != 0xff)
        return std::nullopt;
    return (quint32(a.c[12]) << 24) | (quint32(a.c[13]) << 16) | (quint32(a.c[14]) << 8) | a.c[15];
}
} // namespace

EndpointIndex::EndpointIndex(const Catalog &catalog, const QStringList &roles)
{
    for (int f = 0; f < catalog.flows.size(); ++f) {
        const Flow &flow = catalog.flows.at(f);
        if (!roles.isEmpty() && std::none_of(roles.cbegin(), roles.cend(), [&flow](const QString &role) {
                return flow.involves(role);
            }))
            continue;
        for (int i = 0; i < flow.endpoints.size(); ++i) {
            const Endpoint &ep = flow.endpoints.at(i);
            const int index = int(m_entries.size());
            m_entries.append({f, i, ep.kind, ep.isWildcard(), catalog.portsOf(flow, ep)});
            switch (ep.kind) {
            case Endpoint::Kind::Address:
                if (const auto address = NetworkSyntax::parseAddress(ep.value)) {
                    m_literals.append(ep.value.toUtf8());
                    bool isV4 = false;
                    const quint32 v4 = address->toIPv4Address(&isV4);
                    const Q_IPV6ADDR v6 = address->toIPv6Address();
                    if (isV4 || mappedV4(v6))
                        m_v4[isV4 ? v4 : *mappedV4(v6)].append(index);
                    else
                        m_v6[QByteArray(reinterpret_cast<const char *>(v6.c), 16)].append(index);
                }
                break;
            case Endpoint::Kind::Cidr:
                if (const auto subnet = NetworkSyntax::parseCidr(ep.value)) {
                    m_literals.append(subnet->first.toString().toUtf8());
                    bool isV4 = false;
                    const quint32 v4 = subnet->first.toIPv4Address(&isV4);
                    if (isV4) {
                        m_v4Subnets[subnet->second][maskV4(v4, subnet->second)].append(index);
                        if (!m_v4Lengths.contains(subnet->second))
                            m_v4Lengths.append(subnet->second);
                    } else {
                        char buffer[16];
                        const QByteArray key(
                                maskV6(subnet->first.toIPv6Address(), subnet->second, buffer).constData(),
                                16);
                        m_v6Subnets[subnet->second][key].append(index);
                        if (!m_v6Lengths.contains(subnet->second))
                            m_v6Lengths.append(subnet->second);
                    }
                }
                break;
            case Endpoint::Kind::Host:
            case Endpoint::Kind::Url: {
                const QByteArray host = ep.hostName().toUtf8();
                if (host.isEmpty())
                    break;
                if (ep.isWildcard()) {
                    m_wildcards[host.mid(2)].append(index);
                    m_literals.append(host.mid(2));
                } else {
                    m_hosts[host].append(index);
                    m_literals.append(host);
                }
                break;
            }
            }
        }
    }
    std::sort(m_v4Lengths.begin(), m_v4Lengths.end(), std::greater<int>());
    std::sort(m_v6Lengths.begin(), m_v6Lengths.end(), std::greater<int>());
}

void EndpointIndex::finish(Hits &hits, qsizetype from)
{
    std::sort(hits.begin() + from, hits.end());
    hits.erase(std::unique(hits.begin() + from, hits.end()), hits.end());
}

void EndpointIndex::findAddress(const QHostAddress &address, Hits &hits) const
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        findIPv4(v4, hits);
    else if (address.protocol() == QAbstractSocket::IPv6Protocol)
        findIPv6(address.toIPv6Address(), hits);
}

void EndpointIndex::findIPv4(quint32 address, Hits &hits) const
{
    const qsizetype from = hits.size();
    const auto exact = m_v4.constFind(address);
    if (exact != m_v4.cend())
        hits.append(exact->constData(), exact->size());
    for (const int length : m_v4Lengths) {
        const QHash<quint32, QList<int>> &table = *m_v4Subnets.constFind(length);
        const auto it = table.constFind(maskV4(address, length));
        if (it != table.cend())
            hits.append(it->constData(), it->size());
    }
    finish(hits, from);
}

void EndpointIndex::findIPv6(const Q_IPV6ADDR &address, Hits &hits) const
{
    if (const auto v4 = mappedV4(address)) {
        findIPv4(*v4, hits);
        return;
    }
    const qsizetype from = hits.size();
    const auto exact = m_v6.constFind(QByteArray::fromRawData(reinterpret_cast<const char *>(address.c), 16));
    if (exact != m_v6.cend())
        hits.append(exact->constData(), exact->size());
    char buffer[16];
    for (const int length : m_v6Lengths) {
        const QHash<QByteArray, QList<int>> &table = *m_v6Subnets.constFind(length);
        const auto it = table.constFind(maskV6(address, length, buffer));
        if (it != table.cend())
            hits.append(it->constData(), it->size());
    }
    finish(hits, from);
}

void EndpointIndex::findHost(QByteArrayView host, Hits &hits) const
{
    if (host.isEmpty())
        return;
    const qsizetype from = hits.size();
    const auto exact = m_hosts.constFind(QByteArray::fromRawData(host.data(), host.size()));
    if (exact != m_hosts.cend())
        hits.append(exact->constData(), exact->size());
    if (!m_wildcards.isEmpty()) {
        // Every proper suffix after a dot: "a.b.c" asks for "b.c" and "c", never "a.b.c".
        for (qsizetype i = 0; i < host.size(); ++i) {
            if (host.at(i) != '.')
                continue;
            const auto it =
                    m_wildcards.constFind(QByteArray::fromRawData(host.data() + i + 1, host.size() - i - 1));
            if (it != m_wildcards.cend())
                hits.append(it->constData(), it->size());
        }
    }
    finish(hits, from);
}

EndpointIndex::Cover EndpointIndex::coverOf(int entry) const
{
    const Entry &e = m_entries.at(entry);
    switch (e.kind) {
    case Endpoint::Kind::Address:
        return Cover::ExactAddress;
    case Endpoint::Kind::Cidr:
        return Cover::Subnet;
    case Endpoint::Kind::Url:
        return Cover::UrlHost;
    case Endpoint::Kind::Host:
        break;
    }
    return e.isWildcard ? Cover::WildcardHost : Cover::ExactHost;
}

bool EndpointIndex::portSelects(const PortSpec &spec, int port, std::optional<Transport> transport)
{
    if (port != 0 && spec.port != port)
        return false;
    return !transport || spec.transport == *transport || spec.transport == Transport::Unstated;
}

bool EndpointIndex::usesPort(int entry, int port, std::optional<Transport> transport) const
{
    const QList<PortSpec> &ports = m_entries.at(entry).ports;
    return std::any_of(ports.cbegin(), ports.cend(),
                       [&](const PortSpec &p) { return portSelects(p, port, transport); });
}

QByteArray EndpointIndex::literalPatterns() const
{
    QByteArrayList unique = m_literals;
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    return unique.join('\n') + '\n';
}
