#pragma once

#include "core/tester/probe/dnsclient.h"
#include "core/tester/probe/probe.h"

#include <QByteArray>

// A real query to a DNS server: over UDP with DnsClient (truncated replies asked again over
// TCP), or over the check's TCP connection for 53/TCP (RFC 7766 length framing). Any reply to
// the query means the server answers; REFUSED and SERVFAIL mean it does not resolve for us.
class DnsProbe final : public Probe
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DnsProbe)

public:
    enum class Transport { Udp, Tcp };

    DnsProbe(Transport transport, ProbeContext *context, QObject *parent = nullptr);

    void start() override;
    void timeOut() override;

protected:
    void stop() override;

private:
    void onAnswer(DnsClient::Error error, int rcode);
    void onTcpData(bool closed);

    Transport m_transport;
    DnsClient *m_dns = nullptr;
    QByteArray m_buffer;
    QByteArray m_tcpQuery; // with its length prefix
};
