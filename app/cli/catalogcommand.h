#pragma once

#include <QStringList>

// portolan-cli catalog: the normalized catalog, one record per endpoint.
class CatalogCommand
{
public:
    static int run(const QStringList &arguments);
};
