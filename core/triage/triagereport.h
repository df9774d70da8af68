#pragma once

#include "core/catalog/catalog.h"
#include "core/triage/logevent.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <array>

// What a log triage found: the flows the log's lines hit, the lines that reach a catalog
// address or host on a port no flow uses there, and counts of everything else. A plain value
// type: the CLI prints it, the GUI model shows it.
struct TriageReport
{
    struct FlowHit
    {
        int flow = -1; // index into Catalog::flows
        qint64 lines = 0;
        qint64 firstSeen = -1; // ms since the epoch, -1 when the format gives no time
        qint64 lastSeen = -1;
        QStringList endpoints; // the catalog endpoints the lines reached, in order of discovery
        QStringList samples; // the first lines, cleaned of control characters
    };

    // "right address, wrong port": a catalog address or host reached on a port and protocol
    // that none of its flows uses.
    struct PortMismatch
    {
        QString address; // as the log writes it
        QString endpoint; // the catalog endpoint that covers it
        int port = 0; // 0: not given
        QString protocol; // "TCP", "UDP", "ICMP", "proto 47", or empty: not given
        QList<int> flows; // the flows that use the endpoint
        QList<PortSpec> ports; // the ports those flows use there
        qint64 lines = 0;
        qint64 firstSeen = -1;
        qint64 lastSeen = -1;
        QStringList samples;
    };

    qint64 totalLines = 0;
    qint64 matchedLines = 0; // hit at least one flow
    qint64 mismatchedLines = 0; // catalog address or host, no flow on that port
    qint64 unrelatedLines = 0; // recognised, nothing of the catalog
    qint64 unrecognisedLines = 0; // including over-long and binary lines
    qint64 skippedLines = 0; // blank lines, comments and headers
    qint64 overlongLines = 0; // longer than the limit: skipped unread
    qint64 binaryLines = 0; // holding NUL bytes
    std::array<qint64, 5> formatLines{}; // recognised lines per LogFormat
    QStringList unrecognisedSamples;
    QList<FlowHit> flows; // in catalog order
    QList<PortMismatch> mismatches; // in order of discovery
    qint64 otherMismatchLines = 0; // mismatches beyond the distinct ones kept

    qint64 recognisedLines() const { return matchedLines + mismatchedLines + unrelatedLines; }
    // The ids of the flows hit, in catalog order.
    QStringList flowIds(const Catalog &catalog) const;
    // "2024-01-05T12:34:56Z", or empty for -1.
    static QString timeText(qint64 msecs);
};
