#include "catalog.h"

#include <algorithm>

namespace {
template<typename T>
const T *findById(const QList<T> &list, const QString &id)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), [&id](const T &item) { return item.id == id; });
    return it == list.cend() ? nullptr : &*it;
}
} // namespace

const Component *Catalog::component(const QString &id) const
{
    return findById(components, id);
}

const CatalogTable *Catalog::table(const QString &id) const
{
    return findById(tables, id);
}

const ValidityRule *Catalog::validityRule(const QString &id) const
{
    return findById(validityRules, id);
}

const Entry *Catalog::entry(const QString &id) const
{
    return findById(entries, id);
}

int Catalog::entryIndex(const QString &id) const
{
    const Entry *e = entry(id);
    return e ? int(e - entries.constData()) : -1;
}

QDate Catalog::validUntil(const Entry &entry) const
{
    const ValidityRule *rule = entry.validity.isEmpty() ? nullptr : validityRule(entry.validity);
    return rule ? rule->validUntil : QDate();
}

bool Catalog::isExpired(const Entry &entry, const QDate &today) const
{
    const QDate until = validUntil(entry);
    return until.isValid() && today > until;
}

QList<CatalogRowRef> Catalog::rows() const
{
    QList<CatalogRowRef> result;
    result.reserve(endpointCount() + entries.size());
    for (int e = 0; e < entries.size(); ++e) {
        const int n = entries.at(e).endpoints.size();
        if (n == 0)
            result.append({e, -1});
        for (int i = 0; i < n; ++i)
            result.append({e, i});
    }
    return result;
}

int Catalog::endpointCount() const
{
    int n = 0;
    for (const Entry &e : entries)
        n += e.endpoints.size();
    return n;
}
