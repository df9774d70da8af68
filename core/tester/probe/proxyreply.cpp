#include "proxyreply.h"

std::optional<Verdict::Value> ProxyReply::verdict(Request request, int status, const QByteArray &squidError)
{
    if (status == 407)
        return Verdict::ProxyAuthRequired;
    if (!squidError.isEmpty()) {
        // "ERR_CONNECT_FAIL 111": squid adds the errno of its own connect.
        if (squidError.startsWith("ERR_DNS_FAIL"))
            return Verdict::DnsFailed;
        if (squidError.startsWith("ERR_CONNECT_FAIL")) {
            if (squidError.endsWith(" 110"))
                return Verdict::Timeout; // ETIMEDOUT
            if (squidError.endsWith(" 113") || squidError.endsWith(" 101"))
                return Verdict::Filtered; // EHOSTUNREACH, ENETUNREACH: an ICMP error came back
            return Verdict::Refused;
        }
        if (squidError.contains("TIMEOUT"))
            return Verdict::Timeout;
        return Verdict::ProxyRefused;
    }
    switch (status) {
    case 502: // Bad Gateway: the proxy could not connect
    case 503:
        return Verdict::Refused;
    case 504: // Gateway Timeout
        return Verdict::Timeout;
    default:
        break;
    }
    if (request == Request::Connect)
        return status >= 200 && status < 300 ? std::nullopt : std::optional(Verdict::ProxyRefused);
    return std::nullopt;
}
