#include "resultsreport.h"

#include "core/catalog/cataloginfo.h"

#include "core/tester/result/flowresultsummary.h"
#include "core/tester/result/resulttext.h"

#include "core/util/controlcharacters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkInterface>
#include <QSysInfo>
#include <QTimeZone>

#include <QXmlStreamWriter>
#include <algorithm>
#include <cmath>

namespace {

// 2: "flows" (the flows a check serves) replaces "entry"; the root's "flows" replaces "entries".
constexpr int ReportSchemaVersion = 2;

QJsonArray flowsJson(const QList<CheckTarget::FlowRef> &flows)
{
    QJsonArray array;
    for (const CheckTarget::FlowRef &ref : flows) {
        QJsonObject object{{QStringLiteral("id"), ref.flow}};
        if (ref.endpoint >= 0)
            object.insert(QStringLiteral("endpoint"), ref.endpoint);
        array.append(object);
    }
    return array;
}

QJsonObject targetJson(const CheckTarget &target)
{
    QJsonObject object{{QStringLiteral("flows"), flowsJson(target.flows)},
                       {QStringLiteral("endpoint"), target.endpoint},
                       {QStringLiteral("kind"), CheckTarget::kindName(target.kind)}};
    if (!target.host.isEmpty())
        object.insert(QStringLiteral("host"), target.host);
    if (target.port > 0) {
        object.insert(QStringLiteral("port"), target.port);
        object.insert(QStringLiteral("transport"), target.transportName());
    }
    if (target.usesHttp())
        object.insert(QStringLiteral("path"), target.path);
    if (target.siteKey != SiteKey::None)
        object.insert(QStringLiteral("site"), Vocabulary::name(target.siteKey));
    if (!target.members.isEmpty())
        object.insert(QStringLiteral("members"), QJsonArray::fromStringList(target.members));
    if (target.isSkipped())
        object.insert(QStringLiteral("skipped"), target.skipReason);
    return object;
}

QJsonObject resultJson(const CheckResult &result)
{
    QJsonArray stages;
    for (const CheckStage &stage : result.stages) {
        QJsonObject object{{QStringLiteral("name"), stage.name},
                           {QStringLiteral("status"), CheckStage::statusName(stage.status)}};
        if (stage.durationMs >= 0)
            object.insert(QStringLiteral("durationMs"), stage.durationMs);
        if (!stage.detail.isEmpty())
            object.insert(QStringLiteral("detail"), stage.detail);
        stages.append(object);
    }
    QJsonObject object{{QStringLiteral("flows"), flowsJson(result.flows)},
                       {QStringLiteral("endpoint"), result.endpoint},
                       {QStringLiteral("kind"), result.kind},
                       {QStringLiteral("verdict"), Verdict::name(result.verdict)},
                       {QStringLiteral("verdictText"), Verdict::text(result.verdict)},
                       {QStringLiteral("durationMs"), result.durationMs},
                       {QStringLiteral("required"), result.required},
                       {QStringLiteral("proxy"), result.proxy},
                       {QStringLiteral("stages"), stages}};
    if (!result.host.isEmpty())
        object.insert(QStringLiteral("host"), result.host);
    if (result.port > 0) {
        object.insert(QStringLiteral("port"), result.port);
        object.insert(QStringLiteral("transport"), result.transport);
    }
    if (!result.reason.isEmpty())
        object.insert(QStringLiteral("reason"), result.reason);
    if (!result.hint.isEmpty())
        object.insert(QStringLiteral("hint"), result.hint);
    if (!result.resolvedAddresses.isEmpty())
        object.insert(QStringLiteral("resolvedAddresses"),
                      QJsonArray::fromStringList(result.resolvedAddresses));
    if (!result.cnames.isEmpty())
        object.insert(QStringLiteral("cnames"), QJsonArray::fromStringList(result.cnames));
    if (!result.connectedAddress.isEmpty())
        object.insert(QStringLiteral("connectedAddress"), result.connectedAddress);
    if (result.connectAttempts.size() > 1)
        object.insert(QStringLiteral("connectAttempts"), QJsonArray::fromStringList(result.connectAttempts));
    if (result.httpStatus > 0)
        object.insert(QStringLiteral("httpStatus"), result.httpStatus);
    if (!result.redirectLocation.isEmpty())
        object.insert(QStringLiteral("redirectLocation"), result.redirectLocation);
    if (result.tls.present) {
        QJsonObject tls{{QStringLiteral("subject"), result.tls.subject},
                        {QStringLiteral("issuer"), result.tls.issuer},
                        {QStringLiteral("notBefore"), result.tls.notBefore.toString(Qt::ISODate)},
                        {QStringLiteral("notAfter"), result.tls.notAfter.toString(Qt::ISODate)}};
        if (!result.tls.protocol.isEmpty())
            tls.insert(QStringLiteral("protocol"), result.tls.protocol);
        if (!result.tls.errors.isEmpty())
            tls.insert(QStringLiteral("errors"), QJsonArray::fromStringList(result.tls.errors));
        if (!result.tls.chain.isEmpty()) {
            tls.insert(QStringLiteral("chain"), QJsonArray::fromStringList(result.tls.chain));
            tls.insert(QStringLiteral("root"), TrustAnchors::kindName(result.tls.anchorKind));
        }
        object.insert(QStringLiteral("tls"), tls);
    }
    if (result.kind == QLatin1String("ntp") && result.verdict == Verdict::Ok)
        object.insert(QStringLiteral("ntpOffsetMs"), result.ntpOffsetMs);
    return object;
}

QString stagesText(const CheckResult &result)
{
    QStringList parts;
    for (const CheckStage &stage : result.stages) {
        switch (stage.status) {
        case CheckStage::Status::Passed:
            parts.append(QStringLiteral("%1 %2 ms").arg(stage.name).arg(stage.durationMs));
            break;
        case CheckStage::Status::Failed:
            parts.append(QStringLiteral("%1 %2 ms (%3)")
                                 .arg(stage.name)
                                 .arg(stage.durationMs)
                                 .arg(ResultsReport::tr("failed")));
            break;
        case CheckStage::Status::NotRun:
            parts.append(QStringLiteral("%1 (%2)").arg(stage.name, ResultsReport::tr("not run")));
            break;
        }
    }
    return parts.join(QStringLiteral(", "));
}

QString kindText(const CheckTarget &target)
{
    if (target.port > 0)
        return QStringLiteral("%1 %2/%3")
                .arg(CheckTarget::kindName(target.kind))
                .arg(target.port)
                .arg(target.transportName());
    return CheckTarget::kindName(target.kind);
}

} // namespace

