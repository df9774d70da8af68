#include "cataloglookup.h"

#include "core/catalog/catalogtext.h"
#include "core/catalog/flowfilter.h"
#include "core/catalog/networksyntax.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace {
// A listed URL covers itself and what lies below its path ("…/api" covers "…/api/v1", not
// "…/apis").
bool urlCovers(const QString &listed, const QString &url)
{
    if (!url.startsWith(listed, Qt::CaseInsensitive))
        return false;
    if (url.size() == listed.size())
        return true;
    const QChar next = url.at(listed.size());
    return next == QLatin1Char('/') || next == QLatin1Char('?') || listed.endsWith(QLatin1Char('/'));
}

// "tcp" or "udp", any case; the catalog's "unstated" is not something a log shows.
std::optional<Transport> transportWord(const QString &word)
{
    const auto transport = Vocabulary::fromName<Transport>(word.toLower());
    if (!transport || *transport == Transport::Unstated)
        return std::nullopt;
    return transport;
}

// 1-65535, or 0 for anything else.
int portNumber(const QString &text)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    return ok && port >= 1 && port <= 65535 ? port : 0;
}

// "4118" or "4118/tcp": a port word that may follow a value.
const QRegularExpression &portWordPattern()
{
    static const QRegularExpression re(QStringLiteral("^([0-9]{1,5})(?:/(tcp|udp))?$"),
                                       QRegularExpression::CaseInsensitiveOption);
    return re;
}

// Adds a port and a transport to the query; false when they contradict what it already says.
bool addPort(CatalogLookup::Query &q, const QString &portText, const QString &transportText)
{
    if (!portText.isEmpty()) {
        const int port = portNumber(portText);
        if (port == 0 || (q.port != 0 && q.port != port))
            return false;
        q.port = port;
    }
    if (!transportText.isEmpty()) {
        const auto transport = transportWord(transportText);
        if (!transport || (q.transport && *q.transport != *transport))
            return false;
        q.transport = transport;
    }
    return true;
}

// An IPv4-mapped IPv6 address (::ffff:34.205.5.17) is the IPv4 address it carries.
QHostAddress normalized(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR a = address.toIPv6Address();
        const bool mapped = std::all_of(a.c, a.c + 10, [](quint8 b) { return b == 0; }) && a.c[10] == 0xff
                && a.c[11] == 0xff;
        if (mapped) {
            bool ok = false;
            const quint32 v4 = address.toIPv4Address(&ok);
            if (ok)
                return QHostAddress(v4);
        }
    }
    return address;
}

// The value itself, without the words around it: an address, host or URL, maybe with a port.
bool parseValue(CatalogLookup::Query &q, QString v)
{
    using Kind = CatalogLookup::Query::Kind;
    if (v.contains(QLatin1String("://"))) {
        const QUrl url(v, QUrl::StrictMode);
        const QString host = url.host().toLower();
        if (!url.isValid() || host.isEmpty())
            return false;
        const QString scheme = url.scheme().toLower();
        const bool web = scheme == QLatin1String("https") || scheme == QLatin1String("http");
        const int defaultPort = scheme == QLatin1String("https") ? 443
                : scheme == QLatin1String("http")                ? 80
                                                                 : 0;
        const int port = url.port(defaultPort);
        if (port > 0 && !addPort(q, QString::number(port), QString()))
            return false;
        if (web && !addPort(q, QString(), QStringLiteral("tcp")))
            return false;
        if (const auto address = NetworkSyntax::parseAddress(host)) {
            q.kind = Kind::Address;
            q.address = normalized(*address);
            return true;
        }
        if (!NetworkSyntax::isValidHostName(host))
            return false;
        q.kind = Kind::Url;
        q.host = host;
        q.url = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePort | QUrl::RemoveFragment).toString();
        return true;
    }

    // "[v6]:port" and "v4-or-host:port" as found in logs, maybe with "/tcp".
    static const QRegularExpression bracketed(
            QStringLiteral("^\\[([0-9A-Fa-f:.]+)\\](?::([0-9]{1,5})(?:/(tcp|udp))?)?$"),
            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression withPort(QStringLiteral("^([^:/]+):([0-9]{1,5})(?:/(tcp|udp))?$"),
                                             QRegularExpression::CaseInsensitiveOption);
    if (const auto m = bracketed.match(v); m.hasMatch()) {
        if (!addPort(q, m.captured(2), m.captured(3)))
            return false;
        v = m.captured(1);
    } else if (const auto m2 = withPort.match(v); m2.hasMatch()) {
        if (!addPort(q, m2.captured(2), m2.captured(3)))
            return false;
        v = m2.captured(1);
    }

    if (const auto address = NetworkSyntax::parseAddress(v)) {
        q.kind = Kind::Address;
        q.address = normalized(*address);
        return true;
    }
    if (v.endsWith(QLatin1Char('.')))
        v.chop(1);
    if (!NetworkSyntax::isValidHostName(v))
        return false;
    q.kind = Kind::Host;
    q.host = v.toLower();
    return true;
}

