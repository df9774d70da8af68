#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/catalogerror.h"

#include <QObject>

#include <optional>

// Owns the catalog in use. Loading another file replaces it only when the file is valid; a bad
// file leaves the current catalog untouched.
class CatalogStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogStore)

public:
    explicit CatalogStore(QObject *parent = nullptr);

    const Catalog &catalog() const { return m_catalog; }
    QString fileName() const { return m_fileName; }

    // Returns the error, or nothing on success.
    std::optional<CatalogError> loadFile(const QString &fileName);
    std::optional<CatalogError> loadBuiltin();
    void setCatalog(const Catalog &catalog, const QString &fileName);

signals:
    void catalogChanged();

private:
    Catalog m_catalog;
    QString m_fileName;
};
