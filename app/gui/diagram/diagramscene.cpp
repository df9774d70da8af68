#include "diagramscene.h"

#include "app/gui/diagram/diagramitem.h"
#include "core/diagram/diagramtext.h"

#include <QGraphicsSceneMouseEvent>

namespace {
constexpr qreal ZoneZ = 0;
constexpr qreal BoundaryZ = 0.5;
constexpr qreal FlowZ = 1;
constexpr qreal HighlightedFlowZ = 3;
constexpr qreal NodeZ = 5;
} // namespace

DiagramScene::DiagramScene(QObject *parent)
    : QGraphicsScene(parent)
{
    setBackgroundBrush(Qt::white);
}

DiagramItem *DiagramScene::nodeItem(const QString &componentId) const
{
    for (DiagramItem *item : m_items) {
        if (item->kind() == DiagramItem::Kind::Node && item->id() == componentId)
            return item;
    }
    return nullptr;
}

QList<DiagramItem *> DiagramScene::flowItems(const QString &flowId) const
{
    QList<DiagramItem *> result;
    for (DiagramItem *item : m_items) {
        if (item->kind() == DiagramItem::Kind::Flow && item->flowIds().contains(flowId))
            result.append(item);
    }
    return result;
}

DiagramItem *DiagramScene::flowItem(const QString &flowKey) const
{
    for (DiagramItem *item : m_items) {
        if (item->kind() == DiagramItem::Kind::Flow && item->flowKey() == flowKey)
            return item;
    }
    return nullptr;
}

void DiagramScene::setCatalog(const Catalog &catalog)
{
    m_catalog = catalog;
    if (!m_options.role.isEmpty() && !m_catalog.component(m_options.role))
        m_options.role.clear();
    rebuild();
}

void DiagramScene::setLanguage(Language language)
{
    if (m_options.language == language)
        return;
    m_options.language = language;
    rebuild();
}

void DiagramScene::setRoleFilter(const QString &componentId)
{
    if (m_options.role == componentId)
        return;
    m_options.role = componentId;
    rebuild();
}

void DiagramScene::setShowExpired(bool show)
{
    if (m_options.includeExpired == show)
        return;
    m_options.includeExpired = show;
    rebuild();
}

void DiagramScene::setFlowFilter(const FlowFilter &filter)
{
    const QString role = filter.roles.value(0);
    if (m_options.role == role && m_options.includeExpired == filter.includeExpired)
        return;
    m_options.role = role;
    m_options.includeExpired = filter.includeExpired;
    rebuild();
}

void DiagramScene::setShowHosts(bool show)
{
    if (m_options.showHosts == show)
        return;
    m_options.showHosts = show;
    rebuild();
}

void DiagramScene::setTheme(const DiagramTheme &theme)
{
    m_theme = theme;
    setBackgroundBrush(theme.background);
    refreshState();
}

void DiagramScene::setTextScale(qreal scale)
{
    if (qFuzzyCompare(m_options.textScale, scale))
        return;
    m_options.textScale = scale;
    rebuild();
}

void DiagramScene::setFontScale(qreal scale)
{
    if (qFuzzyCompare(m_options.fontScale, scale))
        return;
    m_options.fontScale = scale;
    rebuild();
}

void DiagramScene::setResults(const DiagramResults &results)
{
    const bool legendChanges = results.isEmpty() != m_results.isEmpty();
    m_results = results;
    if (legendChanges) {
        rebuild();
        return;
    }
    refreshState();
    refreshToolTips();
}

void DiagramScene::setHighlightedFlows(const QSet<QString> &flowIds)
{
    m_highlightedFlows = flowIds;
    refreshState();
}

void DiagramScene::setHighlightedFlow(const QString &flowKey)
{
    m_highlightedFlow = flowKey;
    refreshState();
}

void DiagramScene::clearHighlight()
{
    m_highlightedFlows.clear();
    m_highlightedFlow.clear();
    refreshState();
}

void DiagramScene::relayout()
{
    rebuild();
}

void DiagramScene::refreshState()
{
    m_state = DiagramState::fromResults(m_catalog, m_results);
    m_state.theme = m_theme;
    m_state.highlightedFlows = m_highlightedFlows;
    if (!m_highlightedFlow.isEmpty())
        m_state.highlightedArrows.insert(m_highlightedFlow);
    for (DiagramItem *item : std::as_const(m_items)) {
        if (item->kind() == DiagramItem::Kind::Flow)
            item->setZValue(item->isHighlighted() ? HighlightedFlowZ : FlowZ);
    }
    update();
}

void DiagramScene::refreshToolTips()
{
    for (DiagramItem *item : std::as_const(m_items)) {
        if (item->kind() == DiagramItem::Kind::Node)
            item->setToolTip(DiagramText::nodeToolTip(m_catalog, m_model, m_model.nodes.at(item->index()),
                                                      m_options.language, m_results));
        else if (item->kind() == DiagramItem::Kind::Flow)
            item->setToolTip(DiagramText::flowToolTip(m_catalog, m_model, m_model.flows.at(item->index()),
                                                      m_options.language, m_results));
    }
}

void DiagramScene::rebuild()
{
    // Items reference the model by index: remove them before the model changes.
    for (DiagramItem *item : std::as_const(m_items)) {
        removeItem(item);
        delete item;
    }
    m_items.clear();
    m_options.showResultsLegend = !m_results.isEmpty();
    m_model = DiagramLayout::layout(m_catalog, m_options);
    const auto add = [this](DiagramItem::Kind kind, int index, qreal z) {
        auto *item = new DiagramItem(this, kind, index);
        item->setZValue(z);
        addItem(item);
        m_items.append(item);
    };
    for (int i = 0; i < m_model.zones.size(); ++i)
        add(DiagramItem::Kind::Zone, i, ZoneZ);
    if (!m_model.boundary.isNull())
        add(DiagramItem::Kind::Boundary, 0, BoundaryZ);
    for (int i = 0; i < m_model.flows.size(); ++i)
        add(DiagramItem::Kind::Flow, i, FlowZ);
    for (int i = 0; i < m_model.nodes.size(); ++i)
        add(DiagramItem::Kind::Node, i, NodeZ);
    add(DiagramItem::Kind::Legend, 0, ZoneZ);
    setSceneRect(m_model.bounds);
    refreshState();
    refreshToolTips();
    emit layoutChanged();
}

void DiagramScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        const QList<QGraphicsItem *> hits =
                items(event->scenePos(), Qt::IntersectsItemShape, Qt::DescendingOrder);
        for (QGraphicsItem *hit : hits) {
            if (hit->type() != DiagramItem::Type)
                continue;
            auto *item = static_cast<DiagramItem *>(hit);
            if (item->kind() == DiagramItem::Kind::Node) {
                const QStringList ids = m_model.flowIdsOf(item->id());
                emit componentActivated(item->id());
                emit flowsActivated(QSet<QString>(ids.cbegin(), ids.cend()));
                event->accept();
                return;
            }
            if (item->kind() == DiagramItem::Kind::Flow) {
                const QStringList ids = item->flowIds();
                emit flowsActivated(QSet<QString>(ids.cbegin(), ids.cend()));
                event->accept();
                return;
            }
        }
    }
    // Empty space: let the view pan.
    event->ignore();
}
