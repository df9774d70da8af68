#pragma once

#include "core/catalog/catalog.h"
#include "core/i18n/language.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <optional>

// What every portolan-cli command shares: streams, the --catalog and --lang options, exit codes.
class CliContext
{
    Q_DECLARE_TR_FUNCTIONS(CliContext)

public:
    // WriteError is EX_IOERR of sysexits.h: the output (standard output or --output) could not be
    // written; the reason goes to standard error.
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2, WriteError = 74 };

    CliContext();

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    static void addCatalogOption(QCommandLineParser &parser);
    static void addLanguageOption(QCommandLineParser &parser);
    static void addFormatOption(QCommandLineParser &parser, const QStringList &formats);
    // --role, repeatable: a component id of the catalog that is a role (agent, relay, ...).
    static void addRoleOption(QCommandLineParser &parser, const QString &description);

    // Parses arguments (the command name first); on error prints it and returns false.
    bool parse(QCommandLineParser &parser, const QStringList &arguments);
    // Loads --catalog or the built-in catalog; on error prints the located message.
    std::optional<Catalog> loadCatalog(const QCommandLineParser &parser);
    // --lang, installing the UI translation for it; nothing on a bad value (after printing it).
    std::optional<Language> language(const QCommandLineParser &parser);
    // --format, checked against the allowed values.
    std::optional<QString> format(const QCommandLineParser &parser, const QStringList &formats);
    // --role values, each checked against the catalog's roles; nothing on a bad one (after
    // printing it, prefixed with the command, e.g. "portolan-cli lookup").
    std::optional<QStringList> roles(const QCommandLineParser &parser, const Catalog &catalog,
                                     const QString &command);

    // Flushes standard output. Returns exitCode, or WriteError after printing why standard
    // output could not be written (a full disk, /dev/full, a closed descriptor).
    int finish(int exitCode);

private:
    QTextStream m_out;
    QTextStream m_err;
};
