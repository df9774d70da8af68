#pragma once

#include <QCoreApplication>
#include <QStringList>

// portolan-cli triage: which flows a firewall or proxy log's lines hit, which lines reach a
// catalog address on a port no flow uses, and the rules for exactly the flows hit.
class TriageCommand
{
    Q_DECLARE_TR_FUNCTIONS(TriageCommand)

public:
    static int run(const QStringList &arguments);
};
