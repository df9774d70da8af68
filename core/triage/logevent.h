#pragma once

#include "core/catalog/vocabulary.h"

#include <QByteArrayView>
#include <QHostAddress>

// The log formats triage recognises, one line at a time.
enum class LogFormat { Plain, Iptables, Squid, AwsVpcFlow, WindowsFirewall };

// One side of a logged connection: an address or a host name. Views point into the line (or
// into the parser's buffer for a lower-cased host) and are valid until the next line.
struct LogAddress
{
    enum class Kind { None, IPv4, IPv6, Host };
    Kind kind = Kind::None;
    quint32 ipv4 = 0;
    Q_IPV6ADDR ipv6{};
    QByteArrayView text; // as written in the line, for reports
    QByteArrayView host; // Kind::Host: lower case, no trailing dot
};

// What one recognised log line says, in a form the endpoint index can answer without parsing
// again. The time stays text until a line matches (most lines do not).
struct LogEvent
{
    enum class TimeKind { None, Syslog, Iso, EpochSeconds, DateAndTime };
    enum Protocol { AnyProtocol = 0, Icmp = 1, Tcp = 6, Udp = 17 };

    LogFormat format = LogFormat::Plain;
    LogAddress destination;
    LogAddress source; // the initiator, when the format gives it
    int destinationPort = 0; // 0: not given
    int sourcePort = 0;
    int protocol = AnyProtocol; // IANA protocol number; AnyProtocol when the line does not say
    TimeKind timeKind = TimeKind::None;
    QByteArrayView time; // "Jan  5 12:34:56", "2024-01-05T12:34:56Z", "1704454496.123", "2024-01-05"
    QByteArrayView timeOfDay; // DateAndTime: "12:34:56"
};
