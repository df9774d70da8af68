#include "runcomparison.h"

#include "core/tester/result/resulttext.h"

#include <QHash>
#include <QSet>

namespace {
QString keyOf(const CheckResult &result)
{
    // One check per destination: the endpoint and the kind name it, whichever flows it serves.
    return result.endpoint + QLatin1Char('\x1f') + result.kind;
}
} // namespace

RunComparison RunComparison::compare(const QList<CheckResult> &before, const QList<CheckResult> &after)
{
    RunComparison comparison;
    QHash<QString, const CheckResult *> earlier;
    for (const CheckResult &result : before) {
        if (!earlier.contains(keyOf(result)))
            earlier.insert(keyOf(result), &result);
    }
    QSet<QString> seen;
    for (const CheckResult &result : after) {
        const QString key = keyOf(result);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        Item item;
        item.flowIds = result.flowIds();
        item.endpoint = result.endpoint;
        item.kind = result.kind;
        item.after = result.verdict;
        item.hint = ResultText::hint(result);
        if (const CheckResult *old = earlier.value(key)) {
            item.before = old->verdict;
            if (old->isFailure())
                item.change = result.isFailure() ? Change::StillFailing : Change::Fixed;
            else
                item.change = result.isFailure() ? Change::Broke : Change::StillPassing;
        } else {
            item.change = Change::Added;
        }
        comparison.m_items.append(item);
    }
    for (const CheckResult &result : before) {
        const QString key = keyOf(result);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        Item item;
        item.change = Change::Removed;
        item.flowIds = result.flowIds();
        item.endpoint = result.endpoint;
        item.kind = result.kind;
        item.before = result.verdict;
        comparison.m_items.append(item);
    }
    return comparison;
}

QList<RunComparison::Item> RunComparison::items(Change change) const
{
    QList<Item> items;
    for (const Item &item : m_items) {
        if (item.change == change)
            items.append(item);
    }
    return items;
}

QString RunComparison::changeText(Change change)
{
    switch (change) {
    case Change::Fixed:
        return tr("Fixed");
    case Change::Broke:
        return tr("Broke");
    case Change::StillFailing:
        return tr("Still failing");
    case Change::StillPassing:
        return tr("Unchanged");
    case Change::Added:
        return tr("New check");
    case Change::Removed:
        return tr("No longer checked");
    }
    return {};
}

QString RunComparison::changeName(Change change)
{
    switch (change) {
    case Change::Fixed:
        return QStringLiteral("fixed");
    case Change::Broke:
        return QStringLiteral("broke");
    case Change::StillFailing:
        return QStringLiteral("still-failing");
    case Change::StillPassing:
        return QStringLiteral("still-passing");
    case Change::Added:
        return QStringLiteral("added");
    case Change::Removed:
        return QStringLiteral("removed");
    }
    return {};
}

QString RunComparison::summaryText() const
{
    QString text = tr("%1 fixed, %2 broke, %3 still failing, %4 unchanged, %5 new, %6 no longer checked")
                           .arg(count(Change::Fixed))
                           .arg(count(Change::Broke))
                           .arg(count(Change::StillFailing))
                           .arg(count(Change::StillPassing))
                           .arg(count(Change::Added))
                           .arg(count(Change::Removed))
            + QLatin1Char('\n');
    for (const Change change : {Change::Broke, Change::Fixed, Change::StillFailing}) {
        for (const Item &item : items(change)) {
            text += QStringLiteral("[%1] %2  %3")
                            .arg(changeText(change), item.flowIds.join(QLatin1Char(',')), item.endpoint);
            if (item.before && item.after)
                text += QStringLiteral(": %1 → %2")
                                .arg(Verdict::text(*item.before), Verdict::text(*item.after));
            text += QLatin1Char('\n');
        }
    }
    return text;
}
