#include "diagramlauncher.h"

#include "app/cli/clicontext.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

#ifdef Q_OS_UNIX
#include <unistd.h>

#include <vector>
#endif

namespace {
constexpr int Unavailable = 69; // EX_UNAVAILABLE
const QString HelperName = QStringLiteral("portolan-diagram");
} // namespace

QStringList DiagramLauncher::candidates()
{
    const QDir here(QCoreApplication::applicationDirPath());
    QStringList paths{here.filePath(HelperName)};
    paths.append(QDir::cleanPath(here.filePath(QStringLiteral(PORTOLAN_LIBEXEC_RELATIVE "/") + HelperName)));
#ifdef Q_OS_WIN
    for (QString &path : paths)
        path += QStringLiteral(".exe");
#endif
    return paths;
}

int DiagramLauncher::run(const QStringList &arguments)
{
    QString helper;
    for (const QString &path : candidates()) {
        if (QFileInfo(path).isExecutable()) {
            helper = path;
            break;
        }
    }
    if (helper.isEmpty()) {
        CliContext cli;
        cli.err() << tr("portolan-cli diagram: the diagram needs the graphical part of Portolan (%1, in the "
                        "portolan package), which is not installed here; every other command works "
                        "without it.")
                             .arg(HelperName)
                  << Qt::endl;
        return Unavailable;
    }
#ifdef Q_OS_UNIX
    // Replaced by the helper: standard streams, signals and the exit status are its own.
    std::vector<QByteArray> storage{QFile::encodeName(helper)};
    for (const QString &argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &argument : storage)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    ::execv(argv.front(), argv.data());
    CliContext cli;
    cli.err() << tr("portolan-cli diagram: cannot run %1: %2")
                         .arg(helper, QString::fromLocal8Bit(strerror(errno)))
              << Qt::endl;
    return Unavailable;
#else
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.setInputChannelMode(QProcess::ForwardedInputChannel);
    process.start(helper, arguments);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit)
        return Unavailable;
    return process.exitCode();
#endif
}
