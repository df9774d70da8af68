#include "catalogrecords.h"

#include "catalogtext.h"

#include <QJsonArray>

QStringList CatalogRecords::fieldNames()
{
    return {QStringLiteral("id"),           QStringLiteral("section"),      QStringLiteral("table"),
            QStringLiteral("endpoint"),     QStringLiteral("endpointKind"), QStringLiteral("ports"),
            QStringLiteral("sources"),      QStringLiteral("destination"),  QStringLiteral("customerSide"),
            QStringLiteral("direction"),    QStringLiteral("requirement"),  QStringLiteral("service"),
            QStringLiteral("description"),  QStringLiteral("condition"),    QStringLiteral("notes"),
            QStringLiteral("configurable"), QStringLiteral("validUntil"),   QStringLiteral("expired")};
}

QJsonObject CatalogRecords::record(const Catalog &catalog, const CatalogRowRef &ref, Language language,
                                   const QDate &today)
{
    const Entry &e = catalog.entries.at(ref.entry);
    const CatalogTable *table = catalog.table(e.table);
    const Component *destination = catalog.component(e.destination);
    QJsonArray ports;
    for (const PortSpec &p : e.ports)
        ports.append(QJsonObject{{QStringLiteral("port"), p.port},
                                 {QStringLiteral("transport"), p.transport},
                                 {QStringLiteral("protocol"), p.protocol}});
    const bool hasEndpoint = ref.endpoint >= 0;
    const QDate until = catalog.validUntil(e);
    return {
            {QStringLiteral("id"), e.id},
            {QStringLiteral("section"), table ? table->section : QString()},
            {QStringLiteral("table"), table ? table->title.text(language) : e.table},
            {QStringLiteral("endpoint"), CatalogText::endpoint(catalog, e, ref.endpoint, language)},
            {QStringLiteral("endpointKind"),
             hasEndpoint ? Endpoint::kindName(e.endpoints.at(ref.endpoint).kind)
                         : QStringLiteral("component")},
            {QStringLiteral("ports"), ports},
            {QStringLiteral("sources"), QJsonArray::fromStringList(e.sources)},
            {QStringLiteral("destination"), e.destination},
            {QStringLiteral("customerSide"), destination && destination->isCustomerSide},
            {QStringLiteral("direction"), e.direction},
            {QStringLiteral("requirement"), e.requirement},
            {QStringLiteral("service"), e.service.text(language)},
            {QStringLiteral("description"), e.description.text(language)},
            {QStringLiteral("condition"), e.condition.text(language)},
            {QStringLiteral("notes"), e.notes.text(language)},
            {QStringLiteral("configurable"), e.configurable.text(language)},
            {QStringLiteral("validUntil"), until.isValid() ? until.toString(Qt::ISODate) : QString()},
            {QStringLiteral("expired"), catalog.isExpired(e, today)},
    };
}

QStringList CatalogRecords::cells(const QJsonObject &record)
{
    QStringList cells;
    for (const QString &field : fieldNames()) {
        const QJsonValue v = record.value(field);
        if (field == QLatin1String("ports")) {
            QStringList ports;
            for (const QJsonValue &p : v.toArray()) {
                const QJsonObject o = p.toObject();
                ports.append(QStringLiteral("%1/%2 %3")
                                     .arg(o.value(QStringLiteral("port")).toInt())
                                     .arg(o.value(QStringLiteral("transport")).toString(),
                                          o.value(QStringLiteral("protocol")).toString()));
            }
            cells.append(ports.join(QStringLiteral("; ")));
        } else if (v.isArray()) {
            QStringList items;
            for (const QJsonValue &item : v.toArray())
                items.append(item.toString());
            cells.append(items.join(QStringLiteral("; ")));
        } else if (v.isBool()) {
            cells.append(v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        } else {
            cells.append(v.toString());
        }
    }
    return cells;
}
