#include "catalogcommand.h"

#include "app/cli/catalogdiffcommand.h"
#include "app/cli/catalogverifycommand.h"
#include "app/cli/clicontext.h"
#include "core/catalog/cataloginfo.h"
#include "core/catalog/catalogrecords.h"
#include "core/catalog/flowfilter.h"
#include "core/util/controlcharacters.h"
#include "core/util/csvwriter.h"
#include "core/util/jsonarraywriter.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

int CatalogCommand::run(const QStringList &arguments)
{
    // "catalog diff …" and "catalog verify …" are commands of their own.
    const QString verb = arguments.value(1);
    if (verb == QLatin1String("diff") || verb == QLatin1String("verify")) {
        QStringList rest = arguments.mid(2);
        rest.prepend(arguments.constFirst() + QLatin1Char(' ') + verb);
        return verb == QLatin1String("diff") ? CatalogDiffCommand::run(rest)
                                             : CatalogVerifyCommand::run(rest);
    }
    CliContext cli;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print the catalog, one record per flow and endpoint."));
    const QStringList formats{QStringLiteral("text"), QStringLiteral("csv"), QStringLiteral("json")};
    CliContext::addCatalogOption(parser);
    CliContext::addLanguageOption(parser);
    CliContext::addFormatOption(parser, formats);
    parser.addOption({QStringLiteral("info"),
                      tr("Print the catalog's identity (version, page, date read, "
                         "SHA-256 of the saved page) and its counts, nothing else.")});
    parser.addPositionalArgument(
            QStringLiteral("diff|verify"),
            tr("catalog diff OLD NEW: what changed; catalog verify --page FILE: the catalog "
               "against a saved page (see their --help)."));
    CliContext::addRoleOption(parser,
                              tr("Only flows in which this component (agent, relay, ...) takes part, with "
                                 "the direction for it; repeatable."));
    if (!cli.parse(parser, arguments))
        return parser.isSet(QStringLiteral("help")) ? cli.finish(CliContext::Success)
                                                    : CliContext::UsageError;
    if (!parser.positionalArguments().isEmpty()) {
        cli.err() << tr("portolan-cli catalog: unexpected argument \"%1\"")
                             .arg(parser.positionalArguments().first())
                  << Qt::endl;
        return CliContext::UsageError;
    }
    const auto language = cli.language(parser);
    const auto format = cli.format(parser, formats);
    const auto catalog = language && format ? cli.loadCatalog(parser) : std::nullopt;
    if (!catalog)
        return CliContext::UsageError;
    const auto roles = cli.roles(parser, *catalog, QStringLiteral("portolan-cli catalog"));
    if (!roles)
        return CliContext::UsageError;

    if (parser.isSet(QStringLiteral("info"))) {
        cli.out() << CatalogInfo::text(*catalog, *language);
        return cli.finish(CliContext::Success);
    }

    // One record at a time, written as it is made: a listing of a large catalog never holds
    // all its records, nor their text.
    const QDate today = QDate::currentDate();
    FlowFilter filter;
    filter.roles = *roles;
    const QStringList fields = CatalogRecords::fieldNames();
    std::optional<JsonArrayWriter> json;
    if (*format == QLatin1String("json"))
        json.emplace(cli.out());
    else if (*format == QLatin1String("csv"))
        cli.out() << CsvWriter::row(fields);
    for (const CatalogRowRef &ref : catalog->rows()) {
        if (cli.out().status() != QTextStream::Ok)
            break; // a closed pipe: finish() says so
        if (!filter.acceptsFlow(*catalog, catalog->flows.at(ref.flow)))
            continue;
        const QJsonObject record = CatalogRecords::record(*catalog, ref, *language, today, *roles);
        if (json) {
            json->append(record);
        } else if (*format == QLatin1String("csv")) {
            cli.out() << CsvWriter::row(CatalogRecords::cells(record));
        } else {
            const QStringList cells = CatalogRecords::cells(record);
            for (int i = 0; i < fields.size(); ++i) {
                // A loaded catalog's text reaches the terminal: no control characters.
                if (!cells.at(i).isEmpty())
                    cli.out() << fields.at(i) << QStringLiteral(": ")
                              << ControlCharacters::escaped(cells.at(i)) << '\n';
            }
            cli.out() << '\n';
        }
    }
    if (json)
        json->finish();
    return cli.finish(CliContext::Success);
}
