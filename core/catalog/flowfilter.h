#pragma once

#include "core/catalog/catalog.h"

#include <QDate>
#include <QSet>
#include <QStringList>
#include <QVersionNumber>

#include <optional>

// The one filter over flows and their endpoints: the explorer's proxy, the exporters' selection
// and the test planner all ask it, so that they agree on what is in scope. Empty criteria match
// everything.
struct FlowFilter
{
    QStringList roles; // flows in which one of these components takes part
    Direction direction = Direction::None; // None: any; else as computed for the roles
    std::optional<Requirement> requirement;
    bool requiredOnly = false;
    QList<Feature> features; // the features in use; flows and lists without features always match
    QVersionNumber agentVersion; // null: any version
    QString protocol; // application protocol ("HTTPS") or transport ("udp"), case-insensitive
    int port = 0;
    bool includeExpired = false;
    QSet<QString> flowIds; // only these flows
    QStringList words; // lower case; each must occur in the row's search text

    void setText(const QString &text);

    // The flow's direction for the filter's roles combined (Outbound and Inbound make Both).
    // Without roles: relative to the customer network (Inbound when it starts outside).
    static Direction directionOf(const Catalog &catalog, const Flow &flow, const QStringList &roles);

    // Criteria that concern the flow as a whole: roles, direction, requirement, the flow's own
    // features, protocol, port, ids.
    bool acceptsFlow(const Catalog &catalog, const Flow &flow) const;
    // Criteria that concern one endpoint: validity, its list's features, agent version and ports.
    bool acceptsEndpoint(const Catalog &catalog, const Flow &flow, const Endpoint &endpoint,
                         const QDate &today) const;
    // A table row: the flow, its endpoint (if any) and the search text.
    bool acceptsRow(const Catalog &catalog, const CatalogRowRef &ref, const QDate &today,
                    const QString &searchText = QString()) const;
    bool matchesText(const QString &searchText) const;

    bool operator==(const FlowFilter &other) const;
    bool operator!=(const FlowFilter &other) const { return !(*this == other); }
};
