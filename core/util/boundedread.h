#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <variant>

// Reads a whole file the user named, but never more than a limit. QFile::size() is 0 for pipes,
// FIFOs and devices (/dev/stdin, /dev/zero), so a size check before readAll() does not bound
// them: this reads at most limit + 1 bytes, whatever the file is.
class BoundedRead
{
    Q_DECLARE_TR_FUNCTIONS(BoundedRead)

public:
    // The content of fileName, or a translated error naming the file: it cannot be opened or
    // read (with the system's reason, e.g. "Permission denied"), or it holds more than limit
    // bytes.
    static std::variant<QByteArray, QString> readFile(const QString &fileName, qint64 limit);
};
