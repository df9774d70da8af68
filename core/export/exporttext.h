#pragma once

#include "core/export/exportrequest.h"
#include "core/export/exportrule.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

// Text helpers the exporters share: making catalog text safe to put on one line, the notes
// that address-only formats write instead of a rule, and the header every export starts with.
class ExportText
{
    Q_DECLARE_TR_FUNCTIONS(ExportText)

public:
    // Control characters (C0, DEL, C1) and Unicode line and paragraph separators become
    // spaces; runs of white space collapse; the result is trimmed. Nothing can start a new line.
    static QString oneLine(const QString &text);
    // The most UTF-8 bytes of catalog text any exporter puts in one comment, description or
    // cell. Readers cut long lines and parse the rest as a new line (squid 5.7 reads 8,191
    // bytes a line, iptables-restore 1.8.9 10,239): every line an exporter writes is built from
    // bounded pieces and stays under MaxLineBytes.
    static constexpr int MaxCommentBytes = 1000;
    static constexpr int MaxLineBytes = 4096;
    // oneLine(text), at most maxBytes of UTF-8, "..." marking a cut.
    static QString bounded(const QString &text, int maxBytes = MaxCommentBytes);
    // One comment line: indent, marker ("# " or "// "), bounded(text), newline.
    static QString commentLine(const QString &text, const QString &marker = QStringLiteral("# "),
                               const QString &indent = QString());
    // At most maxBytes of UTF-8, cut at a character boundary, "..." marking a cut.
    static QString truncateUtf8(const QString &text, int maxBytes);
    // Only the characters AWS accepts in a security group rule description
    // (a-z A-Z 0-9 space ._-:/()#,@[]+=&;{}!$*), at most 255 of them.
    static QString awsDescription(const QString &text);

    // The header lines (without comment markers): what was exported, from what, with what scope.
    static QStringList header(const ExportRequest &request, const QString &formatName);
    // header() as comment lines, each through commentLine().
    static QString headerComments(const ExportRequest &request, const QString &formatName,
                                  const QString &marker = QStringLiteral("# "));
    // For formats that take only addresses: the note to write instead of a rule, or nothing
    // when the rule is an address or a network the format can use.
    static std::optional<QString> addressOnlyNote(const ExportRule &rule);
    // "443/TCP (HTTPS), 80/TCP (HTTP)"
    static QString ports(const ExportRule &rule);
    // The transports to write rules for, lower case: "tcp", "udp", or for a port whose
    // transport the page does not state both (ExportSelection notes it in the rule's comment).
    static QStringList transports(const PortSpec &port);

    // "host:port" with a valid host name or address and a port 1-65535.
    static bool isValidProxy(const QString &proxy);
    // A client subnet (CIDR) or address for squid's "acl … src": nothing squid could read as more.
    static bool isValidSource(const QString &source);
};
