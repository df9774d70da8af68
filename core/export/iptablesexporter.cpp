#include "iptablesexporter.h"

#include "core/export/exportselection.h"
#include "core/export/exporttext.h"
#include "core/export/hostset.h"
#include "core/export/refresherscript.h"

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
    const QList<ExportRule> rules = ExportSelection::rules(request);
    QList<int> consumed;
    const QList<HostSet> sets = HostSet::build(request, rules, false, &consumed);
    if (!sets.isEmpty())
        result.text += ExportText::commentLine(
                tr("The rules match ipsets that hold the host names' addresses: run \"%1 --create\" "
                   "(written beside this file, with a systemd service and timer) before loading, then "
                   "%1 fills them and keeps them current. IPv4 only: the names' IPv6 addresses need "
                   "ip6tables and ipsets of family inet6.")
                        .arg(RefresherScript::scriptName()));
    result.text += QStringLiteral("*filter\n");
    for (const HostSet &set : sets) {
        for (const QString &line : set.describe())
            result.text += ExportText::commentLine(line);
        const bool ingress = set.direction == ExportRule::Direction::Ingress;
        const QString note = set.hosts.size() == 1 ? set.hosts.first()
                                                   : tr("%n host names", nullptr, int(set.hosts.size()));
        for (const PortSpec &port : set.ports) {
            for (const QString &transport : ExportText::transports(port)) {
                result.addRule(
                        QStringLiteral("-A %1 -m set --match-set %2 %3 -p %4 -m %4 --dport %5 -m comment "
                                       "--comment %6 -j ACCEPT\n")
                                .arg(ingress ? QStringLiteral("INPUT") : QStringLiteral("OUTPUT"),
                                     set.name4(), ingress ? QStringLiteral("src") : QStringLiteral("dst"),
                                     transport, QString::number(port.port),
                                     quotedComment(
                                             tr("%1 (set %2: %3)").arg(set.comment, set.name4(), note))));
            }
        }
    }
    for (int i = 0; i < rules.size(); ++i) {
        if (consumed.contains(i))
            continue;
        const ExportRule &rule = rules.at(i);
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
    if (!sets.isEmpty())
        result.files = RefresherScript::files(sets, RefresherScript::Backend::Ipset);
    return result;
}
