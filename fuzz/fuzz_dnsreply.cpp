// DnsClient::parseReply on arbitrary datagrams, as replies to an A, an AAAA and a probe (NS)
// query. The first byte chooses the query and whether the reply's id is set to the query's, so
// that the fuzzer gets past the id check; the rest is the datagram.
#include "core/tester/probe/dnsclient.h"
#include "fuzz/fuzzcommon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const QByteArray queries[] = {
            DnsClient::query(0x1234, QStringLiteral("example.com"), 1),
            DnsClient::query(0x1234, QStringLiteral("workload.us-1.cloudone.trendmicro.com"), 28),
            DnsClient::query(0x1234, QString(), 2),
    };
    const uint8_t control = data[0];
    const QByteArray &query = queries[(control & 0x3) % 3];
    QByteArray reply = fuzzBytes(data + 1, size - 1);
    if ((control & 0x4) && reply.size() >= 2)
        reply.replace(0, 2, query.left(2));
    const std::optional<DnsClient::Reply> parsed = DnsClient::parseReply(reply, query);
    if (parsed) {
        FUZZ_CHECK(parsed->addresses.size() <= DnsClient::MaxAddresses, "at most MaxAddresses");
        for (const QHostAddress &address : parsed->addresses)
            FUZZ_CHECK(!address.isNull(), "no null address");
    }
    return 0;
}
