#pragma once

#include <QCoreApplication>
#include <QStringList>

// portolan-cli lookup: which flows cover an address, host name or URL from a log, on its port.
class LookupCommand
{
    Q_DECLARE_TR_FUNCTIONS(LookupCommand)

public:
    static int run(const QStringList &arguments);
};
