#include "entrydetails.h"

#include "core/catalog/catalogtext.h"

QList<EntryDetails::Field> EntryDetails::fields(const Catalog &catalog, const CatalogRowRef &ref,
                                                Language language, const QDate &today)
{
    QList<Field> result;
    if (ref.flow < 0 || ref.flow >= catalog.flows.size())
        return result;
    const Flow &f = catalog.flows.at(ref.flow);
    const Endpoint *endpoint =
            ref.endpoint >= 0 && ref.endpoint < f.endpoints.size() ? &f.endpoints.at(ref.endpoint) : nullptr;
    const EndpointList *list = endpoint ? &catalog.listOf(*endpoint) : nullptr;
    const auto add = [&result](const QString &key, const QString &label, const QString &text) {
        if (!text.trimmed().isEmpty())
            result.append({key, label, text});
    };

    add(QStringLiteral("service"), tr("Service"), CatalogText::service(catalog, f, ref.endpoint, language));
    add(QStringLiteral("endpoint"), tr("Endpoint"),
        CatalogText::endpoint(catalog, f, ref.endpoint, language));
    add(QStringLiteral("ports"), tr("Ports"),
        CatalogText::ports(endpoint ? catalog.portsOf(f, *endpoint) : f.ports));
    add(QStringLiteral("initiators"), tr("Initiator"),
        CatalogText::componentNames(catalog, f.initiators, language));
    add(QStringLiteral("listener"), tr("Listener"),
        CatalogText::componentNames(catalog, {f.listener}, language));
    add(QStringLiteral("requirement"), tr("Requirement"),
        CatalogText::requirement(catalog, f, ref.endpoint, today));
    add(QStringLiteral("condition"), tr("Condition"), f.condition.text(language));
    if (list)
        add(QStringLiteral("listCondition"), tr("When"), list->condition.text(language));
    add(QStringLiteral("features"), tr("Features"), CatalogText::features(catalog.featuresOf(f, endpoint)));
    if (list)
        add(QStringLiteral("agentVersions"), tr("Agent versions"),
            CatalogText::agentVersions(list->agentVersions));
    add(QStringLiteral("description"), tr("Description"), f.description.text(language));
    if (list)
        add(QStringLiteral("listDescription"), tr("About these endpoints"), list->description.text(language));
    add(QStringLiteral("notes"), tr("Notes"), f.notes.text(language));
    add(QStringLiteral("configurable"), tr("Setting"), f.configurable.text(language));
    if (!f.needsNetworkRule)
        add(QStringLiteral("networkRule"), tr("Network rule"),
            tr("None: this connection stays on the same computer"));
    const ValidityRule *rule =
            list && !list->validity.isEmpty() ? catalog.validityRule(list->validity) : nullptr;
    if (rule) {
        add(QStringLiteral("validity"), tr("Validity"), CatalogText::validity(catalog, *endpoint, today));
        add(QStringLiteral("appliesTo"), tr("Applies to"), rule->appliesTo.text(language));
        add(QStringLiteral("afterwards"), tr("Afterwards"), rule->afterwards.text(language));
        add(QStringLiteral("howToCheck"), tr("How to check"), rule->howToCheck.text(language));
    }
    QList<Provenance> provenance = f.provenance;
    if (list) {
        // The rows that list this endpoint, then the rest of the flow's.
        provenance = list->provenance;
        for (const Provenance &p : f.provenance) {
            if (!provenance.contains(p))
                provenance.append(p);
        }
    }
    add(QStringLiteral("provenance"), tr("On the page"),
        CatalogText::provenanceRows(catalog, provenance, language).join(QLatin1Char('\n')));
    add(QStringLiteral("id"), tr("Id"), f.id);
    return result;
}

QString EntryDetails::plainText(const QList<Field> &fields)
{
    QStringList lines;
    lines.reserve(fields.size());
    for (const Field &f : fields)
        lines.append(tr("%1: %2").arg(f.label, f.text));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QList<int> EntryDetails::relatedFlows(const Catalog &catalog, int flow)
{
    // Other flows to or from the same component pair's far side: the same listener.
    QList<int> result;
    if (flow < 0 || flow >= catalog.flows.size())
        return result;
    const QString listener = catalog.flows.at(flow).listener;
    for (int i = 0; i < catalog.flows.size(); ++i) {
        if (i != flow && catalog.flows.at(i).listener == listener)
            result.append(i);
    }
    return result;
}
