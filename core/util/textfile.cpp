#include "textfile.h"

#include <QDir>
#include <QSaveFile>

std::optional<QString> TextFile::write(const QString &fileName, const QString &text)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
    const QByteArray data = text.toUtf8();
    if (file.write(data) != data.size() || !file.commit())
        return tr("%1: cannot write: %2").arg(QDir::toNativeSeparators(fileName), file.errorString());
    return std::nullopt;
}
