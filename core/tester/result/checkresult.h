#pragma once

#include "core/tester/plan/checktarget.h"
#include "core/tester/probe/trustanchors.h"
#include "core/tester/result/stage.h"
#include "core/tester/result/verdict.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// One stage of a check (dns, tcp, proxy, tls, http, ntp, syslog). A stage that did not run is
// never reported as passed.
struct CheckStage
{
    enum class Status { NotRun, Passed, Failed };

    QString name; // stable: Stage::name(), kept as text so a report from a newer version reads
    Status status = Status::NotRun;
    qint64 durationMs = -1; // -1 when it did not run
    QString detail; // translated, human readable

    static QString statusName(Status status); // "passed", "failed", "not-run"
};

struct TlsInfo
{
    bool present = false;
    QString protocol; // "TLSv1.3"
    QString subject;
    QString issuer;
    // Subject names from the leaf up to the root it validated through (the root last, also
    // when the server did not send it); empty when the chain did not validate.
    QStringList chain;
    TrustAnchors::Kind anchorKind = TrustAnchors::Kind::Unknown;
    QDateTime notBefore;
    QDateTime notAfter;
    QStringList errors; // translated certificate verification errors
};

// The result of one check target: its verdict, the stages that ran and what they saw.
struct CheckResult
{
    int targetIndex = -1; // index into TestPlan::targets
    QList<CheckTarget::FlowRef> flows; // CheckTarget::flows: every flow the result counts for
    QString endpoint; // as shown: "files.trendmicro.com:443", "https://host/path", "ntp 10.0.0.1:123"
    QString host;
    int port = 0;
    QString transport; // "tcp" / "udp"
    QString kind; // CheckTarget kind name: "tcp", "tls", "http", "https", "ntp", "syslog-udp"

    Verdict::Value verdict = Verdict::Skipped;
    bool required = false; // CheckTarget::required: a failure here is a required flow's
    // Failed and required: listed and counted first.
    bool isRequiredFailure() const { return required && isFailure(); }
    QString reason; // translated: why skipped, or the failing stage's detail
    QString hint; // translated: what to fix
    QList<CheckStage> stages;
    QStringList resolvedAddresses;
    // The names the host is an alias of, in chain order (CNAME records seen when resolving):
    // a firewall rule by host name must allow each of them.
    QStringList cnames;
    QString connectedAddress;
    QStringList connectAttempts; // translated, one per address tried, in order: "::1 port 443: ..."
    TlsInfo tls;
    int httpStatus = 0; // 0 when no HTTP response
    QString redirectLocation; // for http-redirected: where the redirect points (as sent)
    QString proxy; // "direct" or the proxy URL without the password
    double ntpOffsetMs = 0.0; // only for ntp when ok
    qint64 durationMs = 0;

    // A result that names the target; the verdict and what was seen are still to be filled in.
    static CheckResult forTarget(const CheckTarget &target, Verdict::Value verdict = Verdict::Skipped,
                                 const QString &reason = {});

    QStringList flowIds() const; // each once, in order
    bool serves(const QString &flowId) const;

    bool isFailure() const { return Verdict::isFailure(verdict); }
    const CheckStage *stage(const QString &name) const;
    const CheckStage *stage(Stage::Id id) const { return stage(Stage::name(id)); }
};
