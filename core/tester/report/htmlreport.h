#pragma once

#include "core/tester/report/resultsreport.h"
#include "core/tester/result/checkresult.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

// A results report as one self-contained XHTML page in the current language: inline style, no
// scripts or external links, every text escaped. Summary first (counts per verdict, time,
// proxy), then the checks grouped by severity: failures, not verifiable, skipped, reachable.
class HtmlReport
{
    Q_DECLARE_TR_FUNCTIONS(HtmlReport)

public:
    static QByteArray write(const QStringList &roles, const QList<CheckResult> &results,
                            const ResultsReport::Run &run, const QString &languageCode);
};