QStringList ResultsReport::formatNames()
{
    return {QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("junit")};
}

std::optional<ResultsReport::Format> ResultsReport::formatFromName(const QString &name)
{
    if (name == QLatin1String("text"))
        return Format::Text;
    if (name == QLatin1String("json"))
        return Format::Json;
    if (name == QLatin1String("junit"))
        return Format::JUnit;
    return std::nullopt;
}

QString ResultsReport::resultLine(const CheckResult &raw)
{
    const CheckResult result = ResultText::printable(raw);
    QString line =
            QStringLiteral("[%1] %2  %3")
                    .arg(result.isRequiredFailure() ? tr("%1, required").arg(Verdict::text(result.verdict))
                                                    : Verdict::text(result.verdict),
                         result.flowIds().join(QLatin1Char(',')), result.endpoint);
    if (result.httpStatus > 0)
        line += QStringLiteral("  HTTP %1").arg(result.httpStatus);
    if (result.verdict != Verdict::Ok && !result.reason.isEmpty())
        line += QStringLiteral(": ") + result.reason;
    return line;
}

QByteArray ResultsReport::plan(Format format, const TestPlan &plan)
{
    if (format == Format::Json || format == Format::JUnit) {
        QJsonArray targets;
        for (const CheckTarget &target : plan.targets)
            targets.append(targetJson(target));
        QJsonObject site;
        const auto addresses = plan.site.addresses();
        for (auto it = addresses.cbegin(); it != addresses.cend(); ++it)
            site.insert(it.key(), it.value());
        const QJsonObject root{{QStringLiteral("schemaVersion"), ReportSchemaVersion},
                               {QStringLiteral("roles"), QJsonArray::fromStringList(plan.roles)},
                               {QStringLiteral("requiredOnly"), plan.requiredOnly},
                               {QStringLiteral("includeExpired"), plan.includeExpired},
                               {QStringLiteral("site"), site},
                               {QStringLiteral("testable"), plan.testableCount()},
                               {QStringLiteral("targets"), targets}};
        return QJsonDocument(root).toJson(QJsonDocument::Indented);
    }
    QString text = tr("Plan for %1: %n checks to run", nullptr, plan.testableCount())
                           .arg(ResultText::printable(plan.roles).join(QStringLiteral(", ")))
            + QLatin1Char('\n');
    for (const CheckTarget &rawTarget : plan.targets) {
        const CheckTarget target = ResultText::printable(rawTarget);
        text += QStringLiteral("  %1  %2  %3")
                        .arg(target.flowIds().join(QLatin1Char(',')), target.endpoint, kindText(target));
        if (target.isSkipped())
            text += QStringLiteral("  -- %1: %2").arg(tr("skipped"), target.skipReason);
        text += QLatin1Char('\n');
    }
    text += tr("Dry run: nothing was sent.") + QLatin1Char('\n');
    return text.toUtf8();
}

