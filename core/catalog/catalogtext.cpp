#include "catalogtext.h"

QString CatalogText::direction(const QString &direction)
{
    if (direction == QLatin1String("inbound"))
        return tr("Inbound");
    if (direction == QLatin1String("outbound"))
        return tr("Outbound");
    if (direction == QLatin1String("local"))
        return tr("Local");
    return direction;
}

QString CatalogText::requirement(const QString &requirement)
{
    if (requirement == QLatin1String("required"))
        return tr("Required");
    if (requirement == QLatin1String("optional"))
        return tr("Optional");
    if (requirement == QLatin1String("conditional"))
        return tr("Conditional");
    return requirement;
}

QString CatalogText::section(const QString &section)
{
    if (section == QLatin1String("ports"))
        return tr("Ports");
    if (section == QLatin1String("urls"))
        return tr("URLs");
    if (section == QLatin1String("ips"))
        return tr("IP addresses");
    return section;
}

QString CatalogText::zone(const QString &zone)
{
    if (zone == QLatin1String("customer"))
        return tr("Customer network");
    if (zone == QLatin1String("internet"))
        return tr("Internet");
    if (zone == QLatin1String("trend-cloud"))
        return tr("Trend Micro cloud");
    return zone;
}

QString CatalogText::ports(const QList<PortSpec> &ports)
{
    QStringList parts;
    for (const PortSpec &p : ports)
        parts.append(QStringLiteral("%1/%2 (%3)").arg(p.port).arg(p.transport.toUpper(), p.protocol));
    return parts.join(QStringLiteral(", "));
}

QString CatalogText::componentNames(const Catalog &catalog, const QStringList &ids, Language language)
{
    QStringList names;
    for (const QString &id : ids) {
        const Component *c = catalog.component(id);
        names.append(c ? c->name.text(language) : id);
    }
    return names.join(QStringLiteral(", "));
}

QString CatalogText::endpoint(const Catalog &catalog, const Entry &entry, int endpoint, Language language)
{
    if (endpoint >= 0 && endpoint < entry.endpoints.size())
        return entry.endpoints.at(endpoint).value;
    const Component *c = catalog.component(entry.destination);
    const QString name = c ? c->name.text(language) : entry.destination;
    if (c && c->isCustomerSide)
        return tr("%1 (in your network)").arg(name);
    return tr("%1 (no static address)").arg(name);
}

QString CatalogText::validity(const Catalog &catalog, const Entry &entry, const QDate &today)
{
    const QDate until = catalog.validUntil(entry);
    if (!until.isValid())
        return {};
    const QString date = until.toString(Qt::ISODate);
    return catalog.isExpired(entry, today) ? tr("expired %1").arg(date) : tr("valid until %1").arg(date);
}
