#pragma once

#include "core/export/exportrequest.h"
#include "core/export/exportrule.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <functional>
#include <optional>

// Turns a catalog and a scope into the flat list of rules that every exporter renders, so that
// the formats agree on what is in scope, on direction, on expiry and on comments. The scope is
// the explorer's FlowFilter: flows it accepts, endpoints it accepts.
//
// Direction comes from the flow and the scope's roles (FlowFilter::directionOf): egress where a
// role opens the connection, ingress where it listens, both for Relay -> Relay; without roles,
// relative to the customer network. The remote side of a rule is the flow's endpoints where they
// describe that side (Workload Security's subnet for the flows into the customer network, the
// Trend Micro hosts for the flows out of it), else a site-specific peer. A flow that needs no
// network rule (4123) becomes one Local item, which every format writes as a comment at most.
class ExportSelection
{
    Q_DECLARE_TR_FUNCTIONS(ExportSelection)

public:
    // Resolves one host name; an empty list when it does not resolve. Injectable so that tests
    // never touch DNS.
    using Resolver = std::function<QList<QHostAddress>(const QString &hostName)>;

    // A customer-side component with a site key whose address the request does not give: said
    // once in the header, not once per flow.
    struct SiteGap
    {
        QString componentId;
        QString componentName; // in the request's language
        QString siteKey; // "dns", ...
        QStringList flowIds; // the flows in scope that would get a rule with its address
    };

    static QList<ExportRule> rules(const ExportRequest &request);
    // The request's address for a site key, cleaned (brackets dropped, host names lower case), or
    // nothing when it gives none or one that is neither an address, a network nor a host name.
    static std::optional<QString> siteAddress(const ExportRequest &request, const QString &siteKey);
    // The site keys of these components that the request gives no address for.
    static QStringList missingSiteKeys(const ExportRequest &request, const QStringList &componentIds);
    // Every component in scope whose missing site address leaves its flows as comments.
    static QList<SiteGap> siteGaps(const ExportRequest &request);
    // The plain (non-wildcard) host names in scope, sorted and unique: what resolveHosts asks.
    static QStringList hostNames(const ExportRequest &request);
    // Fills request.resolvedHosts for hostNames() and stamps request.resolvedAt with now.
    static void resolveHosts(ExportRequest &request, const Resolver &resolver, const QDateTime &now);
    // The resolver the CLI uses: QHostInfo, blocking.
    static QList<QHostAddress> systemResolve(const QString &hostName);
};
