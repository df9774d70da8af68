#include "squidexporter.h"

#include "core/export/exportselection.h"
#include "core/export/exporttext.h"

#include "core/export/uniquenames.h"
#include "core/util/controlcharacters.h"

#include <QSet>

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
    // Where the lines go in Debian's stock squid.conf, and what they leave to it.
    out += ExportText::commentLine(
            tr("Paste at \"INSERT YOUR OWN RULE(S) HERE\" in squid.conf: after the stock \"http_access deny "
               "!Safe_ports\" and \"http_access deny CONNECT !SSL_ports\" lines, before \"http_access deny "
               "all\"."));
    out += ExportText::commentLine(
            tr("Each flow is allowed on its own ports only: CONNECT for HTTPS and other TLS ports, plain "
               "requests for HTTP."));
    out += ExportText::commentLine(
            tr("Squid cannot express: inbound flows, UDP (NTP, syslog, DNS), flows to your own servers "
               "that do not pass it, and which computer runs which role."));

    // The clients: one source ACL for every allow line.
    QStringList sources;
    for (const QString &source : request.squidSources) {
        const QString value = source.trimmed();
        if (ExportText::isValidSource(value))
            sources.append(value);
        else if (!value.isEmpty())
            out += ExportText::commentLine(tr("Source \"%1\" ignored: give a subnet (CIDR) or an address.")
                                                   .arg(ControlCharacters::escaped(value).left(80)));
    }
    const QString sourceAcl = sources.isEmpty() ? QString() : QStringLiteral(" portolan_clients");
    if (!sources.isEmpty())
        out += aclLines(QStringLiteral("portolan_clients"), QStringLiteral("src"), sources);
    out += QStringLiteral("acl portolan_connect method CONNECT\n");
    QSet<int> portAcls;
    // "http_access allow" lines for one destination ACL: one per port, CONNECT for TLS and
    // unknown protocols (a tunnel), a plain request for HTTP. Ports a CONNECT may use beyond 443
    // must also be in SSL_ports, which the stock deny line checks first.
    const auto allowLines = [&](const QString &acl, const QList<PortSpec> &ports, ExportResult &into) {
        for (const PortSpec &p : ports) {
            if (p.transport == Transport::Udp) {
                into.addComment(
                        ExportText::commentLine(tr("%1/UDP cannot go through an HTTP proxy").arg(p.port)));
                continue;
            }
            const QString portAcl = QStringLiteral("portolan_port_%1").arg(p.port);
            if (!portAcls.contains(p.port)) {
                out += QStringLiteral("acl %1 port %2\n").arg(portAcl).arg(p.port);
                portAcls.insert(p.port);
            }
            const bool plain = p.protocol.compare(QLatin1String("HTTP"), Qt::CaseInsensitive) == 0;
            if (!plain && p.port != 443)
                out += ExportText::commentLine(tr("Port %1 is not in the stock SSL_ports: add \"acl "
                                                  "SSL_ports port %1\" to squid.conf, or "
                                                  "the stock \"deny CONNECT !SSL_ports\" refuses it")
                                                       .arg(p.port));
            into.addRule(QStringLiteral("http_access allow %1%2 %3 %4\n")
                                 .arg(plain ? QStringLiteral("!portolan_connect")
                                            : QStringLiteral("portolan_connect"),
                                      sourceAcl, acl, portAcl));
        }
    };

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
            allowLines(name, first.ports, result);
            aclNames.append(name);
        }
        if (!addresses.isEmpty()) {
            const QString name = aclName(first.flowId + QStringLiteral("_dst"), used);
            out += aclLines(name, QStringLiteral("dst"), addresses);
            allowLines(name, first.ports, result);
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
