#include "logtriage.h"

#include "core/catalog/catalogtext.h"

#include <QIODevice>

#include <algorithm>
#include <cstring>

namespace {
constexpr qsizetype chunkSize = 1 << 20;

std::optional<Transport> transportOf(int protocol)
{
    if (protocol == LogEvent::Tcp)
        return Transport::Tcp;
    if (protocol == LogEvent::Udp)
        return Transport::Udp;
    return std::nullopt;
}

QString protocolText(int protocol)
{
    switch (protocol) {
    case LogEvent::AnyProtocol:
        return {};
    case LogEvent::Tcp:
        return QStringLiteral("TCP");
    case LogEvent::Udp:
        return QStringLiteral("UDP");
    case LogEvent::Icmp:
        return QStringLiteral("ICMP");
    default:
        return LogTriage::tr("protocol %1").arg(protocol);
    }
}
} // namespace

LogTriage::LogTriage(const Catalog &catalog, const TriageOptions &options)
    : m_catalog(catalog)
    , m_options(options)
    , m_index(catalog, options.roles)
    , m_flowSlot(catalog.flows.size(), -1)
    , m_entrySeen(m_index.entries().size(), false)
{
    m_pending.reserve(qMin(options.maxLineLength, 1 << 16));
}

std::optional<TriageError> LogTriage::addDevice(QIODevice *device, const QString &source)
{
    if (!device->isOpen() && !device->open(QIODevice::ReadOnly))
        return TriageError{source, device->errorString()};
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    while (true) {
        qint64 n = device->read(buffer.data(), chunkSize);
        if (n == 0 && !device->isSequential())
            break;
        if (n == 0 && device->isSequential()) {
            if (device->atEnd() && !device->waitForReadyRead(-1))
                break;
            continue;
        }
        if (n < 0) {
            if (device->atEnd())
                break;
            return TriageError{source, device->errorString()};
        }
        addData(QByteArrayView(buffer.constData(), n));
    }
    finish();
    return std::nullopt;
}

void LogTriage::addData(QByteArrayView data)
{
    const char *p = data.data();
    const char *end = p + data.size();
    while (p < end) {
        const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
        const char *lineEnd = nl ? nl : end;
        const qsizetype length = lineEnd - p;
        if (m_skipping) {
            // Over the limit already: drop bytes up to the line break.
        } else if (!nl || !m_pending.isEmpty()) {
            if (m_pending.size() + length > m_options.maxLineLength) {
                m_pending.clear();
                m_skipping = true;
            } else {
                m_pending.append(p, length);
            }
        }
        if (!nl)
            return;
        if (m_skipping) {
            m_skipping = false;
            ++m_report.totalLines;
            ++m_report.overlongLines;
            ++m_report.unrecognisedLines;
        } else if (!m_pending.isEmpty()) {
            addLine(m_pending);
            m_pending.clear();
        } else if (length > m_options.maxLineLength) {
            ++m_report.totalLines;
            ++m_report.overlongLines;
            ++m_report.unrecognisedLines;
        } else {
            addLine(QByteArrayView(p, length));
        }
        p = nl + 1;
    }
}

void LogTriage::finish()
{
    if (m_skipping) {
        ++m_report.totalLines;
        ++m_report.overlongLines;
        ++m_report.unrecognisedLines;
    } else if (!m_pending.isEmpty()) {
        addLine(m_pending);
    }
    m_pending.clear();
    m_skipping = false;
}

