#include "appicons.h"

#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace {
QPixmap tinted(QSvgRenderer &renderer, int size, qreal ratio, const QColor &color)
{
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter, QRectF(0, 0, size, size));
    // The glyph's shape, in the colour asked for.
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
    painter.fillRect(QRectF(0, 0, size, size), color);
    return pixmap;
}
} // namespace

QIcon AppIcons::icon(const QString &name, const QPalette &palette)
{
    QSvgRenderer renderer(QStringLiteral(":/icons/actions/%1.svg").arg(name));
    if (!renderer.isValid())
        return {};
    QIcon icon;
    for (int size : {16, 22, 24, 32, 48}) {
        for (qreal ratio : {1.0, 2.0}) {
            icon.addPixmap(
                    tinted(renderer, size, ratio, palette.color(QPalette::Active, QPalette::ButtonText)),
                    QIcon::Normal);
            icon.addPixmap(
                    tinted(renderer, size, ratio, palette.color(QPalette::Disabled, QPalette::ButtonText)),
                    QIcon::Disabled);
        }
    }
    return icon;
}
