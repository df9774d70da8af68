#pragma once

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

class QFile;
class QFileDevice;
class QIODevice;
class QSaveFile;

// A file the user asked us to write (--output, Save…), written so that failures are never
// silent:
// - a regular or new file goes through QSaveFile: the old content stays until commit();
// - an existing device or FIFO (/dev/stdout, /dev/null, a pipe) is written in place: QSaveFile
//   would replace it with a regular file (as root, even /dev/null);
// - every step is checked, including the flush and the sync to disk before the commit, and an
//   error says why in the system's words ("No space left on device"), never "Unknown error";
// - open() removes what QSaveFile leaves next to the same target when a process is killed
//   during a write (see removeStaleTemporaries()).
// Methods return the reason of a failure, translated, or nothing on success.
class OutputFile
{
    Q_DECLARE_TR_FUNCTIONS(OutputFile)
    Q_DISABLE_COPY_MOVE(OutputFile)

public:
    // A temporary untouched for this long belongs to no live writer.
    static constexpr qint64 StaleTemporaryAgeSeconds = 10 * 60;

    explicit OutputFile(const QString &fileName);
    ~OutputFile(); // without commit(), the target is left as it was

    QString fileName() const { return m_fileName; }

    // Creates the temporary file (or opens the device) now, so that a run can fail before it
    // does any work when its output cannot be written.
    std::optional<QString> open();
    std::optional<QString> write(const QByteArray &data);
    // For writers that take a device (QSvgGenerator, QPdfWriter, QImage::save); nullptr before
    // open(). Errors of writes through it are found by commit().
    QIODevice *device() const;
    // Why a write through device() failed, if one did.
    std::optional<QString> writeError() const;
    // Flushes, syncs and replaces the target.
    std::optional<QString> commit();
    // Refreshes the temporary's modification time, so that a long run keeps its temporary
    // from looking stale to another writer of the same target.
    void keepAlive();

    // open(), write(), commit().
    static std::optional<QString> writeFile(const QString &fileName, const QByteArray &data);

    // Removes the temporaries QSaveFile leaves when killed while writing fileName: regular files
    // of this user in the target's directory named as QSaveFile names them (the file name
    // followed by "." and six random letters, or with its last run of six or more "X" replaced
    // by random letters), not modified for maxAgeSeconds. A suffix that reads like a word
    // ("report.csv.backup", ".BACKUP", ".Backup") is never taken for random letters. Returns
    // how many were removed.
    static int removeStaleTemporaries(const QString &fileName,
                                      qint64 maxAgeSeconds = StaleTemporaryAgeSeconds);

private:
    QString failure(const QIODevice &device, int savedErrno) const;
    QFileDevice *file() const;

    QString m_fileName;
    std::unique_ptr<QSaveFile> m_saveFile;
    std::unique_ptr<QFile> m_directFile;
    std::unique_ptr<QIODevice> m_writer; // what device() gives: completes or fails every write
};
