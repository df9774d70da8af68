// HttpResponse::status and headerValue (what EndpointCheck reads from a server's or a proxy's
// reply header) on arbitrary bytes.
#include "core/tester/probe/httpresponse.h"
#include "fuzz/fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray header = fuzzBytes(data, size);
    const int status = HttpResponse::status(header);
    FUZZ_CHECK(status == 0 || (status >= 100 && status <= 599), "status 0 or 100-599");
    FUZZ_CHECK(status == 0 || header.startsWith("HTTP/1."), "a status needs an HTTP/1.x line");
    const QByteArray squid = HttpResponse::headerValue(header, "X-Squid-Error");
    FUZZ_CHECK(squid.size() <= header.size(), "a value is part of the header");
    (void)HttpResponse::headerValue(header, "Proxy-Authenticate");
    return 0;
}
