#pragma once

#include "core/triage/endpointindex.h"
#include "core/triage/loglineparser.h"
#include "core/triage/triagereport.h"

#include "core/catalog/catalog.h"
#include "core/catalog/flowfilter.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QStringList>

#include <optional>

class QIODevice;

struct TriageOptions
{
    QStringList roles; // only flows in which one of these takes part
    int samples = 3; // sample lines kept per flow and per mismatch
    int unrecognisedSamples = 5;
    int maxLineLength = 64 * 1024; // longer lines are skipped unread and counted
    int maxMismatches = 1000; // distinct mismatches kept; further ones only counted
    int syslogYear = QDate::currentDate().year(); // syslog times carry no year
};

// A read error, with the device (file name) it happened on.
struct TriageError
{
    QString source;
    QString message;
};

// Matches log lines to the catalog's flows, port- and protocol-aware, through an EndpointIndex
// built once. Streams: feed it devices, chunks or lines, in any sizes; memory stays bounded by
// the catalog and the options, whatever the input (over-long lines are skipped, not buffered).
//
// A line hits a flow when its destination (with the destination port) is one of the flow's
// endpoints on one of the ports that endpoint uses; else when its source is (with the
// destination port: a connection from the catalog side, e.g. Workload Security -> agent 4118;
// or the source port: a reply). A line whose address is in the catalog but on no port that
// endpoint uses is a mismatch.
class LogTriage
{
    Q_DECLARE_TR_FUNCTIONS(LogTriage)

public:
    explicit LogTriage(const Catalog &catalog, const TriageOptions &options = {});

    // Reads the device to its end in fixed-size chunks; an error when it cannot be read.
    std::optional<TriageError> addDevice(QIODevice *device, const QString &source);
    // Any piece of input; lines may span pieces. finish() processes a last line without a break.
    void addData(QByteArrayView data);
    void finish();
    // One line without its line break.
    void addLine(QByteArrayView line);

    const TriageReport &report() const { return m_report; }
    const Catalog &catalog() const { return m_catalog; }
    const EndpointIndex &index() const { return m_index; }
    // Exactly the flows hit, as an export scope (FlowFilter::flowIds), with the roles.
    FlowFilter exportScope() const;

    // A line as a report shows it: at most 300 characters, control characters replaced.
    static QString sampleText(QByteArrayView line);

private:
    enum class Outcome { Unrelated, Hit, Mismatch };
    Outcome match(const LogAddress &address, int port, int protocol);
    void recordHit(const LogEvent &event, QByteArrayView line);
    void recordMismatch(const LogEvent &event, const LogAddress &address, int port, QByteArrayView line);
    static void widen(qint64 time, qint64 &first, qint64 &last);

    const Catalog &m_catalog;
    TriageOptions m_options;
    EndpointIndex m_index;
    LogLineParser m_parser;
    LogEvent m_event;
    EndpointIndex::Hits m_found; // entries covering the address
    EndpointIndex::Hits m_selected; // of those, the ones on the port
    QList<int> m_flowSlot; // flow index -> position in m_report.flows, or -1
    QList<bool> m_entrySeen; // index entry -> already listed in its flow's endpoints
    QHash<quint64, int> m_mismatchSlot; // (entry, port, protocol) -> position in mismatches
    QByteArray m_pending; // the start of a line that continues in the next piece
    bool m_skipping = false; // inside an over-long line
    TriageReport m_report;
};
