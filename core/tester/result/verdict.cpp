#include "verdict.h"

#include <QList>

#include <iterator>

namespace {
using Category = Verdict::Category;
using Role = Verdict::ColorRole;

struct VerdictInfo
{
    Verdict::Value value;
    const char *name;
    Category category;
    Role role;
};

constexpr VerdictInfo verdictInfo[] = {
        {Verdict::Ok, "ok", Category::Passed, Role::Good},
        {Verdict::DnsFailed, "dns-failed", Category::Failed, Role::Bad},
        {Verdict::Refused, "refused", Category::Failed, Role::Bad},
        {Verdict::Filtered, "filtered", Category::Failed, Role::Bad},
        {Verdict::Timeout, "timeout", Category::Failed, Role::Bad},
        {Verdict::Stalled, "stalled", Category::Failed, Role::Bad},
        {Verdict::TlsUntrusted, "tls-untrusted", Category::Failed, Role::Bad},
        {Verdict::TlsHostnameMismatch, "tls-hostname-mismatch", Category::Failed, Role::Bad},
        {Verdict::TlsExpired, "tls-expired", Category::Failed, Role::Bad},
        {Verdict::TlsFailed, "tls-failed", Category::Failed, Role::Bad},
        {Verdict::TlsIntercepted, "tls-intercepted", Category::Failed, Role::Bad},
        {Verdict::HttpError, "http-error", Category::Failed, Role::Bad},
        {Verdict::HttpRedirected, "http-redirected", Category::Failed, Role::Bad},
        {Verdict::NtpUnsynchronised, "ntp-unsynchronised", Category::Failed, Role::Bad},
        {Verdict::NtpInvalidReply, "ntp-invalid-reply", Category::Failed, Role::Bad},
        {Verdict::ProxyRefused, "proxy-refused", Category::Failed, Role::Bad},
        {Verdict::ProxyAuthRequired, "proxy-auth-required", Category::Failed, Role::Bad},
        {Verdict::NotVerifiable, "not-verifiable", Category::Unverified, Role::Warning},
        {Verdict::Skipped, "skipped", Category::NotTested, Role::Neutral},
        {Verdict::Cancelled, "cancelled", Category::NotTested, Role::Neutral},
};

const VerdictInfo &infoOf(Verdict::Value verdict)
{
    for (const VerdictInfo &info : verdictInfo) {
        if (info.value == verdict)
            return info;
    }
    Q_ASSERT_X(false, "Verdict", "a value missing from the table");
    return verdictInfo[std::size(verdictInfo) - 1];
}
} // namespace

QList<Verdict::Value> Verdict::all()
{
    QList<Value> values;
    for (const VerdictInfo &info : verdictInfo)
        values.append(info.value);
    return values;
}

QString Verdict::name(Value verdict)
{
    return QString::fromLatin1(infoOf(verdict).name);
}

std::optional<Verdict::Value> Verdict::fromName(const QString &name)
{
    for (const VerdictInfo &info : verdictInfo) {
        if (name == QLatin1String(info.name))
            return info.value;
    }
    return std::nullopt;
}

QString Verdict::text(Value verdict)
{
    switch (verdict) {
    case Ok:
        return tr("Reachable");
    case DnsFailed:
        return tr("Name not resolved");
    case Refused:
        return tr("Connection refused");
    case Filtered:
        return tr("Blocked by a firewall");
    case Timeout:
        return tr("Timed out");
    case Stalled:
        return tr("Stalled after connecting");
    case TlsUntrusted:
        return tr("Untrusted certificate");
    case TlsHostnameMismatch:
        return tr("Certificate for another host");
    case TlsExpired:
        return tr("Certificate expired");
    case TlsFailed:
        return tr("TLS handshake failed");
    case TlsIntercepted:
        return tr("TLS inspected on the way");
    case HttpError:
        return tr("No valid HTTP response");
    case HttpRedirected:
        return tr("Redirected elsewhere");
    case NtpUnsynchronised:
        return tr("Time server not synchronised");
    case NtpInvalidReply:
        return tr("Not a valid time server reply");
    case ProxyRefused:
        return tr("Refused by the proxy");
    case ProxyAuthRequired:
        return tr("Proxy authentication required");
    case NotVerifiable:
        return tr("Sent, not verifiable");
    case Skipped:
        return tr("Skipped");
    case Cancelled:
        return tr("Cancelled");
    }
    return {};
}

