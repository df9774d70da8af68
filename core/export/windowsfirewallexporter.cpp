#include "windowsfirewallexporter.h"

#include "exportselection.h"
#include "exporttext.h"

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

QString WindowsFirewallExporter::render(const ExportRequest &request) const
{
    QString out = ExportText::headerComments(request, displayName());
    out += ExportText::commentLine(
            tr("Run in an elevated PowerShell. The rules are in the group \"Portolan\"; remove them "
               "with: Remove-NetFirewallRule -Group 'Portolan'"));
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        if (const auto note = ExportText::addressOnlyNote(rule)) {
            out += ExportText::commentLine(*note);
            continue;
        }
        const bool ingress = rule.direction == ExportRule::Direction::Ingress;
        for (const PortSpec &port : rule.ports) {
            const QString name = QStringLiteral("Portolan %1 %2 %3/%4")
                                         .arg(rule.entryId, rule.value, QString::number(port.port),
                                              port.transport.toUpper());
            out += QStringLiteral("New-NetFirewallRule -DisplayName %1 -Group 'Portolan' -Direction %2 "
                                  "-Action Allow -Protocol %3 -%4 %5 -RemoteAddress %6 -Description %7\n")
                           .arg(quoted(name),
                                ingress ? QStringLiteral("Inbound") : QStringLiteral("Outbound"),
                                port.transport.toUpper(),
                                ingress ? QStringLiteral("LocalPort") : QStringLiteral("RemotePort"),
                                QString::number(port.port), quoted(rule.cidr()), quoted(rule.comment));
        }
    }
    return out;
}
