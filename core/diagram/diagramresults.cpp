#include "diagramresults.h"

#include "catalog/catalog.h"

DiagramResults::DiagramResults(const QHash<QString, FlowStatus> &statuses)
    : m_statuses(statuses)
{ }

void DiagramResults::setStatus(const QString &entryId, FlowStatus status)
{
    m_statuses.insert(entryId, status);
}

FlowStatus DiagramResults::status(const QString &entryId) const
{
    return m_statuses.value(entryId, FlowStatus::Untested);
}

FlowStatus DiagramResults::status(const QStringList &entryIds) const
{
    QList<FlowStatus> statuses;
    for (const QString &id : entryIds)
        statuses.append(status(id));
    return aggregate(statuses);
}

FlowStatus DiagramResults::componentStatus(const Catalog &catalog, const QString &componentId) const
{
    QList<FlowStatus> statuses;
    for (const Entry &entry : catalog.entries) {
        if (entry.involves(componentId))
            statuses.append(status(entry.id));
    }
    return aggregate(statuses);
}

QHash<QString, FlowStatus> DiagramResults::componentStatuses(const Catalog &catalog) const
{
    QHash<QString, FlowStatus> result;
    for (const Component &component : catalog.components)
        result.insert(component.id, componentStatus(catalog, component.id));
    return result;
}

FlowStatus DiagramResults::aggregate(const QList<FlowStatus> &statuses)
{
    int passed = 0;
    int failed = 0;
    int partial = 0;
    for (FlowStatus s : statuses) {
        switch (s) {
        case FlowStatus::Passed:
            ++passed;
            break;
        case FlowStatus::Failed:
            ++failed;
            break;
        case FlowStatus::Partial:
            ++partial;
            break;
        case FlowStatus::Untested:
            break;
        }
    }
    if (passed + failed + partial == 0)
        return FlowStatus::Untested;
    if (partial == 0 && failed == 0)
        return FlowStatus::Passed;
    if (partial == 0 && passed == 0)
        return FlowStatus::Failed;
    return FlowStatus::Partial;
}

QString DiagramResults::statusName(FlowStatus status)
{
    switch (status) {
    case FlowStatus::Passed:
        return QStringLiteral("passed");
    case FlowStatus::Failed:
        return QStringLiteral("failed");
    case FlowStatus::Partial:
        return QStringLiteral("partial");
    case FlowStatus::Untested:
        break;
    }
    return QStringLiteral("untested");
}