void LogTriage::addLine(QByteArrayView line)
{
    ++m_report.totalLines;
    if (!line.isEmpty() && line.back() == '\r')
        line.chop(1);
    if (line.size() > m_options.maxLineLength) {
        ++m_report.overlongLines;
        ++m_report.unrecognisedLines;
        return;
    }
    if (std::memchr(line.data(), '\0', size_t(line.size()))) {
        ++m_report.binaryLines;
        ++m_report.unrecognisedLines;
        if (m_report.unrecognisedSamples.size() < m_options.unrecognisedSamples)
            m_report.unrecognisedSamples.append(sampleText(line));
        return;
    }
    switch (m_parser.parse(line, m_event)) {
    case LogLineParser::Result::Skipped:
        ++m_report.skippedLines;
        return;
    case LogLineParser::Result::Unrecognised:
        ++m_report.unrecognisedLines;
        if (m_report.unrecognisedSamples.size() < m_options.unrecognisedSamples)
            m_report.unrecognisedSamples.append(sampleText(line));
        return;
    case LogLineParser::Result::Event:
        break;
    }
    ++m_report.formatLines[size_t(m_event.format)];
    const LogEvent &e = m_event;
    // The destination on its port; else the source: a connection from the catalog side to us
    // (Workload Security -> agent 4118) or a reply from a catalog address's port.
    const LogAddress *mismatched = nullptr;
    Outcome outcome = match(e.destination, e.destinationPort, e.protocol);
    if (outcome == Outcome::Mismatch)
        mismatched = &e.destination;
    if (outcome != Outcome::Hit && e.source.kind != LogAddress::Kind::None) {
        Outcome fromSource = match(e.source, e.destinationPort, e.protocol);
        if (fromSource == Outcome::Mismatch && e.sourcePort != 0) {
            if (match(e.source, e.sourcePort, e.protocol) == Outcome::Hit)
                fromSource = Outcome::Hit;
        }
        if (fromSource == Outcome::Hit) {
            outcome = Outcome::Hit;
        } else if (fromSource == Outcome::Mismatch && !mismatched) {
            outcome = Outcome::Mismatch;
            mismatched = &e.source;
        }
    }
    if (outcome == Outcome::Mismatch)
        match(*mismatched, e.destinationPort, e.protocol); // the entries for the report
    switch (outcome) {
    case Outcome::Unrelated:
        ++m_report.unrelatedLines;
        break;
    case Outcome::Hit:
        ++m_report.matchedLines;
        recordHit(e, line);
        break;
    case Outcome::Mismatch:
        ++m_report.mismatchedLines;
        recordMismatch(e, *mismatched, e.destinationPort, line);
        break;
    }
}

LogTriage::Outcome LogTriage::match(const LogAddress &address, int port, int protocol)
{
    m_found.clear();
    m_selected.clear();
    switch (address.kind) {
    case LogAddress::Kind::None:
        return Outcome::Unrelated;
    case LogAddress::Kind::IPv4:
        m_index.findIPv4(address.ipv4, m_found);
        break;
    case LogAddress::Kind::IPv6:
        m_index.findIPv6(address.ipv6, m_found);
        break;
    case LogAddress::Kind::Host:
        m_index.findHost(address.host, m_found);
        break;
    }
    if (m_found.isEmpty())
        return Outcome::Unrelated;
    // A protocol other than TCP and UDP (ICMP, GRE, ...) is on no flow's port.
    const bool portless = protocol != LogEvent::AnyProtocol && !transportOf(protocol);
    if (!portless) {
        for (const int entry : std::as_const(m_found)) {
            if (m_index.usesPort(entry, port, transportOf(protocol)))
                m_selected.append(entry);
        }
    }
    return m_selected.isEmpty() ? Outcome::Mismatch : Outcome::Hit;
}

void LogTriage::widen(qint64 time, qint64 &first, qint64 &last)
{
    if (time < 0)
        return;
    if (first < 0 || time < first)
        first = time;
    if (last < 0 || time > last)
        last = time;
}

