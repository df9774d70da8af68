#include "catalogcommand.h"

#include "catalog/catalogrecords.h"
#include "clicontext.h"
#include "util/csvwriter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

int CatalogCommand::run(const QStringList &arguments)
{
    CliContext cli;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Print the catalog, one record per endpoint."));
    const QStringList formats{QStringLiteral("text"), QStringLiteral("csv"), QStringLiteral("json")};
    CliContext::addCatalogOption(parser);
    CliContext::addLanguageOption(parser);
    CliContext::addFormatOption(parser, formats);
    if (!cli.parse(parser, arguments))
        return parser.isSet(QStringLiteral("help")) ? CliContext::Success : CliContext::UsageError;
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

    const QDate today = QDate::currentDate();
    QJsonArray records;
    for (const CatalogRowRef &ref : catalog->rows())
        records.append(CatalogRecords::record(*catalog, ref, *language, today));

    if (*format == QLatin1String("json")) {
        cli.out() << QString::fromUtf8(QJsonDocument(records).toJson(QJsonDocument::Indented));
    } else if (*format == QLatin1String("csv")) {
        CsvWriter csv;
        csv.addRow(CatalogRecords::fieldNames());
        for (const QJsonValue &r : std::as_const(records))
            csv.addRow(CatalogRecords::cells(r.toObject()));
        cli.out() << csv.text();
    } else {
        const QStringList fields = CatalogRecords::fieldNames();
        for (const QJsonValue &r : std::as_const(records)) {
            const QStringList cells = CatalogRecords::cells(r.toObject());
            for (int i = 0; i < fields.size(); ++i) {
                if (!cells.at(i).isEmpty())
                    cli.out() << fields.at(i) << QStringLiteral(": ") << cells.at(i) << '\n';
            }
            cli.out() << '\n';
        }
    }
    cli.out().flush();
    return CliContext::Success;
}
