#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/catalogerror.h"

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

    static constexpr int SchemaVersion = 2;
    // Read at most this much (plus one byte, to tell that a file or pipe is larger): about
    // 300,000 endpoints. A 21 MB catalog of 200,000 endpoints loads in 0.7 s at a 139 MiB peak.
    static constexpr qint64 MaxFileSize = 32 * 1024 * 1024;
    // Any string field, in characters: far beyond the longest real text (about 600), far below
    // what could make an export line overrun a rule parser's buffer.
    static constexpr int MaxTextLength = 4000;

    static Result loadFile(const QString &fileName);
    static Result loadData(const QByteArray &data, const QString &fileName);
    // The catalog compiled into the program.
    static QString builtinFileName();
};
