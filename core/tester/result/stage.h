#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// The steps a check goes through, and the one table that says what each is called: its stable
// name (JSON, JUnit, scripts), its translated label, and what it means when the exchange stalls
// there. Adding a stage touches this pair, the probe that runs it and the pipeline that orders
// the probes (CheckPipeline).
class Stage
{
    Q_DECLARE_TR_FUNCTIONS(Stage)

public:
    enum Id {
        Dns, // name resolution of the destination
        Proxy, // TCP connection to the proxy
        Tunnel, // CONNECT through the proxy
        Tcp, // TCP connection to the destination
        Tls, // TLS handshake and certificate validation
        Http, // HTTP request
        DnsQuery, // a DNS query to a DNS server (over UDP or TCP)
        Ntp, // an NTP query
        UdpSend, // a datagram sent (syslog)
    };

    static QList<Id> all();
    static QString name(Id stage); // "dns", "proxy", "tunnel", ...
    static std::optional<Id> fromName(const QString &name);
    // "Name resolution", "TLS handshake", ...; an unknown name (a newer report) as it is.
    static QString label(Id stage);
    static QString label(const QString &name);
    // Whether the stage runs after a TCP connection was made, so that a timeout there means the
    // port is open but the exchange stalled.
    static bool isAfterConnect(Id stage);
    // For a stalled check: what stalled and its likely causes ("TCP 443 to host is open, but the
    // TLS handshake stalled: ..."). An unknown stage name gets the general text.
    static QString stalledHint(const QString &stageName, const QString &host, int port,
                               const QString &transport);
};
