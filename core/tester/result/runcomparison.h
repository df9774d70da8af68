#pragma once

#include "core/tester/result/checkresult.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// Compares two runs (before and after a firewall change) check by check, matched by endpoint
// and kind: what got fixed, what broke, what is unchanged, what is new or gone.
class RunComparison
{
    Q_DECLARE_TR_FUNCTIONS(RunComparison)

public:
    enum class Change { Fixed, Broke, StillFailing, StillPassing, Added, Removed };

    struct Item
    {
        Change change = Change::StillPassing;
        QStringList flowIds;
        QString endpoint;
        QString kind;
        std::optional<Verdict::Value> before; // unset for Added
        std::optional<Verdict::Value> after; // unset for Removed
        QString hint; // the current hint of a failure after the change
    };

    static RunComparison compare(const QList<CheckResult> &before, const QList<CheckResult> &after);

    QList<Item> items() const { return m_items; }
    QList<Item> items(Change change) const;
    int count(Change change) const { return int(items(change).size()); }

    static QString changeText(Change change); // translated: "Fixed", "Broke", ...
    static QString changeName(Change change); // stable: "fixed", "broke", ...
    // A plain-text summary: counts, then one line per fixed and broken check.
    QString summaryText() const;

private:
    QList<Item> m_items;
};
