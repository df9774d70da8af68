#include "textfile.h"

#include "core/util/outputfile.h"

#include <QDir>

std::optional<QString> TextFile::write(const QString &fileName, const QString &text)
{
    return write(fileName, text.toUtf8());
}

std::optional<QString> TextFile::write(const QString &fileName, const QByteArray &bytes)
{
    if (const auto reason = OutputFile::writeFile(fileName, bytes))
        return tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(fileName), *reason);
    return std::nullopt;
}
