#pragma once

#include <QList>
#include <QString>

class QAbstractItemModel;

// Turns rows of a table model (what a view currently shows) into text: tab-separated for the
// clipboard, CSV or Markdown for an export. Cells are the model's Qt::DisplayRole text and the
// header the model's horizontal header, so the output follows the model's language.
class TableFormatter
{
public:
    enum class Format { Tsv, Csv, Markdown };

    // rows: model rows in output order; columns: model columns in output order.
    static QString format(const QAbstractItemModel *model, const QList<int> &rows, const QList<int> &columns,
                          Format format, bool withHeader);
    // All rows of the model in model order.
    static QList<int> allRows(const QAbstractItemModel *model);

    // A cell made safe for one TSV field (tabs and line breaks become spaces).
    static QString tsvCell(const QString &text);
    // A cell made safe for one Markdown table cell (| escaped, line breaks as <br>).
    static QString markdownCell(const QString &text);
};