void ResultsReport::Run::setMachine()
{
    hostName = QSysInfo::machineHostName();
    os = QStringLiteral("%1; %2 %3; %4")
                 .arg(QSysInfo::prettyProductName(), QSysInfo::kernelType(), QSysInfo::kernelVersion(),
                      QSysInfo::currentCpuArchitecture());
    addresses.clear();
    for (const QHostAddress &address : QNetworkInterface::allAddresses()) {
        if (!address.isLoopback() && !address.isLinkLocal())
            addresses.append(address.toString());
    }
}

QString ResultsReport::Run::startedText() const
{
    if (!startedAt.isValid())
        return {};
    const int offset = startedAt.offsetFromUtc();
    const QString offsetText = QStringLiteral("%1%2:%3")
                                       .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                                       .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                                       .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    const QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    const QString abbreviation = startedAt.timeZoneAbbreviation();
    const QString names = zone.isEmpty() || zone == abbreviation
            ? abbreviation
            : QStringLiteral("%1, %2").arg(zone, abbreviation);
    return QStringLiteral("%1 %2 (%3)")
            .arg(startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), offsetText, names);
}

QList<QPair<QString, QString>> ResultsReport::headerFacts(const QStringList &roles, const Run &run)
{
    const QList<QPair<QString, QString>> all{{tr("Computer"), run.hostName},
                                             {tr("Addresses"), run.addresses.join(QStringLiteral(", "))},
                                             {tr("Time"), run.startedText()},
                                             {tr("Portolan"), QStringLiteral(PORTOLAN_VERSION)},
                                             {tr("Catalog"), run.catalogIdentity},
                                             {tr("Proxy"), run.proxy},
                                             {tr("Roles"), roles.join(QStringLiteral(", "))}};
    QList<QPair<QString, QString>> facts;
    for (const auto &[label, value] : all) {
        if (!value.isEmpty())
            facts.append({label, ControlCharacters::escaped(value)});
    }
    return facts;
}

