#pragma once

#include <QByteArray>
#include <QtGlobal>

#include <optional>

// SNTP (RFC 4330) packets: the client request, the server reply (for test servers) and the
// clock offset a reply gives.
class NtpPacket
{
public:
    static constexpr int Size = 48;

    struct Reply
    {
        int stratum = 0;
        qint64 receiveMs = 0; // server time when the request arrived (ms since the Unix epoch)
        qint64 transmitMs = 0; // server time when the reply left
    };

    // A client (mode 3) request stamped with transmitMs; the reply must echo the stamp.
    static QByteArray request(qint64 transmitMs);
    // Parses a server reply to request(transmitMs); nothing when it is not one.
    static std::optional<Reply> parseReply(const QByteArray &datagram, const QByteArray &request);
    // Offset of the server clock against the local one: ((T2 - T1) + (T3 - T4)) / 2.
    static double offsetMs(qint64 t1, const Reply &reply, qint64 t4);
    // A server (mode 4) reply to a client request, for test servers.
    static QByteArray reply(const QByteArray &request, qint64 receiveMs, qint64 transmitMs, int stratum = 2);

    static quint64 toNtp(qint64 msSinceEpoch);
    static qint64 fromNtp(quint64 ntp);
};
