#include "ntppacket.h"

#include <QtEndian>

namespace {
constexpr quint64 UnixEpochInNtp = 2208988800ULL; // seconds from 1900 to 1970

quint64 readTimestamp(const QByteArray &data, int offset)
{
    return qFromBigEndian<quint64>(data.constData() + offset);
}

void writeTimestamp(QByteArray &data, int offset, quint64 value)
{
    qToBigEndian<quint64>(value, data.data() + offset);
}
} // namespace

quint64 NtpPacket::toNtp(qint64 msSinceEpoch)
{
    const quint64 seconds = quint64(msSinceEpoch / 1000) + UnixEpochInNtp;
    const quint64 fraction = (quint64(msSinceEpoch % 1000) << 32) / 1000;
    return (seconds << 32) | fraction;
}

qint64 NtpPacket::fromNtp(quint64 ntp)
{
    const qint64 seconds = qint64(ntp >> 32) - qint64(UnixEpochInNtp);
    const qint64 ms = qint64(((ntp & 0xffffffffULL) * 1000 + (1ULL << 31)) >> 32); // rounded
    return seconds * 1000 + ms;
}

QByteArray NtpPacket::request(qint64 transmitMs)
{
    QByteArray data(Size, '\0');
    data[0] = char((0 << 6) | (4 << 3) | 3); // LI 0, version 4, mode 3 (client)
    writeTimestamp(data, 40, toNtp(transmitMs));
    return data;
}

std::optional<NtpPacket::Reply> NtpPacket::parseReply(const QByteArray &datagram, const QByteArray &request)
{
    if (datagram.size() < Size || request.size() < Size)
        return std::nullopt;
    const int mode = datagram.at(0) & 0x7;
    if (mode != 4)
        return std::nullopt;
    // The originate timestamp must echo our transmit timestamp.
    if (readTimestamp(datagram, 24) != readTimestamp(request, 40))
        return std::nullopt;
    Reply reply;
    reply.stratum = quint8(datagram.at(1));
    reply.receiveMs = fromNtp(readTimestamp(datagram, 32));
    reply.transmitMs = fromNtp(readTimestamp(datagram, 40));
    return reply;
}

double NtpPacket::offsetMs(qint64 t1, const Reply &reply, qint64 t4)
{
    return (double(reply.receiveMs - t1) + double(reply.transmitMs - t4)) / 2.0;
}

QByteArray NtpPacket::reply(const QByteArray &request, qint64 receiveMs, qint64 transmitMs, int stratum)
{
    QByteArray data(Size, '\0');
    data[0] = char((0 << 6) | (4 << 3) | 4); // LI 0, version 4, mode 4 (server)
    data[1] = char(stratum);
    data[2] = 6; // poll
    data[3] = char(-20); // precision
    if (request.size() >= Size)
        data.replace(24, 8, request.mid(40, 8)); // originate = client's transmit
    writeTimestamp(data, 16, toNtp(receiveMs)); // reference
    writeTimestamp(data, 32, toNtp(receiveMs));
    writeTimestamp(data, 40, toNtp(transmitMs));
    return data;
}
