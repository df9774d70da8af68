// ResultsReader::readData on arbitrary bytes (a saved report, read by "Compare with a saved
// run..." and portolan-cli check --compare).
#include "core/tester/report/resultsreader.h"
#include "fuzz/fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto read = ResultsReader::readData(fuzzBytes(data, size), QStringLiteral("fuzz.json"));
    if (const QString *error = std::get_if<QString>(&read)) {
        FUZZ_CHECK(!error->isEmpty(), "a rejected report has an error message");
        return 0;
    }
    const ResultsReader::Report &report = std::get<ResultsReader::Report>(read);
    FUZZ_CHECK(report.run.elapsedMs >= 0, "elapsedMs is not negative");
    for (const CheckResult &result : report.results) {
        FUZZ_CHECK(result.durationMs >= 0, "durationMs is not negative");
        (void)result.flowIds();
    }
    return 0;
}
