#pragma once

#include "catalog.h"

#include <QCoreApplication>

// The words the UI, the CLI and the exporters use for catalog values, in the UI language
// (tr()) and, for catalog text, in the requested language.
class CatalogText
{
    Q_DECLARE_TR_FUNCTIONS(CatalogText)

public:
    static QString direction(const QString &direction);
    static QString requirement(const QString &requirement);
    static QString section(const QString &section);
    static QString zone(const QString &zone);
    // "443/TCP (HTTPS), 80/TCP (HTTP)"
    static QString ports(const QList<PortSpec> &ports);
    static QString componentNames(const Catalog &catalog, const QStringList &ids, Language language);
    // The endpoint's value, or for an entry without endpoints a description of its destination.
    static QString endpoint(const Catalog &catalog, const Entry &entry, int endpoint, Language language);
    // "expired 2022-12-31", "valid until 2022-12-31" or empty.
    static QString validity(const Catalog &catalog, const Entry &entry, const QDate &today);
};
