#pragma once

#include <QStringList>

// portolan-cli check: can this machine reach what the product needs?
class CheckCommand
{
public:
    static int run(const QStringList &arguments);
};
