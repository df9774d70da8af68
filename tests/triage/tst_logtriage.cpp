#include "core/catalog/catalogloader.h"
#include "core/triage/logtriage.h"

#include <QBuffer>
#include <QRandomGenerator>
#include <QTest>

// Log triage on tests/data/lookup/lookup.json: agent-web (80 + 443 to *.cloud.localhost,
// api.cloud.localhost, a URL, and 443-only static addresses 127.0.0.10 and 2001:db8::10), the
// subnet 127.0.1.0/24 that connects in to the agent (4118/TCP), the relay (4122/TCP) and a SIEM
// (514/UDP), log.localhost on 514/UDP and relay.localhost on 4122 with no stated transport.
class TestLogTriage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lines_data();
    void lines();
    void roles_data();
    void roles();
    void fieldsHeader();
    void aggregation();
    void mismatchReport();
    void chunkBoundaries();
    void hostileInput_data();
    void hostileInput();
    void overlongLineStreamed();
    void device();
    void times_data();
    void times();
    void indexPatterns();

private:
    // "hit:flow,flow", "mismatch", "unrelated", "unrecognised" or "skipped", and the format.
    QString outcome(const QByteArray &line, const QStringList &roles = {}, QString *format = nullptr) const;

    Catalog m_catalog;
};

void TestLogTriage::initTestCase()
{
    auto result = CatalogLoader::loadFile(QStringLiteral(PORTOLAN_TEST_DATA "/lookup/lookup.json"));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    m_catalog = *result.catalog;
}

QString TestLogTriage::outcome(const QByteArray &line, const QStringList &roles, QString *format) const
{
    TriageOptions options;
    options.roles = roles;
    LogTriage triage(m_catalog, options);
    triage.addLine(line);
    const TriageReport &r = triage.report();
    if (format) {
        format->clear();
        for (const LogFormat f : {LogFormat::Plain, LogFormat::Iptables, LogFormat::Squid,
                                  LogFormat::AwsVpcFlow, LogFormat::WindowsFirewall}) {
            if (r.formatLines[size_t(f)] > 0)
                *format = LogLineParser::formatName(f);
        }
    }
    if (r.totalLines != 1)
        return QStringLiteral("counted %1 lines").arg(r.totalLines);
    if (r.matchedLines == 1)
        return QStringLiteral("hit:") + r.flowIds(m_catalog).join(QLatin1Char(','));
    if (r.mismatchedLines == 1)
        return QStringLiteral("mismatch");
    if (r.unrelatedLines == 1)
        return QStringLiteral("unrelated");
    if (r.unrecognisedLines == 1)
        return QStringLiteral("unrecognised");
    if (r.skippedLines == 1)
        return QStringLiteral("skipped");
    return QStringLiteral("uncounted");
}

