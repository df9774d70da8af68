// NtpPacket::parseReply on arbitrary datagrams, and the offset of every reply it accepts. The
// first byte chooses whether the originate timestamp is set to the request's, so that the
// fuzzer gets past that check.
#include "core/tester/probe/ntppacket.h"
#include "fuzz/fuzzcommon.h"

#include <cmath>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const qint64 t1 = 1764000000000; // 2025-11-24
    static const QByteArray request = NtpPacket::request(t1);
    QByteArray datagram = fuzzBytes(data + 1, size - 1);
    if ((data[0] & 1) && datagram.size() >= 32)
        datagram.replace(24, 8, request.mid(40, 8));
    QString error;
    const std::optional<NtpPacket::Reply> reply = NtpPacket::parseReply(datagram, request, &error);
    if (reply) {
        FUZZ_CHECK(reply->stratum >= 1 && reply->stratum <= 15, "stratum of a reply that gives time");
        FUZZ_CHECK(std::isfinite(NtpPacket::offsetMs(t1, *reply, t1 + 20)), "finite offset");
    }
    // The conversions, both ways, on the fuzzer's 64 bits.
    if (size >= 9) {
        quint64 ntp = 0;
        for (int i = 1; i < 9; ++i)
            ntp = (ntp << 8) | data[i];
        (void)NtpPacket::toNtp(NtpPacket::fromNtp(ntp));
        (void)NtpPacket::fromNtp(NtpPacket::toNtp(qint64(ntp)));
    }
    return 0;
}
