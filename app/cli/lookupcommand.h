#pragma once

#include <QCoreApplication>
#include <QStringList>

// portolan-cli lookup: which entries cover an address, host name or URL from a log.
class LookupCommand
{
    Q_DECLARE_TR_FUNCTIONS(LookupCommand)

public:
    static int run(const QStringList &arguments);
};