void TestLogTriage::lines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");
    const QByteArray kernel = "Jan  5 12:34:56 fw01 kernel: [1234567.891011] DROP IN= OUT=eth0 ";
    const QByteArray rest = " LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID=54321 DF";
    // iptables / nftables LOG
    QTest::addRow("iptables 443 to a static address") << kernel + "SRC=10.0.0.5 DST=127.0.0.10" + rest
                    + " PROTO=TCP SPT=51515 DPT=443 WINDOW=29200 SYN URGP=0"
                                                      << "iptables"
                                                      << "hit:agent-web";
    QTest::addRow("iptables 80 to a 443-only static address")
            << kernel + "SRC=10.0.0.5 DST=127.0.0.10" + rest + " PROTO=TCP SPT=51515 DPT=80 SYN URGP=0"
            << "iptables"
            << "mismatch";
    QTest::addRow("iptables ssh to a catalog address")
            << kernel + "SRC=10.0.0.5 DST=127.0.0.10" + rest + " PROTO=TCP SPT=51515 DPT=22 SYN URGP=0"
            << "iptables"
            << "mismatch";
    QTest::addRow("iptables ICMP to a catalog address")
            << kernel + "SRC=10.0.0.5 DST=127.0.0.10" + rest + " PROTO=ICMP TYPE=8 CODE=0 ID=1 SEQ=1"
            << "iptables"
            << "mismatch";
    QTest::addRow("iptables inbound 4118 from the subnet")
            << kernel + "SRC=127.0.1.7 DST=10.0.0.5" + rest + " PROTO=TCP SPT=40000 DPT=4118 SYN URGP=0"
            << "iptables"
            << "hit:cloud-agent-4118";
    QTest::addRow("iptables subnet, UDP 514: the syslog flow only")
            << kernel + "SRC=127.0.1.200 DST=10.0.0.5" + rest + " PROTO=UDP SPT=40000 DPT=514 LEN=100"
            << "iptables"
            << "hit:cloud-syslog";
    QTest::addRow("iptables subnet, TCP 514: no flow")
            << kernel + "SRC=127.0.1.200 DST=10.0.0.5" + rest + " PROTO=TCP SPT=40000 DPT=514 SYN URGP=0"
            << "iptables"
            << "mismatch";
    QTest::addRow("iptables just outside the subnet")
            << kernel + "SRC=127.0.2.0 DST=10.0.0.5" + rest + " PROTO=TCP SPT=40000 DPT=4118 SYN URGP=0"
            << "iptables"
            << "unrelated";
    QTest::addRow("iptables reply from a catalog port")
            << kernel + "SRC=127.0.0.10 DST=10.0.0.5" + rest + " PROTO=TCP SPT=443 DPT=51515 ACK URGP=0"
            << "iptables"
            << "hit:agent-web";
    QTest::addRow("iptables IPv6 static address") << kernel
                    + "SRC=2001:db8::5 DST=2001:db8::10 LEN=80 TC=0 HOPLIMIT=64 FLOWLBL=0 PROTO=TCP SPT=5000 "
                      "DPT=443 SYN"
                                                  << "iptables"
                                                  << "hit:agent-web";
    QTest::addRow("nftables ISO time")
            << QByteArray("2024-01-05T12:35:00.123456+01:00 fw01 kernel: nft-drop IN=eth0 OUT= SRC=127.0.1.7 "
                          "DST=10.0.0.5 LEN=60 PROTO=TCP SPT=40000 DPT=4122 SYN")
            << "iptables"
            << "hit:cloud-relay-4122";
    QTest::addRow("iptables unrelated")
            << kernel + "SRC=10.0.0.5 DST=192.0.2.1" + rest + " PROTO=TCP SPT=51515 DPT=443 SYN URGP=0"
            << "iptables"
            << "unrelated";
    // squid access.log, native format
    QTest::addRow("squid CONNECT exact host") << QByteArray(
            "1704454496.123    921 10.0.0.5 TCP_DENIED/403 3924 CONNECT api.cloud.localhost:443 - "
            "HIER_NONE/- text/html") << "squid"
                                              << "hit:agent-web";
    QTest::addRow("squid CONNECT wildcard, upper case") << QByteArray(
            "1704454496.123    921 10.0.0.5 TCP_DENIED/403 3924 CONNECT EU.Cloud.LocalHost:443 - "
            "HIER_NONE/- text/html") << "squid"
                                                        << "hit:agent-web";
    QTest::addRow("squid CONNECT apex not covered by the wildcard")
            << QByteArray("1704454496.123    921 10.0.0.5 TCP_DENIED/403 3924 CONNECT cloud.localhost:443 - "
                          "HIER_NONE/- text/html")
            << "squid"
            << "unrelated";
    QTest::addRow("squid http URL, port 80") << QByteArray(
            "1704454497.456     12 10.0.0.5 TCP_MISS/200 507 GET http://x.cloud.localhost/a.xml - "
            "HIER_DIRECT/127.0.0.1 text/xml") << "squid"
                                             << "hit:agent-web";
    QTest::addRow("squid CONNECT 443 to a UDP 514 host")
            << QByteArray("1704454496.123    921 10.0.0.5 TCP_DENIED/403 3924 CONNECT log.localhost:443 - "
                          "HIER_NONE/- text/html")
            << "squid"
            << "mismatch";
    QTest::addRow("squid CONNECT unstated transport")
            << QByteArray("1704454496.123      1 10.0.0.5 TCP_TUNNEL/200 39 CONNECT relay.localhost:4122 - "
                          "HIER_DIRECT/127.0.0.1 -")
            << "squid"
            << "hit:relay-cloud-4122";
    // AWS VPC Flow Logs, version 2 default format
    QTest::addRow("vpc inbound 4122")
            << QByteArray("2 123456789010 eni-1235b8ca123456789 127.0.1.7 10.0.0.5 40000 4122 6 20 4249 "
                          "1704454496 1704454556 REJECT OK")
            << "aws-vpc"
            << "hit:cloud-relay-4122";
    QTest::addRow("vpc outbound 443 to the IPv6 static address")
            << QByteArray("2 123456789010 eni-1235b8ca123456789 2001:db8::5 2001:db8::10 40000 443 6 20 4249 "
                          "1704454496 1704454556 REJECT OK")
            << "aws-vpc"
            << "hit:agent-web";
    QTest::addRow("vpc UDP to the static address")
            << QByteArray("2 123456789010 eni-1235b8ca123456789 10.0.0.5 127.0.0.10 40000 443 17 1 76 "
                          "1704454496 1704454556 REJECT OK")
            << "aws-vpc"
            << "mismatch";
    QTest::addRow("vpc NODATA") << QByteArray("2 123456789010 eni-1235b8ca123456789 - - - - - - - 1704454496 "
                                              "1704454556 - NODATA")
                                << "aws-vpc"
                                << "unrelated";
    // Windows Firewall, default field list
    QTest::addRow("pfirewall outbound 443") << QByteArray(
            "2024-01-05 12:36:00 DROP TCP 10.0.0.5 127.0.0.10 49152 443 60 S 1234567 0 8192 - - - SEND")
                                            << "windows-firewall"
                                            << "hit:agent-web";
    QTest::addRow("pfirewall inbound 514/udp") << QByteArray(
            "2024-01-05 12:36:00 DROP UDP 127.0.1.9 10.0.0.5 40001 514 120 - - - - - - - RECEIVE")
                                               << "windows-firewall"
                                               << "hit:cloud-syslog";
    QTest::addRow("pfirewall unrelated") << QByteArray(
            "2024-01-05 12:37:00 ALLOW TCP 10.0.0.5 192.0.2.1 49152 443 60 S 1 0 8192 - - - SEND")
                                         << "windows-firewall"
                                         << "unrelated";
    // plain values
    QTest::addRow("plain address:port") << QByteArray("127.0.0.10:443") << "plain"
                                        << "hit:agent-web";
    QTest::addRow("plain address:wrong port") << QByteArray("127.0.0.10:80") << "plain"
                                              << "mismatch";
    QTest::addRow("plain address, any port") << QByteArray("  127.0.0.10\r") << "plain"
                                             << "hit:agent-web";
    QTest::addRow("plain URL") << QByteArray("https://api.cloud.localhost/api/v1") << "plain"
                               << "hit:agent-web";
    QTest::addRow("plain deep wildcard") << QByteArray("a.b.cloud.localhost:80") << "plain"
                                         << "hit:agent-web";
    QTest::addRow("plain apex") << QByteArray("cloud.localhost") << "plain"
                                << "unrelated";
    QTest::addRow("plain leading transport") << QByteArray("udp 127.0.1.5:514") << "plain"
                                             << "hit:cloud-syslog";
    QTest::addRow("plain trailing port") << QByteArray("127.0.1.5 4118/tcp") << "plain"
                                         << "hit:cloud-agent-4118";
    QTest::addRow("plain port/transport") << QByteArray("relay.localhost:4122/udp") << "plain"
                                          << "hit:relay-cloud-4122";
    QTest::addRow("plain bracketed IPv6") << QByteArray("[2001:db8::10]:443") << "plain"
                                          << "hit:agent-web";
    QTest::addRow("plain IPv4-mapped IPv6") << QByteArray("::ffff:127.0.0.10") << "plain"
                                            << "hit:agent-web";
    QTest::addRow("plain trailing dot") << QByteArray("API.cloud.localhost.:443") << "plain"
                                        << "hit:agent-web";
    QTest::addRow("prose") << QByteArray("connection refused by peer after 3 retries") << ""
                           << "unrecognised";
    QTest::addRow("one word") << QByteArray("ERROR") << ""
                              << "unrecognised";
    QTest::addRow("leading zeros are no address") << QByteArray("127.000.000.010") << ""
                                                  << "unrecognised";
    QTest::addRow("port out of range") << QByteArray("127.0.0.10:70000") << ""
                                       << "unrecognised";
    QTest::addRow("blank") << QByteArray("   ") << ""
                           << "skipped";
    QTest::addRow("comment") << QByteArray("#Software: Microsoft Windows Firewall") << ""
                             << "skipped";
}

