#pragma once

#include <QStringList>

// portolan-cli lookup: which entries cover an address, host name or URL from a log.
class LookupCommand
{
public:
    static int run(const QStringList &arguments);
};
