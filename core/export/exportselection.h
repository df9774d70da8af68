#pragma once

#include "exportrequest.h"
#include "exportrule.h"

#include <QCoreApplication>
#include <QHostAddress>

#include <functional>

// Turns a catalog and a scope into the flat list of rules that every exporter renders, so that
// the formats agree on what is in scope, on direction, on expiry and on comments.
class ExportSelection
{
    Q_DECLARE_TR_FUNCTIONS(ExportSelection)

public:
    // Resolves one host name; an empty list when it does not resolve. Injectable so that tests
    // never touch DNS.
    using Resolver = std::function<QList<QHostAddress>(const QString &hostName)>;

    static bool isInScope(const Catalog &catalog, const Entry &entry, const ExportScope &scope,
                          const QDate &today);
    static QList<ExportRule> rules(const ExportRequest &request);
    // The plain (non-wildcard) host names in scope, sorted and unique: what resolveHosts asks.
    static QStringList hostNames(const ExportRequest &request);
    // Fills request.resolvedHosts for hostNames() and stamps request.resolvedAt with now.
    static void resolveHosts(ExportRequest &request, const Resolver &resolver, const QDateTime &now);
    // The resolver the CLI uses: QHostInfo, blocking.
    static QList<QHostAddress> systemResolve(const QString &hostName);
};
