#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

#include <optional>

// SNTP (RFC 4330) packets: the client request, the server reply (for test servers) and the
// clock offset a reply gives.
class NtpPacket
{
    Q_DECLARE_TR_FUNCTIONS(NtpPacket)

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
    // Parses a server reply to request(transmitMs). Nothing when the datagram is not a reply to
    // it (too short, not from a server, another originate timestamp), and nothing when it is one
    // that gives no time: a kiss-o'-death (stratum 0), an unsynchronised server (leap indicator
    // 3, stratum above 15), an unknown version, a zero receive or transmit timestamp, or a reply
    // sent before the request arrived. In that case *error (when given) says why, translated.
    static std::optional<Reply> parseReply(const QByteArray &datagram, const QByteArray &request,
                                           QString *error = nullptr);
    // Offset of the server clock against the local one: ((T2 - T1) + (T3 - T4)) / 2.
    static double offsetMs(qint64 t1, const Reply &reply, qint64 t4);
    // A server (mode 4) reply to a client request, for test servers.
    static QByteArray reply(const QByteArray &request, qint64 receiveMs, qint64 transmitMs, int stratum = 2);

    static quint64 toNtp(qint64 msSinceEpoch);
    static qint64 fromNtp(quint64 ntp);
};
