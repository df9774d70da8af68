#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>

class QUdpSocket;

// A minimal asynchronous DNS client over UDP for a given server and port (QDnsLookup in Qt 6.4
// cannot use another port than 53). Asks for A and AAAA records, or sends a single probe query.
// The caller bounds the time; destroying the client cancels it.
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
        Unreachable, // ICMP port unreachable: nothing listens
    };

    explicit DnsClient(QObject *parent = nullptr);

    // Asks server:port for the addresses of name.
    void lookup(const QString &name, const QHostAddress &server, quint16 port);
    // Sends one query ("." NS) and reports any reply: proves that a DNS server answers.
    void probe(const QHostAddress &server, quint16 port);

    static QByteArray query(quint16 id, const QString &name, quint16 type);
    // Parses a reply; fills addresses with the A/AAAA answers. Returns the RCODE, or -1.
    static int parseReply(const QByteArray &reply, quint16 id, QList<QHostAddress> &addresses);

signals:
    // addresses found (lookup), or error; rcode is the server's response code (-1 without reply).
    void finished(const QList<QHostAddress> &addresses, DnsClient::Error error, int rcode);

private:
    void send(const QHostAddress &server, quint16 port, const QList<QByteArray> &queries);
    void readReplies();
    void finish(Error error, int rcode);

    QUdpSocket *m_socket = nullptr;
    QList<quint16> m_pendingIds;
    QList<QHostAddress> m_addresses;
    int m_lastRcode = -1;
    bool m_probe = false;
    bool m_done = false;
};
