#include "catalogdiff.h"

#include <algorithm>

#include <QJsonArray>
#include <QMap>

namespace {

QString portsText(const QList<PortSpec> &ports)
{
    QStringList parts;
    for (const PortSpec &p : ports)
        parts.append(QStringLiteral("%1/%2%3").arg(p.port).arg(
                p.transportName(), p.protocol.isEmpty() ? QString() : QLatin1Char(' ') + p.protocol));
    return parts.join(QStringLiteral(", "));
}

QString featuresText(const QList<Feature> &features)
{
    QStringList names;
    for (Feature f : features)
        names.append(Vocabulary::name(f));
    return names.join(QStringLiteral(", "));
}

QString provenanceText(const QList<Provenance> &provenance)
{
    QStringList refs;
    for (const Provenance &p : provenance)
        refs.append(p.toString());
    return refs.join(QStringLiteral(", "));
}

// Everything about one endpoint of a flow that a firewall rule or a check depends on.
QString endpointText(const Catalog &c, const Flow &f, const Endpoint &ep)
{
    const EndpointList &list = c.listOf(ep);
    // Ports only when the list narrows them: a change of the flow's ports is reported once.
    QStringList parts{QStringLiteral("list %1").arg(list.id)};
    if (!list.ports.isEmpty())
        parts.append(portsText(c.portsOf(f, ep)));
    if (!list.validity.isEmpty()) {
        const QDate until = c.validUntil(ep);
        parts.append(QStringLiteral("valid until %1").arg(until.toString(Qt::ISODate)));
    }
    if (!list.features.isEmpty())
        parts.append(featuresText(list.features));
    if (!list.agentVersions.isEmpty())
        parts.append(QStringLiteral("agents %1-%2")
                             .arg(list.agentVersions.from.toString(), list.agentVersions.before.toString()));
    return parts.join(QStringLiteral("; "));
}

QMap<QString, QString> fieldsOf(const Catalog &c, const Flow &f)
{
    QMap<QString, QString> m;
    m.insert(QStringLiteral("initiators"), f.initiators.join(QStringLiteral(", ")));
    m.insert(QStringLiteral("listener"), f.listener);
    m.insert(QStringLiteral("ports"), portsText(f.ports));
    m.insert(QStringLiteral("requirement"), Vocabulary::name(f.requirement));
    m.insert(QStringLiteral("features"), featuresText(f.features));
    m.insert(QStringLiteral("networkRule"),
             f.needsNetworkRule ? QStringLiteral("true") : QStringLiteral("false"));
    m.insert(QStringLiteral("provenance"), provenanceText(f.provenance));
    m.insert(QStringLiteral("endpointLists"), f.endpointListIds.join(QStringLiteral(", ")));
    const auto text = [&m](const QString &name, const LocalizedText &t) {
        m.insert(name + QStringLiteral(".en"), t.en);
        m.insert(name + QStringLiteral(".ja"), t.ja);
    };
    text(QStringLiteral("condition"), f.condition);
    text(QStringLiteral("service"), f.service);
    text(QStringLiteral("description"), f.description);
    text(QStringLiteral("notes"), f.notes);
    text(QStringLiteral("configurable"), f.configurable);
    text(QStringLiteral("narration"), f.narration);
    for (const Endpoint &ep : f.endpoints)
        m.insert(QStringLiteral("endpoint ") + ep.value, endpointText(c, f, ep));
    return m;
}

} // namespace

