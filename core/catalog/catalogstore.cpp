#include "catalogstore.h"

#include "core/catalog/catalogloader.h"

CatalogStore::CatalogStore(QObject *parent)
    : QObject(parent)
{ }

std::optional<CatalogError> CatalogStore::loadFile(const QString &fileName)
{
    CatalogLoader::Result result = CatalogLoader::loadFile(fileName);
    if (!result.isOk())
        return result.error;
    setCatalog(*result.catalog, fileName);
    return std::nullopt;
}

std::optional<CatalogError> CatalogStore::loadBuiltin()
{
    return loadFile(CatalogLoader::builtinFileName());
}

void CatalogStore::setCatalog(const Catalog &catalog, const QString &fileName)
{
    m_catalog = catalog;
    m_fileName = fileName;
    emit catalogChanged();
}
