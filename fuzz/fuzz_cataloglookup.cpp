// CatalogLookup::parse, group and the lookup itself on the built-in catalog, with the answer
// and explanation texts, for arbitrary values (as typed by a user or read from a log).
#include "core/catalog/catalogloader.h"
#include "core/catalog/cataloglookup.h"
#include "fuzz/fuzzcommon.h"

#include <QDate>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Catalog catalog = *CatalogLoader::loadFile(CatalogLoader::builtinFileName()).catalog;
    static const CatalogLookup lookup(catalog, QDate(2026, 12, 1));
    static const CatalogLookup agentLookup(catalog, QDate(2026, 12, 1), {QStringLiteral("agent")});

    const QString value = QString::fromUtf8(fuzzBytes(data, size));
    const CatalogLookup::Query query = CatalogLookup::parse(value);
    (void)query.portText();
    const QList<CatalogLookup::Match> matches = lookup.lookup(query);
    FUZZ_CHECK(query.kind != CatalogLookup::Query::Kind::Invalid || matches.isEmpty(),
               "an invalid query matches nothing");
    for (const CatalogLookup::Match &match : matches) {
        FUZZ_CHECK(match.flow >= 0 && match.flow < catalog.flows.size(), "match.flow in range");
        FUZZ_CHECK(match.endpoint >= 0 && match.endpoint < catalog.flows.at(match.flow).endpoints.size(),
                   "match.endpoint in range");
        (void)match.explanation();
    }
    (void)CatalogLookup::isMatched(matches);
    (void)CatalogLookup::answer(query, matches);
    (void)agentLookup.lookup(query);
    const QStringList values = CatalogLookup::group(value.split(QLatin1Char(' ')));
    for (const QString &v : values.mid(0, 8))
        (void)lookup.lookup(v);
    return 0;
}
