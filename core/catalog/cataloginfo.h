#pragma once

#include "core/catalog/catalog.h"

#include <QCoreApplication>

// The catalog's identity, as About, the reports, the export headers and `catalog --info` show it.
class CatalogInfo
{
    Q_DECLARE_TR_FUNCTIONS(CatalogInfo)

public:
    // "catalog 2026120201, page read 2026-11-30" (or "unversioned catalog"): one line.
    static QString identity(const Catalog &catalog);
    // Every identity field and the counts, one "label: value" per line.
    static QString text(const Catalog &catalog, Language language);
};
