#include "ticketsummary.h"

#include "core/tester/resulttext.h"

#include "core/util/controlcharacters.h"

QString TicketSummary::text(const QStringList &roles, const QList<CheckResult> &results,
                            const ResultsReport::Run &run)
{
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (const CheckResult &result : results) {
        if (result.isFailure())
            ++failed;
        else if (result.verdict == Verdict::Skipped)
            ++skipped;
        else
            ++passed;
    }
    QString text = tr("Connectivity test for %1: %2 passed, %3 failed, %4 skipped (%5 s, proxy: %6)")
                           .arg(ResultText::printable(roles).join(QStringLiteral(", ")))
                           .arg(passed)
                           .arg(failed)
                           .arg(skipped)
                           .arg(run.elapsedMs / 1000.0, 0, 'f', 1)
                           .arg(ControlCharacters::escaped(run.proxy))
            + QLatin1Char('\n');
    if (run.cancelled)
        text += tr("The run was cancelled before every check finished.") + QLatin1Char('\n');
    if (failed > 0) {
        text += tr("Failures:") + QLatin1Char('\n');
        for (const CheckResult &raw : results) {
            if (!raw.isFailure())
                continue;
            const CheckResult result = ResultText::printable(raw);
            text += QStringLiteral("- [%1] %2 (%3, %4): %5\n")
                            .arg(Verdict::text(result.verdict), result.endpoint,
                                 result.flowIds().join(QStringLiteral(", ")), ResultText::kindText(result),
                                 ResultText::hint(result));
        }
    }
    return text;
}
