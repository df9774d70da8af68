#include "checkcommand.h"

#include "app/cli/checkprogress.h"
#include "app/cli/clicontext.h"
#include "app/cli/interrupthandler.h"
#include "core/i18n/language.h"
#include "core/tester/plan/testplanner.h"
#include "core/tester/report/reportwriters.h"
#include "core/tester/report/resultsreport.h"
#include "core/tester/session/testsession.h"

#include "core/util/outputfile.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <unistd.h>

int CheckCommand::run(const QStringList &arguments)
{
    CliContext cli;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Check whether this machine reaches the destinations the product needs.\n"
               "Exit status: 0 when no check failed, 1 when one failed, 2 on usage or catalog errors, "
               "130 when interrupted (Ctrl-C): the report of what was checked so far is still written, "
               "the rest is reported as cancelled; a second Ctrl-C exits at once.")
            + QLatin1Char(' ')
            + tr("74 when the report cannot be written (the reason goes to standard error)."));
    const QStringList formats = ReportWriters::names();
    CliContext::addCatalogOption(parser);
    CliContext::addLanguageOption(parser);
    CliContext::addFormatOption(parser, formats);
    parser.addOptions({
            {QStringLiteral("role"), tr("Check for role <role> (repeatable; default: agent)."),
             QStringLiteral("role")},
            {QStringLiteral("required-only"), tr("Check only the required flows.")},
            {QStringLiteral("include-expired"), tr("Also check static addresses whose validity has ended.")},
            {QStringLiteral("site"),
             tr("Address of a destination on your site: dns, ntp, syslog, relay, sps or vcenter "
                "(repeatable)."),
             QStringLiteral("key=address")},
            {QStringLiteral("resolve"), tr("Use <address> for <host> without asking DNS (repeatable)."),
             QStringLiteral("host:address")},
            {QStringLiteral("dns-server"), tr("Resolve names with this DNS server instead of the system's."),
             QStringLiteral("address[:port]")},
            {QStringLiteral("ca-file"),
             tr("Also trust the CA certificates in this PEM file, in addition to the system's (a "
                "TLS-inspecting "
                "proxy signing with one of them is then expected)."),
             QStringLiteral("pem")},
            {QStringLiteral("proxy"), tr("direct (default), system, or http://[user:password@]host:port."),
             QStringLiteral("url"), QStringLiteral("direct")},
            {QStringLiteral("timeout"), tr("Timeout of each stage in seconds (default 5)."),
             QStringLiteral("seconds"), QStringLiteral("5")},
            {QStringLiteral("concurrency"), tr("Checks in flight at once (default 32)."), QStringLiteral("n"),
             QStringLiteral("32")},
            {QStringLiteral("output"), tr("Write the report to <file> instead of standard output."),
             QStringLiteral("file")},
            {QStringLiteral("dry-run"), tr("Print the plan and send nothing.")},
            {QStringLiteral("loopback-only"),
             tr("Refuse every destination outside the loopback network (for tests).")},
    });
    if (!cli.parse(parser, arguments))
        return parser.isSet(QStringLiteral("help")) ? cli.finish(CliContext::Success)
                                                    : CliContext::UsageError;
    auto usageError = [&cli](const QString &message) {
        cli.err() << tr("portolan-cli check: %1").arg(message) << Qt::endl;
        return CliContext::UsageError;
    };
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().first()));

    const auto language = cli.language(parser);
    const auto formatName = cli.format(parser, formats);
    if (!language || !formatName)
        return CliContext::UsageError;
    const ReportWriters::Writer writer = *ReportWriters::find(*formatName);
    // The plan of a dry run: as JSON or JUnit when asked, else as text.
    const ResultsReport::Format planFormat =
            ResultsReport::formatFromName(*formatName).value_or(ResultsReport::Format::Text);

    TestPlanner::Options planOptions;
    planOptions.language = *language;
    if (parser.isSet(QStringLiteral("role")))
        planOptions.scope.roles = parser.values(QStringLiteral("role"));
    planOptions.scope.requiredOnly = parser.isSet(QStringLiteral("required-only"));
    planOptions.scope.includeExpired = parser.isSet(QStringLiteral("include-expired"));
    for (const QString &site : parser.values(QStringLiteral("site"))) {
        if (const auto error = planOptions.site.parseAssignment(site))
            return usageError(*error);
    }

    TesterOptions options;
    for (const QString &mapping : parser.values(QStringLiteral("resolve"))) {
        if (const auto error = options.addResolveOverride(mapping))
            return usageError(*error);
    }
    if (parser.isSet(QStringLiteral("dns-server"))) {
        const auto server = TesterOptions::parseDnsServer(parser.value(QStringLiteral("dns-server")));
        if (const auto *error = std::get_if<QString>(&server))
            return usageError(*error);
        options.dnsServer = std::get<TesterOptions::DnsServer>(server);
    }
    if (parser.isSet(QStringLiteral("ca-file"))) {
        if (const auto error = options.addCaFile(parser.value(QStringLiteral("ca-file"))))
            return usageError(*error);
    }
    const auto proxy = ProxySettings::parse(parser.value(QStringLiteral("proxy")));
    if (const auto *error = std::get_if<QString>(&proxy))
        return usageError(*error);
    options.proxy = std::get<ProxySettings>(proxy);
    bool ok = false;
    const double timeout = parser.value(QStringLiteral("timeout")).toDouble(&ok);
    if (!ok || timeout <= 0 || timeout > 600)
        return usageError(tr("--timeout: \"%1\" is not a number of seconds between 0 and 600")
                                  .arg(parser.value(QStringLiteral("timeout"))));
    options.stageTimeoutMs = qMax(1, int(timeout * 1000));
    options.udpRefusalWaitMs = qMin(options.udpRefusalWaitMs, options.stageTimeoutMs);
    const int concurrency = parser.value(QStringLiteral("concurrency")).toInt(&ok);
    if (!ok || concurrency < 1 || concurrency > 1024)
        return usageError(tr("--concurrency: \"%1\" is not a number from 1 to 1024")
                                  .arg(parser.value(QStringLiteral("concurrency"))));
    options.concurrency = concurrency;
    options.allowOnlyLoopback = parser.isSet(QStringLiteral("loopback-only"));

    const auto catalog = cli.loadCatalog(parser);
    if (!catalog)
        return CliContext::UsageError;
    const auto planned = TestPlanner::build(*catalog, planOptions);
    if (const auto *error = std::get_if<QString>(&planned))
        return usageError(*error);
    const TestPlan plan = std::get<TestPlan>(planned);

    // The report file is created before anything is checked: a run whose report cannot be
    // written fails at once, not after minutes of checks.
    std::unique_ptr<OutputFile> output;
    if (parser.isSet(QStringLiteral("output"))) {
        output = std::make_unique<OutputFile>(parser.value(QStringLiteral("output")));
        if (const auto reason = output->open()) {
            cli.err() << tr("portolan-cli check: cannot write %1: %2").arg(output->fileName(), *reason)
                      << Qt::endl;
            return CliContext::WriteError;
        }
    }
    // Returns exitCode, or WriteError when the report could not be written.
    auto write = [&cli, &output](const QByteArray &data, int exitCode) {
        if (!output) {
            cli.out() << QString::fromUtf8(data);
            return cli.finish(exitCode);
        }
        auto reason = output->write(data);
        if (!reason)
            reason = output->commit();
        if (reason) {
            cli.err() << tr("portolan-cli check: cannot write %1: %2").arg(output->fileName(), *reason)
                      << Qt::endl;
            return int(CliContext::WriteError);
        }
        return exitCode;
    };

    if (parser.isSet(QStringLiteral("dry-run")))
        return write(ResultsReport::plan(planFormat, plan), CliContext::Success);

    TestSession session;
    session.setCatalog(*catalog);
    session.setOptions(options);
    const bool terminal = isatty(STDERR_FILENO);
    std::unique_ptr<CheckProgress> progress;
    if (terminal)
        progress = std::make_unique<CheckProgress>(&session, cli.err());
    QEventLoop loop;
    QObject::connect(&session, &TestSession::finished, &loop, &QEventLoop::quit);
    session.start(plan);
    InterruptHandler interrupts;
    interrupts.setNewlineOnExit(terminal);
    bool interrupted = false;
    QObject::connect(&interrupts, &InterruptHandler::interrupted, &session, [&session, &interrupted] {
        interrupted = true;
        session.cancel();
    });
    // A long run keeps its report's temporary file fresh (OutputFile::removeStaleTemporaries).
    QTimer keepAlive;
    if (output) {
        keepAlive.setInterval(60 * 1000);
        QObject::connect(&keepAlive, &QTimer::timeout, &keepAlive, [&output] { output->keepAlive(); });
        keepAlive.start();
    }
    if (session.isRunning())
        loop.exec();
    keepAlive.stop();
    if (progress)
        progress->finish();

    int exitCode = CliContext::Success;
    if (session.hasFailures())
        exitCode = CliContext::Failure;
    if (interrupted)
        exitCode = InterruptHandler::ExitCode;
    return write(session.report(writer, languageCode(*language)), exitCode);
}
