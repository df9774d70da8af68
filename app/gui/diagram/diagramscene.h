#pragma once

#include "catalog/catalog.h"
#include "diagramlayout.h"
#include "diagrampainter.h"
#include "diagramresults.h"

#include <QGraphicsScene>
#include <QSet>

class DiagramItem;

// The live ports diagram as a graphics scene: laid out from the catalog by DiagramLayout,
// one item per zone, component, flow and the legend, painted by DiagramPainter. Clicking a
// component or an arrow (one per network flow, bundling catalog entries) emits its id(s); highlighted entries
// are drawn bold and the rest dimmed.
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
    qreal fontScale() const { return m_options.fontScale; }

    void setFontScale(qreal scale);
    QList<DiagramItem *> diagramItems() const { return m_items; }
    DiagramItem *nodeItem(const QString &componentId) const;
    // The arrows that bundle the entry (one per source).
    QList<DiagramItem *> flowItems(const QString &entryId) const;
    DiagramItem *flowItem(const QString &flowKey) const;

public slots:
    void setCatalog(const Catalog &catalog);
    void setLanguage(Language language);
    void setRoleFilter(const QString &componentId);
    void setResults(const DiagramResults &results);
    void setHighlightedEntries(const QSet<QString> &entryIds);
    // One arrow (DiagramFlow::key()), for the presentation walkthrough; empty clears.
    void setHighlightedFlow(const QString &flowKey);
    void clearHighlight();
    // Lays out again, e.g. after the UI language changed.
    void relayout();

signals:
    void componentActivated(const QString &componentId);
    // An arrow was clicked: its first entry, and then every entry it bundles.
    void flowActivated(const QString &entryId);
    void flowEntriesActivated(const QStringList &entryIds);
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
    QSet<QString> m_highlightedEntries;
    QString m_highlightedFlow;
    DiagramModel m_model;
    DiagramState m_state;
    QList<DiagramItem *> m_items;
};
