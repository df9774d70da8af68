#include "catalogverifycommand.h"

#include "app/cli/clicontext.h"
#include "core/catalog/catalogloader.h"
#include "core/catalog/catalogverify.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

int CatalogVerifyCommand::run(const QStringList &arguments)
{
    CliContext cli;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr(
            "Check the catalog against a saved copy of the vendor's page (HTML or text, Japanese or "
            "English): "
            "every host, URL, address, subnet and port on the page must be in the catalog, and the catalog "
            "must have nothing the page does not."));
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    CliContext::addCatalogOption(parser);
    CliContext::addFormatOption(parser, formats);
    CliContext::addLanguageOption(parser);
    parser.addOption({QStringLiteral("page"), tr("The saved page."), QStringLiteral("file")});
    if (!cli.parse(parser, arguments))
        return parser.isSet(QStringLiteral("help")) ? cli.finish(CliContext::Success)
                                                    : CliContext::UsageError;
    if (!parser.isSet(QStringLiteral("page")) || !parser.positionalArguments().isEmpty()) {
        cli.err() << tr("portolan-cli catalog verify: give the saved page with --page FILE") << Qt::endl;
        return CliContext::UsageError;
    }
    const auto format = cli.format(parser, formats);
    const auto language = format ? cli.language(parser) : std::nullopt;
    const auto catalog = language ? cli.loadCatalog(parser) : std::nullopt;
    if (!catalog)
        return CliContext::UsageError;

    QFile file(parser.value(QStringLiteral("page")));
    if (!file.open(QIODevice::ReadOnly)) {
        cli.err() << tr("portolan-cli catalog verify: %1: %2").arg(file.fileName(), file.errorString())
                  << Qt::endl;
        return CliContext::UsageError;
    }
    // Pipes and devices report no size: bound the read itself.
    const QByteArray data = file.read(CatalogLoader::MaxFileSize + 1);
    if (data.size() > CatalogLoader::MaxFileSize) {
        cli.err() << tr("portolan-cli catalog verify: %1: the page is larger than %2 MiB")
                             .arg(file.fileName())
                             .arg(CatalogLoader::MaxFileSize / (1024 * 1024))
                  << Qt::endl;
        return CliContext::UsageError;
    }
    const auto page = CatalogVerify::extract(QString::fromUtf8(data));
    const auto differences = CatalogVerify::compare(page, CatalogVerify::extract(*catalog));

    if (*format == QLatin1String("json")) {
        QJsonArray missing;
        QJsonArray extra;
        for (const auto &d : differences) {
            const QJsonObject o{{QStringLiteral("kind"), CatalogVerify::kindName(d.kind)},
                                {QStringLiteral("value"), d.value}};
            (d.missingFromCatalog ? missing : extra).append(o);
        }
        const QJsonObject root{{QStringLiteral("page"), file.fileName()},
                               {QStringLiteral("hosts"), int(page.hosts.size())},
                               {QStringLiteral("urls"), int(page.urls.size())},
                               {QStringLiteral("addresses"), int(page.addresses.size())},
                               {QStringLiteral("subnets"), int(page.subnets.size())},
                               {QStringLiteral("ports"), int(page.ports.size())},
                               {QStringLiteral("missingFromCatalog"), missing},
                               {QStringLiteral("notOnPage"), extra}};
        cli.out() << QString::fromUtf8(QJsonDocument(root).toJson(QJsonDocument::Indented));
    } else {
        cli.out() << tr("On the page: hosts %1, URLs %2, addresses %3, subnets %4, ports %5.")
                             .arg(page.hosts.size())
                             .arg(page.urls.size())
                             .arg(page.addresses.size())
                             .arg(page.subnets.size())
                             .arg(page.ports.size())
                  << '\n';
        if (differences.isEmpty())
            cli.out() << tr("The catalog holds every one of them, and nothing else.") << '\n';
        for (const auto &d : differences) {
            cli.out() << (d.missingFromCatalog ? tr("missing from the catalog: %1 %2")
                                               : tr("in the catalog, not on the page: %1 %2"))
                                 .arg(CatalogVerify::kindName(d.kind), d.value)
                      << '\n';
        }
    }
    return cli.finish(differences.isEmpty() ? CliContext::Success : CliContext::Failure);
}