QList<CheckResult> ResultsReport::ordered(const QList<CheckResult> &results)
{
    QList<CheckResult> sorted = results;
    std::stable_sort(sorted.begin(), sorted.end(), [](const CheckResult &a, const CheckResult &b) {
        return ResultText::severity(a) < ResultText::severity(b);
    });
    return sorted;
}

void ResultsReport::Run::setCatalog(const Catalog &catalog)
{
    catalogVersion = catalog.catalogVersion;
    catalogRetrieved = catalog.retrieved.isValid() ? catalog.retrieved.toString(Qt::ISODate) : QString();
    catalogSha256 = catalog.pageSha256;
    catalogIdentity = CatalogInfo::identity(catalog);
    catalogSource = catalog.source.text(Language::Japanese);
}

QByteArray ResultsReport::results(Format format, const TestPlan &plan, const QList<CheckResult> &results,
                                  const Run &run)
{
    switch (format) {
    case Format::Text:
        return resultsText(plan, results, run);
    case Format::Json:
        return resultsJson(plan, results, run);
    case Format::JUnit:
        return resultsJUnit(plan, results, run);
    }
    return {};
}

QByteArray ResultsReport::resultsText(const TestPlan &plan, const QList<CheckResult> &results, const Run &run)
{
    QString text = tr("Connectivity check for %1 (proxy: %2, timeout %3 s per stage)")
                           .arg(ResultText::printable(plan.roles).join(QStringLiteral(", ")),
                                ControlCharacters::escaped(run.proxy))
                           .arg(run.stageTimeoutMs / 1000.0)
            + QLatin1Char('\n');
    for (const auto &[label, value] : headerFacts({}, run)) {
        if (label != tr("Proxy")) // on the first line
            text += QStringLiteral("%1: %2\n").arg(label, value);
    }
    QMap<Verdict::Value, int> counts;
    int failedRequired = 0;
    int failed = 0;
    for (const CheckResult &raw : ordered(results)) {
        failedRequired += raw.isRequiredFailure();
        failed += raw.isFailure();
        const CheckResult result = ResultText::printable(raw);
        ++counts[result.verdict];
        text += resultLine(result) + QLatin1Char('\n');
        if (!result.stages.isEmpty())
            text += QStringLiteral("    %1\n").arg(stagesText(result));
        if (!result.cnames.isEmpty())
            text += QStringLiteral("    %1\n").arg(ResultText::aliasesText(result));
        // Every TLS result names its issuer chain: a re-signing proxy shows even when it passes.
        if (result.tls.present)
            text += QStringLiteral("    %1\n")
                            .arg(tr("Certificate: %1, valid until %2")
                                         .arg(ResultText::certificateChain(result),
                                              result.tls.notAfter.toString(Qt::ISODate)));
        if (result.kind == QLatin1String("ntp") && result.verdict == Verdict::Ok)
            text += QStringLiteral("    %1\n")
                            .arg(tr("Clock offset: %1 ms").arg(result.ntpOffsetMs, 0, 'f', 1));
        if (!result.hint.isEmpty())
            text += QStringLiteral("    %1 %2\n").arg(tr("Hint:"), result.hint);
    }
    QStringList summary;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        summary.append(QStringLiteral("%1 %2").arg(it.value()).arg(Verdict::text(it.key())));
    text += QLatin1Char('\n');
    if (failed > 0)
        text += tr("%1 required failed, %2 other failed").arg(failedRequired).arg(failed - failedRequired)
                + QLatin1Char('\n');
    text += tr("%1 in %2 s").arg(summary.join(QStringLiteral(", "))).arg(run.elapsedMs / 1000.0, 0, 'f', 2);
    if (run.cancelled)
        text += QStringLiteral(" (%1)").arg(tr("cancelled"));
    text += QLatin1Char('\n');
    return text.toUtf8();
}

