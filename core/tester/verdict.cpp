#include "verdict.h"

#include <QList>

namespace {
struct VerdictInfo
{
    Verdict::Value value;
    const char *name;
};

constexpr VerdictInfo verdictInfo[] = {
        {Verdict::Ok, "ok"},
        {Verdict::DnsFailed, "dns-failed"},
        {Verdict::Refused, "refused"},
        {Verdict::Filtered, "filtered"},
        {Verdict::Timeout, "timeout"},
        {Verdict::Stalled, "stalled"},
        {Verdict::TlsUntrusted, "tls-untrusted"},
        {Verdict::TlsHostnameMismatch, "tls-hostname-mismatch"},
        {Verdict::TlsExpired, "tls-expired"},
        {Verdict::TlsFailed, "tls-failed"},
        {Verdict::TlsIntercepted, "tls-intercepted"},
        {Verdict::HttpError, "http-error"},
        {Verdict::HttpRedirected, "http-redirected"},
        {Verdict::NtpUnsynchronised, "ntp-unsynchronised"},
        {Verdict::NtpInvalidReply, "ntp-invalid-reply"},
        {Verdict::ProxyRefused, "proxy-refused"},
        {Verdict::ProxyAuthRequired, "proxy-auth-required"},
        {Verdict::NotVerifiable, "not-verifiable"},
        {Verdict::Skipped, "skipped"},
        {Verdict::Cancelled, "cancelled"},
};
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
    for (const VerdictInfo &info : verdictInfo) {
        if (info.value == verdict)
            return QString::fromLatin1(info.name);
    }
    return {};
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

bool Verdict::isFailure(Value verdict)
{
    return verdict != Ok && verdict != NotVerifiable && isTested(verdict);
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
        return stalledHint({}, host, port, transport);
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

QString Verdict::stalledHint(const QString &stage, const QString &host, int port, const QString &transport)
{
    const QString flow = QStringLiteral("%1 %2").arg(transport.toUpper()).arg(port);
    if (stage == QLatin1String("tls"))
        return tr("%1 to %2 is open, but the TLS handshake stalled: an IPS or a TLS filter dropping the "
                  "handshake, an MTU black hole (large packets dropped: check the path MTU and that ICMP "
                  "\"fragmentation needed\" is allowed), or a hung server.")
                .arg(flow, host);
    if (stage == QLatin1String("http"))
        return tr("%1 to %2 is open, but the HTTP request got no answer: an IPS or a web filter holding the "
                  "request, an MTU black hole (large packets dropped), or a hung server.")
                .arg(flow, host);
    if (stage == QLatin1String("tunnel"))
        return tr("The proxy accepted the connection but did not answer CONNECT for %1 to %2: the proxy "
                  "cannot reach the destination, or it is hung.")
                .arg(flow, host);
    return tr("%1 to %2 is open, but the exchange stalled after connecting: an IPS dropping data, an MTU "
              "black hole (large packets dropped), or a hung server.")
            .arg(flow, host);
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
