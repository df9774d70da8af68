#include "outputfile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace {

// The file QSaveFile really writes: it follows symbolic links to their target.
QString resolvedTarget(const QString &fileName)
{
    QFileInfo info(fileName);
    for (int depth = 0; depth < 128 && info.isSymLink(); ++depth)
        info.setFile(info.symLinkTarget());
    return info.isSymLink() ? fileName : info.filePath();
}

// Random letters rarely read as a word; a word-like suffix is someone's file.
bool looksLikeWord(const QString &letters)
{
    const QString rest = letters.mid(1);
    return letters == letters.toLower() || letters == letters.toUpper()
            || (letters.at(0).isUpper() && rest == rest.toLower());
}

// Forwards writes to the file and finishes short ones. QFile returns a short count without an
// error when the disk fills during a large write, and writers such as QSvgGenerator do not
// look at the count: writing the rest either succeeds or sets the file's error, which commit()
// then finds.
class CompleteWrites final : public QIODevice
{
public:
    explicit CompleteWrites(QFileDevice *file)
        : m_file(file)
    {
        QIODevice::open(QIODevice::WriteOnly);
    }

    int savedErrno() const { return m_savedErrno; }
    bool hasFailed() const { return m_failed; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override
    {
        if (m_failed)
            return -1;
        qint64 done = 0;
        while (done < length) {
            errno = 0;
            const qint64 written = m_file->write(data + done, length - done);
            if (written <= 0) {
                m_savedErrno = errno;
                m_failed = true;
                return -1;
            }
            done += written;
        }
        return length;
    }

private:
    QFileDevice *m_file;
    int m_savedErrno = 0;
    bool m_failed = false;
};

} // namespace

OutputFile::OutputFile(const QString &fileName)
    : m_fileName(fileName)
{ }

OutputFile::~OutputFile() = default;

QFileDevice *OutputFile::file() const
{
    if (m_saveFile)
        return m_saveFile.get();
    return m_directFile.get();
}

QIODevice *OutputFile::device() const
{
    return m_writer.get();
}

QString OutputFile::failure(const QIODevice &device, int savedErrno) const
{
    QString reason = device.errorString();
    const bool generic =
            reason.isEmpty() || reason == QCoreApplication::translate("QIODevice", "Unknown error");
    if (generic && savedErrno != 0)
        reason = qt_error_string(savedErrno);
    return reason;
}

std::optional<QString> OutputFile::open()
{
    if (device())
        return std::nullopt;
    const QString target = resolvedTarget(m_fileName);
    const QFileInfo info(target);
    if (info.exists() && !info.isFile() && !info.isDir()) {
        // A device or FIFO: there is nothing to replace atomically, and replacing it would
        // destroy it.
        m_directFile = std::make_unique<QFile>(target);
        errno = 0;
        if (!m_directFile->open(QIODevice::WriteOnly)) {
            const int savedErrno = errno;
            const QString reason = failure(*m_directFile, savedErrno);
            m_directFile.reset();
            return reason;
        }
        m_writer = std::make_unique<CompleteWrites>(m_directFile.get());
        return std::nullopt;
    }
    removeStaleTemporaries(m_fileName);
    m_saveFile = std::make_unique<QSaveFile>(m_fileName);
    errno = 0;
    if (!m_saveFile->open(QIODevice::WriteOnly)) {
        const int savedErrno = errno;
        const QString reason = failure(*m_saveFile, savedErrno);
        m_saveFile.reset();
        return reason;
    }
    m_writer = std::make_unique<CompleteWrites>(m_saveFile.get());
    return std::nullopt;
}

std::optional<QString> OutputFile::write(const QByteArray &data)
{
    if (!m_writer)
        return tr("the file is not open");
    if (m_writer->write(data) != data.size()) {
        const auto *writer = static_cast<const CompleteWrites *>(m_writer.get());
        return failure(*file(), writer->savedErrno());
    }
    return std::nullopt;
}

