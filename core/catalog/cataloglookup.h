#pragma once

#include "catalog.h"

#include <QCoreApplication>
#include <QHostAddress>

// Reverse lookup: which flows' endpoints cover an address, host name or URL taken from a
// firewall or proxy log.
class CatalogLookup
{
    Q_DECLARE_TR_FUNCTIONS(CatalogLookup)

public:
    enum class Reason {
        ExactHost, // the host is listed as is
        WildcardHost, // the host is below a listed "*.domain" (the domain itself is not covered)
        UrlHost, // the host is the host of a listed URL
        Url, // the URL starts with a listed URL
        ExactAddress, // the address is listed
        InsideSubnet, // the address is inside a listed subnet
    };

    struct Match
    {
        int flow = -1;
        int endpoint = -1;
        Reason reason = Reason::ExactHost;
        QString pattern; // the catalog endpoint that matched
        bool isExpired = false;

        // "matches *.workload.us-1.cloudone.trendmicro.com", in the current UI language.
        QString explanation() const;
    };

    struct Query
    {
        enum class Kind { Invalid, Address, Host, Url };
        Kind kind = Kind::Invalid;
        QHostAddress address;
        QString host; // lower case, no trailing dot
        QString url; // normalized, for Kind::Url
    };

    explicit CatalogLookup(const Catalog &catalog, const QDate &today = QDate::currentDate());

    // Accepts "1.2.3.4", "1.2.3.4:443", "[::1]:443", "host", "host:443", "https://host/path".
    static Query parse(const QString &value);
    QList<Match> lookup(const QString &value) const;
    QList<Match> lookup(const Query &query) const;

private:
    const Catalog &m_catalog;
    QDate m_today;
};
