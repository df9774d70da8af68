#pragma once

#include <QCoreApplication>
#include <QStringList>

// portolan-cli check: can this machine reach what the product needs?
class CheckCommand
{
    Q_DECLARE_TR_FUNCTIONS(CheckCommand)

public:
    static int run(const QStringList &arguments);
};
