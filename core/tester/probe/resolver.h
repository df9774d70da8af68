#pragma once

#include "core/tester/probe/dnsclient.h"
#include "core/tester/probe/probe.h"

#include <optional>

// Resolves a host name: an address literal as it is, then --resolve, then the DNS server given
// with --dns-server (CNAME chains and truncation reported), then the system resolver. In
// loopback-only mode every address outside loopback is refused. As the "dns" stage it resolves
// the destination and records what it found; TcpProbe also uses one for the proxy's name.
class Resolver final : public Probe
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Resolver)

public:
    enum class Use { Destination, Proxy };

    Resolver(const QString &host, Use use, ProbeContext *context, QObject *parent = nullptr);
    ~Resolver() override;

    void start() override;
    void timeOut() override;

    QList<QHostAddress> addresses() const { return m_addresses; }

protected:
    void stop() override;

private:
    std::optional<QString> refuseNonLoopback(const QList<QHostAddress> &addresses) const;
    void resolved(const QList<QHostAddress> &addresses, const QString &detail);
    void askDnsServer(const TesterOptions::DnsServer &server);
    void onDnsFinished(const QList<QHostAddress> &addresses, DnsClient::Error error);

    QString m_host;
    Use m_use;
    QList<QHostAddress> m_addresses;
    DnsClient *m_dns = nullptr;
    int m_hostLookupId = -1;
};
