#include "diagrammodel.h"

const DiagramNode *DiagramModel::node(const QString &id) const
{
    for (const DiagramNode &n : nodes) {
        if (n.id == id)
            return &n;
    }
    return nullptr;
}

const DiagramFlow *DiagramModel::flow(const QString &key) const
{
    for (const DiagramFlow &f : flows) {
        if (f.key() == key)
            return &f;
    }
    // A flow other than the arrow's first: "flow|initiator".
    const qsizetype bar = key.lastIndexOf(QLatin1Char('|'));
    if (bar < 0)
        return nullptr;
    const QString flowId = key.left(bar);
    const QString from = key.mid(bar + 1);
    for (const DiagramFlow &f : flows) {
        if (f.from == from && f.draws(flowId))
            return &f;
    }
    return nullptr;
}

QList<const DiagramFlow *> DiagramModel::arrowsOfFlow(const QString &flowId) const
{
    QList<const DiagramFlow *> result;
    for (const DiagramFlow &f : flows) {
        if (f.draws(flowId))
            result.append(&f);
    }
    return result;
}

QStringList DiagramModel::flowIds() const
{
    QStringList ids;
    for (const DiagramFlow &f : flows) {
        for (const QString &id : f.allFlowIds()) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    return ids;
}

QStringList DiagramModel::flowIdsOf(const QString &componentId) const
{
    QStringList ids;
    for (const DiagramFlow &f : flows) {
        if (f.from != componentId && f.to != componentId)
            continue;
        for (const QString &id : f.allFlowIds()) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    if (const DiagramNode *n = node(componentId)) {
        for (const QString &id : n->localFlowIds) {
            if (!ids.contains(id))
                ids.append(id);
        }
    }
    return ids;
}

QStringList DiagramModel::texts() const
{
    QStringList result;
    for (const DiagramZone &z : zones)
        result.append(z.label);
    for (const DiagramNode &n : nodes)
        result.append(n.label);
    for (const DiagramFlow &f : flows)
        result.append(f.labelLines.isEmpty() ? QStringList{f.label} : f.labelLines); // as drawn
    if (!boundary.isNull())
        result.append(boundary.label);
    result.append(legend.title);
    for (const DiagramLegendItem &item : legend.items)
        result.append(item.text);
    return result;
}
