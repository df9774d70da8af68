#pragma once

#include "core/catalog/catalog.h"

#include <QJsonObject>

// The normalized catalog: one flat record per flow and endpoint with every field, as portolan-cli
// catalog prints it and as other programs consume it.
class CatalogRecords
{
public:
    static QStringList fieldNames();
    // direction is computed for roles (empty: relative to the customer network).
    static QJsonObject record(const Catalog &catalog, const CatalogRowRef &ref, Language language,
                              const QDate &today, const QStringList &roles = {});
    // The record's fields in fieldNames() order, lists joined with "; ".
    static QStringList cells(const QJsonObject &record);
};