QByteArray ResultsReport::resultsJson(const TestPlan &plan, const QList<CheckResult> &results, const Run &run)
{
    QJsonArray items;
    QMap<QString, int> counts;
    for (const Verdict::Value verdict : Verdict::all())
        counts.insert(Verdict::name(verdict), 0);
    for (const CheckResult &result : results) {
        items.append(resultJson(result));
        ++counts[Verdict::name(result.verdict)];
    }
    QJsonObject summary;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        summary.insert(it.key(), it.value());
    QJsonObject flows;
    const auto statuses = FlowResultSummary::summarize(results);
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        flows.insert(it.key(), FlowResultSummary::statusName(it.value()));
    QJsonObject site;
    for (auto it = run.site.cbegin(); it != run.site.cend(); ++it)
        site.insert(it.key(), ControlCharacters::escaped(it.value()));
    const auto utc = [](const QDateTime &time) {
        return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
    };
    const QJsonObject catalog{{QStringLiteral("source"), ControlCharacters::escaped(run.catalogSource)},
                              {QStringLiteral("version"), ControlCharacters::escaped(run.catalogVersion)},
                              {QStringLiteral("retrieved"), ControlCharacters::escaped(run.catalogRetrieved)},
                              {QStringLiteral("pageSha256"), ControlCharacters::escaped(run.catalogSha256)}};
    const QJsonObject root{
            {QStringLiteral("schemaVersion"), ReportSchemaVersion},
            {QStringLiteral("catalog"), catalog},
            {QStringLiteral("roles"), QJsonArray::fromStringList(plan.roles)},
            {QStringLiteral("proxy"), ControlCharacters::escaped(run.proxy)},
            {QStringLiteral("proxyMode"), run.proxyMode},
            {QStringLiteral("site"), site},
            {QStringLiteral("stageTimeoutMs"), run.stageTimeoutMs},
            {QStringLiteral("concurrency"), run.concurrency},
            {QStringLiteral("elapsedMs"), run.elapsedMs},
            {QStringLiteral("cancelled"), run.cancelled},
            {QStringLiteral("portolanVersion"), QStringLiteral(PORTOLAN_VERSION)},
            {QStringLiteral("startedAt"), run.startedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("startedAtUtc"), utc(run.startedAt)},
            {QStringLiteral("finishedAtUtc"), utc(run.finishedAt)},
            {QStringLiteral("timeZone"),
             QJsonObject{{QStringLiteral("id"), QString::fromUtf8(QTimeZone::systemTimeZoneId())},
                         {QStringLiteral("offsetSeconds"),
                          run.startedAt.isValid() ? run.startedAt.offsetFromUtc() : 0}}},
            {QStringLiteral("machine"),
             QJsonObject{{QStringLiteral("hostName"), ControlCharacters::escaped(run.hostName)},
                         {QStringLiteral("addresses"), QJsonArray::fromStringList(run.addresses)},
                         {QStringLiteral("os"), ControlCharacters::escaped(run.os)}}},
            {QStringLiteral("failedRequired"),
             int(std::count_if(results.cbegin(), results.cend(),
                               [](const CheckResult &r) { return r.isRequiredFailure(); }))},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("flows"), flows},
            {QStringLiteral("results"), items}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

QByteArray ResultsReport::resultsJUnit(const TestPlan &plan, const QList<CheckResult> &results,
                                       const Run &run)
{
    int failures = 0;
    int skipped = 0;
    for (const CheckResult &result : results) {
        if (result.isFailure())
            ++failures;
        else if (result.verdict != Verdict::Ok)
            ++skipped;
    }
    QByteArray data;
    QXmlStreamWriter xml(&data);
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("testsuites"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("portolan-check"));
    xml.writeAttribute(QStringLiteral("tests"), QString::number(results.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("skipped"), QString::number(skipped));
    xml.writeAttribute(QStringLiteral("time"), QString::number(run.elapsedMs / 1000.0, 'f', 3));
    xml.writeStartElement(QStringLiteral("testsuite"));
    xml.writeAttribute(QStringLiteral("name"),
                       QStringLiteral("portolan-check.%1")
                               .arg(ResultText::printable(plan.roles).join(QLatin1Char('+'))));
    xml.writeAttribute(QStringLiteral("tests"), QString::number(results.size()));
    xml.writeAttribute(QStringLiteral("failures"), QString::number(failures));
    xml.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    xml.writeAttribute(QStringLiteral("skipped"), QString::number(skipped));
    xml.writeAttribute(QStringLiteral("time"), QString::number(run.elapsedMs / 1000.0, 'f', 3));
    xml.writeStartElement(QStringLiteral("properties"));
    const QList<QPair<QString, QString>> properties{
            {QStringLiteral("proxy"), ControlCharacters::escaped(run.proxy)},
            {QStringLiteral("proxyMode"), run.proxyMode},
            {QStringLiteral("stageTimeoutMs"), QString::number(run.stageTimeoutMs)},
            {QStringLiteral("concurrency"), QString::number(run.concurrency)},
            {QStringLiteral("catalogVersion"), ControlCharacters::escaped(run.catalogVersion)},
            {QStringLiteral("catalogRetrieved"), ControlCharacters::escaped(run.catalogRetrieved)},
            {QStringLiteral("catalogPageSha256"), ControlCharacters::escaped(run.catalogSha256)},
            {QStringLiteral("portolanVersion"), QStringLiteral(PORTOLAN_VERSION)},
            {QStringLiteral("hostName"), ControlCharacters::escaped(run.hostName)},
            {QStringLiteral("addresses"), run.addresses.join(QLatin1Char(' '))},
            {QStringLiteral("startedAt"), run.startedText()}};
    for (const auto &[name, value] : properties) {
        xml.writeEmptyElement(QStringLiteral("property"));
        xml.writeAttribute(QStringLiteral("name"), name);
        xml.writeAttribute(QStringLiteral("value"), value);
    }
    xml.writeEndElement(); // properties
    // XML 1.0 cannot hold most control characters at all.
    for (const CheckResult &raw : results) {
        const CheckResult result = ResultText::printable(raw);
        xml.writeStartElement(QStringLiteral("testcase"));
        xml.writeAttribute(QStringLiteral("classname"), result.flowIds().join(QLatin1Char(',')));
        xml.writeAttribute(QStringLiteral("name"),
                           QStringLiteral("%1 (%2)").arg(result.endpoint, result.kind));
        xml.writeAttribute(QStringLiteral("time"), QString::number(result.durationMs / 1000.0, 'f', 3));
        const QString message = result.reason.isEmpty()
                ? Verdict::text(result.verdict)
                : QStringLiteral("%1: %2").arg(Verdict::text(result.verdict), result.reason);
        if (result.isFailure()) {
            xml.writeStartElement(QStringLiteral("failure"));
            xml.writeAttribute(QStringLiteral("type"), Verdict::name(result.verdict));
            xml.writeAttribute(QStringLiteral("message"), message);
            xml.writeCharacters(stagesText(result)
                                + (result.hint.isEmpty() ? QString() : QLatin1Char('\n') + result.hint));
            xml.writeEndElement();
        } else if (result.verdict != Verdict::Ok) {
            xml.writeEmptyElement(QStringLiteral("skipped"));
            xml.writeAttribute(QStringLiteral("message"),
                               QStringLiteral("%1: %2").arg(Verdict::name(result.verdict), message));
        }
        QStringList out{stagesText(result)};
        if (result.tls.present)
            out.append(tr("Certificate: %1").arg(ResultText::certificateChain(result)));
        if (!result.cnames.isEmpty())
            out.append(ResultText::aliasesText(result));
        xml.writeTextElement(QStringLiteral("system-out"), out.join(QLatin1Char('\n')));
        xml.writeEndElement(); // testcase
    }
    xml.writeEndElement(); // testsuite
    xml.writeEndElement(); // testsuites
    xml.writeEndDocument();
    return data;
}
