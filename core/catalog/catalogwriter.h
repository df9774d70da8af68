#pragma once

#include "core/catalog/catalog.h"

#include <QByteArray>
#include <QJsonObject>

// Writes a catalog as schema-2 JSON (resources/catalog/FORMAT.md), the format CatalogLoader
// reads: loading what write() produces gives an equal catalog. Optional fields that are empty
// are left out, as the loader would read their absence. Key order is QJsonObject's (sorted), so
// the output is a function of the catalog alone, not of the file it was read from.
class CatalogWriter
{
public:
    static QJsonObject toJson(const Catalog &catalog);
    static QByteArray write(const Catalog &catalog);
};
