#include "catalogwriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QJsonObject text(const LocalizedText &t)
{
    return QJsonObject{{QStringLiteral("en"), t.en}, {QStringLiteral("ja"), t.ja}};
}

// An optional text: left out when empty (the loader requires both languages when present).
void putText(QJsonObject &o, const QString &key, const LocalizedText &t)
{
    if (!t.isEmpty())
        o.insert(key, text(t));
}

void putString(QJsonObject &o, const QString &key, const QString &s)
{
    if (!s.isEmpty())
        o.insert(key, s);
}

QJsonArray provenance(const QList<Provenance> &refs)
{
    QJsonArray a;
    for (const Provenance &p : refs)
        a.append(p.toString());
    return a;
}

void putFeatures(QJsonObject &o, const QList<Feature> &features)
{
    if (features.isEmpty())
        return;
    QJsonArray a;
    for (Feature f : features)
        a.append(Vocabulary::name(f));
    o.insert(QStringLiteral("features"), a);
}

QJsonObject endpointList(const EndpointList &list)
{
    QJsonObject o{{QStringLiteral("id"), list.id},
                  {QStringLiteral("provenance"), provenance(list.provenance)}};
    putText(o, QStringLiteral("service"), list.service);
    putText(o, QStringLiteral("description"), list.description);
    putText(o, QStringLiteral("condition"), list.condition);
    putFeatures(o, list.features);
    if (!list.agentVersions.isEmpty()) {
        QJsonObject range;
        if (!list.agentVersions.from.isNull())
            range.insert(QStringLiteral("from"), list.agentVersions.from.toString());
        if (!list.agentVersions.before.isNull())
            range.insert(QStringLiteral("before"), list.agentVersions.before.toString());
        o.insert(QStringLiteral("agentVersions"), range);
    }
    if (!list.ports.isEmpty()) {
        QJsonArray ports;
        for (int port : list.ports)
            ports.append(port);
        o.insert(QStringLiteral("ports"), ports);
    }
    putString(o, QStringLiteral("validity"), list.validity);
    QJsonArray endpoints;
    for (const Endpoint &ep : list.endpoints)
        endpoints.append(QJsonObject{{Endpoint::kindName(ep.kind), ep.value}});
    o.insert(QStringLiteral("endpoints"), endpoints);
    return o;
}

QJsonObject flow(const Flow &f)
{
    QJsonObject o{{QStringLiteral("id"), f.id},
                  {QStringLiteral("initiators"), QJsonArray::fromStringList(f.initiators)},
                  {QStringLiteral("listener"), f.listener},
                  {QStringLiteral("requirement"), Vocabulary::name(f.requirement)},
                  {QStringLiteral("service"), text(f.service)},
                  {QStringLiteral("description"), text(f.description)},
                  {QStringLiteral("provenance"), provenance(f.provenance)}};
    QJsonArray ports;
    for (const PortSpec &spec : f.ports) {
        QJsonObject p{{QStringLiteral("port"), spec.port},
                      {QStringLiteral("transport"), Vocabulary::name(spec.transport)}};
        putString(p, QStringLiteral("protocol"), spec.protocol);
        ports.append(p);
    }
    o.insert(QStringLiteral("ports"), ports);
    putText(o, QStringLiteral("condition"), f.condition);
    putFeatures(o, f.features);
    putText(o, QStringLiteral("notes"), f.notes);
    putText(o, QStringLiteral("configurable"), f.configurable);
    putText(o, QStringLiteral("narration"), f.narration);
    if (!f.needsNetworkRule)
        o.insert(QStringLiteral("networkRule"), false);
    if (!f.endpointListIds.isEmpty())
        o.insert(QStringLiteral("endpointLists"), QJsonArray::fromStringList(f.endpointListIds));
    return o;
}

} // namespace

