#pragma once

#include "core/catalog/catalogloader.h"
#include "core/catalog/catalogwriter.h"

#include <QString>

// The catalog's round-trip property (issue 20): a catalog that loads, written by CatalogWriter
// and loaded again, is equal. Checked by fuzz_catalogloader and by tst_fuzzregressions.
namespace CatalogProperty {

// Empty when the property holds for catalog, else what failed.
inline QString checkRoundTrip(const Catalog &catalog)
{
    const QByteArray once = CatalogWriter::write(catalog);
    const CatalogLoader::Result again = CatalogLoader::loadData(once, QStringLiteral("rewritten.json"));
    if (!again.isOk())
        return QStringLiteral("the rewritten catalog is rejected: %1 at %2 (line %3)")
                .arg(again.error.message, again.error.path)
                .arg(again.error.line);
    const Catalog &c = *again.catalog;
    // The writer writes every stored field, so equal output means equal catalogs; the fields
    // the loader derives (a flow's endpoints, an endpoint's list) are compared one by one.
    if (CatalogWriter::write(c) != once)
        return QStringLiteral("the catalog read back differs from the one written");
    if (c.flows.size() != catalog.flows.size() || c.endpointCount() != catalog.endpointCount())
        return QStringLiteral("flow or endpoint count differs");
    for (int f = 0; f < c.flows.size(); ++f) {
        const QList<Endpoint> &a = catalog.flows.at(f).endpoints;
        const QList<Endpoint> &b = c.flows.at(f).endpoints;
        if (a.size() != b.size())
            return QStringLiteral("flow %1: endpoint count differs").arg(c.flows.at(f).id);
        for (int e = 0; e < a.size(); ++e) {
            if (a.at(e).kind != b.at(e).kind || a.at(e).value != b.at(e).value
                || a.at(e).list != b.at(e).list)
                return QStringLiteral("flow %1: endpoint %2 differs").arg(c.flows.at(f).id).arg(e);
        }
    }
    return {};
}

} // namespace CatalogProperty
