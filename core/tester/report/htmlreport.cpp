#include "htmlreport.h"

#include "core/tester/result/resulttext.h"

#include "core/util/controlcharacters.h"

#include <QDateTime>
#include <QMap>

namespace {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

const char *const Style = R"(
body { font-family: sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; }
h2 { font-size: 1.2em; margin-top: 1.5em; border-bottom: 1px solid #ccc; }
h3 { font-size: 1em; margin-bottom: 0.3em; }
table { border-collapse: collapse; }
td, th { padding: 2px 8px; vertical-align: top; text-align: left; }
table.list td, table.list th { border-bottom: 1px solid #eee; }
.hint { background: #fff4e5; border-left: 4px solid #e08e1b; padding: 4px 8px; }
.failure h3 { color: #b71c1c; }
.check { margin-bottom: 1.2em; }
.summary td.count { text-align: right; font-weight: bold; }
)";
} // namespace

QByteArray HtmlReport::write(const QStringList &rawRoles, const QList<CheckResult> &rawResults,
                             const ResultsReport::Run &run, const QString &languageCode)
{
    QList<CheckResult> results;
    for (const CheckResult &result : rawResults)
        results.append(ResultText::printable(result));
    const QStringList roles = ResultText::printable(rawRoles);
    QMap<int, QList<const CheckResult *>> bySeverity;
    QMap<Verdict::Value, int> counts;
    int failures = 0;
    int requiredFailures = 0;
    for (const CheckResult &result : results) {
        requiredFailures += result.isRequiredFailure();
        bySeverity[ResultText::severity(result)].append(&result);
        ++counts[result.verdict];
        if (result.isFailure())
            ++failures;
    }
    const QString title = tr("Connectivity test report");
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"%1\">\n")
                    .arg(escaped(languageCode));
    html += QStringLiteral("<head>\n<meta "
                           "charset=\"utf-8\"/>\n<title>%1</title>\n<style>%2</style>\n</head>\n<body>\n")
                    .arg(escaped(title), QString::fromLatin1(Style));
    html += QStringLiteral("<h1>%1</h1>\n").arg(escaped(title));

    // Summary.
    html += QStringLiteral("<p>%1</p>\n")
                    .arg(escaped(failures == 0 ? tr("No check failed.")
                                               : tr("%n checks failed, %1 of them for required flows.",
                                                    nullptr, failures)
                                                         .arg(requiredFailures)));
    html += QStringLiteral("<table class=\"summary\">\n");
    const auto fact = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(escaped(label), escaped(value));
    };
    for (const auto &[label, value] : ResultsReport::headerFacts(roles, run))
        fact(label, value);
    fact(tr("Elapsed"), tr("%1 s").arg(run.elapsedMs / 1000.0, 0, 'f', 2));
    if (!run.catalogSha256.isEmpty())
        fact(tr("SHA-256 of the saved page"), ControlCharacters::escaped(run.catalogSha256));
    if (run.stageTimeoutMs > 0)
        fact(tr("Timeout per stage"), tr("%1 s").arg(run.stageTimeoutMs / 1000.0));
    if (run.cancelled)
        fact(tr("Cancelled"), tr("The run was cancelled before every check finished."));
    html += QStringLiteral("</table>\n<table class=\"summary list\">\n");
    html += QStringLiteral("<tr><th>%1</th><th>%2</th></tr>\n")
                    .arg(escaped(tr("Result")), escaped(tr("Checks")));
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        html += QStringLiteral("<tr><td>%1</td><td class=\"count\">%2</td></tr>\n")
                        .arg(escaped(Verdict::text(it.key())))
                        .arg(it.value());
    html += QStringLiteral("<tr><td>%1</td><td class=\"count\">%2</td></tr>\n</table>\n")
                    .arg(escaped(tr("Total")))
                    .arg(results.size());

    // Details by severity.
    const QStringList headings{tr("Failures of required flows"), tr("Other failures"),
                               tr("Sent, not verifiable"), tr("Skipped or cancelled"), tr("Reachable")};
    for (int severity = 0; severity < headings.size(); ++severity) {
        const QList<const CheckResult *> group = bySeverity.value(severity);
        if (group.isEmpty())
            continue;
        html += QStringLiteral("<h2>%1 (%2)</h2>\n").arg(escaped(headings.at(severity))).arg(group.size());
        if (severity <= 2) {
            for (const CheckResult *result : group) {
                html += QStringLiteral("<div class=\"check%1\">\n<h3>%2</h3>\n%3\n</div>\n")
                                .arg(severity <= 1 ? QStringLiteral(" failure") : QString(),
                                     escaped(QStringLiteral("%1 — %2").arg(
                                             result->endpoint, result->flowIds().join(QStringLiteral(", ")))),
                                     ResultText::detailsHtml(*result));
            }
            continue;
        }
        html += QStringLiteral(
                        "<table class=\"list\">\n<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>\n")
                        .arg(escaped(tr("Endpoint")), escaped(tr("Flows")), escaped(tr("Check")),
                             escaped(severity == 3 ? tr("Reason") : tr("Time")));
        for (const CheckResult *result : group) {
            const QString last = severity == 3 ? result->reason : tr("%1 ms").arg(result->durationMs);
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                            .arg(escaped(result->endpoint),
                                 escaped(result->flowIds().join(QStringLiteral(", "))),
                                 escaped(ResultText::kindText(*result)), escaped(last));
        }
        html += QStringLiteral("</table>\n");
    }
    html += QStringLiteral("</body>\n</html>\n");
    return html.toUtf8();
}
