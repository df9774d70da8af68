#include "app/cli/catalogcommand.h"
#include "app/cli/checkcommand.h"
#include "app/cli/clicontext.h"
#include "app/cli/diagramlauncher.h"
#include "app/cli/exportcommand.h"
#include "app/cli/lookupcommand.h"
#include "app/cli/triagecommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <functional>
#include <map>

namespace {
struct Command
{
    const char *summary;
    std::function<int(const QStringList &)> run;
};

const std::map<QString, Command> &commands()
{
    static const std::map<QString, Command> table{
            {QStringLiteral("catalog"),
             {QT_TRANSLATE_NOOP("main", "print the catalog, one record per flow and endpoint"),
              &CatalogCommand::run}},
            {QStringLiteral("diagram"),
             {QT_TRANSLATE_NOOP("main", "write the ports diagram to an SVG, PNG or PDF file"),
              [](const QStringList &arguments) { return DiagramLauncher::run(arguments.mid(1)); }}},
            {QStringLiteral("export"),
             {QT_TRANSLATE_NOOP("main", "write rules to paste: firewall, proxy, cloud, lists"),
              &ExportCommand::run}},
            {QStringLiteral("check"),
             {QT_TRANSLATE_NOOP("main", "check that this machine reaches the destinations the product needs"),
              &CheckCommand::run}},
            {QStringLiteral("lookup"),
             {QT_TRANSLATE_NOOP("main", "find the flows covering an address, host or URL, on a port"),
              &LookupCommand::run}},
            {QStringLiteral("triage"),
             {QT_TRANSLATE_NOOP("main", "read firewall or proxy logs: the flows they hit, the rules to add"),
              &TriageCommand::run}},
    };
    return table;
}

void printUsage(QTextStream &stream)
{
    stream << QCoreApplication::translate("main", "Usage: portolan-cli COMMAND [OPTIONS]") << "\n\n"
           << QCoreApplication::translate("main", "Commands:") << '\n';
    for (const auto &[name, command] : commands())
        stream << QStringLiteral("  %1  %2\n")
                          .arg(name, -10)
                          .arg(QCoreApplication::translate("main", command.summary));
    stream << '\n'
           << QCoreApplication::translate("main",
                                          "Run \"portolan-cli COMMAND --help\" for a command's options.")
           << '\n';
    stream.flush();
}
} // namespace

int main(int argc, char *argv[])
{
    // Console only: the diagram command runs in portolan-diagram (DiagramLauncher).
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("portolan-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Portolan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTOLAN_VERSION));

    QStringList arguments = QCoreApplication::arguments();
    const QString first = arguments.value(1);
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        CliContext cli;
        cli.out() << "portolan-cli " << PORTOLAN_VERSION << '\n';
        return cli.finish(CliContext::Success);
    }
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        CliContext cli;
        printUsage(cli.out());
        return cli.finish(CliContext::Success);
    }
    const auto it = commands().find(first);
    if (it == commands().end()) {
        QTextStream err(stderr);
        if (!first.isEmpty())
            err << QCoreApplication::translate("main", "portolan-cli: unknown command \"%1\"").arg(first)
                << "\n\n";
        printUsage(err);
        return CliContext::UsageError;
    }
    // The command parses the remaining arguments; it sees its own name where a program name goes.
    arguments.removeFirst();
    arguments.first() = QStringLiteral("portolan-cli ") + first;
    return it->second.run(arguments);
}
