#include "diagramcommand.h"

#include "app/cli/clicontext.h"
#include "core/diagram/diagramexporter.h"
#include "core/diagram/diagramlayout.h"

#include <QCoreApplication>

int DiagramCommand::run(const QStringList &arguments)
{
    CliContext cli;
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Write the ports diagram to an SVG, PNG or PDF file."));
    const QStringList formats = DiagramExporter::formatNames();
    CliContext::addCatalogOption(parser);
    CliContext::addLanguageOption(parser);
    parser.addOption(
            {QStringLiteral("format"),
             tr("Output format: %1 (default: from the file name).").arg(formats.join(QStringLiteral(", "))),
             QStringLiteral("format")});
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")},
                      tr("Write the diagram to <file>."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("role"), tr("Only the flows of this component id (agent, relay, ...)."),
                      QStringLiteral("component")});
    parser.addOption({QStringLiteral("show-expired"),
                      tr("Also draw flows whose endpoints have all expired, marked as expired.")});
    parser.addOption(
            {QStringLiteral("hosts"), tr("Under each arrow's ports, its key host names or addresses.")});
    parser.addOption({QStringLiteral("scale"), tr("PNG scale factor (default 1)."), QStringLiteral("factor"),
                      QStringLiteral("1")});
    parser.addOption({QStringLiteral("paper"), tr("PDF paper, landscape: a4 or letter (default: by locale)."),
                      QStringLiteral("size")});
    parser.addOption({QStringLiteral("handout"),
                      tr("PDF: Present's walkthrough, the overview and one page per step, required flows "
                         "first.")});
    if (!cli.parse(parser, arguments))
        return parser.isSet(QStringLiteral("help")) ? cli.finish(CliContext::Success)
                                                    : CliContext::UsageError;
    const auto usageError = [&cli](const QString &message) {
        cli.err() << message << Qt::endl;
        return CliContext::UsageError;
    };
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("portolan-cli diagram: unexpected argument \"%1\"")
                                  .arg(parser.positionalArguments().first()));
    const QString output = parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        return usageError(tr("portolan-cli diagram: --output FILE is required"));
    const auto format = parser.isSet(QStringLiteral("format"))
            ? DiagramExporter::formatFromName(parser.value(QStringLiteral("format")))
            : DiagramExporter::formatFromFileName(output);
    if (!format)
        return usageError(tr("portolan-cli diagram: unknown format \"%1\" (%2)")
                                  .arg(parser.isSet(QStringLiteral("format"))
                                               ? parser.value(QStringLiteral("format"))
                                               : output,
                                       formats.join(QStringLiteral(", "))));
    std::optional<QPageSize::PageSizeId> paper;
    if (parser.isSet(QStringLiteral("paper"))) {
        const QString name = parser.value(QStringLiteral("paper")).toLower();
        if (name == QLatin1String("a4"))
            paper = QPageSize::A4;
        else if (name == QLatin1String("letter"))
            paper = QPageSize::Letter;
        else
            return usageError(tr("portolan-cli diagram: --paper must be a4 or letter"));
    }
    if (parser.isSet(QStringLiteral("handout")) && *format != DiagramExporter::Format::Pdf)
        return usageError(tr("portolan-cli diagram: --handout writes a PDF"));
    bool scaleOk = false;
    const qreal scale = parser.value(QStringLiteral("scale")).toDouble(&scaleOk);
    if (!scaleOk || scale <= 0 || scale > 8)
        return usageError(tr("portolan-cli diagram: --scale must be a number in (0, 8]"));
    const auto language = cli.language(parser);
    const auto catalog = language ? cli.loadCatalog(parser) : std::nullopt;
    if (!catalog)
        return CliContext::UsageError;
    DiagramOptions options;
    options.language = *language;
    options.role = parser.value(QStringLiteral("role"));
    options.includeExpired = parser.isSet(QStringLiteral("show-expired"));
    options.showHosts = parser.isSet(QStringLiteral("hosts"));
    if (!options.role.isEmpty() && !catalog->component(options.role))
        return usageError(tr("portolan-cli diagram: unknown component \"%1\"").arg(options.role));

    const DiagramModel model = DiagramLayout::layout(*catalog, options);
    const DiagramExporter::Result result = parser.isSet(QStringLiteral("handout"))
            ? DiagramExporter::writeHandout(*catalog, model, *language, output, paper)
            : DiagramExporter::write(model, {}, *format, output, scale, paper);
    if (!result.isOk()) {
        cli.err() << tr("portolan-cli diagram: %1").arg(result.error) << Qt::endl;
        return result.cannotWrite ? CliContext::WriteError : CliContext::Failure;
    }
    return CliContext::Success;
}
