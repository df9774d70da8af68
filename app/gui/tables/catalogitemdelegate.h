#pragma once

#include <QStyledItemDelegate>

// Paints the explorer's cells: host names and URLs elided in the middle (their ends tell them
// apart), and a clock marker before the endpoint of an expired row, so that expiry does not rest
// on colour alone (the model gives expired rows a text colour of at least 4.5:1).
class CatalogItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogItemDelegate)

public:
    explicit CatalogItemDelegate(QObject *parent = nullptr);

    // The style option the cell is painted with (for tests and size hints).
    QStyleOptionViewItem styleOption(const QStyleOptionViewItem &base, const QModelIndex &index) const;
    // The marker of expired rows, drawn in this colour.
    static QIcon expiredIcon(const QColor &color);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};
