#include "ticketsummary.h"

#include "core/tester/result/resulttext.h"

#include "core/util/controlcharacters.h"

QString TicketSummary::text(const QStringList &roles, const QList<CheckResult> &results,
                            const ResultsReport::Run &run)
{
    int passed = 0;
    int failedRequired = 0;
    int failedOther = 0;
    int untested = 0;
    for (const CheckResult &result : results) {
        if (result.isRequiredFailure())
            ++failedRequired;
        else if (result.isFailure())
            ++failedOther;
        else if (!Verdict::isTested(result.verdict))
            ++untested;
        else
            ++passed;
    }
    QString text =
            tr("Connectivity test for %1: %2 required failed, %3 other failed, %4 passed, %5 skipped or "
               "cancelled (%6 s, proxy: %7)")
                    .arg(ResultText::printable(roles).join(QStringLiteral(", ")))
                    .arg(failedRequired)
                    .arg(failedOther)
                    .arg(passed)
                    .arg(untested)
                    .arg(run.elapsedMs / 1000.0, 0, 'f', 1)
                    .arg(ControlCharacters::escaped(run.proxy))
            + QLatin1Char('\n');
    for (const auto &[label, value] : ResultsReport::headerFacts({}, run)) {
        if (label != ResultsReport::tr("Proxy"))
            text += QStringLiteral("%1: %2\n").arg(label, value);
    }
    if (run.cancelled)
        text += tr("The run was cancelled before every check finished.") + QLatin1Char('\n');
    const auto list = [&text, &results](const QString &heading, bool required) {
        bool first = true;
        for (const CheckResult &raw : results) {
            if (!raw.isFailure() || raw.required != required)
                continue;
            if (first)
                text += heading + QLatin1Char('\n');
            first = false;
            const CheckResult result = ResultText::printable(raw);
            text += QStringLiteral("- [%1] %2 (%3, %4): %5\n")
                            .arg(Verdict::text(result.verdict), result.endpoint,
                                 result.flowIds().join(QStringLiteral(", ")), ResultText::kindText(result),
                                 ResultText::hint(result));
        }
    };
    list(tr("Failures of required flows:"), true);
    list(tr("Other failures (optional or conditional flows):"), false);
    return text;
}
