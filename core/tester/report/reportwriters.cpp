#include "reportwriters.h"

#include "core/tester/report/csvreport.h"
#include "core/tester/report/htmlreport.h"
#include "core/tester/report/ticketsummary.h"

#include <QFileInfo>

namespace {

template<ResultsReport::Format format>
QByteArray resultsReport(const TestPlan &plan, const QList<CheckResult> &results,
                         const ResultsReport::Run &run, const QString &)
{
    return ResultsReport::results(format, plan, results, run);
}

QByteArray htmlReport(const TestPlan &plan, const QList<CheckResult> &results, const ResultsReport::Run &run,
                      const QString &languageCode)
{
    return HtmlReport::write(plan.roles, results, run, languageCode);
}

QByteArray csvReport(const TestPlan &, const QList<CheckResult> &results, const ResultsReport::Run &run,
                     const QString &)
{
    return CsvReport::write(results, run.catalogVersion);
}

QByteArray ticket(const TestPlan &plan, const QList<CheckResult> &results, const ResultsReport::Run &run,
                  const QString &)
{
    return TicketSummary::text(plan.roles, results, run).toUtf8();
}

} // namespace

QList<ReportWriters::Writer> ReportWriters::all()
{
    return {{QStringLiteral("text"), QStringLiteral("txt"), &resultsReport<ResultsReport::Format::Text>},
            {QStringLiteral("json"), QStringLiteral("json"), &resultsReport<ResultsReport::Format::Json>},
            {QStringLiteral("junit"), QStringLiteral("xml"), &resultsReport<ResultsReport::Format::JUnit>},
            {QStringLiteral("html"), QStringLiteral("html"), &htmlReport},
            {QStringLiteral("csv"), QStringLiteral("csv"), &csvReport},
            {QStringLiteral("ticket"), QString(), &ticket}};
}

QStringList ReportWriters::names()
{
    QStringList names;
    for (const Writer &writer : all())
        names.append(writer.name);
    return names;
}

std::optional<ReportWriters::Writer> ReportWriters::find(const QString &name)
{
    for (const Writer &writer : all()) {
        if (writer.name == name)
            return writer;
    }
    return std::nullopt;
}

std::optional<ReportWriters::Writer> ReportWriters::forFileName(const QString &fileName)
{
    QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == QLatin1String("htm"))
        suffix = QStringLiteral("html");
    if (suffix.isEmpty())
        return std::nullopt;
    for (const Writer &writer : all()) {
        if (writer.suffix == suffix)
            return writer;
    }
    return std::nullopt;
}
