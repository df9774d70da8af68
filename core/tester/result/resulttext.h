#pragma once

#include "core/tester/result/checkresult.h"

#include <QCoreApplication>
#include <QString>

// Translated words for check results, shared by the results table, the details pane and the
// reports: the hint in the current language, stage and kind names, and the details of one
// check as an HTML fragment (every catalog or network text escaped).
class ResultText
{
    Q_DECLARE_TR_FUNCTIONS(ResultText)

public:
    // The hint for the result in the current language (empty for ok and skipped).
    static QString hint(const CheckResult &result);
    static QString stageName(const QString &name); // "dns" -> "Name resolution", ...
    static QString stageStatusText(CheckStage::Status status);
    static QString kindText(const CheckResult &result); // "HTTPS 443/tcp"
    // "valid.test < Example CA < Example Root (a public root)": the chain the certificate
    // validated through, or its subject and issuer when it did not; empty without TLS.
    static QString certificateChain(const CheckResult &result);
    static QString anchorKindText(TrustAnchors::Kind kind);
    // "Aliases: a.example > b.example > c.example (a rule by host name must allow each)";
    // empty when the host is no alias.
    static QString aliasesText(const CheckResult &result);
    // Stages with their times, addresses, TLS, HTTP, proxy and hint, as an HTML fragment.
    static QString detailsHtml(const CheckResult &result);
    // Where a result sorts: failures of required flows, other failures, not verifiable,
    // skipped or cancelled, ok (0 to 4).
    static int severity(const CheckResult &result);
    // The result with every text a network peer, the catalog or a report file controls made
    // printable (ControlCharacters::escaped): what the text, HTML, CSV and JUnit reports, the
    // ticket summary and the CLI's progress line show. A proxy's header or a certificate's
    // subject cannot drive the terminal or forge report lines.
    static CheckResult printable(const CheckResult &result);
    static CheckTarget printable(const CheckTarget &target);
    static QStringList printable(const QStringList &texts);
};
