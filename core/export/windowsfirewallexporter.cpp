#include "windowsfirewallexporter.h"

#include "core/export/exportselection.h"
#include "core/export/exporttext.h"

namespace {
// A PowerShell single-quoted string: nothing expands inside; a quote is doubled. PowerShell
// also takes the typographic single quotes U+2018-U+201B as quotes, so they are doubled too.
QString quoted(const QString &text)
{
    QString value;
    for (const QChar c : ExportText::oneLine(text)) {
        const char16_t u = c.unicode();
        if (u == u'\'' || u == 0x2018 || u == 0x2019 || u == 0x201a || u == 0x201b)
            value += QStringLiteral("''");
        else
            value += c;
    }
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

} // namespace

QString WindowsFirewallExporter::displayName() const
{
    return tr("Windows Firewall (PowerShell)");
}

ExportResult WindowsFirewallExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    result.text = ExportText::headerComments(request, displayName());
    result.text += ExportText::commentLine(
            tr("Run in an elevated PowerShell. The rules are in the group \"Portolan\"; remove them "
               "with: Remove-NetFirewallRule -Group 'Portolan'"));
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        if (const auto note = ExportText::addressOnlyNote(rule)) {
            result.addComment(ExportText::commentLine(*note));
            continue;
        }
        const bool ingress = rule.direction == ExportRule::Direction::Ingress;
        for (const PortSpec &port : rule.ports) {
            for (const QString &transport : ExportText::transports(port)) {
                const QString name = QStringLiteral("Portolan %1 %2 %3/%4")
                                             .arg(ExportText::bounded(rule.flowId, 200), rule.value,
                                                  QString::number(port.port), transport.toUpper());
                result.addRule(
                        QStringLiteral(
                                "New-NetFirewallRule -DisplayName %1 -Group 'Portolan' -Direction %2 "
                                "-Action Allow -Protocol %3 -%4 %5 -RemoteAddress %6 -Description %7\n")
                                .arg(quoted(name),
                                     ingress ? QStringLiteral("Inbound") : QStringLiteral("Outbound"),
                                     transport.toUpper(),
                                     ingress ? QStringLiteral("LocalPort") : QStringLiteral("RemotePort"),
                                     QString::number(port.port), quoted(rule.cidr()),
                                     quoted(ExportText::bounded(rule.comment))));
            }
        }
    }
    return result;
}
