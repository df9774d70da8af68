#include "cataloglookup.h"

#include "networksyntax.h"

#include <QRegularExpression>
#include <QUrl>

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
} // namespace

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
    return isExpired ? tr("%1 (static address, expired)").arg(text) : text;
}

CatalogLookup::CatalogLookup(const Catalog &catalog, const QDate &today)
    : m_catalog(catalog)
    , m_today(today)
{ }

CatalogLookup::Query CatalogLookup::parse(const QString &value)
{
    Query q;
    QString v = value.trimmed();
    if (v.isEmpty() || NetworkSyntax::hasControlCharacters(v))
        return q;

    if (v.contains(QLatin1String("://"))) {
        const QUrl url(v, QUrl::StrictMode);
        const QString host = url.host().toLower();
        if (!url.isValid() || host.isEmpty())
            return q;
        if (const auto address = NetworkSyntax::parseAddress(host)) {
            q.kind = Query::Kind::Address;
            q.address = *address;
            return q;
        }
        if (!NetworkSyntax::isValidHostName(host))
            return q;
        q.kind = Query::Kind::Url;
        q.host = host;
        q.url = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePort | QUrl::RemoveFragment).toString();
        return q;
    }

    // "[v6]:port" and "v4-or-host:port" as found in logs.
    static const QRegularExpression bracketed(QStringLiteral("^\\[([0-9A-Fa-f:.]+)\\](?::[0-9]{1,5})?$"));
    static const QRegularExpression withPort(QStringLiteral("^([^:]+):[0-9]{1,5}$"));
    if (const auto m = bracketed.match(v); m.hasMatch())
        v = m.captured(1);
    else if (const auto m2 = withPort.match(v); m2.hasMatch())
        v = m2.captured(1);

    if (const auto address = NetworkSyntax::parseAddress(v)) {
        q.kind = Query::Kind::Address;
        q.address = *address;
        return q;
    }
    if (v.endsWith(QLatin1Char('.')))
        v.chop(1);
    if (NetworkSyntax::isValidHostName(v)) {
        q.kind = Query::Kind::Host;
        q.host = v.toLower();
    }
    return q;
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
    for (int f = 0; f < m_catalog.flows.size(); ++f) {
        const Flow &flow = m_catalog.flows.at(f);
        for (int i = 0; i < flow.endpoints.size(); ++i) {
            const Endpoint &ep = flow.endpoints.at(i);
            const bool expired = m_catalog.isExpired(ep, m_today);
            std::optional<Reason> reason;
            if (query.kind == Query::Kind::Address) {
                if (ep.kind == Endpoint::Kind::Address) {
                    if (NetworkSyntax::parseAddress(ep.value) == query.address)
                        reason = Reason::ExactAddress;
                } else if (ep.kind == Endpoint::Kind::Cidr) {
                    const auto subnet = NetworkSyntax::parseCidr(ep.value);
                    if (subnet && query.address.isInSubnet(subnet->first, subnet->second))
                        reason = Reason::InsideSubnet;
                }
            } else if (ep.kind == Endpoint::Kind::Host) {
                const QString pattern = ep.value.toLower();
                if (pattern == query.host)
                    reason = Reason::ExactHost;
                else if (ep.isWildcard() && query.host.endsWith(pattern.mid(1)))
                    reason = Reason::WildcardHost;
            } else if (ep.kind == Endpoint::Kind::Url) {
                if (query.kind == Query::Kind::Url && urlCovers(ep.value, query.url))
                    reason = Reason::Url;
                else if (ep.hostName() == query.host)
                    reason = Reason::UrlHost;
            }
            if (reason)
                matches.append({f, i, *reason, ep.value, expired});
        }
    }
    return matches;
}
