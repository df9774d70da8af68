#include "boundedread.h"

#include <QDir>
#include <QFile>
#include <QLocale>

std::variant<QByteArray, QString> BoundedRead::readFile(const QString &fileName, qint64 limit)
{
    const QString name = QDir::toNativeSeparators(fileName);
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Unbuffered))
        return tr("%1: cannot open the file: %2").arg(name, file.errorString());
    constexpr qint64 Chunk = 64 * 1024;
    QByteArray data;
    for (;;) {
        // One byte more than allowed tells a file of exactly the limit from a larger one.
        const qint64 wanted = qMin(Chunk, limit + 1 - data.size());
        if (wanted <= 0)
            return tr("%1: the file is larger than %2").arg(name, QLocale().formattedDataSize(limit));
        const qsizetype before = data.size();
        data.resize(before + wanted);
        const qint64 got = file.read(data.data() + before, wanted);
        if (got < 0)
            return tr("%1: cannot read the file: %2").arg(name, file.errorString());
        data.resize(before + got);
        if (got == 0)
            return data;
    }
}
