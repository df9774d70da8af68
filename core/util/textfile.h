#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

// Writes a whole UTF-8 text file atomically (OutputFile, QSaveFile): either the new content
// replaces the file, or the file is left as it was. A device or FIFO is written in place.
class TextFile
{
    Q_DECLARE_TR_FUNCTIONS(TextFile)

public:
    // Returns a translated error message, or nothing on success.
    static std::optional<QString> write(const QString &fileName, const QString &text);
    // Bytes already encoded (CSV with a byte order mark).
    static std::optional<QString> write(const QString &fileName, const QByteArray &bytes);
};
