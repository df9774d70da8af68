#include "catalogrecords.h"

#include "core/catalog/catalogtext.h"
#include "core/catalog/flowfilter.h"

#include <QJsonArray>

QStringList CatalogRecords::fieldNames()
{
    return {QStringLiteral("id"),          QStringLiteral("endpoint"),      QStringLiteral("endpointKind"),
            QStringLiteral("ports"),       QStringLiteral("initiators"),    QStringLiteral("listener"),
            QStringLiteral("direction"),   QStringLiteral("requirement"),   QStringLiteral("condition"),
            QStringLiteral("features"),    QStringLiteral("agentVersions"), QStringLiteral("service"),
            QStringLiteral("description"), QStringLiteral("notes"),         QStringLiteral("configurable"),
            QStringLiteral("networkRule"), QStringLiteral("customerSide"),  QStringLiteral("validUntil"),
            QStringLiteral("expired"),     QStringLiteral("provenance")};
}

QJsonObject CatalogRecords::record(const Catalog &catalog, const CatalogRowRef &ref, Language language,
                                   const QDate &today, const QStringList &roles)
{
    const Flow &f = catalog.flows.at(ref.flow);
    const bool hasEndpoint = ref.endpoint >= 0;
    const Endpoint *endpoint = hasEndpoint ? &f.endpoints.at(ref.endpoint) : nullptr;
    const EndpointList *list = endpoint ? &catalog.listOf(*endpoint) : nullptr;
    QJsonArray ports;
    for (const PortSpec &p : endpoint ? catalog.portsOf(f, *endpoint) : f.ports) {
        QJsonObject o{{QStringLiteral("port"), p.port}, {QStringLiteral("transport"), p.transportName()}};
        if (!p.protocol.isEmpty())
            o.insert(QStringLiteral("protocol"), p.protocol);
        ports.append(o);
    }
    QJsonArray features;
    for (Feature feature : catalog.featuresOf(f, endpoint))
        features.append(Vocabulary::name(feature));
    QJsonArray provenance;
    for (const Provenance &p : list ? list->provenance + f.provenance : f.provenance) {
        if (!provenance.contains(p.toString()))
            provenance.append(p.toString());
    }
    const Component *listener = catalog.component(f.listener);
    const QDate until = endpoint ? catalog.validUntil(*endpoint) : QDate();
    QString condition = f.condition.text(language);
    if (list && !list->condition.isEmpty())
        condition = condition.isEmpty() ? list->condition.text(language)
                                        : condition + QLatin1Char(' ') + list->condition.text(language);
    return {
            {QStringLiteral("id"), f.id},
            {QStringLiteral("endpoint"), CatalogText::endpoint(catalog, f, ref.endpoint, language)},
            {QStringLiteral("endpointKind"),
             endpoint ? Endpoint::kindName(endpoint->kind) : QStringLiteral("component")},
            {QStringLiteral("ports"), ports},
            {QStringLiteral("initiators"), QJsonArray::fromStringList(f.initiators)},
            {QStringLiteral("listener"), f.listener},
            {QStringLiteral("direction"), Vocabulary::name(FlowFilter::directionOf(catalog, f, roles))},
            {QStringLiteral("requirement"),
             endpoint && catalog.isExpired(*endpoint, today) ? QStringLiteral("expired")
                                                             : Vocabulary::name(f.requirement)},
            {QStringLiteral("condition"), condition},
            {QStringLiteral("features"), features},
            {QStringLiteral("agentVersions"),
             list ? CatalogText::agentVersions(list->agentVersions) : QString()},
            {QStringLiteral("service"), CatalogText::service(catalog, f, ref.endpoint, language)},
            {QStringLiteral("description"), f.description.text(language)},
            {QStringLiteral("notes"), f.notes.text(language)},
            {QStringLiteral("configurable"), f.configurable.text(language)},
            {QStringLiteral("networkRule"), f.needsNetworkRule},
            {QStringLiteral("customerSide"), listener && listener->isCustomerSide},
            {QStringLiteral("validUntil"), until.isValid() ? until.toString(Qt::ISODate) : QString()},
            {QStringLiteral("expired"), endpoint && catalog.isExpired(*endpoint, today)},
            {QStringLiteral("provenance"), provenance},
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
                const QString protocol = o.value(QStringLiteral("protocol")).toString();
                ports.append(QStringLiteral("%1/%2%3")
                                     .arg(o.value(QStringLiteral("port")).toInt())
                                     .arg(o.value(QStringLiteral("transport")).toString(),
                                          protocol.isEmpty() ? QString() : QLatin1Char(' ') + protocol));
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
