#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

// The outcome of one connectivity check. The names are stable (JSON, JUnit, scripts); the
// text and the hint are translated.
class Verdict
{
    Q_DECLARE_TR_FUNCTIONS(Verdict)

public:
    enum Value {
        Ok,
        DnsFailed,
        Refused,
        Filtered,
        Timeout,
        Stalled,
        TlsUntrusted,
        TlsHostnameMismatch,
        TlsExpired,
        TlsFailed,
        TlsIntercepted,
        HttpError,
        HttpRedirected,
        NtpUnsynchronised,
        NtpInvalidReply,
        ProxyRefused,
        ProxyAuthRequired,
        NotVerifiable,
        Skipped,
        Cancelled, // the run was cancelled before this check finished
    };

    static QList<Value> all();
    // "ok", "dns-failed", ...
    static QString name(Value verdict);
    static std::optional<Value> fromName(const QString &name);
    // A short translated label: "Reachable", "Name not resolved", ...
    static QString text(Value verdict);
    // Whether the verdict counts as a failure for the exit code (skipped and not-verifiable do
    // not).
    static bool isFailure(Value verdict);
    // Whether the check ran to an outcome (not skipped, not cancelled).
    static bool isTested(Value verdict) { return verdict != Skipped && verdict != Cancelled; }
    // What to do about it, for a destination ("files.trendmicro.com", 443, "tcp"). issuer names
    // the certificate's issuer for TLS verdicts (for TlsIntercepted, the root it re-signs with). Empty for ok
    // and skipped.
    static QString hint(Value verdict, const QString &host, int port, const QString &transport,
                        const QString &issuer = {});
    // For Stalled: what stalled after TCP connected ("tls", "http", "tunnel") and why it may
    // have; for HttpRedirected: where the redirect points (location).
    static QString stalledHint(const QString &stage, const QString &host, int port, const QString &transport);
    static QString redirectHint(const QString &host, const QString &location);
};
