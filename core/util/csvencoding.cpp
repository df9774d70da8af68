#include "csvencoding.h"

QByteArray CsvEncoding::encode(const QString &text, bool byteOrderMark)
{
    return encode(text.toUtf8(), byteOrderMark);
}

QByteArray CsvEncoding::encode(const QByteArray &utf8, bool byteOrderMark)
{
    static const QByteArray bom("\xEF\xBB\xBF");
    if (!byteOrderMark || utf8.startsWith(bom))
        return utf8;
    return bom + utf8;
}