void TestLogTriage::lines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    QString seen;
    QCOMPARE(outcome(line, {}, &seen), expected);
    QCOMPARE(seen, format);
}

void TestLogTriage::roles_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<QString>("expected");
    const QByteArray in4118 = "127.0.1.7 4118/tcp";
    const QByteArray in4122 = "127.0.1.7 4122/tcp";
    QTest::addRow("4118, no role") << in4118 << QStringList() << "hit:cloud-agent-4118";
    QTest::addRow("4118, agent") << in4118 << QStringList{"agent"} << "hit:cloud-agent-4118";
    // The relay takes no part in 4118: for it the subnet is used on 4122 and 514 only.
    QTest::addRow("4118, relay") << in4118 << QStringList{"relay"} << "mismatch";
    QTest::addRow("4122, relay") << in4122 << QStringList{"relay"} << "hit:cloud-relay-4122";
    QTest::addRow("4122, agent") << in4122 << QStringList{"agent"} << "mismatch";
    QTest::addRow("log host, relay") << QByteArray("udp log.localhost:514") << QStringList{"relay"}
                                     << "unrelated";
}

void TestLogTriage::roles()
{
    QFETCH(QByteArray, line);
    QFETCH(QStringList, roles);
    QFETCH(QString, expected);
    QCOMPARE(outcome(line, roles), expected);
}