void LogTriage::recordHit(const LogEvent &event, QByteArrayView line)
{
    const qint64 time = LogLineParser::timeOf(event, m_options.syslogYear);
    int previousFlow = -1;
    for (const int entry : std::as_const(m_selected)) {
        const EndpointIndex::Entry &e = m_index.entry(entry);
        const Flow &flow = m_catalog.flows.at(e.flow);
        if (m_flowSlot.at(e.flow) < 0) {
            // Keep the flows in catalog order: insert and shift the slots after it.
            const auto at =
                    std::lower_bound(m_report.flows.begin(), m_report.flows.end(), e.flow,
                                     [](const TriageReport::FlowHit &h, int f) { return h.flow < f; });
            const qsizetype position = at - m_report.flows.begin();
            TriageReport::FlowHit hit;
            hit.flow = e.flow;
            m_report.flows.insert(position, hit);
            for (qsizetype i = position; i < m_report.flows.size(); ++i)
                m_flowSlot[m_report.flows.at(i).flow] = int(i);
        }
        TriageReport::FlowHit &hit = m_report.flows[m_flowSlot.at(e.flow)];
        if (!m_entrySeen.at(entry)) {
            m_entrySeen[entry] = true;
            const QString &pattern = flow.endpoints.at(e.endpoint).value;
            if (!hit.endpoints.contains(pattern))
                hit.endpoints.append(pattern);
        }
        if (e.flow == previousFlow)
            continue; // one line counts once per flow
        previousFlow = e.flow;
        ++hit.lines;
        widen(time, hit.firstSeen, hit.lastSeen);
        if (hit.samples.size() < m_options.samples)
            hit.samples.append(sampleText(line));
    }
}

void LogTriage::recordMismatch(const LogEvent &event, const LogAddress &address, int port,
                               QByteArrayView line)
{
    const int first = m_found.at(0);
    const quint64 key = (quint64(first) << 32) | (quint64(port) << 8) | quint64(event.protocol & 0xff);
    auto slot = m_mismatchSlot.constFind(key);
    if (slot == m_mismatchSlot.cend()) {
        if (m_report.mismatches.size() >= m_options.maxMismatches) {
            ++m_report.otherMismatchLines;
            return;
        }
        TriageReport::PortMismatch mismatch;
        mismatch.address = sampleText(address.text);
        const EndpointIndex::Entry &e = m_index.entry(first);
        mismatch.endpoint = m_catalog.flows.at(e.flow).endpoints.at(e.endpoint).value;
        mismatch.port = port;
        mismatch.protocol = protocolText(event.protocol);
        for (const int entry : std::as_const(m_found)) {
            const EndpointIndex::Entry &other = m_index.entry(entry);
            if (!mismatch.flows.contains(other.flow))
                mismatch.flows.append(other.flow);
            for (const PortSpec &p : other.ports) {
                if (!mismatch.ports.contains(p))
                    mismatch.ports.append(p);
            }
        }
        slot = m_mismatchSlot.insert(key, int(m_report.mismatches.size()));
        m_report.mismatches.append(mismatch);
    }
    TriageReport::PortMismatch &mismatch = m_report.mismatches[*slot];
    ++mismatch.lines;
    widen(LogLineParser::timeOf(event, m_options.syslogYear), mismatch.firstSeen, mismatch.lastSeen);
    if (mismatch.samples.size() < m_options.samples)
        mismatch.samples.append(sampleText(line));
}

FlowFilter LogTriage::exportScope() const
{
    FlowFilter scope;
    scope.roles = m_options.roles;
    for (const TriageReport::FlowHit &hit : m_report.flows)
        scope.flowIds.insert(m_catalog.flows.at(hit.flow).id);
    // No flow hit: an id that no flow has, so that the export is empty rather than everything.
    if (scope.flowIds.isEmpty())
        scope.flowIds.insert(QString());
    return scope;
}

QString LogTriage::sampleText(QByteArrayView line)
{
    QString text = QString::fromUtf8(line.first(qMin<qsizetype>(line.size(), 1200)));
    if (text.size() > 300)
        text = text.left(299) + QChar(0x2026);
    for (QChar &c : text) {
        if (c == QLatin1Char('\t'))
            c = QLatin1Char(' ');
        else if (c.unicode() < 0x20 || c.unicode() == 0x7f || c.category() == QChar::Other_Format)
            c = QChar(QChar::ReplacementCharacter);
    }
    return text;
}
