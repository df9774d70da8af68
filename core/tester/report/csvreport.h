#pragma once

#include "core/tester/result/checkresult.h"

#include <QCoreApplication>
#include <QList>

// Results as CSV (RFC 4180, formula-safe): one header line, one line per check. Column titles
// and verdict texts follow the current language; the verdict name column stays stable. The last
// column names the catalog version the checks came from, so a pasted row keeps its source.
class CsvReport
{
    Q_DECLARE_TR_FUNCTIONS(CsvReport)

public:
    static QByteArray write(const QList<CheckResult> &results, const QString &catalogVersion = {});
};
