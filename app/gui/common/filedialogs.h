#pragma once

#include "core/i18n/language.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

// What every open and save dialog of the window shares: the last folder used (one for all of
// them), and the CSV choice of a save dialog (with or without a byte order mark for Excel),
// remembered once chosen and on by default in Japanese.
class FileDialogs
{
    Q_DECLARE_TR_FUNCTIONS(FileDialogs)

public:
    // The folder of the last file opened or saved, else the home folder.
    static QString lastFolder();
    // A file name in that folder.
    static QString inLastFolder(const QString &fileName);
    static void rememberFolder(const QString &fileName);

    // The two CSV filters of a save dialog, and which to select first.
    static QString csvForExcelFilter();
    static QString csvPlainFilter();
    static QString preferredCsvFilter(Language language);
    static bool usesByteOrderMark(Language language);
    // After a save with one of them: the choice is the default from now on.
    static void rememberCsvFilter(const QString &selectedFilter);
    static void setUsesByteOrderMark(bool byteOrderMark);
};