void TestLogTriage::fieldsHeader()
{
    LogTriage triage(m_catalog);
    // A reordered field list: the addresses are read where the header says.
    triage.addLine("#Fields: date time action protocol dst-ip src-ip dst-port src-port size path");
    triage.addLine("2024-01-05 12:36:00 DROP TCP 127.0.0.10 10.0.0.5 443 49152 60 SEND");
    triage.addLine("2024-01-05 12:36:01 DROP TCP 192.0.2.1 10.0.0.5 443 49152 60 SEND");
    const TriageReport &r = triage.report();
    QCOMPARE(r.skippedLines, 1);
    QCOMPARE(r.matchedLines, 1);
    QCOMPARE(r.flowIds(m_catalog), QStringList{"agent-web"});
    QCOMPARE(r.formatLines[size_t(LogFormat::WindowsFirewall)], 2);
}

void TestLogTriage::aggregation()
{
    TriageOptions options;
    options.samples = 2;
    LogTriage triage(m_catalog, options);
    QFile file(QStringLiteral(PORTOLAN_TEST_DATA "/triage/mixed.log"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!triage.addDevice(&file, file.fileName()));
    const TriageReport &r = triage.report();
    QCOMPARE(r.totalLines, 18);
    QCOMPARE(r.skippedLines, 5);
    QCOMPARE(r.matchedLines, 8);
    QCOMPARE(r.mismatchedLines, 1);
    QCOMPARE(r.unrelatedLines, 3);
    QCOMPARE(r.unrecognisedLines, 1);
    QCOMPARE(r.totalLines,
             r.matchedLines + r.mismatchedLines + r.unrelatedLines + r.unrecognisedLines + r.skippedLines);
    QCOMPARE(r.unrecognisedSamples, QStringList{"this line is prose, not a log record"});
    // In catalog order, each once.
    QCOMPARE(r.flowIds(m_catalog),
             (QStringList{"agent-web", "cloud-agent-4118", "cloud-relay-4122", "cloud-syslog",
                          "relay-cloud-4122"}));
    const TriageReport::FlowHit &web = r.flows.first();
    QCOMPARE(web.lines, 4); // iptables 443, squid CONNECT, squid http, plain URL
    QCOMPARE(web.samples.size(), 2);
    QVERIFY(web.samples.first().contains(QLatin1String("DST=127.0.0.10")));
    QVERIFY(web.endpoints.contains(QLatin1String("127.0.0.10")));
    QVERIFY(web.endpoints.contains(QLatin1String("*.cloud.localhost")));
    QVERIFY(web.firstSeen >= 0 && web.firstSeen <= web.lastSeen);
    // The export scope is exactly the flows hit.
    const FlowFilter scope = triage.exportScope();
    QCOMPARE(scope.flowIds,
             (QSet<QString>{"agent-web", "cloud-agent-4118", "cloud-relay-4122", "cloud-syslog",
                            "relay-cloud-4122"}));
    for (const Flow &flow : m_catalog.flows)
        QCOMPARE(scope.acceptsFlow(m_catalog, flow), scope.flowIds.contains(flow.id));
}

void TestLogTriage::mismatchReport()
{
    LogTriage triage(m_catalog);
    triage.addLine("127.0.0.10:22/tcp");
    triage.addLine("tcp 127.0.0.10:22");
    triage.addLine("127.0.0.10:8080");
    const TriageReport &r = triage.report();
    QCOMPARE(r.mismatchedLines, 3);
    QCOMPARE(r.matchedLines, 0);
    QVERIFY(r.flows.isEmpty());
    QCOMPARE(r.mismatches.size(), 2); // 22/TCP twice, 8080 once
    const TriageReport::PortMismatch &m = r.mismatches.first();
    QCOMPARE(m.address, QStringLiteral("127.0.0.10"));
    QCOMPARE(m.endpoint, QStringLiteral("127.0.0.10"));
    QCOMPARE(m.port, 22);
    QCOMPARE(m.protocol, QStringLiteral("TCP"));
    QCOMPARE(m.lines, 2);
    QCOMPARE(m.flows, QList<int>{m_catalog.flowIndex(QStringLiteral("agent-web"))});
    QCOMPARE(m.ports.size(), 1); // the static addresses use 443 only
    QCOMPARE(m.ports.first().port, 443);
    // No flow hit: the export scope selects nothing rather than everything.
    const FlowFilter scope = triage.exportScope();
    for (const Flow &flow : m_catalog.flows)
        QVERIFY(!scope.acceptsFlow(m_catalog, flow));
}

void TestLogTriage::chunkBoundaries()
{
    QFile file(QStringLiteral(PORTOLAN_TEST_DATA "/triage/mixed.log"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    LogTriage whole(m_catalog);
    whole.addData(data);
    whole.finish();
    for (const int size : {1, 2, 7, 64}) {
        LogTriage pieces(m_catalog);
        for (qsizetype i = 0; i < data.size(); i += size)
            pieces.addData(QByteArrayView(data).sliced(i, qMin<qsizetype>(size, data.size() - i)));
        pieces.finish();
        QCOMPARE(pieces.report().totalLines, whole.report().totalLines);
        QCOMPARE(pieces.report().matchedLines, whole.report().matchedLines);
        QCOMPARE(pieces.report().flowIds(m_catalog), whole.report().flowIds(m_catalog));
    }
    // Windows line breaks and no final line break.
    LogTriage crlf(m_catalog);
    crlf.addData("127.0.0.10:443\r\n192.0.2.1:443\r\n127.0.0.10:443");
    crlf.finish();
    QCOMPARE(crlf.report().totalLines, 3);
    QCOMPARE(crlf.report().matchedLines, 2);
}

void TestLogTriage::hostileInput_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<qint64>("unrecognised");
    QTest::addColumn<qint64>("overlong");
    QTest::addColumn<qint64>("binary");
    QByteArray garbage(1 << 20, Qt::Uninitialized);
    QRandomGenerator rng(15);
    for (char &c : garbage)
        c = char(rng.bounded(256));
    garbage.replace('\n', 'x'); // one huge line of garbage: over the limit
    QTest::addRow("1 MiB of binary garbage, one line") << garbage << qint64(1) << qint64(1) << qint64(0);
    QByteArray lines = garbage.left(4000);
    for (int i = 100; i < lines.size(); i += 100)
        lines[i] = '\n';
    lines.replace('\0', 'y');
    QTest::addRow("binary garbage in short lines") << lines << qint64(-1) << qint64(0) << qint64(0);
    QTest::addRow("10 MB line") << QByteArray(10 * 1024 * 1024, 'a') + "\n127.0.0.10:443\n"
                                << qint64(1) << qint64(1) << qint64(0);
    QTest::addRow("NUL bytes") << QByteArray("127.0.0.10\0:443\n\0\0\0\n", 20) << qint64(2) << qint64(0)
                               << qint64(2);
    QTest::addRow("invalid UTF-8 host") << QByteArray("api.cloud\xff\xfe.localhost:443\n\xc3\x28\n")
                                        << qint64(2) << qint64(0) << qint64(0);
    QTest::addRow("invalid UTF-8 around a good value") << QByteArray(
            "1704454496.123 1 10.0.0.5 TCP_DENIED/403 0 CONNECT api.cloud.localhost:443 - \xff\xfe\n")
                                                       << qint64(0) << qint64(0) << qint64(0);
    QTest::addRow("kernel line with an absurd address")
            << QByteArray("kernel: SRC=999.1.1.1 DST=1.2.3.4.5 PROTO=TCP SPT=99999999999 DPT=-1\n")
            << qint64(1) << qint64(0) << qint64(0);
    QTest::addRow("only separators") << QByteArray(100000, '\n') << qint64(0) << qint64(0) << qint64(0);
}

void TestLogTriage::hostileInput()
{
    QFETCH(QByteArray, data);
    QFETCH(qint64, unrecognised);
    QFETCH(qint64, overlong);
    QFETCH(qint64, binary);
    TriageOptions options;
    LogTriage triage(m_catalog, options);
    QBuffer buffer(&data);
    QVERIFY(!triage.addDevice(&buffer, QStringLiteral("buffer")));
    const TriageReport &r = triage.report();
    if (unrecognised >= 0)
        QCOMPARE(r.unrecognisedLines, unrecognised);
    QCOMPARE(r.overlongLines, overlong);
    QCOMPARE(r.binaryLines, binary);
    QCOMPARE(r.totalLines,
             r.matchedLines + r.mismatchedLines + r.unrelatedLines + r.unrecognisedLines + r.skippedLines);
    QVERIFY(r.unrecognisedSamples.size() <= options.unrecognisedSamples);
    for (const QString &sample : r.unrecognisedSamples) {
        QVERIFY(sample.size() <= 300);
        for (const QChar c : sample)
            QVERIFY(c.unicode() >= 0x20 && c.unicode() != 0x7f);
    }
}

void TestLogTriage::overlongLineStreamed()
{
    // An over-long line that arrives in pieces is dropped as it comes, never buffered whole.
    TriageOptions options;
    options.maxLineLength = 1000;
    LogTriage triage(m_catalog, options);
    const QByteArray piece(300, 'z');
    for (int i = 0; i < 100; ++i)
        triage.addData(piece);
    triage.addData("\n127.0.0.10:443\n");
    triage.addData(QByteArray(999, 'q')); // at the limit, no line break: still read at the end
    triage.finish();
    const TriageReport &r = triage.report();
    QCOMPARE(r.totalLines, 3);
    QCOMPARE(r.overlongLines, 1);
    QCOMPARE(r.matchedLines, 1);
    QCOMPARE(r.unrecognisedLines, 2);
}

void TestLogTriage::device()
{
    QFile missing(QStringLiteral(PORTOLAN_TEST_DATA "/triage/no-such.log"));
    LogTriage triage(m_catalog);
    const auto error = triage.addDevice(&missing, missing.fileName());
    QVERIFY(error);
    QCOMPARE(error->source, missing.fileName());
    QVERIFY(!error->message.isEmpty());
}

void TestLogTriage::times_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("time");
    QTest::addRow("syslog") << QByteArray(
            "Jan  5 12:34:56 fw kernel: SRC=10.0.0.5 DST=127.0.0.10 PROTO=TCP DPT=443")
                            << "2024-01-05T12:34:56Z";
    QTest::addRow("iso with offset") << QByteArray(
            "2024-01-05T12:35:00.123+01:00 fw kernel: SRC=10.0.0.5 DST=127.0.0.10 PROTO=TCP DPT=443")
                                     << "2024-01-05T11:35:00Z";
    QTest::addRow("squid epoch") << QByteArray("1704454496.123 1 10.0.0.5 TCP_DENIED/403 0 CONNECT "
                                               "api.cloud.localhost:443 - HIER_NONE/- -")
                                 << "2024-01-05T11:34:56Z";
    QTest::addRow("vpc start") << QByteArray(
            "2 1 eni-1 10.0.0.5 127.0.0.10 40000 443 6 1 1 1704454496 1704454556 "
            "REJECT OK") << "2024-01-05T11:34:56Z";
    QTest::addRow("pfirewall") << QByteArray(
            "2024-01-05 12:36:00 DROP TCP 10.0.0.5 127.0.0.10 1 443 60 - - - - - - - SEND")
                               << "2024-01-05T12:36:00Z";
    QTest::addRow("plain has no time") << QByteArray("127.0.0.10:443") << "";
}

void TestLogTriage::times()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, time);
    TriageOptions options;
    options.syslogYear = 2024;
    LogTriage triage(m_catalog, options);
    triage.addLine(line);
    QCOMPARE(triage.report().flows.size(), 1);
    QCOMPARE(TriageReport::timeText(triage.report().flows.first().firstSeen), time);
}

void TestLogTriage::indexPatterns()
{
    const EndpointIndex index(m_catalog);
    const QByteArrayList patterns = index.literalPatterns().split('\n');
    QVERIFY(patterns.contains("127.0.0.10"));
    QVERIFY(patterns.contains("127.0.1.0"));
    QVERIFY(patterns.contains("cloud.localhost")); // the wildcard's domain
    QVERIFY(patterns.contains("api.cloud.localhost"));
    QVERIFY(!patterns.contains("*.cloud.localhost"));
    EndpointIndex::Hits hits;
    index.findHost("cloud.localhost", hits);
    QVERIFY(hits.isEmpty());
    index.findIPv4(0x7f0001ff, hits); // 127.0.1.255, last of the /24
    QCOMPARE(hits.size(), 3);
    QVERIFY(std::is_sorted(hits.begin(), hits.end()));
}

QTEST_GUILESS_MAIN(TestLogTriage)
#include "tst_logtriage.moc"
