#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

class Catalog;

// The outcome of the connectivity tests for one flow (an entry) or one component.
enum class FlowStatus { Untested, Passed, Failed, Partial };

// Connectivity results as the diagram shows them: a status per entry id. The tester feeds it
// (entry id -> status); components get an aggregate over the tested entries that involve them.
class DiagramResults
{
public:
    DiagramResults() = default;
    explicit DiagramResults(const QHash<QString, FlowStatus> &statuses);

    bool isEmpty() const { return m_statuses.isEmpty(); }
    void clear() { m_statuses.clear(); }

    void setStatus(const QString &entryId, FlowStatus status);
    // Untested for an entry without a result.
    FlowStatus status(const QString &entryId) const;
    // An arrow that bundles several entries: their statuses combined with aggregate().
    FlowStatus status(const QStringList &entryIds) const;
    QHash<QString, FlowStatus> statuses() const { return m_statuses; }

    // Over the tested entries that have the component as a source or as the destination:
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
