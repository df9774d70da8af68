#pragma once

#include "core/tester/report/resultsreport.h"
#include "core/tester/result/checkresult.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <variant>

// Reads a results report written as JSON (ResultsReport, portolan-cli check --format json)
// back into results, e.g. to compare a run with an earlier one.
class ResultsReader
{
    Q_DECLARE_TR_FUNCTIONS(ResultsReader)

public:
    struct Report
    {
        QStringList roles;
        ResultsReport::Run run;
        QList<CheckResult> results;
    };

    // The largest report readFile() reads; larger files, pipes and devices included, are refused.
    static constexpr qint64 MaxFileSize = 16 * 1024 * 1024;

    // The report, or a translated error naming the file and the place ("line 3, column 5" or
    // "results[2].verdict").
    static std::variant<Report, QString> readFile(const QString &fileName);
    static std::variant<Report, QString> readData(const QByteArray &data, const QString &name);
};
