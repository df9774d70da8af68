#include "squidexporter.h"

#include "exportselection.h"
#include "exporttext.h"

#include <QSet>

#include <algorithm>

namespace {

// Squid ACL names: letters, digits and "-_.", at most 63 characters.
QString aclName(const QString &entryId, QSet<QString> &used)
{
    QString id;
    for (const QChar c : entryId) {
        const bool ok = (c.unicode() < 0x80 && c.isLetterOrNumber()) || c == QLatin1Char('-')
                || c == QLatin1Char('_') || c == QLatin1Char('.');
        id += ok ? c : QLatin1Char('_');
    }
    const QString base = QStringLiteral("portolan_") + id.left(48);
    QString name = base;
    for (int n = 2; used.contains(name); ++n)
        name = base + QLatin1Char('_') + QString::number(n);
    used.insert(name);
    return name;
}

// dstdomain values: a wildcard becomes a leading-dot domain, which squid matches with its apex
// and every subdomain; names a wildcard already covers are left out (squid warns about them).
QStringList dstdomains(const QList<ExportRule> &rules)
{
    QStringList domains;
    for (const ExportRule &rule : rules) {
        if (rule.isWildcard())
            domains.append(QLatin1Char('.') + rule.domain());
    }
    QStringList result = domains;
    for (const ExportRule &rule : rules) {
        if (rule.isWildcard())
            continue;
        const bool covered = std::any_of(domains.cbegin(), domains.cend(), [&rule](const QString &d) {
            return rule.value == d.mid(1) || rule.value.endsWith(d);
        });
        if (!covered)
            result.append(rule.value);
    }
    result.removeDuplicates();
    return result;
}
} // namespace

QString SquidExporter::displayName() const
{
    return tr("Squid (ACL and http_access)");
}

QString SquidExporter::render(const ExportRequest &request) const
{
    QString out = ExportText::headerComments(request, displayName());
    out += ExportText::commentLine(
            tr("Put these lines in squid.conf before the first \"http_access deny\" line."));

    QString peerHost;
    QString peerPort;
    if (!request.proxy.isEmpty() && ExportText::isValidProxy(request.proxy)) {
        const int colon = request.proxy.lastIndexOf(QLatin1Char(':'));
        peerHost = request.proxy.left(colon);
        peerPort = request.proxy.mid(colon + 1);
        if (peerHost.startsWith(QLatin1Char('[')))
            peerHost = peerHost.mid(1, peerHost.size() - 2);
        out += ExportText::commentLine(
                tr("The catalog's hosts go through the parent proxy %1.").arg(request.proxy));
        out += QStringLiteral("cache_peer %1 parent %2 0 no-query no-digest name=portolan_parent\n")
                       .arg(peerHost, peerPort);
    } else if (!request.proxy.isEmpty()) {
        out += ExportText::commentLine(tr("Proxy \"%1\" ignored: give it as host:port.").arg(request.proxy));
    }

    // Group the rules by entry, in catalog order.
    QList<QList<ExportRule>> groups;
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        if (groups.isEmpty() || groups.last().first().entryIndex != rule.entryIndex)
            groups.append(QList<ExportRule>());
        groups.last().append(rule);
    }

    QSet<QString> used;
    QStringList aclNames;
    for (const QList<ExportRule> &group : groups) {
        QList<ExportRule> hosts;
        QStringList addresses;
        QStringList notes;
        for (const ExportRule &rule : group) {
            if (!rule.resolvedFrom.isEmpty())
                continue; // the proxy asks for names itself
            if (rule.kind == ExportRule::Kind::HostName && rule.direction != ExportRule::Direction::Ingress)
                hosts.append(rule);
            else if (rule.isAddressLike() && rule.direction == ExportRule::Direction::Egress)
                addresses.append(rule.value);
            else if (rule.kind != ExportRule::Kind::SiteSpecific) // the entry comment says it all
                notes.append(tr("%1: not a connection through the proxy").arg(rule.value));
        }
        out += QLatin1Char('\n') + ExportText::commentLine(group.first().entryComment);
        if (group.first().kind == ExportRule::Kind::SiteSpecific)
            notes.prepend(group.first().note);
        for (const QString &note : notes)
            out += ExportText::commentLine(note);
        const QStringList domains = dstdomains(hosts);
        addresses.removeDuplicates();
        if (!domains.isEmpty()) {
            const QString name = aclName(group.first().entryId, used);
            out += QStringLiteral("acl %1 dstdomain %2\n").arg(name, domains.join(QLatin1Char(' ')));
            out += QStringLiteral("http_access allow %1\n").arg(name);
            aclNames.append(name);
        }
        if (!addresses.isEmpty()) {
            const QString name = aclName(group.first().entryId + QStringLiteral("_dst"), used);
            out += QStringLiteral("acl %1 dst %2\n").arg(name, addresses.join(QLatin1Char(' ')));
            out += QStringLiteral("http_access allow %1\n").arg(name);
            aclNames.append(name);
        }
    }

    if (!peerHost.isEmpty() && !aclNames.isEmpty()) {
        out += QLatin1Char('\n');
        for (const QString &name : aclNames) {
            out += QStringLiteral("cache_peer_access portolan_parent allow %1\n").arg(name);
            out += QStringLiteral("never_direct allow %1\n").arg(name);
        }
        out += QStringLiteral("cache_peer_access portolan_parent deny all\n");
    }
    return out;
}
