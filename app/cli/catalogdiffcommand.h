#pragma once

#include <QCoreApplication>
#include <QStringList>

// portolan-cli catalog diff OLD NEW: what changed between two catalogs, per flow id.
// Exit status as diff(1): 0 nothing changed, 1 something changed, 2 usage or catalog errors.
class CatalogDiffCommand
{
    Q_DECLARE_TR_FUNCTIONS(CatalogDiffCommand)

public:
    static int run(const QStringList &arguments);
};
