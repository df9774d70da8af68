#pragma once

#include "core/catalog/catalog.h"
#include "core/i18n/language.h"

#include <QLocale>
#include <QPageSize>

#include "core/diagram/diagrampainter.h"

#include <QCoreApplication>
#include <QSize>

#include <optional>

// Writes a laid-out diagram to an SVG, PNG or PDF file (atomically, via OutputFile).
class OutputFile;

class DiagramExporter
{
    Q_DECLARE_TR_FUNCTIONS(DiagramExporter)

public:
    enum class Format { Svg, Png, Pdf };

    struct Result
    {
        QString error; // empty on success
        bool cannotWrite = false; // the error is about writing the file, not about the diagram
        bool isOk() const { return error.isEmpty(); }
    };

    static std::optional<Format> formatFromName(const QString &name);
    static QStringList formatNames();
    // The format a file name's suffix asks for.
    static std::optional<Format> formatFromFileName(const QString &fileName);

    // PNG: the diagram's bounds times scale, in pixels. PDF: one landscape page of paper (A4,
    // or Letter where the locale measures in inches, unless given), the diagram scaled to fit
    // within 10 mm margins and centred. SVG: the bounds in user units.
    static Result write(const DiagramModel &model, const DiagramState &state, Format format,
                        const QString &fileName, qreal pngScale = 1.0,
                        std::optional<QPageSize::PageSizeId> paper = std::nullopt);
    // Present's walkthrough on paper, for the customer to keep: one landscape page for the
    // overview, then one per step in Present's order (PresentationSteps), each with its title,
    // its narration in the language and the diagram with that arrow highlighted.
    static Result writeHandout(const Catalog &catalog, const DiagramModel &model, Language language,
                               const QString &fileName,
                               std::optional<QPageSize::PageSizeId> paper = std::nullopt);
    // A4, or Letter for a locale that measures in inches (the US).
    static QPageSize::PageSizeId defaultPaper(const QLocale &locale = QLocale::system());
    static QSize pngSize(const DiagramModel &model, qreal scale = 1.0);
    static QImage renderImage(const DiagramModel &model, const DiagramState &state, qreal scale = 1.0);

private:
    // A writer that failed: the device's write error when there is one, else why.
    static Result failed(const OutputFile &output, const QString &fileName, const QString &why);
};
