#pragma once

#include "core/catalog/catalog.h"
#include "core/triage/endpointindex.h"

#include <QCoreApplication>
#include <QDate>
#include <QHostAddress>
#include <QStringList>

#include <optional>

// Look up: which flows' endpoints cover an address, host name or URL taken from a
// firewall or proxy log, and whether they use the port and transport the log shows.
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

    struct Query
    {
        enum class Kind { Invalid, Address, Host, Url };
        Kind kind = Kind::Invalid;
        QHostAddress address; // IPv4-mapped IPv6 addresses are given as IPv4
        QString host; // lower case, no trailing dot
        QString url; // normalized, for Kind::Url
        int port = 0; // 0: any port
        std::optional<Transport> transport; // Tcp or Udp; none: any transport

        bool hasPort() const { return port != 0 || transport.has_value(); }
        // "22/TCP", "22/TCP or UDP", "UDP"; empty without port and transport.
        QString portText() const;
    };

    struct Match
    {
        int flow = -1;
        int endpoint = -1; // index into the flow's endpoints
        Reason reason = Reason::ExactHost;
        QString pattern; // the catalog endpoint that matched
        bool isExpired = false;
        // The query's port and transport are among the endpoint's ports (always true when the
        // query states neither). A match with portMatches false is "right address, wrong port".
        bool portMatches = true;
        QList<PortSpec> ports; // the ports this endpoint uses in this flow
        QList<PortSpec> matchedPorts; // those of them the query's port and transport select
        Direction direction =
                Direction::None; // for the lookup's roles, else relative to the customer network
        QString queryPort; // the query's Query::portText(), for the explanation

        // "matches *.workload.us-1.cloudone.trendmicro.com", "inside 34.205.5.0/27, but it uses
        // 4118/TCP (HTTPS), not 22/TCP", in the current UI language.
        QString explanation() const;
        static QString reasonName(Reason reason); // "inside-subnet"
    };

    explicit CatalogLookup(const Catalog &catalog, const QDate &today = QDate::currentDate(),
                           const QStringList &roles = {});

    // Accepts "1.2.3.4", "1.2.3.4:443", "1.2.3.4:443/tcp", "[::1]:443", "::ffff:1.2.3.4", "host",
    // "host:443", "https://host/path" (port from the URL, TCP), and, separated by spaces, a
    // leading transport ("tcp 1.2.3.4:4118") or a trailing port ("1.2.3.4 4118/tcp", "host 443").
    static Query parse(const QString &value);
    // Command-line words grouped into values: a transport word joins the value after it, a port
    // ("4118", "4118/tcp") the value before it. {"tcp", "1.2.3.4:4118", "h", "443/tcp"} gives
    // {"tcp 1.2.3.4:4118", "h 443/tcp"}. A word that cannot join stays a value (parse rejects it).
    static QStringList group(const QStringList &words);

    // Every endpoint whose address or host matches, port or not (see Match::portMatches), in
    // catalog order; only flows in which one of the roles takes part.
    QList<Match> lookup(const QString &value) const;
    QList<Match> lookup(const Query &query) const;

    // At least one match agrees with the query's port and transport.
    static bool isMatched(const QList<Match> &matches);
    // The answer for a value, in the current UI language: "not in the catalog", "in
    // 34.205.5.0/27, but no requirement uses 22/TCP", or empty when it matched.
    static QString answer(const Query &query, const QList<Match> &matches);

private:
    const Catalog &m_catalog;
    QDate m_today;
    QStringList m_roles;
    EndpointIndex m_index; // built once: the lookup costs a few hash probes per value
};