QList<CatalogDiff::FlowChange> CatalogDiff::compare(const Catalog &oldCatalog, const Catalog &newCatalog)
{
    QList<FlowChange> result;
    for (const Flow &o : oldCatalog.flows) {
        const Flow *n = newCatalog.flow(o.id);
        if (!n) {
            FlowChange change{o.id, Change::Removed, {}, {}, {}};
            for (const Endpoint &ep : o.endpoints)
                change.endpointsRemoved.append(ep.value);
            result.append(change);
            continue;
        }
        const QMap<QString, QString> before = fieldsOf(oldCatalog, o);
        const QMap<QString, QString> after = fieldsOf(newCatalog, *n);
        FlowChange change{o.id, Change::Changed, {}, {}, {}};
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const bool isEndpoint = it.key().startsWith(QLatin1String("endpoint "));
            if (!after.contains(it.key())) {
                if (isEndpoint)
                    change.endpointsRemoved.append(it.key().mid(9));
                continue;
            }
            if (after.value(it.key()) != it.value())
                change.fields.append({it.key(), it.value(), after.value(it.key())});
        }
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (!before.contains(it.key()) && it.key().startsWith(QLatin1String("endpoint ")))
                change.endpointsAdded.append(it.key().mid(9));
        }
        if (!change.fields.isEmpty() || !change.endpointsAdded.isEmpty()
            || !change.endpointsRemoved.isEmpty())
            result.append(change);
    }
    for (const Flow &n : newCatalog.flows) {
        if (oldCatalog.flow(n.id))
            continue;
        FlowChange change{n.id, Change::Added, {}, {}, {}};
        for (const Endpoint &ep : n.endpoints)
            change.endpointsAdded.append(ep.value);
        result.append(change);
    }
    return result;
}

QString CatalogDiff::changeName(Change change)
{
    switch (change) {
    case Change::Added:
        return QStringLiteral("added");
    case Change::Removed:
        return QStringLiteral("removed");
    case Change::Changed:
        return QStringLiteral("changed");
    }
    return {};
}

QString CatalogDiff::text(const QList<FlowChange> &changes)
{
    if (changes.isEmpty())
        return tr("No flow changed.") + QLatin1Char('\n');
    QString out;
    for (const FlowChange &c : changes) {
        switch (c.change) {
        case Change::Added:
            out += tr("+ %1 (added, %n endpoints)", nullptr, int(c.endpointsAdded.size())).arg(c.id);
            break;
        case Change::Removed:
            out += tr("- %1 (removed, %n endpoints)", nullptr, int(c.endpointsRemoved.size())).arg(c.id);
            break;
        case Change::Changed:
            out += tr("~ %1 (changed)").arg(c.id);
            break;
        }
        out += QLatin1Char('\n');
        for (const Field &f : c.fields)
            out += tr("    %1: %2 -> %3").arg(f.name, f.oldValue, f.newValue) + QLatin1Char('\n');
        if (c.change == Change::Changed) {
            for (const QString &e : c.endpointsAdded)
                out += QStringLiteral("    + %1\n").arg(e);
            for (const QString &e : c.endpointsRemoved)
                out += QStringLiteral("    - %1\n").arg(e);
        }
    }
    return out;
}

QJsonObject CatalogDiff::json(const QList<FlowChange> &changes)
{
    QJsonArray flows;
    for (const FlowChange &c : changes) {
        QJsonArray fields;
        for (const Field &f : c.fields)
            fields.append(QJsonObject{{QStringLiteral("field"), f.name},
                                      {QStringLiteral("old"), f.oldValue},
                                      {QStringLiteral("new"), f.newValue}});
        flows.append(QJsonObject{
                {QStringLiteral("id"), c.id},
                {QStringLiteral("change"), changeName(c.change)},
                {QStringLiteral("fields"), fields},
                {QStringLiteral("endpointsAdded"), QJsonArray::fromStringList(c.endpointsAdded)},
                {QStringLiteral("endpointsRemoved"), QJsonArray::fromStringList(c.endpointsRemoved)}});
    }
    return {{QStringLiteral("changed"), !changes.isEmpty()}, {QStringLiteral("flows"), flows}};
}

int CatalogDiff::count(const QList<FlowChange> &changes, Change change)
{
    return int(std::count_if(changes.cbegin(), changes.cend(),
                             [change](const FlowChange &c) { return c.change == change; }));
}
