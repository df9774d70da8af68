#pragma once

#include <QString>

// Where and why a catalog was rejected.
struct CatalogError
{
    QString file; // as given by the caller
    QString path; // JSON path, "$.entries[3].ports[0].port"; empty for file-level errors
    int line = 0; // 1-based; 0 when unknown
    int column = 0; // 1-based, in characters; 0 when unknown
    QString message; // translated

    // "file:line:column: $.path: message", leaving out what is unknown.
    QString toString() const;
};
