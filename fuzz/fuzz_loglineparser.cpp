// LogLineParser::parse on arbitrary log text, line by line with one parser (a pfirewall.log
// "#Fields:" header changes how later lines are read), and timeOf() for every event. The views
// an event holds must lie inside the line or the parser's own buffers.
#include "core/triage/loglineparser.h"
#include "fuzz/fuzzcommon.h"

namespace {

bool inside(QByteArrayView part, QByteArrayView line)
{
    return part.isEmpty()
            || (part.data() >= line.data() && part.data() + part.size() <= line.data() + line.size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = fuzzBytes(data, size);
    LogLineParser parser;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = QByteArrayView(text).sliced(start, end - start);
        LogEvent event;
        if (parser.parse(line, event) == LogLineParser::Result::Event) {
            FUZZ_CHECK(inside(event.time, line) && inside(event.timeOfDay, line), "times inside the line");
            FUZZ_CHECK(event.destinationPort >= 0 && event.destinationPort <= 65535, "port range");
            FUZZ_CHECK(event.sourcePort >= 0 && event.sourcePort <= 65535, "source port range");
            (void)LogLineParser::timeOf(event, 2024);
            (void)LogLineParser::formatName(event.format);
        }
        start = end + 1;
    }
    return 0;
}
