#include "objectgroups.h"

#include "core/export/exportselection.h"
#include "core/export/exporttext.h"

QList<ObjectGroup> ObjectGroup::egress(const ExportRequest &request)
{
    QList<ObjectGroup> groups;
    const ExportRule *previous = nullptr;
    const QList<ExportRule> rules = ExportSelection::rules(request);
    for (const ExportRule &rule : rules) {
        if (!previous || !previous->sameGroup(rule)) {
            ObjectGroup group;
            group.flowId = rule.flowId;
            group.comment = rule.groupComment;
            group.ports = rule.ports;
            groups.append(group);
        }
        previous = &rule;
        ObjectGroup &group = groups.last();
        if (!rule.resolvedFrom.isEmpty())
            continue;
        if (rule.direction == ExportRule::Direction::Local) {
            if (const auto note = ExportText::addressOnlyNote(rule))
                group.notes.append(*note);
            continue;
        }
        if (rule.direction == ExportRule::Direction::Ingress) {
            group.notes.append(tr("%1: inbound, a rule on the other side").arg(rule.value));
            continue;
        }
        switch (rule.kind) {
        case ExportRule::Kind::HostName:
            (rule.isWildcard() ? group.wildcards : group.hosts).append(rule.value);
            break;
        case ExportRule::Kind::Address:
        case ExportRule::Kind::Network:
            (rule.isIpv6() ? group.ipv6 : group.ipv4).append(rule.value);
            break;
        case ExportRule::Kind::SiteSpecific:
            group.notes.append(rule.note);
            break;
        }
    }
    for (ObjectGroup &group : groups) {
        group.hosts.removeDuplicates();
        group.wildcards.removeDuplicates();
        group.ipv4.removeDuplicates();
        group.ipv6.removeDuplicates();
        group.notes.removeAll(QString());
        group.notes.removeDuplicates();
    }
    return groups;
}

QString ObjectGroup::safeName(const QString &text, int maxLength)
{
    QString name;
    for (const QChar c : text) {
        const bool ok = (c.unicode() < 0x80 && c.isLetterOrNumber()) || c == QLatin1Char('-')
                || c == QLatin1Char('_');
        name += ok ? c : QLatin1Char('_');
    }
    return name.left(maxLength);
}

QString ObjectGroup::netmask(int prefixLength)
{
    const quint32 mask = prefixLength <= 0 ? 0 : quint32(0xffffffffu << (32 - qMin(prefixLength, 32)));
    return QStringLiteral("%1.%2.%3.%4")
            .arg(mask >> 24)
            .arg((mask >> 16) & 0xff)
            .arg((mask >> 8) & 0xff)
            .arg(mask & 0xff);
}

QList<QStringList> ObjectGroup::chunks(const QStringList &values, int n)
{
    QList<QStringList> result;
    for (int i = 0; i < values.size(); i += n)
        result.append(values.mid(i, n));
    return result;
}

void ObjectGroup::writeComments(ExportResult &result, const QString &marker) const
{
    result.text += QLatin1Char('\n') + ExportText::commentLine(comment, marker);
    for (const QString &note : notes)
        result.addComment(ExportText::commentLine(note, marker));
}
