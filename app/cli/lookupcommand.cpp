#include "lookupcommand.h"

#include "catalog/cataloglookup.h"
#include "catalog/catalogtext.h"
#include "clicontext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QString reasonName(CatalogLookup::Reason reason)
{
    switch (reason) {
    case CatalogLookup::Reason::ExactHost:
        return QStringLiteral("exact-host");
    case CatalogLookup::Reason::WildcardHost:
        return QStringLiteral("wildcard-host");
    case CatalogLookup::Reason::UrlHost:
        return QStringLiteral("url-host");
    case CatalogLookup::Reason::Url:
        return QStringLiteral("url");
    case CatalogLookup::Reason::ExactAddress:
        return QStringLiteral("exact-address");
    case CatalogLookup::Reason::InsideSubnet:
        return QStringLiteral("inside-subnet");
    }
    return {};
}
} // namespace

int LookupCommand::run(const QStringList &arguments)
{
    CliContext cli;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
            "LookupCommand", "Find the catalog entries that cover addresses, host names or URLs."));
    parser.addPositionalArgument(QStringLiteral("value"), tr("An IP address, host name or URL."),
                                 QStringLiteral("VALUE..."));
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    CliContext::addCatalogOption(parser);
    CliContext::addLanguageOption(parser);
    CliContext::addFormatOption(parser, formats);
    if (!cli.parse(parser, arguments))
        return parser.isSet(QStringLiteral("help")) ? CliContext::Success : CliContext::UsageError;
    const QStringList values = parser.positionalArguments();
    if (values.isEmpty()) {
        cli.err() << QCoreApplication::translate("LookupCommand",
                                                 "portolan-cli lookup: give at least one value")
                  << Qt::endl;
        return CliContext::UsageError;
    }
    const auto language = cli.language(parser);
    const auto format = cli.format(parser, formats);
    const auto catalog = language && format ? cli.loadCatalog(parser) : std::nullopt;
    if (!catalog)
        return CliContext::UsageError;

    const CatalogLookup lookup(*catalog);
    bool allMatched = true;
    bool anyInvalid = false;
    QJsonArray results;
    for (const QString &value : values) {
        const CatalogLookup::Query query = CatalogLookup::parse(value);
        const QList<CatalogLookup::Match> matches = lookup.lookup(query);
        QJsonArray jsonMatches;
        if (query.kind == CatalogLookup::Query::Kind::Invalid) {
            anyInvalid = true;
            cli.err() << QCoreApplication::translate(
                                 "LookupCommand",
                                 "portolan-cli lookup: \"%1\" is not an IP address, host name or URL")
                                 .arg(value)
                      << Qt::endl;
        } else if (*format == QLatin1String("text")) {
            cli.out() << value << '\n';
            if (matches.isEmpty())
                cli.out() << QStringLiteral("  ") << tr("not in the catalog") << '\n';
        }
        for (const CatalogLookup::Match &m : matches) {
            const Entry &e = catalog->entries.at(m.entry);
            if (*format == QLatin1String("text")) {
                cli.out() << QStringLiteral("  %1  %2  [%3 → %4, %5]\n")
                                     .arg(e.id, m.explanation(),
                                          CatalogText::componentNames(*catalog, e.sources, *language),
                                          CatalogText::componentNames(*catalog, {e.destination}, *language),
                                          CatalogText::ports(e.ports));
            }
            jsonMatches.append(QJsonObject{{QStringLiteral("entry"), e.id},
                                           {QStringLiteral("endpoint"), m.pattern},
                                           {QStringLiteral("reason"), reasonName(m.reason)},
                                           {QStringLiteral("explanation"), m.explanation()},
                                           {QStringLiteral("expired"), m.isExpired},
                                           {QStringLiteral("service"), e.service.text(*language)}});
        }
        if (matches.isEmpty())
            allMatched = false;
        results.append(
                QJsonObject{{QStringLiteral("value"), value},
                            {QStringLiteral("valid"), query.kind != CatalogLookup::Query::Kind::Invalid},
                            {QStringLiteral("matches"), jsonMatches}});
    }
    if (*format == QLatin1String("json"))
        cli.out() << QString::fromUtf8(QJsonDocument(results).toJson(QJsonDocument::Indented));
    cli.out().flush();
    if (anyInvalid)
        return CliContext::UsageError;
    return allMatched ? CliContext::Success : CliContext::Failure;
}
