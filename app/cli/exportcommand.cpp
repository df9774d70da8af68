#include "exportcommand.h"

#include "app/cli/clicontext.h"
#include "core/catalog/vocabulary.h"
#include "core/export/exporterregistry.h"
#include "core/export/exportselection.h"
#include "core/export/exporttext.h"
#include "core/tester/plan/siteprofile.h"
#include "core/util/controlcharacters.h"

#include "core/util/outputfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QVersionNumber>

int ExportCommand::run(const QStringList &arguments)
{
    CliContext cli;
    const ExporterRegistry registry;
    const QStringList formats = registry.ids();
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Write the catalog's requirements as rules to paste: firewall, proxy, cloud or a list."));
    parser.addOption({QStringLiteral("format"),
                      tr("Output format: %1.").arg(formats.join(QStringLiteral(", "))),
                      QStringLiteral("format")});
    CliContext::addCatalogOption(parser);
    CliContext::addLanguageOption(parser);
    parser.addOption({QStringLiteral("role"),
                      tr("Only flows of this role (component id, e.g. agent), with directions as "
                         "this role sees them; repeatable."),
                      QStringLiteral("role")});
    parser.addOption({QStringLiteral("required-only"), tr("Only required flows.")});
    parser.addOption({QStringLiteral("feature"),
                      tr("A feature in use (%1); repeatable. Flows for other features are left out.")
                              .arg(Vocabulary::names<Feature>().join(QStringLiteral(", "))),
                      QStringLiteral("feature")});
    parser.addOption({QStringLiteral("agent-version"),
                      tr("Only endpoints for this agent version (e.g. 20.0)."), QStringLiteral("version")});
    parser.addOption({QStringLiteral("selected"), tr("Only these flows (comma-separated ids)."),
                      QStringLiteral("ids")});
    parser.addOption({QStringLiteral("include-expired"),
                      tr("Include static addresses past their validity date, marked expired.")});
    parser.addOption({QStringLiteral("proxy"), tr("Proxy for the pac and squid formats."),
                      QStringLiteral("host:port")});
    parser.addOption({QStringLiteral("pac-direct"),
                      tr("pac: the inverse file: the catalog's hosts DIRECT, every other host through "
                         "--proxy.")});
    parser.addOption({QStringLiteral("source"),
                      tr("squid: only these clients (a subnet or an address; repeatable)."),
                      QStringLiteral("cidr")});
    parser.addOption({QStringLiteral("site"),
                      tr("Address of a destination on your site: dns, ntp, syslog, relay, sps or vcenter "
                         "(repeatable); its flows become rules for that address."),
                      QStringLiteral("key=address")});
    parser.addOption({QStringLiteral("resolve-hosts"),
                      tr("Resolve host names now and write rules for their addresses (address-only "
                         "formats), with a timestamp.")});
    parser.addOption({QStringLiteral("refresher"),
                      tr("Write the refresher of the set-based formats (nftables, iptables) into "
                         "<dir>: a script that fills the sets from DNS, and its systemd service and timer."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("output"), tr("Write to <file> instead of standard output."),
                      QStringLiteral("file")});
    if (!cli.parse(parser, arguments))
        return parser.isSet(QStringLiteral("help")) ? cli.finish(CliContext::Success)
                                                    : CliContext::UsageError;
    if (!parser.positionalArguments().isEmpty()) {
        cli.err() << tr("portolan-cli export: unexpected argument \"%1\"")
                             .arg(parser.positionalArguments().first())
                  << Qt::endl;
        return CliContext::UsageError;
    }
    const QString format = parser.value(QStringLiteral("format"));
    const RuleExporter *exporter = registry.find(format);
    if (!exporter) {
        cli.err() << (format.isEmpty() ? tr("portolan-cli export: give --format (%1)")
                                                 .arg(formats.join(QStringLiteral(", ")))
                                       : tr("portolan-cli export: unknown format \"%1\" (%2)")
                                                 .arg(format, formats.join(QStringLiteral(", "))))
                  << Qt::endl;
        return CliContext::UsageError;
    }
    const QString proxy = parser.value(QStringLiteral("proxy"));
    if (!proxy.isEmpty() && !ExportText::isValidProxy(proxy)) {
        cli.err() << tr("portolan-cli export: --proxy \"%1\" is not host:port").arg(proxy) << Qt::endl;
        return CliContext::UsageError;
    }
    const QStringList sources = parser.values(QStringLiteral("source"));
    for (const QString &source : sources) {
        if (!ExportText::isValidSource(source)) {
            cli.err() << tr("portolan-cli export: --source \"%1\" is not a subnet or an address")
                                 .arg(ControlCharacters::escaped(source))
                      << Qt::endl;
            return CliContext::UsageError;
        }
    }
    if (parser.isSet(QStringLiteral("pac-direct")) && proxy.isEmpty()) {
        cli.err() << tr("portolan-cli export: --pac-direct needs --proxy") << Qt::endl;
        return CliContext::UsageError;
    }
    SiteProfile site;
    for (const QString &assignment : parser.values(QStringLiteral("site"))) {
        if (const auto error = site.parseAssignment(assignment)) {
            cli.err() << tr("portolan-cli export: --site: %1").arg(*error) << Qt::endl;
            return CliContext::UsageError;
        }
    }
    const auto language = cli.language(parser);
    const auto catalog = language ? cli.loadCatalog(parser) : std::nullopt;
    if (!catalog)
        return CliContext::UsageError;

    ExportRequest request;
    request.catalog = *catalog;
    request.language = *language;
    request.proxy = proxy;
    request.pacDirectForCatalog = parser.isSet(QStringLiteral("pac-direct"));
    request.squidSources = sources;
    request.siteAddresses = site.addresses();
    request.scope.requiredOnly = parser.isSet(QStringLiteral("required-only"));
    request.scope.includeExpired = parser.isSet(QStringLiteral("include-expired"));
    for (const QString &role : parser.values(QStringLiteral("role"))) {
        const Component *component = catalog->component(role);
        if (!component || !component->isRole) {
            QStringList roles;
            for (const Component &c : catalog->components) {
                if (c.isRole)
                    roles << c.id;
            }
            cli.err() << tr("portolan-cli export: --role \"%1\" is not a role (%2)")
                                 .arg(role, roles.join(QStringLiteral(", ")))
                      << Qt::endl;
            return CliContext::UsageError;
        }
        request.scope.roles << role;
    }
    for (const QString &value : parser.values(QStringLiteral("selected"))) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString id = part.trimmed();
            if (!catalog->flow(id)) {
                cli.err() << tr("portolan-cli export: --selected: no flow \"%1\" in the catalog").arg(id)
                          << Qt::endl;
                return CliContext::UsageError;
            }
            request.scope.flowIds.insert(id);
        }
    }
    for (const QString &name : parser.values(QStringLiteral("feature"))) {
        const auto feature = Vocabulary::fromName<Feature>(name);
        if (!feature) {
            cli.err() << tr("portolan-cli export: --feature \"%1\" is not a feature (%2)")
                                 .arg(name, Vocabulary::names<Feature>().join(QStringLiteral(", ")))
                      << Qt::endl;
            return CliContext::UsageError;
        }
        if (!request.scope.features.contains(*feature))
            request.scope.features.append(*feature);
    }
    if (parser.isSet(QStringLiteral("agent-version"))) {
        const QString text = parser.value(QStringLiteral("agent-version"));
        qsizetype suffix = 0;
        const QVersionNumber version = QVersionNumber::fromString(text, &suffix);
        if (version.isNull() || suffix != text.size()) {
            cli.err() << tr("portolan-cli export: --agent-version \"%1\" is not a version such as 20.0")
                                 .arg(text)
                      << Qt::endl;
            return CliContext::UsageError;
        }
        request.scope.agentVersion = version;
    }
    if (parser.isSet(QStringLiteral("resolve-hosts")))
        ExportSelection::resolveHosts(request, &ExportSelection::systemResolve,
                                      QDateTime::currentDateTimeUtc());

    const ExportResult result = exporter->exportRules(request);
    const QByteArray text = result.text.toUtf8();
    if (!result.files.isEmpty() && !parser.isSet(QStringLiteral("refresher")))
        cli.err() << tr("portolan-cli export: the rules use address sets; write their refresher with "
                        "--refresher DIR")
                  << Qt::endl;
    if (parser.isSet(QStringLiteral("refresher"))) {
        const QString dirName = parser.value(QStringLiteral("refresher"));
        if (!QDir().mkpath(dirName)) {
            cli.err() << tr("portolan-cli export: cannot create \"%1\"").arg(dirName) << Qt::endl;
            return CliContext::Failure;
        }
        for (const ExportFile &extra : result.files) {
            const QString path = QDir(dirName).filePath(extra.fileName);
            std::optional<QString> reason = OutputFile::writeFile(path, extra.text.toUtf8());
            if (!reason && extra.isExecutable
                && !QFile::setPermissions(
                        path, QFile::permissions(path) | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther))
                reason = tr("cannot make it executable");
            if (reason) {
                cli.err() << tr("portolan-cli export: cannot write \"%1\": %2").arg(path, *reason)
                          << Qt::endl;
                return CliContext::WriteError;
            }
        }
    }
    // The count goes to standard error, so that standard output stays the export alone.
    const auto summary = [&cli, &result]() {
        cli.err() << tr("portolan-cli export: %1").arg(result.summary()) << Qt::endl;
    };
    if (!parser.isSet(QStringLiteral("output"))) {
        cli.out() << QString::fromUtf8(text);
        const int status = cli.finish(CliContext::Success);
        if (status == CliContext::Success)
            summary();
        return status;
    }
    const QString fileName = parser.value(QStringLiteral("output"));
    if (const auto reason = OutputFile::writeFile(fileName, text)) {
        cli.err() << tr("portolan-cli export: cannot write \"%1\": %2").arg(fileName, *reason) << Qt::endl;
        return CliContext::WriteError;
    }
    summary();
    return CliContext::Success;
}
