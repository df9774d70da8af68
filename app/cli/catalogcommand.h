#pragma once

#include <QCoreApplication>
#include <QStringList>

// portolan-cli catalog: the normalized catalog, one record per flow and endpoint.
class CatalogCommand
{
    Q_DECLARE_TR_FUNCTIONS(CatalogCommand)

public:
    static int run(const QStringList &arguments);
};
