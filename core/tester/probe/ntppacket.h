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

    // Why a datagram from the server gives no time.
    enum class Rejection {
        None,
        NotOurs, // a reply to another request (another originate timestamp): ignored
        Unsynchronised, // leap indicator 3, stratum 0 (kiss-o'-death) or above 15
        Invalid, // not a valid server reply: too short, not mode 4, an unknown version, a zero
                 // timestamp, sent before the request arrived
    };

    // Above this clock offset a check that passes warns: agents need the right time for
    // certificates and event times.
    static constexpr int OffsetWarningMs = 1000;

    // A client (mode 3) request stamped with transmitMs; the reply must echo the stamp.
    static QByteArray request(qint64 transmitMs);
    // Parses the server's reply to request(transmitMs). Nothing when the datagram gives no time;
    // then *rejection says which kind (above) and *error (except for NotOurs) why, translated.
    static std::optional<Reply> parseReply(const QByteArray &datagram, const QByteArray &request,
                                           QString *error = nullptr, Rejection *rejection = nullptr);
    // Offset of the server clock against the local one: ((T2 - T1) + (T3 - T4)) / 2.
    static double offsetMs(qint64 t1, const Reply &reply, qint64 t4);
    // A server (mode 4) reply to a client request, for test servers.
    static QByteArray reply(const QByteArray &request, qint64 receiveMs, qint64 transmitMs, int stratum = 2);

    static quint64 toNtp(qint64 msSinceEpoch);
    static qint64 fromNtp(quint64 ntp);
};
