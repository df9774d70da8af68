#include "triagecommand.h"

#include "app/cli/clicontext.h"
#include "core/catalog/catalogtext.h"
#include "core/export/exporterregistry.h"
#include "core/export/exporttext.h"
#include "core/triage/logtriage.h"
#include "core/util/csvwriter.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {
QString portText(const TriageReport::PortMismatch &m)
{
    if (m.port != 0 && !m.protocol.isEmpty())
        return QStringLiteral("%1/%2").arg(m.port).arg(m.protocol);
    if (m.port != 0)
        return QString::number(m.port);
    return m.protocol;
}

QStringList flowIds(const Catalog &catalog, const QList<int> &flows)
{
    QStringList ids;
    for (const int f : flows)
        ids.append(catalog.flows.at(f).id);
    return ids;
}

QJsonObject summaryJson(const TriageReport &r)
{
    QJsonObject formats;
    for (const LogFormat f : {LogFormat::Iptables, LogFormat::Squid, LogFormat::AwsVpcFlow,
                              LogFormat::WindowsFirewall, LogFormat::Plain})
        formats.insert(LogLineParser::formatName(f), r.formatLines[size_t(f)]);
    return {{QStringLiteral("lines"), r.totalLines},
            {QStringLiteral("matched"), r.matchedLines},
            {QStringLiteral("portMismatched"), r.mismatchedLines},
            {QStringLiteral("unrelated"), r.unrelatedLines},
            {QStringLiteral("unrecognised"), r.unrecognisedLines},
            {QStringLiteral("skipped"), r.skippedLines},
            {QStringLiteral("overlong"), r.overlongLines},
            {QStringLiteral("binary"), r.binaryLines},
            {QStringLiteral("formats"), formats}};
}

QString renderJson(const Catalog &catalog, const TriageReport &r, Language language)
{
    QJsonArray flows;
    for (const TriageReport::FlowHit &hit : r.flows) {
        const Flow &flow = catalog.flows.at(hit.flow);
        flows.append(
                QJsonObject{{QStringLiteral("flow"), flow.id},
                            {QStringLiteral("summary"), CatalogText::flowSummary(catalog, flow, language)},
                            {QStringLiteral("ports"), CatalogText::ports(flow.ports)},
                            {QStringLiteral("lines"), hit.lines},
                            {QStringLiteral("firstSeen"), TriageReport::timeText(hit.firstSeen)},
                            {QStringLiteral("lastSeen"), TriageReport::timeText(hit.lastSeen)},
                            {QStringLiteral("endpoints"), QJsonArray::fromStringList(hit.endpoints)},
                            {QStringLiteral("samples"), QJsonArray::fromStringList(hit.samples)}});
    }
    QJsonArray mismatches;
    for (const TriageReport::PortMismatch &m : r.mismatches) {
        QJsonObject o{{QStringLiteral("address"), m.address},
                      {QStringLiteral("endpoint"), m.endpoint},
                      {QStringLiteral("protocol"), m.protocol},
                      {QStringLiteral("flows"), QJsonArray::fromStringList(flowIds(catalog, m.flows))},
                      {QStringLiteral("flowPorts"), CatalogText::ports(m.ports)},
                      {QStringLiteral("lines"), m.lines},
                      {QStringLiteral("firstSeen"), TriageReport::timeText(m.firstSeen)},
                      {QStringLiteral("lastSeen"), TriageReport::timeText(m.lastSeen)},
                      {QStringLiteral("samples"), QJsonArray::fromStringList(m.samples)}};
        if (m.port != 0)
            o.insert(QStringLiteral("port"), m.port);
        mismatches.append(o);
    }
    const QJsonObject root{
            {QStringLiteral("summary"), summaryJson(r)},
            {QStringLiteral("flows"), flows},
            {QStringLiteral("portMismatches"), mismatches},
            {QStringLiteral("unrecognisedSamples"), QJsonArray::fromStringList(r.unrecognisedSamples)}};
    return QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
}

QString renderCsv(const Catalog &catalog, const TriageReport &r)
{
    CsvWriter csv;
    csv.addRow({QStringLiteral("kind"), QStringLiteral("flow"), QStringLiteral("endpoint"),
                QStringLiteral("address"), QStringLiteral("port"), QStringLiteral("lines"),
                QStringLiteral("firstSeen"), QStringLiteral("lastSeen"), QStringLiteral("sample")});
    for (const TriageReport::FlowHit &hit : r.flows)
        csv.addRow({QStringLiteral("flow"), catalog.flows.at(hit.flow).id,
                    hit.endpoints.join(QLatin1Char(' ')), QString(),
                    CatalogText::ports(catalog.flows.at(hit.flow).ports), QString::number(hit.lines),
                    TriageReport::timeText(hit.firstSeen), TriageReport::timeText(hit.lastSeen),
                    hit.samples.value(0)});
    for (const TriageReport::PortMismatch &m : r.mismatches)
        csv.addRow({QStringLiteral("port-mismatch"), flowIds(catalog, m.flows).join(QLatin1Char(' ')),
                    m.endpoint, m.address, portText(m), QString::number(m.lines),
                    TriageReport::timeText(m.firstSeen), TriageReport::timeText(m.lastSeen),
                    m.samples.value(0)});
    csv.addRow({QStringLiteral("unrelated"), QString(), QString(), QString(), QString(),
                QString::number(r.unrelatedLines), QString(), QString(), QString()});
    csv.addRow({QStringLiteral("unrecognised"), QString(), QString(), QString(), QString(),
                QString::number(r.unrecognisedLines), QString(), QString(), r.unrecognisedSamples.value(0)});
    return csv.text();
}