QJsonObject CatalogWriter::toJson(const Catalog &c)
{
    QJsonObject root{{QStringLiteral("schemaVersion"), c.schemaVersion},
                     {QStringLiteral("title"), text(c.title)}};
    putText(root, QStringLiteral("source"), c.source);
    putString(root, QStringLiteral("catalogVersion"), c.catalogVersion);
    if (c.retrieved.isValid())
        root.insert(QStringLiteral("retrieved"), c.retrieved.toString(Qt::ISODate));
    putString(root, QStringLiteral("pageSha256"), c.pageSha256);
    putText(root, QStringLiteral("edition"), c.edition);

    if (!c.notes.isEmpty()) {
        QJsonArray notes;
        for (const CatalogNote &n : c.notes)
            notes.append(QJsonObject{{QStringLiteral("id"), n.id},
                                     {QStringLiteral("title"), text(n.title)},
                                     {QStringLiteral("text"), text(n.text)}});
        root.insert(QStringLiteral("notes"), notes);
    }
    if (!c.corrections.isEmpty()) {
        QJsonArray corrections;
        for (const Correction &k : c.corrections)
            corrections.append(QJsonObject{{QStringLiteral("id"), k.id},
                                           {QStringLiteral("pageText"), k.pageText},
                                           {QStringLiteral("corrected"), k.corrected},
                                           {QStringLiteral("reason"), text(k.reason)}});
        root.insert(QStringLiteral("corrections"), corrections);
    }
    if (!c.validityRules.isEmpty()) {
        QJsonArray rules;
        for (const ValidityRule &r : c.validityRules) {
            QJsonObject o{
                    {QStringLiteral("id"), r.id},
                    {QStringLiteral("appliesTo"), text(r.appliesTo)},
                    {QStringLiteral("accountsCreatedBefore"), r.accountsCreatedBefore.toString(Qt::ISODate)},
                    {QStringLiteral("validUntil"), r.validUntil.toString(Qt::ISODate)},
                    {QStringLiteral("afterwards"), text(r.afterwards)}};
            putText(o, QStringLiteral("howToCheck"), r.howToCheck);
            rules.append(o);
        }
        root.insert(QStringLiteral("validity"), rules);
    }
    QJsonArray components;
    for (const Component &comp : c.components) {
        QJsonObject o{{QStringLiteral("id"), comp.id},
                      {QStringLiteral("name"), text(comp.name)},
                      {QStringLiteral("zone"), Vocabulary::name(comp.zone)}};
        if (comp.isRole)
            o.insert(QStringLiteral("role"), true);
        if (comp.isCustomerSide)
            o.insert(QStringLiteral("customerSide"), true);
        if (comp.siteKey != SiteKey::None)
            o.insert(QStringLiteral("siteKey"), Vocabulary::name(comp.siteKey));
        components.append(o);
    }
    root.insert(QStringLiteral("components"), components);
    QJsonArray tables;
    for (const CatalogTable &t : c.tables) {
        QJsonArray rows;
        for (const TableRow &row : t.rows)
            rows.append(
                    QJsonObject{{QStringLiteral("id"), row.id}, {QStringLiteral("label"), text(row.label)}});
        tables.append(QJsonObject{{QStringLiteral("id"), t.id},
                                  {QStringLiteral("section"), Vocabulary::name(t.section)},
                                  {QStringLiteral("title"), text(t.title)},
                                  {QStringLiteral("rows"), rows}});
    }
    root.insert(QStringLiteral("tables"), tables);
    if (!c.endpointLists.isEmpty()) {
        QJsonArray lists;
        for (const EndpointList &list : c.endpointLists)
            lists.append(endpointList(list));
        root.insert(QStringLiteral("endpointLists"), lists);
    }
    QJsonArray flows;
    for (const Flow &f : c.flows)
        flows.append(flow(f));
    root.insert(QStringLiteral("flows"), flows);
    return root;
}

QByteArray CatalogWriter::write(const Catalog &catalog)
{
    return QJsonDocument(toJson(catalog)).toJson(QJsonDocument::Indented);
}
