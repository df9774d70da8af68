#pragma once

#include "core/tester/result/verdict.h"

#include <QByteArray>

#include <optional>

// What a proxy's HTTP reply says about the destination, for both ways a check goes through an
// HTTP proxy: a CONNECT tunnel (https, tls, tcp) and a plain HTTP request in absolute form.
// One mapping, so that the two cannot disagree: 407 asks for credentials, squid's
// X-Squid-Error names the failure, and without it 502/503 mean the proxy could not connect and
// 504 that it gave up waiting.
class ProxyReply
{
public:
    enum class Request { Connect, PlainHttp };

    // The failure the reply reports, or nothing when the destination was reached (a 2xx to
    // CONNECT; for plain HTTP any answer that is not the proxy's own error, which the
    // destination sent).
    static std::optional<Verdict::Value> verdict(Request request, int status, const QByteArray &squidError);
};
