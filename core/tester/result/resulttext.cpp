#include "resulttext.h"

#include "core/tester/plan/checktarget.h"
#include "core/tester/probe/ntppacket.h"
#include "core/util/controlcharacters.h"

#include <cmath>

namespace {
QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &valueHtml)
{
    return QStringLiteral("<tr><th align=\"left\" valign=\"top\">%1</th><td>%2</td></tr>")
            .arg(escaped(label), valueHtml);
}
} // namespace

QString ResultText::hint(const CheckResult &result)
{
    // A time server that answers while this machine's clock is far off: a warning on a pass.
    if (result.verdict == Verdict::Ok && result.kind == CheckTarget::kindName(CheckTarget::Kind::Ntp)
        && std::abs(result.ntpOffsetMs) > NtpPacket::OffsetWarningMs)
        return tr("Synchronise this machine's clock with the NTP server: it is %1 s off.")
                .arg(std::abs(result.ntpOffsetMs) / 1000.0, 0, 'f', 1);
    if (result.verdict == Verdict::Ok || !Verdict::isTested(result.verdict))
        return {};
    // A DNS server that answers but refuses or fails: the network is fine, the server is not.
    const CheckStage *query = result.stage(Stage::DnsQuery);
    if (result.verdict == Verdict::DnsFailed && query && query->status == CheckStage::Status::Failed)
        return tr("The DNS server %1 answers but does not resolve for this machine: check its access list "
                  "(allow this machine's address), recursion and forwarders.")
                .arg(result.host);
    if (result.verdict == Verdict::HttpRedirected)
        return Verdict::redirectHint(result.host, result.redirectLocation);
    if (result.verdict == Verdict::Stalled) {
        for (const CheckStage &stage : result.stages) {
            if (stage.status == CheckStage::Status::Failed)
                return Stage::stalledHint(stage.name, result.host, result.port, result.transport);
        }
    }
    const QString issuer = result.verdict == Verdict::TlsIntercepted && !result.tls.chain.isEmpty()
            ? result.tls.chain.constLast()
            : result.tls.issuer;
    const QString hint = Verdict::hint(result.verdict, result.host, result.port, result.transport, issuer);
    return hint.isEmpty() ? result.hint : hint;
}

QString ResultText::anchorKindText(TrustAnchors::Kind kind)
{
    switch (kind) {
    case TrustAnchors::Kind::Public:
        return tr("a public root");
    case TrustAnchors::Kind::CaFile:
        return tr("a root from --ca-file");
    case TrustAnchors::Kind::System:
        return tr("installed on this machine, not public");
    case TrustAnchors::Kind::Unknown:
        break;
    }
    return tr("not known to be public");
}

QString ResultText::aliasesText(const CheckResult &result)
{
    if (result.cnames.isEmpty())
        return {};
    return tr("Aliases: %1 (a firewall rule by host name must allow each of these names)")
            .arg((QStringList{result.host} + result.cnames).join(QStringLiteral(" > ")));
}

QString ResultText::certificateChain(const CheckResult &result)
{
    if (!result.tls.present)
        return {};
    if (result.tls.chain.isEmpty())
        return tr("%1, issued by %2 (not validated)").arg(result.tls.subject, result.tls.issuer);
    return QStringLiteral("%1 (%2)").arg(result.tls.chain.join(QStringLiteral(" < ")),
                                         anchorKindText(result.tls.anchorKind));
}

QString ResultText::stageName(const QString &name)
{
    return Stage::label(name);
}

QString ResultText::stageStatusText(CheckStage::Status status)
{
    switch (status) {
    case CheckStage::Status::NotRun:
        return tr("not run");
    case CheckStage::Status::Passed:
        return tr("passed");
    case CheckStage::Status::Failed:
        return tr("failed");
    }
    return {};
}

QString ResultText::kindText(const CheckResult &result)
{
    if (result.kind == QLatin1String("wildcard"))
        return tr("wildcard");
    if (result.port <= 0)
        return {};
    const QString kind = result.kind == CheckTarget::kindName(CheckTarget::Kind::DnsTcp)
            ? QStringLiteral("DNS")
            : result.kind.toUpper();
    return QStringLiteral("%1 %2/%3").arg(kind).arg(result.port).arg(result.transport);
}

int ResultText::severity(const CheckResult &result)
{
    if (result.isFailure())
        return result.required ? 0 : 1;
    return Verdict::severity(result.verdict) + 1;
}

QStringList ResultText::printable(const QStringList &texts)
{
    QStringList result;
    result.reserve(texts.size());
    for (const QString &text : texts)
        result.append(ControlCharacters::escaped(text));
    return result;
}

