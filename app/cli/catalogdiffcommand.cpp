#include "catalogdiffcommand.h"

#include "app/cli/clicontext.h"
#include "core/catalog/catalogdiff.h"
#include "core/catalog/catalogloader.h"

#include <QJsonDocument>

int CatalogDiffCommand::run(const QStringList &arguments)
{
    CliContext cli;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Compare two catalogs flow by flow: added, removed and changed flows, "
               "with the old and new value of every changed field."));
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    CliContext::addFormatOption(parser, formats);
    CliContext::addLanguageOption(parser);
    parser.addPositionalArgument(QStringLiteral("old"),
                                 tr("The older catalog (\"builtin\": the built-in one)."));
    parser.addPositionalArgument(QStringLiteral("new"),
                                 tr("The newer catalog (\"builtin\": the built-in one)."));
    if (!cli.parse(parser, arguments))
        return parser.isSet(QStringLiteral("help")) ? cli.finish(CliContext::Success)
                                                    : CliContext::UsageError;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 2) {
        cli.err() << tr("portolan-cli catalog diff: give two catalogs, OLD and NEW") << Qt::endl;
        return CliContext::UsageError;
    }
    const auto format = cli.format(parser, formats);
    if (!format || !cli.language(parser))
        return CliContext::UsageError;
    QList<Catalog> catalogs;
    for (const QString &file : files) {
        const auto result = CatalogLoader::loadFile(
                file == QLatin1String("builtin") ? CatalogLoader::builtinFileName() : file);
        if (!result.isOk()) {
            cli.err() << tr("portolan-cli: catalog rejected: %1").arg(result.error.toString()) << Qt::endl;
            return CliContext::UsageError;
        }
        catalogs.append(*result.catalog);
    }
    const auto changes = CatalogDiff::compare(catalogs.at(0), catalogs.at(1));
    if (*format == QLatin1String("json"))
        cli.out() << QString::fromUtf8(
                QJsonDocument(CatalogDiff::json(changes)).toJson(QJsonDocument::Indented));
    else
        cli.out() << CatalogDiff::text(changes);
    return cli.finish(changes.isEmpty() ? CliContext::Success : CliContext::Failure);
}
