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

QString NftablesExporter::render(const ExportRequest &request) const
{
    const QString indent = QStringLiteral("        ");
    QString output;
    QString input;
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        const bool ingress = rule.direction == ExportRule::Direction::Ingress;
        QString &chain = ingress ? input : output;
        if (const auto note = ExportText::addressOnlyNote(rule)) {
            chain += commentLine(indent, *note);
            continue;
        }
        const QString family = rule.isIpv6() ? QStringLiteral("ip6") : QStringLiteral("ip");
        for (const PortSpec &port : rule.ports) {
            chain += indent
                    + QStringLiteral("%1 %2 %3 %4 dport %5 accept comment %6\n")
                              .arg(family, ingress ? QStringLiteral("saddr") : QStringLiteral("daddr"),
                                   rule.cidr(), port.transport.toLower(), QString::number(port.port),
                                   quoted(rule.comment));
        }
    }

    QString out = ExportText::headerComments(request, displayName());
    out += commentLine(QString(),
                       tr("Load with \"nft -f FILE\"; remove with \"nft delete table inet portolan\". "
                          "The chains accept by default: merge the rules into your own policy."));
    out += QStringLiteral("table inet portolan {\n");
    out += QStringLiteral("    chain output {\n") + indent
            + QStringLiteral("type filter hook output priority filter; policy accept;\n") + output
            + QStringLiteral("    }\n");
    out += QStringLiteral("    chain input {\n") + indent
            + QStringLiteral("type filter hook input priority filter; policy accept;\n") + input
            + QStringLiteral("    }\n");
    out += QStringLiteral("}\n");
    return out;
}
