#pragma once

#include "catalog/catalog.h"
#include "i18n/language.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// Which catalog entries an export covers. Empty lists restrict nothing.
struct ExportScope
{
    QStringList roles; // component ids; entries with one of them as a source or the destination
    bool requiredOnly = false;
    QStringList selectedEntryIds; // only these entries (the explorer's selected rows)
    bool includeExpired = false; // static addresses past their validity date, marked expired
};

// Everything an exporter needs to render: the catalog, the scope and the export-time options.
struct ExportRequest
{
    Catalog catalog;
    ExportScope scope;
    Language language = Language::English;
    QString proxy; // "host:port" for the pac and squid formats, or empty
    // Opt-in: host name -> addresses, resolved at resolvedAt. Empty: host names stay names.
    QHash<QString, QList<QHostAddress>> resolvedHosts;
    QDateTime resolvedAt;
    QDate today = QDate::currentDate(); // decides which static addresses are expired

    bool hasResolvedHosts() const { return resolvedAt.isValid(); }
};
