#include "lookupcommand.h"

#include "app/cli/clicontext.h"
#include "core/catalog/cataloglookup.h"
#include "core/catalog/catalogrecords.h"
#include "core/catalog/catalogtext.h"
#include "core/util/controlcharacters.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// The values of a file or of standard input, one per line, or why it cannot be read.
struct ReadValues
{
    QStringList values;
    QString fileName;
    QString errorString;

    explicit operator bool() const { return errorString.isEmpty(); }
    QString error() const
    {
        return LookupCommand::tr("portolan-cli lookup: cannot read \"%1\": %2").arg(fileName, errorString);
    }
};

ReadValues readValues(const QString &fileName)
{
    ReadValues result;
    result.fileName = fileName;
    QFile file;
    const bool opened = fileName == QLatin1String("-")
            ? file.open(stdin, QIODevice::ReadOnly)
            : (file.setFileName(fileName), file.open(QIODevice::ReadOnly));
    if (!opened) {
        result.errorString = file.errorString();
        return result;
    }
    // The values are kept anyway, so the file is read whole; a line longer than any value is
    // cut (and then rejected as a value).
    const QByteArray data = file.readAll();
    constexpr qsizetype maxLine = 4096;
    for (const QByteArray &line : data.split('\n')) {
        const QString value = QString::fromUtf8(line.left(maxLine)).trimmed();
        if (!value.isEmpty() && !value.startsWith(QLatin1Char('#')))
            result.values.append(value);
    }
    return result;
}

struct Printer
{
    const Catalog &catalog;
    Language language;
    QDate today;
    QStringList roles;

    QJsonObject json(const CatalogLookup::Match &m) const
    {
        const QJsonObject record =
                CatalogRecords::record(catalog, {m.flow, m.endpoint}, language, today, roles);
        const Endpoint &endpoint = catalog.flows.at(m.flow).endpoints.at(m.endpoint);
        QJsonObject o{{QStringLiteral("flow"), record.value(QStringLiteral("id"))},
                      {QStringLiteral("reason"), CatalogLookup::Match::reasonName(m.reason)},
                      {QStringLiteral("explanation"), m.explanation()},
                      {QStringLiteral("portMatched"), m.portMatches},
                      {QStringLiteral("validity"), CatalogText::validity(catalog, endpoint, today)}};
        for (const char *field : {"endpoint", "endpointKind", "ports", "initiators", "listener", "direction",
                                  "requirement", "condition", "service", "validUntil", "expired"})
            o.insert(QLatin1String(field), record.value(QLatin1String(field)));
        return o;
    }

    void text(QTextStream &out, const CatalogLookup::Match &m) const
    {
        const Flow &flow = catalog.flows.at(m.flow);
        const QJsonObject record =
                CatalogRecords::record(catalog, {m.flow, m.endpoint}, language, today, roles);
        const QString summary = CatalogText::flowSummary(catalog, flow, language);
        const QString direction = roles.isEmpty() ? summary
                                                  : LookupCommand::tr("%1 for %2: %3")
                                                            .arg(CatalogText::direction(m.direction),
                                                                 roles.join(QStringLiteral(", ")), summary);
        out << QStringLiteral("  %1  %2\n").arg(flow.id, m.explanation());
        out << QStringLiteral("      ")
            << LookupCommand::tr("%1; %2; %3")
                        .arg(direction, CatalogText::ports(m.ports),
                             CatalogText::requirement(catalog, flow, m.endpoint, today))
            << '\n';
        const QString condition = record.value(QStringLiteral("condition")).toString();
        if (!condition.isEmpty())
            out << QStringLiteral("      ") << LookupCommand::tr("condition: %1").arg(condition) << '\n';
        const QString validity = CatalogText::validity(catalog, flow.endpoints.at(m.endpoint), today);
        if (!validity.isEmpty())
            out << QStringLiteral("      ") << validity << '\n';
    }
};
} // namespace

