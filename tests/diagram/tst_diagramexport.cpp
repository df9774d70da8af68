#include "core/catalog/catalogloader.h"
#include "core/diagram/diagramexporter.h"
#include "core/diagram/diagramlayout.h"
#include "core/i18n/translations.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

Q_DECLARE_METATYPE(Language)

namespace {
QString withoutSpaces(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s")));
    return text;
}

// The text of every <text> element, in document order.
QString svgText(const QByteArray &svg, QString *error)
{
    QXmlStreamReader reader(svg);
    QString text;
    int depth = 0;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("text"))
            ++depth;
        else if (reader.isEndElement() && reader.name() == QLatin1String("text"))
            --depth;
        else if (reader.isCharacters() && depth > 0)
            text += reader.text();
    }
    if (reader.hasError())
        *error = QStringLiteral("%1 at line %2").arg(reader.errorString()).arg(reader.lineNumber());
    return text;
}

QSizeF pdfMediaBox(const QByteArray &pdf)
{
    const QRegularExpression re(QStringLiteral(
            "/MediaBox\\s*\\[\\s*([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s*\\]"));
    const QRegularExpressionMatch m = re.match(QString::fromLatin1(pdf));
    if (!m.hasMatch())
        return {};
    return QSizeF(m.captured(3).toDouble() - m.captured(1).toDouble(),
                  m.captured(4).toDouble() - m.captured(2).toDouble());
}
} // namespace

// Export to SVG, PNG and PDF, from the library and from portolan-cli.
class TestDiagramExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void svg_data();
    void svg();
    void png_data();
    void png();
    void pdf();
    void handout();
    void cli_data();
    void cli();
    void cliErrors_data();
    void cliErrors();
    void unwritable();

private:
    DiagramModel layout(Language language, const QString &role = {}, bool hosts = false) const;
    Catalog m_catalog;
    QTemporaryDir m_dir;
};

void TestDiagramExport::initTestCase()
{
    const CatalogLoader::Result result = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    QVERIFY(result.isOk());
    m_catalog = *result.catalog;
    QVERIFY(m_dir.isValid());
}

DiagramModel TestDiagramExport::layout(Language language, const QString &role, bool hosts) const
{
    DiagramOptions options;
    options.language = language;
    options.role = role;
    options.showHosts = hosts;
    return DiagramLayout::layout(m_catalog, options);
}

void TestDiagramExport::svg_data()
{
    QTest::addColumn<Language>("language");
    QTest::addRow("en") << Language::English;
    QTest::addRow("ja") << Language::Japanese;
}

void TestDiagramExport::svg()
{
    QFETCH(Language, language);
    const DiagramModel model = layout(language);
    const QString file = m_dir.filePath(QStringLiteral("d-%1.svg").arg(languageCode(language)));
    const DiagramExporter::Result result =
            DiagramExporter::write(model, {}, DiagramExporter::Format::Svg, file);
    QVERIFY2(result.isOk(), qPrintable(result.error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray data = f.readAll();
    QString error;
    const QString text = withoutSpaces(svgText(data, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(data.contains("<svg"));
    for (const QString &label : model.texts())
        QVERIFY2(text.contains(withoutSpaces(label)), qPrintable(label));
}

void TestDiagramExport::png_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<qreal>("scale");
    QTest::addRow("en-1") << Language::English << 1.0;
    QTest::addRow("ja-1") << Language::Japanese << 1.0;
    QTest::addRow("en-2") << Language::English << 2.0;
}

void TestDiagramExport::png()
{
    QFETCH(Language, language);
    QFETCH(qreal, scale);
    const DiagramModel model = layout(language);
    const QString file = m_dir.filePath(QStringLiteral("d.png"));
    const DiagramExporter::Result result =
            DiagramExporter::write(model, {}, DiagramExporter::Format::Png, file, scale);
    QVERIFY2(result.isOk(), qPrintable(result.error));
    QImage image(file);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), DiagramExporter::pngSize(model, scale));
    QCOMPARE(image.width(), qCeil(model.bounds.width() * scale));
    QVERIFY(image.width() > 800 && image.height() > 600);
    // Something is drawn: dark pixels (lines, text) exist.
    int dark = 0;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            dark += qGray(image.pixel(x, y)) < 100 ? 1 : 0;
    }
    QVERIFY(dark > 500);
}