QString seenText(qint64 first, qint64 last)
{
    if (first < 0)
        return {};
    if (first == last)
        return TriageCommand::tr("seen %1").arg(TriageReport::timeText(first));
    return TriageCommand::tr("seen %1 to %2")
            .arg(TriageReport::timeText(first), TriageReport::timeText(last));
}

QString renderText(const Catalog &catalog, const TriageReport &r, Language language)
{
    QString out;
    const QString indent = QStringLiteral("      ");
    out += TriageCommand::tr("Flows hit: %1").arg(r.flows.size()) + QLatin1Char('\n');
    for (const TriageReport::FlowHit &hit : r.flows) {
        const Flow &flow = catalog.flows.at(hit.flow);
        out += QStringLiteral("  %1  %2; %3\n")
                       .arg(flow.id, CatalogText::flowSummary(catalog, flow, language),
                            CatalogText::ports(flow.ports));
        const QString seen = seenText(hit.firstSeen, hit.lastSeen);
        out += indent
                + (seen.isEmpty() ? TriageCommand::tr("%n lines; endpoints: %1", nullptr, int(hit.lines))
                                            .arg(hit.endpoints.join(QStringLiteral(", ")))
                                  : TriageCommand::tr("%n lines, %1; endpoints: %2", nullptr, int(hit.lines))
                                            .arg(seen, hit.endpoints.join(QStringLiteral(", "))))
                + QLatin1Char('\n');
        for (const QString &sample : hit.samples)
            out += indent + TriageCommand::tr("sample: %1").arg(sample) + QLatin1Char('\n');
    }
    if (!r.mismatches.isEmpty()) {
        out += QLatin1Char('\n')
                + TriageCommand::tr(
                          "Catalog endpoints reached on a port no flow uses (likely misconfiguration): %1")
                          .arg(r.mismatches.size())
                + QLatin1Char('\n');
        for (const TriageReport::PortMismatch &m : r.mismatches) {
            out += QStringLiteral("  ")
                    + TriageCommand::tr("%1 on %2: in %3, whose flows (%4) use %5")
                              .arg(m.address,
                                   portText(m).isEmpty() ? TriageCommand::tr("no port") : portText(m),
                                   m.endpoint, flowIds(catalog, m.flows).join(QStringLiteral(", ")),
                                   CatalogText::ports(m.ports))
                    + QLatin1Char('\n');
            const QString seen = seenText(m.firstSeen, m.lastSeen);
            out += indent
                    + (seen.isEmpty() ? TriageCommand::tr("%n lines", nullptr, int(m.lines))
                                      : TriageCommand::tr("%n lines, %1", nullptr, int(m.lines)).arg(seen))
                    + QLatin1Char('\n');
            for (const QString &sample : m.samples)
                out += indent + TriageCommand::tr("sample: %1").arg(sample) + QLatin1Char('\n');
        }
    }
    out += QLatin1Char('\n')
            + TriageCommand::tr("Lines: %1; hit a flow: %2; catalog endpoint on an unused port: %3; "
                                "unrelated: %4; unrecognised: %5 (over-long: %6, binary: %7); skipped: %8")
                      .arg(r.totalLines)
                      .arg(r.matchedLines)
                      .arg(r.mismatchedLines)
                      .arg(r.unrelatedLines)
                      .arg(r.unrecognisedLines)
                      .arg(r.overlongLines)
                      .arg(r.binaryLines)
                      .arg(r.skippedLines)
            + QLatin1Char('\n');
    if (!r.unrecognisedSamples.isEmpty()) {
        out += TriageCommand::tr("Unrecognised lines, for example:") + QLatin1Char('\n');
        for (const QString &sample : r.unrecognisedSamples)
            out += QStringLiteral("  ") + sample + QLatin1Char('\n');
    }
    return out;
}
} // namespace

