// JsonLocator against QJsonDocument: on every text QJsonDocument accepts, the offset located
// for each path is the start of the value QJsonDocument parsed there (JsonProperty). On any
// text, positionIn() stays inside it.
#include "fuzz/fuzzcommon.h"
#include "fuzz/jsonproperty.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = fuzzBytes(data, size);
    const JsonLocator::Position end = JsonLocator::positionIn(text, int(text.size()));
    FUZZ_CHECK(end.line >= 1 && end.column >= 1, "positionIn gives a position");
    // Paths that name nothing (or nonsense) must not crash either.
    const JsonLocator locator(text);
    (void)locator.locate(QStringLiteral("$.a[0].b"));
    (void)locator.locate(QStringLiteral("$[1]"));
    const QString failure = JsonProperty::check(text);
    if (!failure.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(failure));
        FUZZ_CHECK(false, "JsonLocator agrees with QJsonDocument");
    }
    return 0;
}
