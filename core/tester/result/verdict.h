#pragma once

#include "core/util/statusrole.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

// The outcome of one connectivity check, and the one table that says what each means: its
// stable name (JSON, JUnit, scripts), its translated label, its category (which decides the
// exit code, the sort order and the summary counts) and its colour role. Adding a verdict
// touches this pair of files only (plus the test that produces it).
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

    enum class Category {
        Passed, // reachable
        Failed, // counts for the exit code
        Unverified, // ran, but the protocol cannot confirm (syslog over UDP)
        NotTested, // skipped or cancelled
    };
    // How a view paints it (StatusPalette picks the colour).
    using ColorRole = StatusRole;

    static QList<Value> all();
    // "ok", "dns-failed", ...
    static QString name(Value verdict);
    static std::optional<Value> fromName(const QString &name);
    // A short translated label: "Reachable", "Name not resolved", ...
    static QString text(Value verdict);
    // Whether the verdict counts as a failure for the exit code (skipped and not-verifiable do
    // not).
    static bool isFailure(Value verdict) { return category(verdict) == Category::Failed; }
    static Category category(Value verdict);
    static ColorRole colorRole(Value verdict);
    // Where a verdict sorts in a report: failures first, then not verifiable, not tested, ok
    // (0 to 3).
    static int severity(Value verdict);
    // Whether the check ran to an outcome (not skipped, not cancelled).
    static bool isTested(Value verdict) { return category(verdict) != Category::NotTested; }
    // What to do about it, for a destination ("files.trendmicro.com", 443, "tcp"). issuer names
    // the certificate's issuer for TLS verdicts (for TlsIntercepted, the root it re-signs with). Empty for ok
    // and skipped.
    static QString hint(Value verdict, const QString &host, int port, const QString &transport,
                        const QString &issuer = {});
    // For HttpRedirected: where the redirect points (location). (Stalled: Stage::stalledHint.)
    static QString redirectHint(const QString &host, const QString &location);
};
