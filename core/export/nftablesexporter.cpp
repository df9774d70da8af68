#include "nftablesexporter.h"

#include "core/export/exportselection.h"
#include "core/export/exporttext.h"
#include "core/export/hostset.h"
#include "core/export/refresherscript.h"

#include <tuple>

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
    const QList<ExportRule> rules = ExportSelection::rules(request);
    QList<int> consumed;
    const QList<HostSet> sets = HostSet::build(request, rules, true, &consumed);
    QString setDefinitions;
    for (const HostSet &set : sets) {
        const bool ingress = set.direction == ExportRule::Direction::Ingress;
        ExportResult &chain = ingress ? input : output;
        for (const QString &line : set.describe())
            setDefinitions += commentLine(QStringLiteral("    "), line);
        for (const auto &[name, type, seed] :
             {std::tuple{set.name4(), QStringLiteral("ipv4_addr"), set.seedV4},
              std::tuple{set.name6(), QStringLiteral("ipv6_addr"), set.seedV6}}) {
            setDefinitions += QStringLiteral("    set %1 {\n").arg(name) + indent
                    + QStringLiteral("type %1\n").arg(type) + indent + QStringLiteral("flags timeout\n");
            if (!seed.isEmpty()) {
                QStringList elements;
                for (const QString &address : seed)
                    elements << address
                                    + QStringLiteral(" timeout %1s")
                                              .arg(RefresherScript::ElementTimeoutSeconds);
                setDefinitions += indent
                        + QStringLiteral("elements = { %1 }\n").arg(elements.join(QStringLiteral(", ")));
            }
            setDefinitions += QStringLiteral("    }\n");
        }
        const QString note = set.hosts.size() == 1 ? set.hosts.first()
                                                   : tr("%n host names", nullptr, int(set.hosts.size()));
        const QString ruleComment = quoted(tr("%1 (set %2: %3)").arg(set.comment, set.name, note));
        for (const PortSpec &port : set.ports) {
            for (const QString &transport : ExportText::transports(port)) {
                for (const auto &[family, name] : {std::pair{QStringLiteral("ip"), set.name4()},
                                                   std::pair{QStringLiteral("ip6"), set.name6()}}) {
                    chain.addRule(indent
                                  + QStringLiteral("%1 %2 @%3 %4 dport %5 accept comment %6\n")
                                            .arg(family,
                                                 ingress ? QStringLiteral("saddr") : QStringLiteral("daddr"),
                                                 name, transport, QString::number(port.port), ruleComment));
                }
            }
        }
    }
    for (int i = 0; i < rules.size(); ++i) {
        if (consumed.contains(i))
            continue;
        const ExportRule &rule = rules.at(i);
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
    if (!sets.isEmpty())
        out += commentLine(QString(),
                           tr("The named sets hold the host names' addresses: %1 (written beside this "
                              "file, with a systemd service and timer) fills them after loading and "
                              "keeps them current.")
                                   .arg(RefresherScript::scriptName()));
    out += QStringLiteral("table inet portolan {\n");
    out += setDefinitions;
    out += QStringLiteral("    chain output {\n") + indent
            + QStringLiteral("type filter hook output priority filter; policy accept;\n") + output.text
            + QStringLiteral("    }\n");
    out += QStringLiteral("    chain input {\n") + indent
            + QStringLiteral("type filter hook input priority filter; policy accept;\n") + input.text
            + QStringLiteral("    }\n");
    out += QStringLiteral("}\n");
    if (!sets.isEmpty())
        result.files = RefresherScript::files(sets, RefresherScript::Backend::Nftables);
    return result;
}
