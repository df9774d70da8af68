#include "entrydetails.h"

#include "catalogtext.h"

QList<EntryDetails::Field> EntryDetails::fields(const Catalog &catalog, const CatalogRowRef &ref,
                                                Language language, const QDate &today)
{
    QList<Field> result;
    if (ref.entry < 0 || ref.entry >= catalog.entries.size())
        return result;
    const Entry &e = catalog.entries.at(ref.entry);
    const auto add = [&result](const QString &key, const QString &label, const QString &text) {
        if (!text.trimmed().isEmpty())
            result.append({key, label, text});
    };
    const CatalogTable *table = catalog.table(e.table);

    add(QStringLiteral("service"), tr("Service"), e.service.text(language));
    add(QStringLiteral("endpoint"), tr("Endpoint"),
        CatalogText::endpoint(catalog, e, ref.endpoint, language));
    add(QStringLiteral("ports"), tr("Ports"), CatalogText::ports(e.ports));
    add(QStringLiteral("sources"), tr("Source"), CatalogText::componentNames(catalog, e.sources, language));
    add(QStringLiteral("destination"), tr("Destination"),
        CatalogText::componentNames(catalog, {e.destination}, language));
    add(QStringLiteral("direction"), tr("Direction"), CatalogText::direction(e.direction));
    add(QStringLiteral("requirement"), tr("Requirement"), CatalogText::requirement(e.requirement));
    add(QStringLiteral("condition"), tr("Condition"), e.condition.text(language));
    add(QStringLiteral("description"), tr("Description"), e.description.text(language));
    add(QStringLiteral("notes"), tr("Notes"), e.notes.text(language));
    add(QStringLiteral("configurable"), tr("Setting"), e.configurable.text(language));
    if (const ValidityRule *rule = e.validity.isEmpty() ? nullptr : catalog.validityRule(e.validity)) {
        add(QStringLiteral("validity"), tr("Validity"), CatalogText::validity(catalog, e, today));
        add(QStringLiteral("appliesTo"), tr("Applies to"), rule->appliesTo.text(language));
        add(QStringLiteral("afterwards"), tr("Afterwards"), rule->afterwards.text(language));
        add(QStringLiteral("howToCheck"), tr("How to check"), rule->howToCheck.text(language));
    }
    add(QStringLiteral("table"), tr("Table"), table ? table->title.text(language) : e.table);
    add(QStringLiteral("id"), tr("Id"), e.id);
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

QList<int> EntryDetails::relatedEntries(const Catalog &catalog, int entry)
{
    QList<int> result;
    if (entry < 0 || entry >= catalog.entries.size())
        return result;
    const QString destination = catalog.entries.at(entry).destination;
    for (int i = 0; i < catalog.entries.size(); ++i) {
        if (i != entry && catalog.entries.at(i).destination == destination)
            result.append(i);
    }
    return result;
}
