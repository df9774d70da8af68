#pragma once

#include "catalog.h"
#include "catalogerror.h"

#include <QCoreApplication>

#include <optional>

// Reads and validates a catalog file. A catalog is accepted whole or not at all: any error
// yields no catalog and one located message.
class CatalogLoader
{
    Q_DECLARE_TR_FUNCTIONS(CatalogLoader)

public:
    struct Result
    {
        std::optional<Catalog> catalog;
        CatalogError error;

        bool isOk() const { return catalog.has_value(); }
    };

    static constexpr int SchemaVersion = 1;
    static constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

    static Result loadFile(const QString &fileName);
    static Result loadData(const QByteArray &data, const QString &fileName);
    // The catalog compiled into the program.
    static QString builtinFileName();
};
