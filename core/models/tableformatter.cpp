#include "tableformatter.h"

#include "core/util/csvwriter.h"

#include <QAbstractItemModel>
#include <QRegularExpression>

namespace {
QStringList rowCells(const QAbstractItemModel *model, int row, const QList<int> &columns)
{
    QStringList cells;
    cells.reserve(columns.size());
    for (int column : columns)
        cells.append(model->index(row, column).data(Qt::DisplayRole).toString());
    return cells;
}

QStringList headerCells(const QAbstractItemModel *model, const QList<int> &columns)
{
    QStringList cells;
    cells.reserve(columns.size());
    for (int column : columns)
        cells.append(model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    return cells;
}

QString joinTsv(const QStringList &cells)
{
    QStringList escaped;
    escaped.reserve(cells.size());
    for (const QString &cell : cells)
        escaped.append(TableFormatter::tsvCell(cell));
    return escaped.join(QLatin1Char('\t')) + QLatin1Char('\n');
}

QString joinMarkdown(const QStringList &cells)
{
    QStringList escaped;
    escaped.reserve(cells.size());
    for (const QString &cell : cells)
        escaped.append(TableFormatter::markdownCell(cell));
    return QStringLiteral("| ") + escaped.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
}
} // namespace

QString TableFormatter::tsvCell(const QString &text)
{
    static const QRegularExpression breaks(QStringLiteral("[\\t\\r\\n]+"));
    return QString(text).replace(breaks, QStringLiteral(" "));
}

QString TableFormatter::markdownCell(const QString &text)
{
    QString cell = text;
    cell.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    cell.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    cell.replace(QStringLiteral("\r\n"), QStringLiteral("<br>"));
    cell.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    cell.replace(QLatin1Char('\r'), QStringLiteral("<br>"));
    return cell;
}

QList<int> TableFormatter::allRows(const QAbstractItemModel *model)
{
    QList<int> rows;
    const int n = model ? model->rowCount() : 0;
    rows.reserve(n);
    for (int row = 0; row < n; ++row)
        rows.append(row);
    return rows;
}

QString TableFormatter::format(const QAbstractItemModel *model, const QList<int> &rows,
                               const QList<int> &columns, Format format, bool withHeader)
{
    if (!model)
        return {};
    switch (format) {
    case Format::Tsv: {
        QString text;
        if (withHeader)
            text += joinTsv(headerCells(model, columns));
        for (int row : rows)
            text += joinTsv(rowCells(model, row, columns));
        return text;
    }
    case Format::Csv: {
        CsvWriter csv;
        if (withHeader)
            csv.addRow(headerCells(model, columns));
        for (int row : rows)
            csv.addRow(rowCells(model, row, columns));
        return csv.text();
    }
    case Format::Markdown: {
        QString text;
        if (withHeader || !columns.isEmpty()) {
            // A Markdown table needs a header row; without one the header stays empty.
            const QStringList header =
                    withHeader ? headerCells(model, columns) : QStringList(columns.size(), QString());
            text += joinMarkdown(header);
            QStringList rule;
            for (int i = 0; i < columns.size(); ++i)
                rule.append(QStringLiteral("---"));
            text += QStringLiteral("| ") + rule.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
        }
        for (int row : rows)
            text += joinMarkdown(rowCells(model, row, columns));
        return text;
    }
    }
    return {};
}
