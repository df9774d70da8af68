#pragma once

#include <QStringList>

// The catalog files opened lately, newest first, for File > Catalog (QSettings "catalogs/recent").
// The built-in catalog is never in the list; a file that no longer exists is dropped on reading.
class RecentCatalogs
{
public:
    static constexpr int MaxEntries = 8;

    static QStringList list();
    static void add(const QString &fileName);
    static void clear();

    // The list with this file first, once, and at most MaxEntries long.
    static QStringList withFile(QStringList list, const QString &fileName);
};
