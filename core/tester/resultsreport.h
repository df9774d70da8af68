#pragma once

#include "core/catalog/catalog.h"
#include "core/tester/checkresult.h"
#include "core/tester/testplan.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// Writes a test plan or its results as text (translated), JSON or JUnit XML (stable names).
class ResultsReport
{
    Q_DECLARE_TR_FUNCTIONS(ResultsReport)

public:
    enum class Format { Text, Json, JUnit };

    struct Run
    {
        QString proxy; // ProxySettings::displayName()
        int stageTimeoutMs = 0;
        int concurrency = 0;
        qint64 elapsedMs = 0;
        bool cancelled = false;
        // The catalog the plan came from (CatalogInfo): empty fields when not known.
        QString catalogVersion;
        QString catalogRetrieved; // the date the vendor page was read, ISO 8601
        QString catalogSha256; // of the saved page
        QString catalogIdentity; // one translated line, for the text and HTML reports

        void setCatalog(const Catalog &catalog);
    };

    static QStringList formatNames(); // text, json, junit
    static std::optional<Format> formatFromName(const QString &name);

    static QByteArray results(Format format, const TestPlan &plan, const QList<CheckResult> &results,
                              const Run &run);
    static QByteArray plan(Format format, const TestPlan &plan);

    // One line for progress and the text report: "[Timed out] flow,flow endpoint: reason".
    static QString resultLine(const CheckResult &result);

private:
    static QByteArray resultsText(const TestPlan &plan, const QList<CheckResult> &results, const Run &run);
    static QByteArray resultsJson(const TestPlan &plan, const QList<CheckResult> &results, const Run &run);
    static QByteArray resultsJUnit(const TestPlan &plan, const QList<CheckResult> &results, const Run &run);
};