int TriageCommand::run(const QStringList &arguments)
{
    CliContext cli;
    const ExporterRegistry registry;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Read firewall or proxy logs (iptables/nftables LOG, squid access.log, AWS VPC Flow Logs, "
               "Windows Firewall pfirewall.log, or one host, address or URL per line) and report the "
               "flows their lines hit and the lines that reach a catalog endpoint on a port no flow uses.\n"
               "Exit status: 0 when the log was read, 1 when some lines reach a catalog endpoint on an "
               "unused port or no line was recognised, 2 on a usage error or an unreadable file."));
    parser.addPositionalArgument(QStringLiteral("file"), tr("Log files; standard input when none is given."),
                                 QStringLiteral("[FILE...]"));
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("csv")};
    CliContext::addCatalogOption(parser);
    CliContext::addLanguageOption(parser);
    CliContext::addFormatOption(parser, formats);
    CliContext::addRoleOption(parser,
                              tr("Only flows in which this component (agent, relay, ...) takes part; "
                                 "repeatable."));
    parser.addOption({QStringLiteral("export"),
                      tr("Write the rules for exactly the flows hit, in this export format (%1), instead of "
                         "the report; the report's summary goes to standard error.")
                              .arg(registry.ids().join(QStringLiteral(", "))),
                      QStringLiteral("format")});
    parser.addOption({QStringLiteral("proxy"), tr("Proxy for the pac and squid export formats."),
                      QStringLiteral("host:port")});
    parser.addOption({QStringLiteral("output"), tr("Write to <file> instead of standard output."),
                      QStringLiteral("file")});
    if (!cli.parse(parser, arguments))
        return parser.isSet(QStringLiteral("help")) ? CliContext::Success : CliContext::UsageError;
    const RuleExporter *exporter = nullptr;
    if (parser.isSet(QStringLiteral("export"))) {
        const QString id = parser.value(QStringLiteral("export"));
        exporter = registry.find(id);
        if (!exporter) {
            cli.err() << tr("portolan-cli triage: unknown export format \"%1\" (%2)")
                                 .arg(id, registry.ids().join(QStringLiteral(", ")))
                      << Qt::endl;
            return CliContext::UsageError;
        }
    }
    const QString proxy = parser.value(QStringLiteral("proxy"));
    if (!proxy.isEmpty() && !ExportText::isValidProxy(proxy)) {
        cli.err() << tr("portolan-cli triage: --proxy \"%1\" is not host:port").arg(proxy) << Qt::endl;
        return CliContext::UsageError;
    }
    const auto language = cli.language(parser);
    const auto format = language ? cli.format(parser, formats) : std::nullopt;
    const auto catalog = format ? cli.loadCatalog(parser) : std::nullopt;
    if (!catalog)
        return CliContext::UsageError;
    const auto roles = cli.roles(parser, *catalog, QStringLiteral("portolan-cli triage"));
    if (!roles)
        return CliContext::UsageError;

    TriageOptions options;
    options.roles = *roles;
    LogTriage triage(*catalog, options);
    QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        files.append(QStringLiteral("-"));
    for (const QString &fileName : std::as_const(files)) {
        QFile file;
        const bool opened = fileName == QLatin1String("-")
                ? file.open(stdin, QIODevice::ReadOnly | QIODevice::Unbuffered)
                : (file.setFileName(fileName), file.open(QIODevice::ReadOnly | QIODevice::Unbuffered));
        const auto error = opened ? triage.addDevice(&file, fileName)
                                  : std::optional<TriageError>(TriageError{fileName, file.errorString()});
        if (error) {
            cli.err() << tr("portolan-cli triage: cannot read \"%1\": %2").arg(error->source, error->message)
                      << Qt::endl;
            return CliContext::UsageError;
        }
    }
    const TriageReport &report = triage.report();

    QString text;
    if (exporter) {
        ExportRequest request;
        request.catalog = *catalog;
        request.language = *language;
        request.proxy = proxy;
        request.scope = triage.exportScope();
        const ExportResult result = exporter->exportRules(request);
        text = result.text;
        cli.err() << tr("portolan-cli triage: %1 flows hit, %2 lines on unused ports; export: %3")
                             .arg(report.flows.size())
                             .arg(report.mismatchedLines)
                             .arg(result.summary())
                  << Qt::endl;
    } else if (*format == QLatin1String("json")) {
        text = renderJson(*catalog, report, *language);
    } else if (*format == QLatin1String("csv")) {
        text = renderCsv(*catalog, report);
    } else {
        text = renderText(*catalog, report, *language);
    }
    if (parser.isSet(QStringLiteral("output"))) {
        const QString fileName = parser.value(QStringLiteral("output"));
        const QByteArray bytes = text.toUtf8();
        QSaveFile file(fileName);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
            cli.err() << tr("portolan-cli triage: cannot write \"%1\": %2").arg(fileName, file.errorString())
                      << Qt::endl;
            return CliContext::Failure;
        }
    } else {
        cli.out() << text;
        cli.out().flush();
    }
    if (report.mismatchedLines > 0 || report.otherMismatchLines > 0 || report.recognisedLines() == 0)
        return CliContext::Failure;
    return CliContext::Success;
}
