#pragma once

#include "core/tester/plan/proxysettings.h"
#include "core/tester/probe/trustanchors.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QSslCertificate>

#include <optional>
#include <variant>

// How ConnectivityTester runs its checks.
class TesterOptions
{
    Q_DECLARE_TR_FUNCTIONS(TesterOptions)

public:
    struct DnsServer
    {
        QHostAddress address;
        quint16 port = 53;
    };

    int stageTimeoutMs = 5000; // per stage: resolve, connect, TLS, HTTP, NTP
    int concurrency = 32; // checks in flight at once
    // Host name (lower case) -> addresses, used before any DNS query ("--resolve HOST:ADDR").
    QHash<QString, QList<QHostAddress>> resolveOverrides;
    std::optional<DnsServer> dnsServer; // unset: the system resolver
    QList<QSslCertificate> extraCaCertificates; // trusted in addition to the system's
    // The public roots (TrustAnchors): a chain through any other root of the system store is
    // reported tls-intercepted. An empty or missing directory turns that judgement off.
    QString publicRootsDirectory = TrustAnchors::defaultPublicRootsDirectory();
    ProxySettings proxy;
    // Refuse every destination (and DNS server, proxy) outside 127.0.0.0/8 and ::1 and never ask
    // the system resolver: the safety net of the tests and the benchmark.
    bool allowOnlyLoopback = false;
    // How long a UDP send without a reply (syslog) waits for an ICMP "port unreachable".
    int udpRefusalWaitMs = 500;

    // "HOST:ADDR" (ADDR may be an IPv6 address, optionally in brackets). Adds to
    // resolveOverrides; returns a translated error and changes nothing on bad input.
    std::optional<QString> addResolveOverride(const QString &mapping);
    // "ADDR" or "ADDR:PORT" or "[IPV6]:PORT".
    static std::variant<DnsServer, QString> parseDnsServer(const QString &text);
    // The largest CA file addCaFile() reads (a system bundle is about 200 KiB).
    static constexpr qint64 MaxCaFileSize = 4 * 1024 * 1024;

    // Reads PEM certificates; a translated error when the file has none, cannot be read or is
    // larger than MaxCaFileSize (pipes and devices included).
    std::optional<QString> addCaFile(const QString &fileName);

    static bool isLoopback(const QHostAddress &address);
};