bool portSelected(const PortSpec &p, int port, const std::optional<Transport> &transport)
{
    if (port != 0 && p.port != port)
        return false;
    // A port whose transport the page does not state may be either.
    return !transport || p.transport == *transport || p.transport == Transport::Unstated;
}
} // namespace

QString CatalogLookup::Query::portText() const
{
    if (port != 0 && transport)
        return CatalogText::port(PortSpec{port, *transport, QString()});
    if (port != 0)
        return tr("%1/%2 or %3")
                .arg(port)
                .arg(CatalogText::transport(Transport::Tcp), CatalogText::transport(Transport::Udp));
    if (transport)
        return CatalogText::transport(*transport);
    return {};
}

QString CatalogLookup::Match::explanation() const
{
    QString text;
    switch (reason) {
    case Reason::ExactHost:
        text = tr("is listed as %1").arg(pattern);
        break;
    case Reason::WildcardHost:
        text = tr("matches %1").arg(pattern);
        break;
    case Reason::UrlHost:
        text = tr("is the host of %1").arg(pattern);
        break;
    case Reason::Url:
        text = tr("is covered by %1").arg(pattern);
        break;
    case Reason::ExactAddress:
        text = tr("is listed as %1").arg(pattern);
        break;
    case Reason::InsideSubnet:
        text = tr("inside %1").arg(pattern);
        break;
    }
    if (!queryPort.isEmpty()) {
        text = portMatches ? tr("%1, on %2").arg(text, CatalogText::ports(matchedPorts))
                           : tr("%1, but it uses %2, not %3").arg(text, CatalogText::ports(ports), queryPort);
    }
    return isExpired ? tr("%1 (static address, expired)").arg(text) : text;
}

QString CatalogLookup::Match::reasonName(Reason reason)
{
    switch (reason) {
    case Reason::ExactHost:
        return QStringLiteral("exact-host");
    case Reason::WildcardHost:
        return QStringLiteral("wildcard-host");
    case Reason::UrlHost:
        return QStringLiteral("url-host");
    case Reason::Url:
        return QStringLiteral("url");
    case Reason::ExactAddress:
        return QStringLiteral("exact-address");
    case Reason::InsideSubnet:
        return QStringLiteral("inside-subnet");
    }
    return {};
}

CatalogLookup::CatalogLookup(const Catalog &catalog, const QDate &today, const QStringList &roles)
    : m_catalog(catalog)
    , m_today(today)
    , m_roles(roles)
    , m_index(catalog, roles)
{ }

CatalogLookup::Query CatalogLookup::parse(const QString &value)
{
    Query q;
    const QString v = value.trimmed();
    if (v.isEmpty() || NetworkSyntax::hasControlCharacters(v))
        return q;
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    QStringList words = v.split(spaces, Qt::SkipEmptyParts);
    if (words.size() > 3)
        return q;
    // "tcp 1.2.3.4:4118": a leading transport.
    if (words.size() > 1 && transportWord(words.first())) {
        q.transport = transportWord(words.takeFirst());
    }
    // "1.2.3.4 4118/tcp": a trailing port.
    if (words.size() == 2) {
        const auto m = portWordPattern().match(words.last());
        if (!m.hasMatch() || !addPort(q, m.captured(1), m.captured(2)))
            return Query();
        words.removeLast();
    }
    if (words.size() != 1 || !parseValue(q, words.first()))
        return Query();
    return q;
}

