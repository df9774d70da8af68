#pragma once

#include <QCoreApplication>
#include <QStringList>

// portolan-cli export: firewall, proxy and cloud rule snippets for the catalog.
class ExportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ExportCommand)

public:
    static int run(const QStringList &arguments);
};
