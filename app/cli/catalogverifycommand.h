#pragma once

#include <QCoreApplication>
#include <QStringList>

// portolan-cli catalog verify --page FILE: the catalog against a saved copy of the vendor's page.
// Exit status: 0 no difference, 1 differences, 2 usage, page or catalog errors.
class CatalogVerifyCommand
{
    Q_DECLARE_TR_FUNCTIONS(CatalogVerifyCommand)

public:
    static int run(const QStringList &arguments);
};
