#include "clicontext.h"

#include "core/catalog/catalogloader.h"
#include "core/i18n/translations.h"

#include <QCoreApplication>
#include <QIODevice>

#include <cstdio>

CliContext::CliContext()
    : m_out(stdout)
    , m_err(stderr)
{ }

void CliContext::addCatalogOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("catalog"), tr("Use the catalog in <file> instead of the built-in one."),
                      QStringLiteral("file")});
}

void CliContext::addLanguageOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("lang"), tr("Language of the text: en or ja."),
                      QStringLiteral("language"), QStringLiteral("en")});
}

void CliContext::addFormatOption(QCommandLineParser &parser, const QStringList &formats)
{
    parser.addOption({QStringLiteral("format"),
                      tr("Output format: %1.").arg(formats.join(QStringLiteral(", "))),
                      QStringLiteral("format"), formats.first()});
}

void CliContext::addRoleOption(QCommandLineParser &parser, const QString &description)
{
    parser.addOption({QStringLiteral("role"), description, QStringLiteral("role")});
}

bool CliContext::parse(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        m_err << parser.errorText() << Qt::endl;
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        // QCommandLineParser names the executable's path; show the command as typed instead.
        QString help = parser.helpText();
        help.replace(QCoreApplication::arguments().constFirst(), arguments.constFirst());
        m_out << help << Qt::flush;
        return false;
    }
    return true;
}

std::optional<Catalog> CliContext::loadCatalog(const QCommandLineParser &parser)
{
    const QString file = parser.isSet(QStringLiteral("catalog")) ? parser.value(QStringLiteral("catalog"))
                                                                 : CatalogLoader::builtinFileName();
    CatalogLoader::Result result = CatalogLoader::loadFile(file);
    if (!result.isOk()) {
        m_err << tr("portolan-cli: catalog rejected: %1").arg(result.error.toString()) << Qt::endl;
        return std::nullopt;
    }
    return result.catalog;
}

std::optional<Language> CliContext::language(const QCommandLineParser &parser)
{
    const auto language = languageFromCode(parser.value(QStringLiteral("lang")));
    if (!language) {
        m_err << tr("portolan-cli: unknown language \"%1\" (en or ja)")
                         .arg(parser.value(QStringLiteral("lang")))
              << Qt::endl;
        return std::nullopt;
    }
    Translations::install(*language);
    return language;
}

std::optional<QString> CliContext::format(const QCommandLineParser &parser, const QStringList &formats)
{
    const QString value = parser.value(QStringLiteral("format"));
    if (!formats.contains(value)) {
        m_err << tr("portolan-cli: unknown format \"%1\" (%2)").arg(value, formats.join(QStringLiteral(", ")))
              << Qt::endl;
        return std::nullopt;
    }
    return value;
}

std::optional<QStringList> CliContext::roles(const QCommandLineParser &parser, const Catalog &catalog,
                                             const QString &command)
{
    const QStringList values = parser.values(QStringLiteral("role"));
    for (const QString &role : values) {
        const Component *component = catalog.component(role);
        if (component && component->isRole)
            continue;
        QStringList known;
        for (const Component &c : catalog.components) {
            if (c.isRole)
                known.append(c.id);
        }
        m_err << tr("%1: --role \"%2\" is not a role (%3)")
                         .arg(command, role, known.join(QStringLiteral(", ")))
              << Qt::endl;
        return std::nullopt;
    }
    return values;
}

int CliContext::finish(int exitCode)
{
    m_out.flush();
    if (m_out.status() == QTextStream::Ok)
        return exitCode;
    const QString reason = m_out.device() ? m_out.device()->errorString() : QString();
    m_err << tr("portolan-cli: cannot write to standard output: %1").arg(reason) << Qt::endl;
    return WriteError;
}
