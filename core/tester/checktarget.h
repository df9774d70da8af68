#pragma once

#include <QString>
#include <QStringList>

// One thing to check: a destination and what to do with it. Built by TestPlanner from the
// catalog; a target with a skip reason is reported as skipped and sends nothing.
struct CheckTarget
{
    enum class Kind {
        Tcp, // TCP connect only
        Tls, // TCP, then a TLS handshake
        Http, // TCP, then an HTTP request
        Https, // TCP, TLS, then an HTTP request
        Ntp, // an NTP client query over UDP
        SyslogUdp, // a syslog message over UDP
        Dns, // a DNS query to a DNS server over UDP
        Wildcard, // "*.domain": not directly testable
        None, // nothing to test (no address)
    };

    QString entryId;
    // Index of the catalog endpoint within the entry that produced the target (a wildcard's
    // member targets carry the wildcard's index); -1 for site-profile targets and entries
    // without endpoints.
    int catalogEndpoint = -1;
    QString endpoint; // as shown to the user
    QString host; // host name or address literal
    int port = 0;
    QString transport; // "tcp" or "udp"
    QString protocol; // from the catalog: "HTTPS", "NTP", ...
    QString path; // HTTP request path, "/" by default
    Kind kind = Kind::Tcp;
    QString siteKey; // set when the host comes from the site profile
    QStringList members; // for wildcards: the concrete catalog hosts it covers
    QString skipReason; // translated; non-empty: do not test

    bool isSkipped() const { return !skipReason.isEmpty(); }
    bool usesTls() const { return kind == Kind::Tls || kind == Kind::Https; }
    bool usesHttp() const { return kind == Kind::Http || kind == Kind::Https; }
    bool isUdp() const { return kind == Kind::Ntp || kind == Kind::SyslogUdp || kind == Kind::Dns; }
    // Targets with the same key send the same packets: the tester checks them once.
    QString dedupKey() const;

    static QString kindName(Kind kind); // "tcp", "tls", "http", "https", "ntp", "syslog-udp", ...
};
