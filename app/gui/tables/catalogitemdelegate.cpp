#include "catalogitemdelegate.h"

#include "core/models/catalogmodel.h"

#include <QApplication>
#include <QHash>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

CatalogItemDelegate::CatalogItemDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QIcon CatalogItemDelegate::expiredIcon(const QColor &color)
{
    // A clock face; cached per colour (light and dark palettes).
    static QHash<QRgb, QIcon> cache;
    const auto it = cache.constFind(color.rgba());
    if (it != cache.constEnd())
        return *it;
    QIcon icon;
    for (int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal unit = size / 16.0;
        painter.setPen(QPen(color, 1.5 * unit));
        painter.setBrush(Qt::NoBrush);
        const QRectF face(1.5 * unit, 1.5 * unit, 13 * unit, 13 * unit);
        painter.drawEllipse(face);
        const QPointF centre = face.center();
        painter.drawLine(centre, centre + QPointF(0, -4.5 * unit));
        painter.drawLine(centre, centre + QPointF(3.5 * unit, 0));
        painter.end();
        icon.addPixmap(pixmap);
    }
    cache.insert(color.rgba(), icon);
    return icon;
}

void CatalogItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != CatalogModel::EndpointColumn)
        return;
    option->textElideMode = Qt::ElideMiddle;
    if (index.data(CatalogModel::ExpiredRole).toBool()) {
        option->icon = expiredIcon(CatalogModel::expiredColor(option->palette));
        option->features |= QStyleOptionViewItem::HasDecoration;
        const int extent = option->fontMetrics.height() - 2;
        option->decorationSize = QSize(extent, extent);
    }
}

QStyleOptionViewItem CatalogItemDelegate::styleOption(const QStyleOptionViewItem &base,
                                                      const QModelIndex &index) const
{
    QStyleOptionViewItem option = base;
    initStyleOption(&option, index);
    return option;
}
