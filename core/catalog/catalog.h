#pragma once

#include "endpoint.h"
#include "localizedtext.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

// The catalog's value types. They mirror resources/catalog/FORMAT.md one to one; the loader
// guarantees that every reference between them resolves.

struct PortSpec
{
    int port = 0;
    QString transport; // "tcp" or "udp"
    QString protocol; // application protocol: "HTTPS", "DNS", ...
};

struct Component
{
    QString id;
    LocalizedText name;
    QString zone; // "customer", "internet", "trend-cloud"
    bool isRole = false;
    bool isCustomerSide = false;
    QString siteKey; // site profile key for customer-side components, or empty
};

struct CatalogTable
{
    QString id;
    QString section; // "ports", "urls", "ips"
    LocalizedText title;
};

struct ValidityRule
{
    QString id;
    LocalizedText appliesTo;
    QDate accountsCreatedBefore;
    QDate validUntil; // last valid day
    LocalizedText afterwards;
    LocalizedText howToCheck;

    bool isExpired(const QDate &today) const { return today > validUntil; }
};

struct CatalogNote
{
    QString id;
    LocalizedText title;
    LocalizedText text;
};

struct Entry
{
    QString id;
    QString table;
    QStringList sources;
    QString destination;
    QString direction; // "inbound", "outbound", "local"
    QList<PortSpec> ports;
    QString requirement; // "required", "optional", "conditional"
    LocalizedText condition;
    LocalizedText service;
    LocalizedText description;
    LocalizedText notes;
    LocalizedText configurable;
    QString validity; // ValidityRule id, or empty
    QList<Endpoint> endpoints;

    bool involves(const QString &componentId) const
    {
        return destination == componentId || sources.contains(componentId);
    }
};

// A catalog row as the models show it: one endpoint of one entry, or the entry itself when it
// has no endpoints (endpoint == -1).
struct CatalogRowRef
{
    int entry = -1;
    int endpoint = -1;
};

class Catalog
{
public:
    int schemaVersion = 1;
    LocalizedText title;
    QString source;
    QList<CatalogNote> notes;
    QList<ValidityRule> validityRules;
    QList<Component> components;
    QList<CatalogTable> tables;
    QList<Entry> entries;

    const Component *component(const QString &id) const;
    const CatalogTable *table(const QString &id) const;
    const ValidityRule *validityRule(const QString &id) const;
    const Entry *entry(const QString &id) const;
    int entryIndex(const QString &id) const;

    // The date after which an entry's static addresses are expired, or a null date.
    QDate validUntil(const Entry &entry) const;
    bool isExpired(const Entry &entry, const QDate &today) const;

    QList<CatalogRowRef> rows() const;
    int endpointCount() const;
};
