#pragma once

#include "testplan.h"

#include "catalog/catalog.h"
#include "i18n/language.h"

#include <QCoreApplication>
#include <QDate>

#include <variant>

// Builds a TestPlan from the catalog: for the chosen roles, every entry they open connections
// for becomes one target per concrete host x port, URL and static address. Wildcards are
// tested through the catalog's concrete hosts they cover; customer-side destinations are tested
// at the site profile's addresses, or skipped with the reason; expired static addresses are left
// out unless asked for.
class TestPlanner
{
    Q_DECLARE_TR_FUNCTIONS(TestPlanner)

public:
    struct Options
    {
        QStringList roles{QStringLiteral("agent")};
        bool requiredOnly = false;
        bool includeExpired = false;
        SiteProfile site;
        QDate today = QDate::currentDate();
        Language language = Language::English; // for component names in skip reasons
    };

    // The plan, or a translated error (an unknown role).
    static std::variant<TestPlan, QString> build(const Catalog &catalog, const Options &options);

    static CheckTarget::Kind kindFor(const PortSpec &port);
    static QString endpointText(const QString &host, int port);
};
