#include "hostset.h"

#include "core/catalog/catalogtext.h"
#include "core/catalog/networksyntax.h"
#include "core/export/exporttext.h"
#include "core/export/uniquenames.h"

#include <QRegularExpression>

namespace {
bool isShellSafeHost(const QString &host)
{
    static const QRegularExpression safe(QStringLiteral("^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$"));
    return safe.match(host).hasMatch() && NetworkSyntax::isValidHostName(host);
}

QString setBase(const QString &flowId)
{
    QString base;
    for (const QChar c : flowId.toLower()) {
        const bool ok = c.unicode() < 0x80 && (c.isLetterOrNumber() || c == QLatin1Char('_'));
        base += ok ? c : QLatin1Char('_');
    }
    return QStringLiteral("pl_") + base.left(HostSet::MaxNameLength - 3 - 5); // room for "_NN" suffixes
}

// The catalog's concrete host names that a wildcard covers ("*.example.com": the apex and
// every name under it), sorted.
QStringList coveredHosts(const Catalog &catalog, const QString &domain)
{
    QStringList hosts;
    for (const Flow &flow : catalog.flows) {
        for (const Endpoint &endpoint : flow.endpoints) {
            if (endpoint.isWildcard() || endpoint.hostName().isEmpty())
                continue;
            const QString host = endpoint.hostName();
            if (host == domain || host.endsWith(QLatin1Char('.') + domain))
                hosts.append(host);
        }
    }
    hosts.sort();
    hosts.removeDuplicates();
    return hosts;
}
} // namespace

QList<HostSet> HostSet::build(const ExportRequest &request, const QList<ExportRule> &rules, bool seedResolved,
                              QList<int> *consumed)
{
    QList<HostSet> sets;
    UniqueNames names;
    const auto setFor = [&](const ExportRule &rule) -> HostSet & {
        const QString ports = CatalogText::ports(rule.ports);
        for (HostSet &set : sets) {
            if (set.flowIndex == rule.flowIndex && set.direction == rule.direction
                && CatalogText::ports(set.ports) == ports)
                return set;
        }
        HostSet set;
        set.name = names.take(setBase(rule.flowId));
        set.flowIndex = rule.flowIndex;
        set.flowId = rule.flowId;
        set.direction = rule.direction;
        set.ports = rule.ports;
        set.comment = rule.groupComment;
        sets.append(set);
        return sets.last();
    };
    for (int i = 0; i < rules.size(); ++i) {
        const ExportRule &rule = rules.at(i);
        if (rule.direction == ExportRule::Direction::Local)
            continue;
        if (!rule.resolvedFrom.isEmpty()) {
            if (!seedResolved)
                continue;
            // An address resolved at export time seeds the set of its host.
            for (HostSet &set : sets) {
                if (set.flowIndex == rule.flowIndex && set.direction == rule.direction
                    && set.hosts.contains(rule.resolvedFrom)
                    && CatalogText::ports(set.ports) == CatalogText::ports(rule.ports)) {
                    QStringList &seed = rule.isIpv6() ? set.seedV6 : set.seedV4;
                    if (!seed.contains(rule.value))
                        seed.append(rule.value);
                    consumed->append(i);
                }
            }
            continue;
        }
        if (rule.kind != ExportRule::Kind::HostName)
            continue;
        if (rule.isWildcard()) {
            const QStringList covered = coveredHosts(request.catalog, rule.domain());
            QStringList usable;
            for (const QString &host : covered) {
                if (isShellSafeHost(host))
                    usable.append(host);
            }
            if (usable.isEmpty())
                continue; // stays a comment of the format
            HostSet &set = setFor(rule);
            for (const QString &host : std::as_const(usable)) {
                if (!set.hosts.contains(host))
                    set.hosts.append(host);
            }
            set.notes.append(ExportText::bounded(
                    tr("%1 is a wildcard and cannot be resolved: the set holds the catalog's hosts it "
                       "covers (%2); allow the wildcard itself at a proxy")
                            .arg(rule.value,
                                 ExportText::bounded(usable.join(QStringLiteral(", ")),
                                                     ExportText::MaxCommentBytes / 2))));
            consumed->append(i);
            continue;
        }
        if (!isShellSafeHost(rule.value))
            continue;
        HostSet &set = setFor(rule);
        if (!set.hosts.contains(rule.value))
            set.hosts.append(rule.value);
        if (rule.isUnresolved)
            set.notes.append(ExportText::bounded(rule.note));
        consumed->append(i);
    }
    return sets;
}

QStringList HostSet::describe() const
{
    QStringList lines;
    lines << ExportText::bounded(tr("Set %1 (%2): %3").arg(name, CatalogText::ports(ports), comment));
    QString line;
    for (const QString &host : hosts) {
        const QString item = line.isEmpty() ? host : QStringLiteral(", ") + host;
        if (!line.isEmpty() && (line + item).toUtf8().size() > ExportText::MaxCommentBytes - 40) {
            lines << tr("hosts: %1").arg(line);
            line = host;
        } else {
            line += item;
        }
    }
    if (!line.isEmpty())
        lines << tr("hosts: %1").arg(line);
    lines += notes;
    return lines;
}