void TestDiagramExport::pdf()
{
    const DiagramModel model = layout(Language::Japanese);
    const QString file = m_dir.filePath(QStringLiteral("d.pdf"));
    const DiagramExporter::Result result =
            DiagramExporter::write(model, {}, DiagramExporter::Format::Pdf, file);
    QVERIFY2(result.isOk(), qPrintable(result.error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray data = f.readAll();
    QVERIFY(data.startsWith("%PDF-"));
    QVERIFY(data.size() > 10000);
    // A4 landscape here (the C locale measures in metres), Letter landscape when asked.
    QSizeF box = pdfMediaBox(data);
    QVERIFY2(qAbs(box.width() - 841.9) < 1.5 && qAbs(box.height() - 595.3) < 1.5,
             qPrintable(QStringLiteral("%1 x %2").arg(box.width()).arg(box.height())));
    QVERIFY(DiagramExporter::write(model, {}, DiagramExporter::Format::Pdf, file, 1.0, QPageSize::Letter)
                    .isOk());
    QVERIFY(f.seek(0));
    f.close();
    QVERIFY(f.open(QIODevice::ReadOnly));
    box = pdfMediaBox(f.readAll());
    QVERIFY2(qAbs(box.width() - 792) < 1.5 && qAbs(box.height() - 612) < 1.5,
             qPrintable(QStringLiteral("%1 x %2").arg(box.width()).arg(box.height())));
    QCOMPARE(DiagramExporter::defaultPaper(QLocale(QLocale::English, QLocale::UnitedStates)),
             QPageSize::Letter);
    QCOMPARE(DiagramExporter::defaultPaper(QLocale(QLocale::Japanese, QLocale::Japan)), QPageSize::A4);
}

void TestDiagramExport::handout()
{
    // The overview and one page per step; Japanese text embedded, A4 landscape by default.
    const DiagramModel model = layout(Language::Japanese, QStringLiteral("agent"));
    const QString file = m_dir.filePath(QStringLiteral("handout.pdf"));
    const auto result = DiagramExporter::writeHandout(m_catalog, model, Language::Japanese, file);
    QVERIFY2(result.isOk(), qPrintable(result.error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray data = f.readAll();
    QVERIFY(data.startsWith("%PDF-"));
    const int pages =
            int(QString::fromLatin1(data).count(QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]"))));
    QCOMPARE(pages, int(model.flows.size()) + 1);
    const QSizeF box = pdfMediaBox(data);
    QVERIFY(qAbs(box.width() - 841.9) < 1.5 && qAbs(box.height() - 595.3) < 1.5);
    // A path that cannot be written: said, nothing left behind.
    const QString bad = m_dir.filePath(QStringLiteral("missing/handout.pdf"));
    const auto failed = DiagramExporter::writeHandout(m_catalog, model, Language::Japanese, bad);
    QVERIFY(!failed.isOk() && failed.cannotWrite);
    QVERIFY(!QFile::exists(bad));
}

void TestDiagramExport::cli_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("role");
    QTest::addRow("svg") << QStringList{"--format", "svg"} << "cli.out" << Language::English << QString();
    QTest::addRow("png from suffix") << QStringList{} << "cli.png" << Language::English << QString();
    QTest::addRow("png ja relay") << QStringList{"--lang", "ja", "--role", "relay"} << "cli-ja.png"
                                  << Language::Japanese << "relay";
    QTest::addRow("pdf") << QStringList{"--format", "pdf", "--lang", "ja"} << "cli.pdf" << Language::Japanese
                         << QString();
    QTest::addRow("svg with host names")
            << QStringList{"--hosts", "--role", "dcg"} << "cli-hosts.svg" << Language::English << "dcg";
}

void TestDiagramExport::cli()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, fileName);
    QFETCH(Language, language);
    QFETCH(QString, role);
    const QString file = m_dir.filePath(fileName);
    QFile::remove(file);
    QProcess process;
    process.start(QStringLiteral(PORTOLAN_CLI), QStringList{"diagram", "--output", file} + arguments);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray data = f.readAll();
    QVERIFY(!data.isEmpty());
    // The CLI draws the legend in the UI language of --lang: lay out with the same translation.
    Translations::install(language);
    const DiagramModel model = layout(language, role, arguments.contains(QStringLiteral("--hosts")));
    Translations::install(Language::English);
    if (arguments.contains(QStringLiteral("--hosts")))
        QVERIFY(model.texts().join(QString()).contains(
                QStringLiteral("gateway-control.workload.us-1.cloudone.trendmicro.com")));
    if (fileName.endsWith(QLatin1String(".png"))) {
        QCOMPARE(QImage::fromData(data).size(), DiagramExporter::pngSize(model));
    } else if (fileName.endsWith(QLatin1String(".pdf"))) {
        QVERIFY(data.startsWith("%PDF-"));
        QVERIFY(qAbs(pdfMediaBox(data).width() - 841.9) < 1.5); // A4 landscape
    } else {
        QString error;
        const QString text = withoutSpaces(svgText(data, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString &label : model.texts())
            QVERIFY2(text.contains(withoutSpaces(label)), qPrintable(label));
    }
}

void TestDiagramExport::cliErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no output") << QStringList{"--format", "svg"} << "--output";
    QTest::addRow("bad format") << QStringList{"--format", "gif", "--output", "x.gif"} << "gif";
    QTest::addRow("bad suffix") << QStringList{"--output", "x.bmp"} << "x.bmp";
    QTest::addRow("bad role") << QStringList{"--role", "toaster", "--output", "x.svg"} << "toaster";
    QTest::addRow("bad language") << QStringList{"--lang", "fr", "--output", "x.svg"} << "fr";
    QTest::addRow("bad scale") << QStringList{"--scale", "0", "--output", "x.png"} << "--scale";
}

void TestDiagramExport::cliErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral(PORTOLAN_CLI), QStringList{"diagram"} + arguments);
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    const QString err = QString::fromLocal8Bit(process.readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.svg"))));
}

void TestDiagramExport::unwritable()
{
    const DiagramModel model = layout(Language::English);
    const QString file = m_dir.filePath(QStringLiteral("missing/dir/d.svg"));
    const DiagramExporter::Result result =
            DiagramExporter::write(model, {}, DiagramExporter::Format::Svg, file);
    QVERIFY(!result.isOk());
    QVERIFY2(result.error.contains(file), qPrintable(result.error));
    QVERIFY(!QFile::exists(file));

    QProcess process;
    process.start(QStringLiteral(PORTOLAN_CLI), QStringList{"diagram", "--output", file});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 74); // EX_IOERR: the output could not be written
    QVERIFY(result.cannotWrite);
}

QTEST_MAIN(TestDiagramExport)
#include "tst_diagramexport.moc"
