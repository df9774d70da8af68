#pragma once

#include "core/tester/plan/testplan.h"
#include "core/tester/report/resultsreport.h"
#include "core/tester/result/checkresult.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Every report format of a test run, for both front ends: `portolan-cli check --format` and
// the GUI's Save report take their formats from here, so each can write every one. A new format
// is one entry in the table (and its writer).
class ReportWriters
{
public:
    using WriteFunction = QByteArray (*)(const TestPlan &plan, const QList<CheckResult> &results,
                                         const ResultsReport::Run &run, const QString &languageCode);
    struct Writer
    {
        QString name; // stable: "text", "json", "junit", "html", "csv", "ticket"
        QString suffix; // of a file in that format: "txt", "json", "xml", "html", "csv"
        WriteFunction write = nullptr; // UTF-8
    };

    static QList<Writer> all();
    static QStringList names();
    static std::optional<Writer> find(const QString &name);
    // By the file name's suffix ("report.HTML" -> html; .htm too); the ticket has none.
    static std::optional<Writer> forFileName(const QString &fileName);
};
