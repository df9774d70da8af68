#include "resultsreader.h"

#include "core/util/boundedread.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <limits>
#include <optional>

namespace {
QPair<int, int> lineAndColumn(const QByteArray &data, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < data.size(); ++i) {
        if (data.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

// Durations in a report are whole milliseconds up to about 31 years: far above any real run,
// far below where a double stops holding whole numbers or a qint64 overflows.
constexpr double MaxDurationMs = 1e12;

// The duration at object[key] (its JSON path is path) into *ms: fallback when the key is
// absent; else a whole number from minimum to MaxDurationMs, checked as a double before it is
// converted. A translated error naming the path otherwise.
std::optional<QString> readDuration(const QJsonObject &object, const char *key, const QString &path,
                                    double minimum, qint64 fallback, qint64 *ms)
{
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined()) {
        *ms = fallback;
        return std::nullopt;
    }
    const double number = value.toDouble(std::numeric_limits<double>::quiet_NaN());
    if (!value.isDouble() || !std::isfinite(number) || number != std::floor(number) || number < minimum
        || number > MaxDurationMs)
        return ResultsReader::tr("%1: a whole number of milliseconds from %2 to %3 is expected")
                .arg(path)
                .arg(minimum, 0, 'f', 0)
                .arg(MaxDurationMs, 0, 'f', 0);
    *ms = qint64(number);
    return std::nullopt;
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}
} // namespace

std::variant<ResultsReader::Report, QString> ResultsReader::readFile(const QString &fileName)
{
    const auto read = BoundedRead::readFile(fileName, MaxFileSize);
    if (const auto *error = std::get_if<QString>(&read))
        return *error;
    return readData(std::get<QByteArray>(read), fileName);
}

std::variant<ResultsReader::Report, QString> ResultsReader::readData(const QByteArray &data,
                                                                     const QString &name)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const auto [line, column] = lineAndColumn(data, parseError.offset);
        return tr("%1, line %2, column %3: %4").arg(name).arg(line).arg(column).arg(parseError.errorString());
    }
    if (!document.isObject())
        return tr("%1: not a results report (a JSON object is expected)").arg(name);
    const QJsonObject root = document.object();
    if (!root.value(QLatin1String("results")).isArray())
        return tr("%1: not a results report (no \"results\" list)").arg(name);

    Report report;
    report.roles = stringList(root.value(QLatin1String("roles")));
    report.run.proxy = root.value(QLatin1String("proxy")).toString();
    report.run.stageTimeoutMs = root.value(QLatin1String("stageTimeoutMs")).toInt();
    report.run.concurrency = root.value(QLatin1String("concurrency")).toInt();
    if (const auto error =
                readDuration(root, "elapsedMs", QStringLiteral("elapsedMs"), 0, 0, &report.run.elapsedMs))
        return tr("%1: %2").arg(name, *error);
    report.run.cancelled = root.value(QLatin1String("cancelled")).toBool();
    // Reports before the catalog identity have no "catalog" object: the fields stay empty.
    const QJsonObject catalog = root.value(QLatin1String("catalog")).toObject();
    report.run.catalogVersion = catalog.value(QLatin1String("version")).toString();
    report.run.catalogRetrieved = catalog.value(QLatin1String("retrieved")).toString();
    report.run.catalogSha256 = catalog.value(QLatin1String("pageSha256")).toString();

    const QJsonArray items = root.value(QLatin1String("results")).toArray();
    for (int i = 0; i < items.size(); ++i) {
        const QString where = QStringLiteral("results[%1]").arg(i);
        if (!items.at(i).isObject())
            return tr("%1: %2: an object is expected").arg(name, where);
        const QJsonObject object = items.at(i).toObject();
        CheckResult result;
        result.targetIndex = i;
        for (const char *key : {"endpoint", "kind", "verdict"}) {
            if (!object.value(QLatin1String(key)).isString())
                return tr("%1: %2.%3: a text is expected").arg(name, where, QLatin1String(key));
        }
        if (object.value(QLatin1String("flows")).isArray()) {
            const QJsonArray flows = object.value(QLatin1String("flows")).toArray();
            for (int f = 0; f < flows.size(); ++f) {
                const QJsonObject ref = flows.at(f).toObject();
                if (!ref.value(QLatin1String("id")).isString())
                    return tr("%1: %2.flows[%3].id: a text is expected").arg(name, where).arg(f);
                result.flows.append({ref.value(QLatin1String("id")).toString(),
                                     ref.value(QLatin1String("endpoint")).toInt(-1)});
            }
        } else if (object.value(QLatin1String("entry")).isString()) {
            // Schema 1: one catalog entry per result.
            result.flows.append({object.value(QLatin1String("entry")).toString(), -1});
        } else {
            return tr("%1: %2.flows: a list is expected").arg(name, where);
        }
        result.endpoint = object.value(QLatin1String("endpoint")).toString();
        result.kind = object.value(QLatin1String("kind")).toString();
        const QString verdictName = object.value(QLatin1String("verdict")).toString();
        const auto verdict = Verdict::fromName(verdictName);
        if (!verdict)
            return tr("%1: %2.verdict: unknown verdict \"%3\"").arg(name, where, verdictName);
        result.verdict = *verdict;
        result.host = object.value(QLatin1String("host")).toString();
        result.port = object.value(QLatin1String("port")).toInt();
        result.transport = object.value(QLatin1String("transport")).toString();
        result.reason = object.value(QLatin1String("reason")).toString();
        result.hint = object.value(QLatin1String("hint")).toString();
        result.proxy = object.value(QLatin1String("proxy")).toString();
        if (const auto error = readDuration(object, "durationMs", where + QStringLiteral(".durationMs"), 0, 0,
                                            &result.durationMs))
            return tr("%1: %2").arg(name, *error);
        result.resolvedAddresses = stringList(object.value(QLatin1String("resolvedAddresses")));
        result.cnames = stringList(object.value(QLatin1String("cnames")));
        result.required = object.value(QLatin1String("required")).toBool();
        result.connectedAddress = object.value(QLatin1String("connectedAddress")).toString();
        result.connectAttempts = stringList(object.value(QLatin1String("connectAttempts")));
        result.httpStatus = object.value(QLatin1String("httpStatus")).toInt();
        result.redirectLocation = object.value(QLatin1String("redirectLocation")).toString();
        result.ntpOffsetMs = object.value(QLatin1String("ntpOffsetMs")).toDouble();
        if (object.value(QLatin1String("tls")).isObject()) {
            const QJsonObject tls = object.value(QLatin1String("tls")).toObject();
            result.tls.present = true;
            result.tls.protocol = tls.value(QLatin1String("protocol")).toString();
            result.tls.subject = tls.value(QLatin1String("subject")).toString();
            result.tls.issuer = tls.value(QLatin1String("issuer")).toString();
            result.tls.notBefore =
                    QDateTime::fromString(tls.value(QLatin1String("notBefore")).toString(), Qt::ISODate);
            result.tls.notAfter =
                    QDateTime::fromString(tls.value(QLatin1String("notAfter")).toString(), Qt::ISODate);
            result.tls.errors = stringList(tls.value(QLatin1String("errors")));
            result.tls.chain = stringList(tls.value(QLatin1String("chain")));
            result.tls.anchorKind = TrustAnchors::kindFromName(tls.value(QLatin1String("root")).toString())
                                            .value_or(TrustAnchors::Kind::Unknown);
        }
        const QJsonArray stages = object.value(QLatin1String("stages")).toArray();
        for (int j = 0; j < stages.size(); ++j) {
            const QJsonObject stageObject = stages.at(j).toObject();
            CheckStage stage;
            stage.name = stageObject.value(QLatin1String("name")).toString();
            const QString status = stageObject.value(QLatin1String("status")).toString();
            stage.status = status == QLatin1String("passed") ? CheckStage::Status::Passed
                    : status == QLatin1String("failed")      ? CheckStage::Status::Failed
                                                             : CheckStage::Status::NotRun;
            // -1: the stage did not run.
            if (const auto error = readDuration(stageObject, "durationMs",
                                                QStringLiteral("%1.stages[%2].durationMs").arg(where).arg(j),
                                                -1, -1, &stage.durationMs))
                return tr("%1: %2").arg(name, *error);
            stage.detail = stageObject.value(QLatin1String("detail")).toString();
            result.stages.append(stage);
        }
        report.results.append(result);
    }
    return report;
}
