#include "cataloginfo.h"

QString CatalogInfo::identity(const Catalog &catalog)
{
    if (catalog.catalogVersion.isEmpty())
        return tr("unversioned catalog");
    if (!catalog.retrieved.isValid())
        return tr("catalog %1").arg(catalog.catalogVersion);
    return tr("catalog %1, page read %2")
            .arg(catalog.catalogVersion, catalog.retrieved.toString(Qt::ISODate));
}

QString CatalogInfo::text(const Catalog &catalog, Language language)
{
    QStringList lines;
    const auto add = [&lines](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines.append(tr("%1: %2").arg(label, value));
    };
    add(tr("Title"), catalog.title.text(language));
    add(tr("Edition"), catalog.edition.text(language));
    add(tr("Catalog version"), catalog.catalogVersion.isEmpty() ? tr("none") : catalog.catalogVersion);
    add(tr("Page read"), catalog.retrieved.toString(Qt::ISODate));
    add(tr("Source (English)"), catalog.source.en);
    add(tr("Source (Japanese)"), catalog.source.ja);
    add(tr("SHA-256 of the saved page"), catalog.pageSha256);
    add(tr("Schema version"), QString::number(catalog.schemaVersion));
    add(tr("Flows"), QString::number(catalog.flows.size()));
    add(tr("Endpoint lists"), QString::number(catalog.endpointLists.size()));
    add(tr("Endpoints of flows"), QString::number(catalog.endpointCount()));
    add(tr("Corrections of the page"), QString::number(catalog.corrections.size()));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
