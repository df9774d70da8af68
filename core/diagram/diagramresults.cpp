#include "diagramresults.h"

#include "core/catalog/catalog.h"

DiagramResults::DiagramResults(const QHash<QString, FlowStatus> &statuses)
    : m_statuses(statuses)
{ }

void DiagramResults::setStatus(const QString &flowId, FlowStatus status)
{
    m_statuses.insert(flowId, status);
}

FlowStatus DiagramResults::status(const QString &flowId) const
{
    return m_statuses.value(flowId, FlowStatus::Untested);
}

FlowStatus DiagramResults::status(const QStringList &flowIds) const
{
    QList<FlowStatus> statuses;
    for (const QString &id : flowIds)
        statuses.append(status(id));
    return aggregate(statuses);
}

FlowStatus DiagramResults::componentStatus(const Catalog &catalog, const QString &componentId) const
{
    QList<FlowStatus> statuses;
    for (const Flow &flow : catalog.flows) {
        if (flow.involves(componentId))
            statuses.append(status(flow.id));
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
    return flowStatusName(status);
}
