#pragma once

#include "core/tester/plan/checktarget.h"
#include "core/tester/plan/siteprofile.h"

#include <QList>
#include <QStringList>

// What a connectivity test will check, in order. A plan is plain data: it can be printed
// (--dry-run), run by ConnectivityTester, and shown before running.
struct TestPlan
{
    QStringList roles;
    bool requiredOnly = false;
    bool includeExpired = false;
    SiteProfile site;
    QList<CheckTarget> targets;

    int testableCount() const;
};
