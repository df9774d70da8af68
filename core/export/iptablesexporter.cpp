#include "iptablesexporter.h"

#include "exportselection.h"
#include "exporttext.h"

namespace {
// The xt_comment match holds 255 bytes; iptables-restore splits on quotes and backslashes.
QString quotedComment(const QString &text)
{
    QString value = ExportText::oneLine(text);
    value.replace(QLatin1Char('"'), QLatin1Char('\''));
    value.replace(QLatin1Char('\\'), QLatin1Char('/'));
    return QLatin1Char('"') + ExportText::truncateUtf8(value, 255) + QLatin1Char('"');
}

} // namespace

QString IptablesExporter::displayName() const
{
    return tr("iptables (iptables-restore)");
}

QString IptablesExporter::render(const ExportRequest &request) const
{
    QString out = ExportText::headerComments(request, displayName());
    out += ExportText::commentLine(
            tr("Load with \"iptables-restore --noflush FILE\": without --noflush the filter table "
               "is replaced. Rules accept; keep your own default policy."));
    out += QStringLiteral("*filter\n");
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        if (const auto note = ExportText::addressOnlyNote(rule)) {
            out += ExportText::commentLine(*note);
            continue;
        }
        const bool ingress = rule.direction == ExportRule::Direction::Ingress;
        for (const PortSpec &port : rule.ports) {
            const QString line =
                    QStringLiteral("-A %1 %2 %3 -p %4 -m %4 --dport %5 -m comment --comment %6 -j ACCEPT")
                            .arg(ingress ? QStringLiteral("INPUT") : QStringLiteral("OUTPUT"),
                                 ingress ? QStringLiteral("-s") : QStringLiteral("-d"), rule.cidr(),
                                 port.transport.toLower(), QString::number(port.port),
                                 quotedComment(rule.comment));
            if (rule.isIpv6())
                out += ExportText::commentLine(tr("IPv6, for ip6tables-restore: %1").arg(line));
            else
                out += line + QLatin1Char('\n');
        }
    }
    out += QStringLiteral("COMMIT\n");
    return out;
}
