#pragma once

#include "core/diagram/flowstatus.h"

#include <QHash>
#include <QString>
#include <QStringList>

class Catalog;

// Connectivity results as the diagram shows them: a status per catalog flow id. The tester feeds
// it (flow id -> status, over the checks of the flow's endpoints); components get an aggregate
// over the tested flows that involve them.
class DiagramResults
{
public:
    DiagramResults() = default;
    explicit DiagramResults(const QHash<QString, FlowStatus> &statuses);

    bool isEmpty() const { return m_statuses.isEmpty(); }
    void clear() { m_statuses.clear(); }

    void setStatus(const QString &flowId, FlowStatus status);
    // Untested for a flow without a result.
    FlowStatus status(const QString &flowId) const;
    // Several flows (an arrow that draws more than one): their statuses combined with aggregate().
    FlowStatus status(const QStringList &flowIds) const;
    QHash<QString, FlowStatus> statuses() const { return m_statuses; }

    // Over the tested flows that have the component as an initiator or as the listener:
    // all passed -> Passed, all failed -> Failed, a mix or any partial -> Partial,
    // none tested -> Untested.
    FlowStatus componentStatus(const Catalog &catalog, const QString &componentId) const;
    QHash<QString, FlowStatus> componentStatuses(const Catalog &catalog) const;

    // Combines statuses with the rule above.
    static FlowStatus aggregate(const QList<FlowStatus> &statuses);
    static QString statusName(FlowStatus status);

    bool operator==(const DiagramResults &other) const { return m_statuses == other.m_statuses; }
    bool operator!=(const DiagramResults &other) const { return !(*this == other); }

private:
    QHash<QString, FlowStatus> m_statuses;
};
