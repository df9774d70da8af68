#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/flowfilter.h"
#include "core/i18n/language.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QString>

// Which flows and endpoints an export covers: the explorer's filter itself (roles, direction,
// requirement, features, agent version, selected flow ids, expired endpoints), so that an
// export holds what the explorer shows. The exports add no criteria of their own; what is
// export-specific (language, proxy, resolution) lives in ExportRequest.
using ExportScope = FlowFilter;

// Everything an exporter needs to render: the catalog, the scope and the export-time options.
struct ExportRequest
{
    Catalog catalog;
    ExportScope scope;
    Language language = Language::English;
    QString proxy; // "host:port" for the pac and squid formats, or empty
    // pac: the inverse file (as Microsoft's Get-PacFile -Type 2): the catalog's hosts DIRECT,
    // every other host through the proxy. Without a proxy it changes nothing.
    bool pacDirectForCatalog = false;
    // squid: the clients allowed (CIDR subnets or addresses); empty: any client the rest of
    // squid.conf lets through.
    QStringList squidSources;
    // The user's site (the tester's site profile, the GUI's Site addresses): site key name
    // ("dns", "ntp", "syslog", "relay", "sps", "vcenter") -> an address or a host name. The
    // customer-side flows to a component with that site key become real rules for it.
    QMap<QString, QString> siteAddresses;
    // Opt-in: host name -> addresses, resolved at resolvedAt. Empty: host names stay names.
    QHash<QString, QList<QHostAddress>> resolvedHosts;
    QDateTime resolvedAt;
    QDate today = QDate::currentDate(); // decides which static addresses are expired

    bool hasResolvedHosts() const { return resolvedAt.isValid(); }
};
