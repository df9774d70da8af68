#include "nftablesexporter.h"

#include "exportselection.h"
#include "exporttext.h"

namespace {
// nft strings have no escapes: no double quotes inside; comments hold 127 bytes.
QString quoted(const QString &text)
{
    QString value = ExportText::oneLine(text);
    value.replace(QLatin1Char('"'), QLatin1Char('\''));
    value.replace(QLatin1Char('\\'), QLatin1Char('/'));
    return QLatin1Char('"') + ExportText::truncateUtf8(value, 127) + QLatin1Char('"');
}

QString commentLine(const QString &indent, const QString &text)
{
    return ExportText::commentLine(text, QStringLiteral("# "), indent);
}
} // namespace

QString NftablesExporter::displayName() const
{
    return tr("nftables (nft -f)");
}

ExportResult NftablesExporter::exportRules(const ExportRequest &request) const
{
    const QString indent = QStringLiteral("        ");
    ExportResult output;
    ExportResult input;
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        const bool ingress = rule.direction == ExportRule::Direction::Ingress;
        ExportResult &chain = ingress ? input : output;
        if (const auto note = ExportText::addressOnlyNote(rule)) {
            chain.addComment(commentLine(indent, *note));
            continue;
        }
        const QString family = rule.isIpv6() ? QStringLiteral("ip6") : QStringLiteral("ip");
        for (const PortSpec &port : rule.ports) {
            for (const QString &transport : ExportText::transports(port)) {
                chain.addRule(indent
                              + QStringLiteral("%1 %2 %3 %4 dport %5 accept comment %6\n")
                                        .arg(family,
                                             ingress ? QStringLiteral("saddr") : QStringLiteral("daddr"),
                                             rule.cidr(), transport, QString::number(port.port),
                                             quoted(rule.comment)));
            }
        }
    }

    ExportResult result;
    result.ruleCount = output.ruleCount + input.ruleCount;
    result.commentCount = output.commentCount + input.commentCount;
    QString &out = result.text;
    out = ExportText::headerComments(request, displayName());
    out += commentLine(QString(),
                       tr("Load with \"nft -f FILE\"; remove with \"nft delete table inet portolan\". "
                          "The chains accept by default: merge the rules into your own policy."));
    out += QStringLiteral("table inet portolan {\n");
    out += QStringLiteral("    chain output {\n") + indent
            + QStringLiteral("type filter hook output priority filter; policy accept;\n") + output.text
            + QStringLiteral("    }\n");
    out += QStringLiteral("    chain input {\n") + indent
            + QStringLiteral("type filter hook input priority filter; policy accept;\n") + input.text
            + QStringLiteral("    }\n");
    out += QStringLiteral("}\n");
    return result;
}
