#pragma once

#include "core/catalog/catalog.h"

#include <QCoreApplication>
#include <QStringList>

// Checks a catalog against a saved copy of the vendor's page (HTML or text, Japanese or English):
// extracts every host, URL, address, subnet and port the page names, undoes the machine
// translation's known artifacts, and reports what the catalog lacks and what it has that the page
// does not.
class CatalogVerify
{
    Q_DECLARE_TR_FUNCTIONS(CatalogVerify)

public:
    enum class Kind { Host, Url, Address, Subnet, Port };

    struct PageFacts
    {
        QStringList hosts; // lower case, sorted; wildcards as "*.domain"
        QStringList urls; // "host/path" without scheme, as the page writes URL rows
        QStringList addresses;
        QStringList subnets;
        QList<int> ports;
    };

    struct Difference
    {
        Kind kind = Kind::Host;
        QString value;
        bool missingFromCatalog = false; // else: in the catalog, not on the page
    };

    // The facts of a page's text. HTML is reduced to text first.
    static PageFacts extract(const QString &page);
    static PageFacts extract(const Catalog &catalog);
    static QList<Difference> compare(const PageFacts &page, const PageFacts &catalog);

    static QString kindName(Kind kind);
    // "agents-001.workload…" for "エージェント-001.workload…": the artifacts this undoes.
    static QString undoArtifacts(const QString &text);
};
