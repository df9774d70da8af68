#include "diagramview.h"

#include "app/gui/diagram/diagramscene.h"

#include <QKeyEvent>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace {
constexpr qreal ZoomStep = 1.25;
constexpr qreal MinZoom = 0.05;
constexpr qreal MaxZoom = 8.0;
} // namespace

DiagramView::DiagramView(QWidget *parent)
    : QGraphicsView(parent)
    , m_scene(new DiagramScene(this))
{
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setFocusPolicy(Qt::StrongFocus);
    m_scene->setTheme(DiagramTheme::forPalette(palette()));
    setBackgroundBrush(m_scene->theme().background);
    connect(m_scene, &DiagramScene::componentActivated, this, &DiagramView::componentActivated);
    connect(m_scene, &DiagramScene::flowsActivated, this, &DiagramView::flowsActivated);
    connect(m_scene, &DiagramScene::layoutChanged, this, [this] {
        if (m_fit)
            fitToWindow();
    });
}

qreal DiagramView::zoomFactor() const
{
    return transform().m11();
}

void DiagramView::setCatalog(const Catalog &catalog)
{
    m_scene->setCatalog(catalog);
}

void DiagramView::setLanguage(Language language)
{
    m_scene->setLanguage(language);
}

void DiagramView::setRoleFilter(const QString &componentId)
{
    m_scene->setRoleFilter(componentId);
}

void DiagramView::setResults(const DiagramResults &results)
{
    m_scene->setResults(results);
}

void DiagramView::setShowExpired(bool show)
{
    m_scene->setShowExpired(show);
}

void DiagramView::setShowHosts(bool show)
{
    m_scene->setShowHosts(show);
}

void DiagramView::setFlowFilter(const FlowFilter &filter)
{
    m_scene->setFlowFilter(filter);
}

void DiagramView::setHighlightedFlows(const QSet<QString> &flowIds)
{
    m_scene->setHighlightedFlows(flowIds);
}

void DiagramView::zoomIn()
{
    zoomBy(ZoomStep);
}

void DiagramView::zoomOut()
{
    zoomBy(1 / ZoomStep);
}

void DiagramView::setZoomFactor(qreal factor)
{
    factor = std::clamp(factor, MinZoom, MaxZoom);
    m_fit = false;
    setTransform(QTransform::fromScale(factor, factor));
    emit zoomChanged(factor);
}

void DiagramView::fitToWindow()
{
    m_fit = true;
    m_fitRect = QRectF();
    applyFit();
}

void DiagramView::focusOn(const QRectF &sceneRect)
{
    m_fit = true;
    m_fitRect = sceneRect;
    applyFit();
}

void DiagramView::applyFit()
{
    const QRectF target = m_fitRect.isNull() ? m_scene->sceneRect() : m_fitRect;
    if (target.isEmpty())
        return;
    fitInView(target, Qt::KeepAspectRatio);
    emit zoomChanged(zoomFactor());
}

void DiagramView::zoomBy(qreal factor)
{
    const qreal target = std::clamp(zoomFactor() * factor, MinZoom, MaxZoom);
    if (qFuzzyCompare(target, zoomFactor()))
        return;
    m_fit = false;
    const qreal applied = target / zoomFactor();
    scale(applied, applied);
    emit zoomChanged(zoomFactor());
}

void DiagramView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(ZoomStep, delta / 120.0));
    event->accept();
}

void DiagramView::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        switch (event->key()) {
        case Qt::Key_Plus:
        case Qt::Key_Equal:
            zoomIn();
            event->accept();
            return;
        case Qt::Key_Minus:
            zoomOut();
            event->accept();
            return;
        case Qt::Key_0:
            fitToWindow();
            event->accept();
            return;
        default:
            break;
        }
    }
    QGraphicsView::keyPressEvent(event);
}

void DiagramView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fit)
        applyFit();
}

void DiagramView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (m_fit)
        applyFit();
}

void DiagramView::changeEvent(QEvent *event)
{
    // Zone names and the legend come from tr(): lay out again in the new UI language.
    if (event->type() == QEvent::LanguageChange)
        m_scene->relayout();
    // A dark window gets a dark diagram; files and paper stay light (DiagramExporter).
    if (event->type() == QEvent::PaletteChange) {
        m_scene->setTheme(DiagramTheme::forPalette(palette()));
        setBackgroundBrush(m_scene->theme().background);
    }
    QGraphicsView::changeEvent(event);
}
