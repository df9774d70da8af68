#include "filedialogs.h"

#include "core/util/csvencoding.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace {
const QString LastFolderKey = QStringLiteral("files/lastFolder");
const QString CsvByteOrderMarkKey = QStringLiteral("files/csvByteOrderMark");
} // namespace

QString FileDialogs::lastFolder()
{
    const QString folder = QSettings().value(LastFolderKey).toString();
    return !folder.isEmpty() && QFileInfo(folder).isDir() ? folder : QDir::homePath();
}

QString FileDialogs::inLastFolder(const QString &fileName)
{
    return QDir(lastFolder()).filePath(fileName);
}

void FileDialogs::rememberFolder(const QString &fileName)
{
    if (!fileName.isEmpty())
        QSettings().setValue(LastFolderKey, QFileInfo(fileName).absolutePath());
}

QString FileDialogs::csvForExcelFilter()
{
    return tr("CSV for Excel, UTF-8 with byte order mark (*.csv)");
}

QString FileDialogs::csvPlainFilter()
{
    return tr("CSV, UTF-8 without byte order mark (*.csv)");
}

bool FileDialogs::usesByteOrderMark(Language language)
{
    return QSettings().value(CsvByteOrderMarkKey, CsvEncoding::isByteOrderMarkDefault(language)).toBool();
}

void FileDialogs::setUsesByteOrderMark(bool byteOrderMark)
{
    QSettings().setValue(CsvByteOrderMarkKey, byteOrderMark);
}

QString FileDialogs::preferredCsvFilter(Language language)
{
    return usesByteOrderMark(language) ? csvForExcelFilter() : csvPlainFilter();
}

void FileDialogs::rememberCsvFilter(const QString &selectedFilter)
{
    if (selectedFilter == csvForExcelFilter() || selectedFilter == csvPlainFilter())
        setUsesByteOrderMark(selectedFilter == csvForExcelFilter());
}
