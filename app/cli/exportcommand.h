#pragma once

#include <QStringList>

// portolan-cli export: firewall, proxy and cloud rule snippets for the catalog.
class ExportCommand
{
public:
    static int run(const QStringList &arguments);
};