QStringList CatalogLookup::group(const QStringList &words)
{
    QStringList values;
    QString pendingTransport;
    bool lastTakesPort = false;
    for (const QString &word : words) {
        const QString w = word.trimmed();
        if (transportWord(w)) {
            if (!pendingTransport.isEmpty())
                values.append(pendingTransport);
            pendingTransport = w;
            lastTakesPort = false;
            continue;
        }
        if (lastTakesPort && pendingTransport.isEmpty() && portWordPattern().match(w).hasMatch()) {
            values.last() += QLatin1Char(' ') + w;
            lastTakesPort = false;
            continue;
        }
        values.append(pendingTransport.isEmpty() ? w : pendingTransport + QLatin1Char(' ') + w);
        pendingTransport.clear();
        lastTakesPort = true;
    }
    if (!pendingTransport.isEmpty())
        values.append(pendingTransport);
    return values;
}

QList<CatalogLookup::Match> CatalogLookup::lookup(const QString &value) const
{
    return lookup(parse(value));
}

QList<CatalogLookup::Match> CatalogLookup::lookup(const Query &query) const
{
    QList<Match> matches;
    if (query.kind == Query::Kind::Invalid)
        return matches;
    const QString queryPort = query.portText();
    EndpointIndex::Hits hits;
    if (query.kind == Query::Kind::Address)
        m_index.findAddress(query.address, hits);
    else
        m_index.findHost(query.host.toUtf8(), hits);
    for (const int hit : std::as_const(hits)) {
        const EndpointIndex::Entry &entry = m_index.entry(hit);
        const int f = entry.flow;
        const int i = entry.endpoint;
        const Flow &flow = m_catalog.flows.at(f);
        const Endpoint &ep = flow.endpoints.at(i);
        Reason reason = Reason::ExactHost;
        switch (m_index.coverOf(hit)) {
        case EndpointIndex::Cover::ExactAddress:
            reason = Reason::ExactAddress;
            break;
        case EndpointIndex::Cover::Subnet:
            reason = Reason::InsideSubnet;
            break;
        case EndpointIndex::Cover::ExactHost:
            reason = Reason::ExactHost;
            break;
        case EndpointIndex::Cover::WildcardHost:
            reason = Reason::WildcardHost;
            break;
        case EndpointIndex::Cover::UrlHost:
            reason = query.kind == Query::Kind::Url && urlCovers(ep.value, query.url) ? Reason::Url
                                                                                      : Reason::UrlHost;
            break;
        }
        Match m;
        m.flow = f;
        m.endpoint = i;
        m.reason = reason;
        m.pattern = ep.value;
        m.isExpired = m_catalog.isExpired(ep, m_today);
        m.ports = entry.ports;
        for (const PortSpec &p : std::as_const(m.ports)) {
            if (portSelected(p, query.port, query.transport))
                m.matchedPorts.append(p);
        }
        m.portMatches = !query.hasPort() || !m.matchedPorts.isEmpty();
        m.direction = FlowFilter::directionOf(m_catalog, flow, m_roles);
        m.queryPort = queryPort;
        matches.append(m);
    }
    return matches;
}

bool CatalogLookup::isMatched(const QList<Match> &matches)
{
    return std::any_of(matches.cbegin(), matches.cend(), [](const Match &m) { return m.portMatches; });
}

QString CatalogLookup::answer(const Query &query, const QList<Match> &matches)
{
    if (matches.isEmpty())
        return tr("not in the catalog");
    if (isMatched(matches))
        return {};
    QStringList patterns;
    for (const Match &m : matches) {
        if (!patterns.contains(m.pattern))
            patterns.append(m.pattern);
    }
    return tr("in %1, but no requirement uses %2").arg(patterns.join(tr(", ")), query.portText());
}
