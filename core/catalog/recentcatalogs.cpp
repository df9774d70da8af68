#include "recentcatalogs.h"

#include "core/catalog/catalogloader.h"

#include <QFileInfo>
#include <QSettings>

namespace {
const QString Key = QStringLiteral("catalogs/recent");
}

QStringList RecentCatalogs::list()
{
    QStringList files;
    for (const QString &file : QSettings().value(Key).toStringList()) {
        if (QFileInfo::exists(file) && !files.contains(file) && files.size() < MaxEntries)
            files.append(file);
    }
    return files;
}

void RecentCatalogs::add(const QString &fileName)
{
    if (fileName == CatalogLoader::builtinFileName())
        return;
    QSettings().setValue(Key, withFile(list(), QFileInfo(fileName).absoluteFilePath()));
}

void RecentCatalogs::clear()
{
    QSettings().remove(Key);
}

QStringList RecentCatalogs::withFile(QStringList list, const QString &fileName)
{
    list.removeAll(fileName);
    list.prepend(fileName);
    while (list.size() > MaxEntries)
        list.removeLast();
    return list;
}
