// portolan-cli runs on servers without a display stack (issue 13): it links only QtCore and
// QtNetwork, and hands the one command that paints over to portolan-diagram.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class tst_Headless : public QObject
{
    Q_OBJECT

private slots:
    void linksNoDisplayLibrary();
    void runsWithoutDisplay();
    void diagramGoesToTheHelper();
    void diagramWithoutTheHelperSaysSo();

private:
    static QProcessEnvironment headlessEnvironment();
};

QProcessEnvironment tst_Headless::headlessEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "XDG_SESSION_TYPE"})
        environment.remove(QString::fromLatin1(name));
    return environment;
}

void tst_Headless::linksNoDisplayLibrary()
{
    const QString readelf = QStandardPaths::findExecutable(QStringLiteral("readelf"));
    if (readelf.isEmpty())
        QSKIP("readelf (binutils) is not installed");
    QProcess process;
    process.start(readelf, {QStringLiteral("-d"), QStringLiteral(PORTOLAN_CLI)});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    const QString dynamic = QString::fromUtf8(process.readAllStandardOutput());
    QStringList needed;
    const QRegularExpression entry(QStringLiteral(R"(\(NEEDED\)\s+Shared library: \[([^\]]+)\])"));
    for (auto it = entry.globalMatch(dynamic); it.hasNext();)
        needed.append(it.next().captured(1));
    QVERIFY2(needed.contains(QStringLiteral("libQt6Core.so.6")), qPrintable(needed.join(u' ')));
    QVERIFY2(needed.contains(QStringLiteral("libQt6Network.so.6")), qPrintable(needed.join(u' ')));
    const QRegularExpression display(QStringLiteral(
            R"(Qt6(Gui|Widgets|Svg|OpenGL|PrintSupport|DBus)|libX|libxcb|libGL|libEGL|libOpenGL|)"
            R"(wayland|fontconfig|freetype|harfbuzz|libpng|libjpeg)"));
    for (const QString &library : std::as_const(needed))
        QVERIFY2(!display.match(library).hasMatch(),
                 qPrintable(QStringLiteral("portolan-cli needs %1").arg(library)));
}

void tst_Headless::runsWithoutDisplay()
{
    QProcess process;
    process.setProcessEnvironment(headlessEnvironment());
    process.start(QStringLiteral(PORTOLAN_CLI), {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().startsWith("portolan-cli " PORTOLAN_VERSION));
}

void tst_Headless::diagramGoesToTheHelper()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString svg = dir.filePath(QStringLiteral("agent.svg"));
    QProcess process;
    process.setProcessEnvironment(headlessEnvironment());
    process.start(QStringLiteral(PORTOLAN_CLI),
                  {QStringLiteral("diagram"), QStringLiteral("--role"), QStringLiteral("agent"),
                   QStringLiteral("--output"), svg});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(4096).contains("<svg"));

    // Its usage errors are its own, with portolan-cli's exit status for them.
    process.start(QStringLiteral(PORTOLAN_CLI),
                  {QStringLiteral("diagram"), QStringLiteral("--no-such-option")});
    QVERIFY(process.waitForFinished(60000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("no-such-option"));
}

void tst_Headless::diagramWithoutTheHelperSaysSo()
{
    // portolan-cli alone, as on a server with only the portolan-cli package.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString alone = dir.filePath(QStringLiteral("portolan-cli"));
    QVERIFY(QFile::copy(QStringLiteral(PORTOLAN_CLI), alone));
    QProcess process;
    process.setProcessEnvironment(headlessEnvironment());
    process.start(
            alone,
            {QStringLiteral("diagram"), QStringLiteral("--output"), dir.filePath(QStringLiteral("x.svg"))});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 69);
    const QByteArray error = process.readAllStandardError();
    QVERIFY2(error.contains("portolan-diagram") && error.contains("portolan package"), error.constData());
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("x.svg"))));
    // Everything else works there.
    process.start(alone, {QStringLiteral("lookup"), QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitCode(), 0);
}

QTEST_GUILESS_MAIN(tst_Headless)
#include "tst_headless.moc"
