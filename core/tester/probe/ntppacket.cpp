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
    qint64 seconds = qint64(ntp >> 32);
    if (!(ntp & (1ULL << 63)))
        seconds += qint64(1) << 32; // RFC 4330 section 3: a clear top bit means era 1 (2036 to 2104)
    seconds -= qint64(UnixEpochInNtp);
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

std::optional<NtpPacket::Reply> NtpPacket::parseReply(const QByteArray &datagram, const QByteArray &request,
                                                      QString *error, Rejection *rejection)
{
    const auto reject = [error, rejection](Rejection why, const QString &reason) -> std::optional<Reply> {
        if (error)
            *error = reason;
        if (rejection)
            *rejection = why;
        return std::nullopt;
    };
    if (rejection)
        *rejection = Rejection::None;
    if (request.size() < Size)
        return reject(Rejection::Invalid, tr("no request was sent"));
    // The socket is connected to the server: whatever arrives is its answer.
    if (datagram.size() < Size)
        return reject(Rejection::Invalid,
                      tr("the reply is not an NTP server reply (%n bytes)", nullptr, int(datagram.size())));
    const quint8 first = quint8(datagram.at(0));
    const int mode = first & 0x7;
    if (mode != 4)
        return reject(Rejection::Invalid, tr("the reply is not an NTP server reply (mode %1)").arg(mode));
    // The originate timestamp must echo our transmit timestamp; another one answers an earlier
    // request.
    if (readTimestamp(datagram, 24) != readTimestamp(request, 40))
        return reject(Rejection::NotOurs, QString());

    const int leap = first >> 6;
    const int version = (first >> 3) & 0x7;
    const int stratum = quint8(datagram.at(1));
    const quint64 receive = readTimestamp(datagram, 32);
    const quint64 transmit = readTimestamp(datagram, 40);
    if (version < 1 || version > 4)
        return reject(Rejection::Invalid, tr("unknown NTP version %1").arg(version));
    if (stratum == 0) {
        // Kiss-o'-death: the reference identifier holds a code such as RATE or DENY.
        QString code;
        for (int i = 12; i < 16; ++i) {
            const char c = datagram.at(i);
            if (c >= 'A' && c <= 'Z')
                code += QLatin1Char(c);
        }
        if (!code.isEmpty())
            return reject(
                    Rejection::Unsynchronised,
                    tr("the server sent a kiss-o'-death (stratum 0, code %1) instead of the time").arg(code));
    }
    if (leap == 3 || stratum == 0 || stratum > 15)
        return reject(Rejection::Unsynchronised,
                      tr("the server's clock is not synchronised (leap indicator %1, stratum %2)")
                              .arg(leap)
                              .arg(stratum));
    if (receive == 0 || transmit == 0)
        return reject(Rejection::Invalid, tr("the reply has a zero receive or transmit timestamp"));
    if (transmit < receive)
        return reject(Rejection::Invalid, tr("the reply says it was sent before the request arrived"));
    Reply reply;
    reply.stratum = stratum;
    reply.receiveMs = fromNtp(receive);
    reply.transmitMs = fromNtp(transmit);
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
