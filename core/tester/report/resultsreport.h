#pragma once

#include "core/catalog/catalog.h"
#include "core/tester/plan/testplan.h"
#include "core/tester/result/checkresult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
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
        QString catalogSource; // the URL of the vendor's page it was transcribed from
        // What a firewall ticket needs: where and when the test ran.
        QString hostName;
        QStringList addresses; // this machine's, loopback left out
        QString os; // "Debian GNU/Linux 12 (bookworm); linux 6.1.0; x86_64"
        QDateTime startedAt; // local time; reports give its offset and zone
        QDateTime finishedAt; // invalid while running
        QMap<QString, QString> site; // the site addresses given (SiteProfile: key -> address)
        QString proxyMode; // "direct", "system" or "manual"

        void setCatalog(const Catalog &catalog);
        // This machine's host name and addresses (QSysInfo, QNetworkInterface).
        void setMachine();
        // "2026-12-07 15:30:02 +09:00 (JST)".
        QString startedText() const;
    };

    // The order reports list results in: failures of required flows first, then the other
    // failures, then everything else (ResultText::severity), stable within each group.
    static QList<CheckResult> ordered(const QList<CheckResult> &results);
    // The facts a report opens with, translated label and printable value: this machine's
    // name and addresses, the time with its zone, Portolan's and the catalog's versions, the
    // proxy, the roles. Empty values are left out.
    static QList<QPair<QString, QString>> headerFacts(const QStringList &roles, const Run &run);

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