Verdict::Category Verdict::category(Value verdict)
{
    return infoOf(verdict).category;
}

Verdict::ColorRole Verdict::colorRole(Value verdict)
{
    return infoOf(verdict).role;
}

int Verdict::severity(Value verdict)
{
    switch (category(verdict)) {
    case Category::Failed:
        return 0;
    case Category::Unverified:
        return 1;
    case Category::NotTested:
        return 2;
    case Category::Passed:
        return 3;
    }
    return 3;
}

QString Verdict::hint(Value verdict, const QString &host, int port, const QString &transport,
                      const QString &issuer)
{
    const QString flow = QStringLiteral("%1 %2").arg(transport.toUpper()).arg(port);
    switch (verdict) {
    case Ok:
    case Skipped:
    case Cancelled:
        return {};
    case DnsFailed:
        return tr("Check the DNS server settings, or ask for %1 to be resolvable from this machine.")
                .arg(host);
    case Refused:
        return tr("Nothing listens on %1 at %2, or a firewall resets the connection: check the address and "
                  "port. Ask for %1 to %2 to be allowed in the firewall if it is blocked.")
                .arg(flow, host);
    case Filtered:
        return tr("A firewall (on this machine or on the way) rejects %1 to %2: ask for it to be allowed, "
                  "or check this machine's own firewall (firewalld, iptables, nftables).")
                .arg(flow, host);
    case Stalled:
        return tr("%1 to %2 is open, but the exchange stalled after connecting: an IPS dropping data, an MTU "
                  "black hole (large packets dropped), or a hung server.")
                .arg(flow, host);
    case HttpRedirected:
        return redirectHint(host, {});
    case Timeout:
        return tr("Traffic is silently dropped: ask for %1 to %2 to be allowed.").arg(flow, host);
    case TlsUntrusted:
        return tr("The certificate comes from \"%1\": if that is a TLS-inspecting proxy, exclude %2 from "
                  "inspection.")
                .arg(issuer, host);
    case TlsHostnameMismatch:
        return tr("The certificate is not for %1: check for a TLS-inspecting proxy or a wrong address.")
                .arg(host);
    case TlsExpired:
        return tr("Check this machine's clock; otherwise a proxy presents an expired certificate for %1.")
                .arg(host);
    case TlsIntercepted:
        return tr("The connection to %1 is re-signed by \"%2\", a root installed on this machine that is not "
                  "a public one: a TLS-inspecting proxy or security product. The agent does not trust it: "
                  "ask for %1 to be exempted from TLS inspection (or, if this root is expected, name it "
                  "with --ca-file).")
                .arg(host, issuer);
    case TlsFailed:
        return tr("Check that TLS 1.2 or later to %1 is not blocked or altered on the way.").arg(host);
    case HttpError:
        return tr("Something on %1 that is not the web server answered: check for a filter or proxy.")
                .arg(flow);
    case ProxyRefused:
        return tr("Ask for %1 to %2 to be allowed through the proxy; check the proxy address.")
                .arg(flow, host);
    case ProxyAuthRequired:
        return tr("Give the proxy user and password: http://USER:PASSWORD@HOST:PORT.");
    case NotVerifiable:
        return tr("Confirm at the receiver that the test message arrived.");
    case NtpUnsynchronised:
        return tr("%1 answers on UDP %2 but has no time to give (it is not synchronised, or it refused with "
                  "a "
                  "kiss-o'-death): check its own time sources, or use another NTP server.")
                .arg(host)
                .arg(port);
    case NtpInvalidReply:
        return tr("Something that is not an NTP server answers on UDP %1 at %2: check the address and port, "
                  "or a device on the way that rewrites NTP.")
                .arg(port)
                .arg(host);
    }
    return {};
}

QString Verdict::redirectHint(const QString &host, const QString &location)
{
    if (location.isEmpty())
        return tr("Something answered for %1 with a redirect to another host: typically a captive portal or "
                  "a web filter; sign in or ask for %1 to be exempted.")
                .arg(host);
    return tr("Something answered for %1 with a redirect to %2: typically a captive portal or a web filter; "
              "sign in or ask for %1 to be exempted.")
            .arg(host, location);
}
