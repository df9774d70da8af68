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

ExportResult IptablesExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    result.text = ExportText::headerComments(request, displayName());
    result.text += ExportText::commentLine(
            tr("Load with \"iptables-restore --noflush FILE\": without --noflush the filter table "
               "is replaced. Rules accept; keep your own default policy."));
    result.text += QStringLiteral("*filter\n");
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        if (const auto note = ExportText::addressOnlyNote(rule)) {
            result.addComment(ExportText::commentLine(*note));
            continue;
        }
        const bool ingress = rule.direction == ExportRule::Direction::Ingress;
        for (const PortSpec &port : rule.ports) {
            for (const QString &transport : ExportText::transports(port)) {
                const QString line =
                        QStringLiteral("-A %1 %2 %3 -p %4 -m %4 --dport %5 -m comment --comment %6 -j ACCEPT")
                                .arg(ingress ? QStringLiteral("INPUT") : QStringLiteral("OUTPUT"),
                                     ingress ? QStringLiteral("-s") : QStringLiteral("-d"), rule.cidr(),
                                     transport, QString::number(port.port), quotedComment(rule.comment));
                if (rule.isIpv6())
                    result.addComment(
                            ExportText::commentLine(tr("IPv6, for ip6tables-restore: %1").arg(line)));
                else
                    result.addRule(line + QLatin1Char('\n'));
            }
        }
    }
    result.text += QStringLiteral("COMMIT\n");
    return result;
}
