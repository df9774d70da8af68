#pragma once

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QTimer>

#include <optional>

class QTcpSocket;
class QUdpSocket;

// A minimal asynchronous DNS client for a given server and port (QDnsLookup in Qt 6.4 cannot
// use another port than 53). Asks for A and AAAA records, or sends a single probe query, over
// UDP; a truncated UDP reply is asked again over TCP (RFC 7766), as a resolver does. The caller
// bounds the time; destroying the client cancels it.
//
// Replies are untrusted: a datagram counts only when it is a well-formed reply to a pending
// query (same id and question, every record inside the datagram, no compression loop);
// nothing of a rejected datagram is used. At most MaxAddresses addresses are kept, and at most
// MaxDatagramsPerTurn datagrams are read before the event loop runs again, so a flood of
// replies neither grows memory nor starves the caller's timers.
class DnsClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DnsClient)

public:
    enum class Error {
        None,
        NoSuchName, // NXDOMAIN
        NoAddress, // the name exists but has no A/AAAA record
        ServerFailure, // SERVFAIL or another error code
        Refused, // the server answered REFUSED
        Truncated, // the reply had the TC flag and asking again over TCP failed
        Unreachable, // ICMP port unreachable: nothing listens
    };

    static constexpr int MaxAddresses = 64;
    static constexpr int MaxDatagramsPerTurn = 16;

    // A well-formed reply to one query.
    struct Reply
    {
        int rcode = 0;
        bool truncated = false; // TC: the server had more to say than fits
        // A/AAAA answers for the asked name (or a CNAME of it), at most MaxAddresses.
        QList<QHostAddress> addresses;
        // The names the asked name is an alias of, in chain order (CNAME targets).
        QStringList cnames;
    };

    explicit DnsClient(QObject *parent = nullptr);

    // Asks server:port for the addresses of name.
    void lookup(const QString &name, const QHostAddress &server, quint16 port);
    // Sends one query ("." NS) and reports the reply: proves that a DNS server answers. A
    // REFUSED or SERVFAIL answer is reported as Refused or ServerFailure, a truncated one as
    // Truncated (with its rcode).
    void probe(const QHostAddress &server, quint16 port);

    // The alias targets of the looked-up name, in chain order (CNAME records); empty when the
    // name is no alias.
    QStringList cnameChain() const { return m_cnameChain; }
    // Whether a truncated UDP reply was asked again over TCP.
    bool retriedOverTcp() const { return m_tcp != nullptr; }

    // The outcome of a probe reply: Refused, ServerFailure, Truncated or None.
    static Error probeError(const Reply &reply);

    // Datagrams received that were no valid reply to a pending query (malformed, other id or
    // question), since the last lookup() or probe().
    int rejectedReplies() const { return m_rejected; }

    static QByteArray query(quint16 id, const QString &name, quint16 type);
    // The probe's query ("." NS) with its two-byte length prefix, as sent over TCP.
    static QByteArray tcpProbeQuery(quint16 id);
    // Parses a reply to query; nothing when the datagram is not a well-formed reply to it.
    static std::optional<Reply> parseReply(const QByteArray &reply, const QByteArray &query);

signals:
    // addresses found (lookup), or error; rcode is the server's response code (-1 without reply).
    void finished(const QList<QHostAddress> &addresses, DnsClient::Error error, int rcode);

private:
    void send(const QHostAddress &server, quint16 port);
    void readReplies();
    void handleDatagram(const QByteArray &datagram, bool overTcp = false);
    void retryOverTcp(quint16 id);
    void finishLookupWhenAnswered();
    void readTcp();
    void finish(Error error, int rcode);

    QUdpSocket *m_socket = nullptr;
    QTcpSocket *m_tcp = nullptr; // made for the first truncated reply
    QByteArray m_tcpBuffer;
    QList<QByteArray> m_tcpQueue; // queries waiting for the TCP connection
    QHostAddress m_server;
    quint16 m_port = 0;
    QStringList m_cnameChain;
    QSet<quint16> m_overTcp; // ids asked again over TCP
    QTimer m_readAgain; // continues reading after the event loop has run
    QHash<quint16, QByteArray> m_pending; // id -> the query sent
    QList<QHostAddress> m_addresses;
    int m_lastRcode = -1;
    int m_rejected = 0;
    bool m_truncated = false;
    bool m_probe = false;
    bool m_done = false;
};
