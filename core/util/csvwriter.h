#pragma once

#include <QString>
#include <QStringList>

// RFC 4180 CSV. Cells that a spreadsheet would run as a formula (=, +, -, @ first) are
// prefixed with an apostrophe, so that a hostile catalog cannot inject one.
class CsvWriter
{
public:
    void addRow(const QStringList &cells);
    QString text() const { return m_text; }

    // One row with its line break, for writing row by row.
    static QString row(const QStringList &cells);
    static QString escape(const QString &cell);

private:
    QString m_text;
};