CheckResult ResultText::printable(const CheckResult &result)
{
    CheckResult r = result;
    for (QString *text :
         {&r.endpoint, &r.host, &r.transport, &r.kind, &r.reason, &r.hint, &r.connectedAddress,
          &r.redirectLocation, &r.proxy, &r.tls.protocol, &r.tls.subject, &r.tls.issuer})
        *text = ControlCharacters::escaped(*text);
    for (CheckTarget::FlowRef &flow : r.flows)
        flow.flow = ControlCharacters::escaped(flow.flow);
    r.resolvedAddresses = printable(r.resolvedAddresses);
    r.connectAttempts = printable(r.connectAttempts);
    r.tls.errors = printable(r.tls.errors);
    r.tls.chain = printable(r.tls.chain);
    r.cnames = printable(r.cnames);
    for (CheckStage &stage : r.stages) {
        stage.name = ControlCharacters::escaped(stage.name);
        stage.detail = ControlCharacters::escaped(stage.detail);
    }
    return r;
}

CheckTarget ResultText::printable(const CheckTarget &target)
{
    CheckTarget t = target;
    for (QString *text : {&t.endpoint, &t.host, &t.protocol, &t.path, &t.skipReason})
        *text = ControlCharacters::escaped(*text);
    for (CheckTarget::FlowRef &flow : t.flows)
        flow.flow = ControlCharacters::escaped(flow.flow);
    t.members = printable(t.members);
    return t;
}

QString ResultText::detailsHtml(const CheckResult &raw)
{
    const CheckResult result = printable(raw);
    QString html = QStringLiteral("<p><b>%1</b> — %2</p>")
                           .arg(escaped(Verdict::text(result.verdict)), escaped(result.endpoint));
    const QString hintText = hint(result);
    if (!hintText.isEmpty())
        html += QStringLiteral("<p class=\"hint\"><b>%1</b> %2</p>")
                        .arg(escaped(tr("What to do:")), escaped(hintText));
    if (!result.reason.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(escaped(result.reason));

    QString table;
    table += row(tr("Flows"), escaped(result.flowIds().join(QStringLiteral(", "))));
    table += row(tr("Check"), escaped(kindText(result)));
    if (!result.host.isEmpty())
        table += row(tr("Host"), escaped(result.host));
    if (!result.resolvedAddresses.isEmpty())
        table += row(tr("Resolved addresses"), escaped(result.resolvedAddresses.join(QStringLiteral(", "))));
    if (!result.cnames.isEmpty())
        table += row(tr("Aliases (CNAME)"),
                     escaped((QStringList{result.host} + result.cnames).join(QStringLiteral(" > "))));
    if (!result.connectedAddress.isEmpty())
        table += row(tr("Connected to"), escaped(result.connectedAddress));
    if (result.connectAttempts.size() > 1)
        table += row(tr("Addresses tried"), escaped(result.connectAttempts.join(QStringLiteral("; "))));
    if (!result.proxy.isEmpty())
        table += row(tr("Proxy"),
                     escaped(result.proxy == QLatin1String("direct") ? tr("none (direct)") : result.proxy));
    if (result.httpStatus > 0)
        table += row(tr("HTTP status"), QString::number(result.httpStatus));
    if (!result.redirectLocation.isEmpty())
        table += row(tr("Redirected to"), escaped(result.redirectLocation));
    if (result.tls.present) {
        if (!result.tls.protocol.isEmpty())
            table += row(tr("TLS protocol"), escaped(result.tls.protocol));
        table += row(tr("Certificate subject"), escaped(result.tls.subject));
        table += row(tr("Certificate issuer"), escaped(result.tls.issuer));
        table += row(tr("Certificate chain"), escaped(certificateChain(result)));
        table += row(tr("Valid until"), escaped(result.tls.notAfter.toString(Qt::ISODate)));
        if (!result.tls.errors.isEmpty()) {
            QStringList errors;
            for (const QString &error : result.tls.errors)
                errors.append(escaped(error));
            table += row(tr("Certificate errors"), errors.join(QStringLiteral("<br/>")));
        }
    }
    if (result.kind == QLatin1String("ntp") && result.verdict == Verdict::Ok)
        table += row(tr("Clock offset"), escaped(tr("%1 ms").arg(result.ntpOffsetMs, 0, 'f', 1)));
    table += row(tr("Total time"), escaped(tr("%1 ms").arg(result.durationMs)));
    html += QStringLiteral("<table cellspacing=\"2\" cellpadding=\"2\">%1</table>").arg(table);

    if (!result.stages.isEmpty()) {
        QString stages;
        for (const CheckStage &stage : result.stages) {
            const QString time = stage.durationMs >= 0 ? tr("%1 ms").arg(stage.durationMs) : QString();
            stages += QStringLiteral("<tr><td>%1</td><td>%2</td><td align=\"right\">%3</td><td>%4</td></tr>")
                              .arg(escaped(stageName(stage.name)), escaped(stageStatusText(stage.status)),
                                   escaped(time), escaped(stage.detail));
        }
        html += QStringLiteral("<table class=\"stages\" cellspacing=\"2\" cellpadding=\"2\"><tr><th "
                               "align=\"left\">%1</th><th align=\"left\">%2</th><th "
                               "align=\"right\">%3</th><th align=\"left\">%4</th></tr>%5</table>")
                        .arg(escaped(tr("Stage")), escaped(tr("Result")), escaped(tr("Time")),
                             escaped(tr("Detail")), stages);
    }
    return html;
}
