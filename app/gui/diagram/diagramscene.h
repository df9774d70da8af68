#pragma once

#include "core/catalog/catalog.h"
#include "core/diagram/diagramlayout.h"
#include "core/diagram/diagrampainter.h"
#include "core/diagram/diagramresults.h"

#include <QGraphicsScene>
#include <QSet>

class DiagramItem;

// The live ports diagram as a graphics scene: laid out from the catalog by DiagramLayout,
// one item per zone, component, arrow, the network boundary and the legend, painted by DiagramPainter. The
// role filter and "show expired" choose the flows (DiagramOptions::filter()). Clicking a component or an
// arrow (one per catalog flow and initiator) emits the catalog flow ids it stands for;
// highlighted flows are drawn bold and the rest dimmed.
class DiagramScene final : public QGraphicsScene
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiagramScene)

public:
    explicit DiagramScene(QObject *parent = nullptr);

    const Catalog &catalog() const { return m_catalog; }
    const DiagramModel &model() const { return m_model; }
    const DiagramState &state() const { return m_state; }
    const DiagramResults &results() const { return m_results; }
    Language language() const { return m_options.language; }
    QString roleFilter() const { return m_options.role; }
    bool showsExpired() const { return m_options.includeExpired; }
    qreal fontScale() const { return m_options.fontScale; }
    bool showsHosts() const { return m_options.showHosts; }
    const DiagramOptions &options() const { return m_options; }
    const DiagramTheme &theme() const { return m_theme; }

    void setFontScale(qreal scale);
    // The type alone larger (Present), the geometry as it is.
    void setTextScale(qreal scale);
    // The colours; the view sets them from its palette.
    void setTheme(const DiagramTheme &theme);
    QList<DiagramItem *> diagramItems() const { return m_items; }
    DiagramItem *nodeItem(const QString &componentId) const;
    // The arrows that draw the catalog flow (one per drawn initiator).
    QList<DiagramItem *> flowItems(const QString &flowId) const;
    DiagramItem *flowItem(const QString &flowKey) const;

public slots:
    void setCatalog(const Catalog &catalog);
    void setLanguage(Language language);
    void setRoleFilter(const QString &componentId);
    // Flows whose endpoints are all expired: hidden, or drawn grey and dotted.
    void setShowExpired(bool show);
    // Key host names under each arrow's ports (DiagramOptions::showHosts).
    void setShowHosts(bool show);
    // Takes the role (the first of filter.roles) and includeExpired; other criteria are the
    // tables' business.
    void setFlowFilter(const FlowFilter &filter);
    void setResults(const DiagramResults &results);
    // Catalog flow ids, e.g. those of the selected table rows.
    void setHighlightedFlows(const QSet<QString> &flowIds);
    // One arrow (DiagramFlow::key()), for the presentation walkthrough; empty clears.
    void setHighlightedFlow(const QString &flowKey);
    void clearHighlight();
    // Lays out again, e.g. after the UI language changed.
    void relayout();

signals:
    void componentActivated(const QString &componentId);
    // A component or an arrow was clicked: the catalog flows it stands for (for a component,
    // the drawn flows it takes part in), for the tables' flowIds filter. Emitted after
    // componentActivated for a component.
    void flowsActivated(const QSet<QString> &flowIds);
    void layoutChanged();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;

private:
    void rebuild();
    void refreshToolTips();
    void refreshState();

    Catalog m_catalog;
    DiagramOptions m_options;
    DiagramResults m_results;
    QSet<QString> m_highlightedFlows;
    QString m_highlightedFlow;
    DiagramModel m_model;
    DiagramState m_state;
    DiagramTheme m_theme = DiagramTheme::light();
    QList<DiagramItem *> m_items;
};
