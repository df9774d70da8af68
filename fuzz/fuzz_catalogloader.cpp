// CatalogLoader::loadData on arbitrary bytes; every catalog it accepts must survive
// CatalogWriter and a second load unchanged (CatalogProperty), and a rejection must carry a
// message.
#include "fuzz/catalogproperty.h"
#include "fuzz/fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const CatalogLoader::Result result =
            CatalogLoader::loadData(fuzzBytes(data, size), QStringLiteral("fuzz.json"));
    if (!result.isOk()) {
        FUZZ_CHECK(!result.error.message.isEmpty(), "a rejected catalog has an error message");
        return 0;
    }
    const QString failure = CatalogProperty::checkRoundTrip(*result.catalog);
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(failure));
        FUZZ_CHECK(false, "catalog round trip");
    }
    return 0;
}
