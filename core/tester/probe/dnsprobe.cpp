#include "dnsprobe.h"

#include <QRandomGenerator>
#include <QSslSocket>

namespace {
constexpr int MaxTcpMessage = 2 + 65535; // the length prefix bounds a DNS message over TCP
}

DnsProbe::DnsProbe(Transport transport, ProbeContext *context, QObject *parent)
    : Probe(Stage::DnsQuery, context, parent)
    , m_transport(transport)
{ }

void DnsProbe::start()
{
    if (m_transport == Transport::Udp) {
        const QHostAddress address = context().addresses.first();
        result().connectedAddress = address.toString();
        m_dns = new DnsClient(this);
        connect(m_dns, &DnsClient::finished, this,
                [this](const QList<QHostAddress> &, DnsClient::Error error, int rcode) {
                    onAnswer(error, rcode);
                });
        m_dns->probe(address, quint16(target().port));
        return;
    }
    QSslSocket *socket = context().socket;
    connect(socket, &QSslSocket::readyRead, this, [this] { onTcpData(false); });
    connect(socket, &QSslSocket::errorOccurred, this, [this] { onTcpData(true); });
    m_tcpQuery = DnsClient::tcpProbeQuery(quint16(QRandomGenerator::global()->generate()));
    socket->write(m_tcpQuery);
}

void DnsProbe::stop()
{
    if (m_transport == Transport::Tcp)
        context().socket->disconnect(this);
    if (m_dns) {
        m_dns->disconnect(this);
        m_dns->deleteLater();
        m_dns = nullptr;
    }
}

void DnsProbe::onTcpData(bool closed)
{
    if (isFinished())
        return;
    m_buffer.append(context().socket->read(MaxTcpMessage - m_buffer.size()));
    // A message is its two-byte length, then that many bytes.
    const int length = m_buffer.size() >= 2 ? (quint8(m_buffer.at(0)) << 8 | quint8(m_buffer.at(1))) : -1;
    // A reply starts with the query's id: anything else (a banner, an HTTP answer) is told at
    // once instead of waiting for a length it never meant.
    const bool otherId = m_buffer.size() >= 4 && m_buffer.mid(2, 2) != m_tcpQuery.mid(2, 2);
    if (!otherId && (length < 0 || m_buffer.size() < 2 + length)) {
        if (closed)
            fail(Verdict::DnsFailed,
                 tr("TCP connected, then the connection closed without a complete DNS reply (%n bytes)",
                    nullptr, int(m_buffer.size())));
        return;
    }
    const auto reply =
            otherId ? std::nullopt : DnsClient::parseReply(m_buffer.mid(2, length), m_tcpQuery.mid(2));
    if (!reply) {
        fail(Verdict::DnsFailed,
             tr("What answers on TCP port %1 sent something that is not a reply to the DNS query")
                     .arg(target().port));
        return;
    }
    onAnswer(DnsClient::probeError(*reply), reply->rcode);
}

void DnsProbe::onAnswer(DnsClient::Error error, int rcode)
{
    switch (error) {
    case DnsClient::Error::Unreachable:
        fail(Verdict::Refused,
             tr("Nothing answers DNS on port %1 (ICMP port unreachable)").arg(target().port));
        return;
    case DnsClient::Error::Refused:
        fail(Verdict::DnsFailed,
             tr("The DNS server answered REFUSED (response code %1): it does not answer queries from this "
                "machine")
                     .arg(rcode));
        return;
    case DnsClient::Error::ServerFailure:
        if (rcode < 0)
            break;
        fail(Verdict::DnsFailed,
             tr("The DNS server answered SERVFAIL (response code %1): it cannot resolve names now")
                     .arg(rcode));
        return;
    case DnsClient::Error::Truncated:
        // The server answers; only large answers would need TCP.
        pass(tr("The DNS server answered (response code %1) with a truncated reply, and DNS over TCP port %2 "
                "failed: large answers need it")
                     .arg(rcode)
                     .arg(target().port));
        return;
    case DnsClient::Error::None:
    case DnsClient::Error::NoSuchName:
    case DnsClient::Error::NoAddress:
        if (rcode < 0)
            break;
        pass(tr("The DNS server answered (response code %1)").arg(rcode));
        return;
    }
    fail(Verdict::Refused, tr("No DNS reply"));
}

void DnsProbe::timeOut()
{
    if (isFinished())
        return;
    if (m_transport == Transport::Tcp) {
        // TCP connected: the port is open. The server (or something on the way) stalled.
        fail(Verdict::Stalled, tr("TCP connected, then no DNS reply within %1 s").arg(waitedText()));
        return;
    }
    if (m_dns && m_dns->rejectedReplies() > 0)
        fail(Verdict::Timeout,
             tr("No valid DNS reply within %1 s (%n malformed or unrelated replies ignored)", nullptr,
                m_dns->rejectedReplies())
                     .arg(waitedText()));
    else
        fail(Verdict::Timeout, tr("No DNS reply within %1 s").arg(waitedText()));
}
