#pragma once

#include "core/tester/report/resultsreport.h"
#include "core/tester/result/checkresult.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

// The short plain text to paste into a ticket for the firewall team: the counts, then one line
// per failure with what to allow.
class TicketSummary
{
    Q_DECLARE_TR_FUNCTIONS(TicketSummary)

public:
    static QString text(const QStringList &roles, const QList<CheckResult> &results,
                        const ResultsReport::Run &run);
};
