#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/flowfilter.h"
#include "core/diagram/diagramresults.h"
#include "core/i18n/language.h"

#include <QGraphicsView>
#include <QSet>

class DiagramScene;

// Shows a DiagramScene: zoom with the wheel or Ctrl++ / Ctrl+- , Ctrl+0 fits the diagram to the
// window, drag to pan. Forwards the scene's activations and the settings that change it.
class DiagramView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagramView)

public:
    explicit DiagramView(QWidget *parent = nullptr);

    DiagramScene *diagramScene() const { return m_scene; }
    qreal zoomFactor() const;
    bool isFitToWindow() const { return m_fit; }

public slots:
    void setCatalog(const Catalog &catalog);
    void setLanguage(Language language);
    void setRoleFilter(const QString &componentId);
    void setShowExpired(bool show);
    void setShowHosts(bool show);
    // The role (first of filter.roles) and includeExpired; see DiagramScene::setFlowFilter().
    void setFlowFilter(const FlowFilter &filter);
    void setResults(const DiagramResults &results);
    void setHighlightedFlows(const QSet<QString> &flowIds);
    void zoomIn();
    void zoomOut();
    void fitToWindow();
    // Fits a part of the diagram to the window, and keeps it fitted as the window resizes.
    void focusOn(const QRectF &sceneRect);
    void setZoomFactor(qreal factor);

signals:
    void componentActivated(const QString &componentId);
    void flowsActivated(const QSet<QString> &flowIds);
    void zoomChanged(qreal factor);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void zoomBy(qreal factor);
    void applyFit();

    DiagramScene *m_scene;
    bool m_fit = true; // follow the window size until the user zooms
    QRectF m_fitRect; // the part to fit; null: the whole diagram
};
