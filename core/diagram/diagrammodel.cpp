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
    // A bundled entry other than the first: "entry|source".
    const qsizetype bar = key.lastIndexOf(QLatin1Char('|'));
    if (bar < 0)
        return nullptr;
    const QString entryId = key.left(bar);
    const QString from = key.mid(bar + 1);
    for (const DiagramFlow &f : flows) {
        if (f.from == from && f.bundles(entryId))
            return &f;
    }
    return nullptr;
}

QList<const DiagramFlow *> DiagramModel::flowsOfEntry(const QString &entryId) const
{
    QList<const DiagramFlow *> result;
    for (const DiagramFlow &f : flows) {
        if (f.bundles(entryId))
            result.append(&f);
    }
    return result;
}

QStringList DiagramModel::entryIds() const
{
    QStringList ids;
    for (const DiagramFlow &f : flows) {
        for (const QString &id : f.bundledEntryIds()) {
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
        result.append(f.label);
    result.append(legend.title);
    for (const DiagramLegendItem &item : legend.items)
        result.append(item.text);
    return result;
}
