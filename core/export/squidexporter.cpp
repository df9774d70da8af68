#include "squidexporter.h"

#include "core/export/exportselection.h"
#include "core/export/exporttext.h"

#include "core/export/uniquenames.h"

#include <algorithm>

namespace {

// Squid ACL names: letters, digits and "-_.", at most 63 characters.
QString aclName(const QString &entryId, UniqueNames &used)
{
    QString id;
    for (const QChar c : entryId) {
        const bool ok = (c.unicode() < 0x80 && c.isLetterOrNumber()) || c == QLatin1Char('-')
                || c == QLatin1Char('_') || c == QLatin1Char('.');
        id += ok ? c : QLatin1Char('_');
    }
    return used.take(QStringLiteral("portolan_") + id.left(48));
}

// "acl NAME TYPE v1 v2 ...", split over several lines of at most MaxCommentBytes each: squid
// adds the values of repeated acl lines of one name, and a line past its buffer (8,191 bytes in
// squid 5.7) would be cut and its rest read as a directive.
QString aclLines(const QString &name, const QString &type, const QStringList &values)
{
    const QString start = QStringLiteral("acl %1 %2").arg(name, type);
    QString out;
    QString line = start;
    for (const QString &value : values) {
        if (line.size() > start.size() && line.size() + 1 + value.size() > ExportText::MaxCommentBytes) {
            out += line + QLatin1Char('\n');
            line = start;
        }
        line += QLatin1Char(' ') + value;
    }
    return out + line + QLatin1Char('\n');
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

ExportResult SquidExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    QString &out = result.text;
    out = ExportText::headerComments(request, displayName());
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

    // Group the rules by flow, endpoint list and direction, in catalog order.
    QList<QList<ExportRule>> groups;
    for (const ExportRule &rule : ExportSelection::rules(request)) {
        if (groups.isEmpty() || !groups.last().first().sameGroup(rule))
            groups.append(QList<ExportRule>());
        groups.last().append(rule);
    }

    UniqueNames used;
    QStringList aclNames;
    for (const QList<ExportRule> &group : groups) {
        QList<ExportRule> hosts;
        QStringList addresses;
        QStringList notes;
        for (const ExportRule &rule : group) {
            if (!rule.resolvedFrom.isEmpty())
                continue; // the proxy asks for names itself
            const bool egress = rule.direction == ExportRule::Direction::Egress;
            if (egress && rule.kind == ExportRule::Kind::HostName)
                hosts.append(rule);
            else if (egress && rule.isAddressLike())
                addresses.append(rule.value);
            else if (rule.kind != ExportRule::Kind::SiteSpecific) // the group comment says it all
                notes.append(tr("%1: not a connection through the proxy").arg(rule.value));
        }
        const ExportRule &first = group.first();
        out += QLatin1Char('\n') + ExportText::commentLine(first.groupComment);
        if (first.direction == ExportRule::Direction::Local)
            notes.prepend(*ExportText::addressOnlyNote(first));
        else if (first.kind == ExportRule::Kind::SiteSpecific)
            notes.prepend(first.note);
        for (const QString &note : notes)
            result.addComment(ExportText::commentLine(note));
        const QStringList domains = dstdomains(hosts);
        addresses.removeDuplicates();
        if (!domains.isEmpty()) {
            const QString name = aclName(first.flowId, used);
            out += aclLines(name, QStringLiteral("dstdomain"), domains);
            result.addRule(QStringLiteral("http_access allow %1\n").arg(name));
            aclNames.append(name);
        }
        if (!addresses.isEmpty()) {
            const QString name = aclName(first.flowId + QStringLiteral("_dst"), used);
            out += aclLines(name, QStringLiteral("dst"), addresses);
            result.addRule(QStringLiteral("http_access allow %1\n").arg(name));
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
    return result;
}