int LookupCommand::run(const QStringList &arguments)
{
    CliContext cli;
    QCommandLineParser parser;
    parser.setApplicationDescription(
            tr("Find the flows whose endpoints cover addresses, host names or URLs, on a port and transport "
               "if given."));
    parser.addPositionalArgument(
            QStringLiteral("value"),
            tr("An IP address, host name or URL, maybe with a port and transport: 1.2.3.4:443, "
               "1.2.3.4:514/udp, \"tcp 1.2.3.4:4118\", \"1.2.3.4 4118/tcp\"."),
            QStringLiteral("VALUE..."));
    parser.addOption({QStringLiteral("file"),
                      tr("Read values from <file>, one per line (\"-\": standard input); blank lines and "
                         "lines starting with # are skipped; repeatable."),
                      QStringLiteral("file")});
    const QStringList formats{QStringLiteral("text"), QStringLiteral("json")};
    CliContext::addCatalogOption(parser);
    CliContext::addLanguageOption(parser);
    CliContext::addFormatOption(parser, formats);
    CliContext::addRoleOption(parser,
                              tr("Only flows in which this component (agent, relay, ...) takes part, with "
                                 "the direction for it; repeatable."));
    if (!cli.parse(parser, arguments))
        return parser.isSet(QStringLiteral("help")) ? cli.finish(CliContext::Success)
                                                    : CliContext::UsageError;
    QStringList values = CatalogLookup::group(parser.positionalArguments());
    for (const QString &fileName : parser.values(QStringLiteral("file"))) {
        const auto read = readValues(fileName);
        if (!read) {
            cli.err() << read.error() << Qt::endl;
            return CliContext::UsageError;
        }
        values += read.values;
    }
    if (values.isEmpty()) {
        cli.err() << tr("portolan-cli lookup: give at least one value") << Qt::endl;
        return CliContext::UsageError;
    }
    const auto language = cli.language(parser);
    const auto format = cli.format(parser, formats);
    const auto catalog = language && format ? cli.loadCatalog(parser) : std::nullopt;
    if (!catalog)
        return CliContext::UsageError;
    const auto roles = cli.roles(parser, *catalog, QStringLiteral("portolan-cli lookup"));
    if (!roles)
        return CliContext::UsageError;

    const bool json = *format == QLatin1String("json");
    const QDate today = QDate::currentDate();
    const CatalogLookup lookup(*catalog, today, *roles);
    const Printer printer{*catalog, *language, today, *roles};
    bool allMatched = true;
    bool anyInvalid = false;
    QJsonArray results;
    for (const QString &value : values) {
        const CatalogLookup::Query query = CatalogLookup::parse(value);
        const bool valid = query.kind != CatalogLookup::Query::Kind::Invalid;
        const QList<CatalogLookup::Match> all = lookup.lookup(query);
        const bool matched = CatalogLookup::isMatched(all);
        QList<CatalogLookup::Match> matches;
        QList<CatalogLookup::Match> mismatches;
        for (const CatalogLookup::Match &m : all)
            (m.portMatches ? matches : mismatches).append(m);
        if (!valid) {
            anyInvalid = true;
            cli.err() << tr("portolan-cli lookup: \"%1\" is not an IP address, host name or URL")
                                 .arg(ControlCharacters::escaped(value))
                      << Qt::endl;
        } else if (!json) {
            cli.out() << ControlCharacters::escaped(value) << '\n';
            const QString answer = CatalogLookup::answer(query, all);
            if (!answer.isEmpty())
                cli.out() << QStringLiteral("  ") << answer << '\n';
            // The flows that match in full; else, briefly, the ports the address is used on.
            for (const CatalogLookup::Match &m : std::as_const(matches))
                printer.text(cli.out(), m);
            if (!matched) {
                for (const CatalogLookup::Match &m : std::as_const(mismatches))
                    cli.out() << QStringLiteral("  %1  %2\n")
                                         .arg(catalog->flows.at(m.flow).id, m.explanation());
            }
        }
        if (!matched)
            allMatched = false;
        QJsonArray jsonMatches;
        for (const CatalogLookup::Match &m : std::as_const(matches))
            jsonMatches.append(printer.json(m));
        QJsonArray jsonMismatches;
        for (const CatalogLookup::Match &m : std::as_const(mismatches))
            jsonMismatches.append(printer.json(m));
        QJsonObject result{{QStringLiteral("value"), value},
                           {QStringLiteral("valid"), valid},
                           {QStringLiteral("matched"), matched},
                           {QStringLiteral("answer"), valid ? CatalogLookup::answer(query, all) : QString()},
                           {QStringLiteral("matches"), jsonMatches},
                           {QStringLiteral("portMismatches"), jsonMismatches}};
        if (query.port != 0)
            result.insert(QStringLiteral("port"), query.port);
        if (query.transport)
            result.insert(QStringLiteral("transport"), Vocabulary::name(*query.transport));
        results.append(result);
    }
    if (json)
        cli.out() << QString::fromUtf8(QJsonDocument(results).toJson(QJsonDocument::Indented));
    return cli.finish(anyInvalid           ? CliContext::UsageError
                              : allMatched ? CliContext::Success
                                           : CliContext::Failure);
}
