#include "csvreport.h"

#include "core/tester/result/resulttext.h"

#include "core/util/csvwriter.h"

QByteArray CsvReport::write(const QList<CheckResult> &results, const QString &catalogVersion)
{
    CsvWriter csv;
    csv.addRow({tr("Flows"), tr("Endpoint"), tr("Check"), tr("Host"), tr("Port"), tr("Transport"),
                tr("Verdict"), tr("Result"), tr("Time (ms)"), tr("HTTP status"), tr("Certificate chain"),
                tr("Proxy"), tr("Reason"), tr("Hint"), tr("Catalog")});
    for (const CheckResult &raw : results) {
        const CheckResult result = ResultText::printable(raw);
        csv.addRow({result.flowIds().join(QStringLiteral(", ")), result.endpoint, result.kind, result.host,
                    result.port > 0 ? QString::number(result.port) : QString(), result.transport,
                    Verdict::name(result.verdict), Verdict::text(result.verdict),
                    QString::number(result.durationMs),
                    result.httpStatus > 0 ? QString::number(result.httpStatus) : QString(),
                    ResultText::certificateChain(result), result.proxy, result.reason,
                    ResultText::hint(result), catalogVersion});
    }
    return csv.text().toUtf8();
}
