#pragma once

#include "core/catalog/vocabulary.h"

#include <QList>
#include <QString>
#include <QStringList>

// One thing to check: a destination and what to do with it. Built by TestPlanner from the
// catalog, once per concrete destination however many flows need it: its result is attributed
// to every flow it serves. A target with a skip reason is reported as skipped and sends nothing.
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
        DnsTcp, // TCP, then a DNS query over it (RFC 7766)
        Wildcard, // "*.domain": not directly testable
        None, // nothing to test (no address)
    };

    // A flow the target serves, and the endpoint of the flow that produced it: an index into
    // Flow::endpoints (a wildcard's member targets carry the wildcard's index), or -1 for
    // site-profile targets and flows without endpoints.
    struct FlowRef
    {
        QString flow;
        int endpoint = -1;

        bool operator==(const FlowRef &other) const
        {
            return flow == other.flow && endpoint == other.endpoint;
        }
    };

    QList<FlowRef> flows; // in plan order, each pair once
    QString endpoint; // as shown to the user
    QString host; // host name or address literal
    int port = 0;
    Transport transport = Transport::Tcp;
    QString protocol; // from the catalog: "HTTPS", "NTP", ...
    QString path; // HTTP request path, "/" by default
    Kind kind = Kind::Tcp;
    SiteKey siteKey = SiteKey::None; // set when the host comes from the site profile
    QStringList members; // for wildcards: the concrete catalog hosts it covers
    QString skipReason; // translated; non-empty: do not test
    bool required = false; // serves at least one required flow

    // The ids of the flows it serves, each once, in order.
    QStringList flowIds() const;
    bool serves(const QString &flowId) const;
    // Adds a flow reference unless already there.
    void addFlow(const QString &flowId, int endpoint);
    QString transportName() const { return Vocabulary::name(transport); }

    bool isSkipped() const { return !skipReason.isEmpty(); }
    bool usesTls() const { return kind == Kind::Tls || kind == Kind::Https; }
    bool usesHttp() const { return kind == Kind::Http || kind == Kind::Https; }
    bool isUdp() const { return kind == Kind::Ntp || kind == Kind::SyslogUdp || kind == Kind::Dns; }
    // Targets with the same key send the same packets (or, skipped, say the same thing about
    // the same destination): the planner merges them and the tester checks them once.
    QString dedupKey() const;

    static QString kindName(Kind kind); // "tcp", "tls", "http", "https", "ntp", "syslog-udp", ...
};
