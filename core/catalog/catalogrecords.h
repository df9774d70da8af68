#pragma once

#include "catalog.h"

#include <QJsonObject>

// The normalized catalog: one flat record per endpoint with every field, as portolan-cli
// catalog prints it and as other programs consume it.
class CatalogRecords
{
public:
    static QStringList fieldNames();
    static QJsonObject record(const Catalog &catalog, const CatalogRowRef &ref, Language language,
                              const QDate &today);
    // The record's fields in fieldNames() order, lists joined with "; ".
    static QStringList cells(const QJsonObject &record);
};
