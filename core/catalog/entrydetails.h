#pragma once

#include "core/catalog/catalog.h"

#include <QCoreApplication>
#include <QDate>

// Everything the explorer's details pane says about one catalog row (a flow and one of its
// endpoints), as labelled fields in the UI language with catalog text in the requested language;
// and the flows related to it.
class EntryDetails
{
    Q_DECLARE_TR_FUNCTIONS(EntryDetails)

public:
    struct Field
    {
        QString key; // stable: "service", "endpoint", "condition", "configurable", ...
        QString label; // translated
        QString text;
    };

    // Fields that have a value, in reading order.
    static QList<Field> fields(const Catalog &catalog, const CatalogRowRef &ref, Language language,
                               const QDate &today);
    // "Label: text" lines, for the clipboard.
    static QString plainText(const QList<Field> &fields);
    // Other flows to the same listener, in catalog order.
    static QList<int> relatedFlows(const Catalog &catalog, int flow);
};
