#pragma once

#include "core/triage/logevent.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>

#include <array>
#include <optional>

// Reads one log line (without its line break) as iptables/nftables LOG kernel output, a squid
// native access.log line, an AWS VPC Flow Logs version 2 record, a Windows Firewall pfirewall.log
// record (W3C fields, from the file's "#Fields:" header or the default field list) or a plain
// line holding a host, address, address:port or URL. Works on bytes: no allocation, no
// regular expression; anything it cannot read is Unrecognised, never an error.
class LogLineParser
{
    Q_DECLARE_TR_FUNCTIONS(LogLineParser)

public:
    enum class Result {
        Event, // event holds what the line says
        Skipped, // blank line, comment or header
        Unrecognised,
    };

    LogLineParser();

    Result parse(QByteArrayView line, LogEvent &event);

    // The line's time in milliseconds since the epoch (UTC; local times are taken as written),
    // or -1. Syslog times carry no year: defaultYear is used.
    static qint64 timeOf(const LogEvent &event, int defaultYear);
    static QString formatName(LogFormat format); // "iptables", "squid", "aws-vpc", ...
    static QString formatLabel(LogFormat format); // translated

private:
    enum Field {
        Date,
        Time,
        Action,
        Protocol,
        SourceIp,
        DestinationIp,
        SourcePort,
        DestinationPort,
        FieldCount
    };

    bool parseIptables(QByteArrayView line, LogEvent &event);
    bool parseSquid(QByteArrayView line, LogEvent &event);
    bool parseVpc(QByteArrayView line, LogEvent &event);
    bool parseWindowsFirewall(QByteArrayView line, LogEvent &event);
    bool parsePlain(QByteArrayView line, LogEvent &event);
    void parseFieldsHeader(QByteArrayView fields);
    // An address or a host name (a host name needs a dot when dotRequired).
    bool setAddress(LogAddress &address, QByteArrayView text, int buffer, bool dotRequired = false);

    std::array<int, FieldCount> m_fields; // W3C field positions of pfirewall.log
    int m_fieldCount = 0;
    char m_hostBuffer[2][256];
};
