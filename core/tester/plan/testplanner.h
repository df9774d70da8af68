#pragma once

#include "core/tester/plan/testplan.h"

#include "core/catalog/catalog.h"
#include "core/catalog/flowfilter.h"
#include "core/i18n/language.h"

#include <QCoreApplication>
#include <QDate>

#include <variant>

// Builds a TestPlan from the catalog: the flows in scope that the chosen roles initiate (never
// those they only listen on) become one target per concrete destination: host x port, URL,
// static address x port, each checked once however many flows need it, and attributed to
// every one of them. Wildcards are tested through the catalog's concrete hosts they cover;
// customer-side listeners are tested at the site profile's addresses, or skipped with the
// reason; flows that never leave their host (no network rule) and ports whose transport the
// page does not state are skipped with the reason.
class TestPlanner
{
    Q_DECLARE_TR_FUNCTIONS(TestPlanner)

public:
    struct Options
    {
        Options() { scope.roles = QStringList{QStringLiteral("agent")}; }

        // What is in scope: roles, requiredOnly, includeExpired, features, agent version,
        // protocol, port, flow ids, words. Its direction is ignored: the planner always plans
        // the connections the roles open.
        FlowFilter scope;
        SiteProfile site;
        QDate today = QDate::currentDate();
        Language language = Language::English; // for component names in skip reasons
    };

    // The plan, or a translated error (no role, an unknown role).
    static std::variant<TestPlan, QString> build(const Catalog &catalog, const Options &options);

    static CheckTarget::Kind kindFor(const PortSpec &port);
    static QString endpointText(const QString &host, int port);
};