std::optional<QString> OutputFile::commit()
{
    if (!m_writer)
        return tr("the file is not open");
    if (const auto reason = writeError()) {
        if (m_saveFile)
            m_saveFile->cancelWriting(); // the target stays as it was
        return reason;
    }
    if (m_directFile) {
        errno = 0;
        const bool flushed = m_directFile->flush();
        const int savedErrno = errno;
        if (!flushed || m_directFile->error() != QFileDevice::NoError)
            return failure(*m_directFile, savedErrno);
        m_directFile->close();
        m_writer.reset();
        m_directFile.reset();
        return std::nullopt;
    }
    errno = 0;
    if (!m_saveFile->flush() || m_saveFile->error() != QFileDevice::NoError)
        return failure(*m_saveFile, errno);
#ifdef Q_OS_UNIX
    // QSaveFile ignores the result of its sync; a full disk or an I/O error may only show here.
    if (::fsync(m_saveFile->handle()) != 0 && errno != EINVAL && errno != EROFS && errno != ENOTSUP) {
        const int savedErrno = errno;
        m_saveFile->cancelWriting();
        return qt_error_string(savedErrno);
    }
#endif
    errno = 0;
    if (!m_saveFile->commit()) {
        const int savedErrno = errno;
        const QString reason = failure(*m_saveFile, savedErrno);
        m_writer.reset();
        m_saveFile.reset();
        return reason;
    }
    m_writer.reset();
    m_saveFile.reset();
    return std::nullopt;
}

std::optional<QString> OutputFile::writeError() const
{
    const auto *writer = static_cast<const CompleteWrites *>(m_writer.get());
    if (!writer || !writer->hasFailed())
        return std::nullopt;
    return failure(*file(), writer->savedErrno());
}

void OutputFile::keepAlive()
{
#ifdef Q_OS_UNIX
    if (m_saveFile && m_saveFile->handle() >= 0)
        ::futimens(m_saveFile->handle(), nullptr);
#endif
}

std::optional<QString> OutputFile::writeFile(const QString &fileName, const QByteArray &data)
{
    OutputFile file(fileName);
    if (auto error = file.open())
        return error;
    if (auto error = file.write(data))
        return error;
    return file.commit();
}

int OutputFile::removeStaleTemporaries(const QString &fileName, qint64 maxAgeSeconds)
{
    const QFileInfo target(resolvedTarget(fileName));
    const QString name = target.fileName();
    if (name.isEmpty())
        return 0;
    // Where QSaveFile's template (QTemporaryFile) puts its random letters: the last run of six
    // or more "X" in the name, else ".XXXXXX" appended to it.
    qsizetype runStart = -1;
    qsizetype runLength = 0;
    for (qsizetype i = name.size() - 1, length = 0; i >= -1; --i) {
        if (i >= 0 && name.at(i) == QLatin1Char('X')) {
            ++length;
            continue;
        }
        if (length >= 6) {
            runStart = i + 1;
            runLength = length;
            break;
        }
        length = 0;
    }
    const QString prefix = runStart >= 0 ? name.left(runStart) : name + QLatin1Char('.');
    const QString suffix = runStart >= 0 ? name.mid(runStart + runLength) : QString();
    const qsizetype letters = runStart >= 0 ? runLength : 6;
    const QRegularExpression pattern(QRegularExpression::anchoredPattern(
            QRegularExpression::escape(prefix) + QStringLiteral("([A-Za-z]{%1})").arg(letters)
            + QRegularExpression::escape(suffix)));

    const QDateTime staleBefore = QDateTime::currentDateTimeUtc().addSecs(-maxAgeSeconds);
    const QDir directory = target.absoluteDir();
    int removed = 0;
    const QStringList entries = directory.entryList(QDir::Files | QDir::Hidden | QDir::System
                                                    | QDir::NoSymLinks | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        if (entry == name)
            continue;
        const QRegularExpressionMatch match = pattern.match(entry);
        if (!match.hasMatch() || looksLikeWord(match.captured(1)))
            continue;
        const QFileInfo candidate(directory.filePath(entry));
        if (!candidate.isFile() || candidate.isSymLink() || candidate.lastModified() >= staleBefore)
            continue;
#ifdef Q_OS_UNIX
        if (candidate.ownerId() != ::geteuid())
            continue;
#endif
        if (QFile::remove(candidate.filePath()))
            ++removed;
    }
    return removed;
}
