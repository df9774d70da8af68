#include "pacexporter.h"

#include "core/export/exportselection.h"
#include "core/export/exporttext.h"

#include <QHostAddress>
#include <QSet>

namespace {
// A JavaScript string literal: printable ASCII as is (but quotes and backslashes escaped),
// everything else as \uXXXX, so no character can end the string or the line.
QString jsString(const QString &text)
{
    QString result = QStringLiteral("\"");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\')
            result += QLatin1Char('\\') + c;
        else if (u >= 0x20 && u < 0x7f && u != u'<' && u != u'>')
            result += c;
        else
            result += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
    }
    return result + QLatin1Char('"');
}

QString commentLine(const QString &indent, const QString &text)
{
    return ExportText::commentLine(text, QStringLiteral("// "), indent);
}

QString netmask(int prefix)
{
    const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
    return QHostAddress(mask).toString();
}
} // namespace

QString PacExporter::displayName() const
{
    return tr("Proxy auto-config (PAC)");
}

ExportResult PacExporter::exportRules(const ExportRequest &request) const
{
    ExportResult result;
    QString &out = result.text;
    const bool hasProxy = !request.proxy.isEmpty() && ExportText::isValidProxy(request.proxy);
    const QString proxy = QStringLiteral("PROXY ") + request.proxy;
    // Normally the catalog's hosts go through the proxy and the rest DIRECT; inverted, the
    // catalog's hosts go DIRECT and the rest through the proxy.
    const bool inverse = hasProxy && request.pacDirectForCatalog;
    const QString decision = inverse ? QStringLiteral("DIRECT") : hasProxy ? proxy : QStringLiteral("DIRECT");
    const QString otherwise = inverse ? proxy : QStringLiteral("DIRECT");
    const QString indent = QStringLiteral("    ");

    out = ExportText::headerComments(request, displayName(), QStringLiteral("// "));
    if (inverse)
        out += commentLine(
                QString(),
                tr("The catalog's hosts go DIRECT; every other host goes through %1.").arg(request.proxy));
    else if (hasProxy)
        out += commentLine(
                QString(),
                tr("The catalog's hosts go through %1; every other host goes DIRECT.").arg(request.proxy));
    else if (!request.proxy.isEmpty())
        out += commentLine(QString(),
                           tr("Proxy \"%1\" ignored: give it as host:port. The catalog's hosts go "
                              "DIRECT.")
                                   .arg(request.proxy));
    else
        out += commentLine(QString(), tr("No proxy given: the catalog's hosts go DIRECT."));
    out += QStringLiteral("function FindProxyForURL(url, host) {\n");
    out += indent + QStringLiteral("host = host.toLowerCase();\n");
    out += indent + QStringLiteral("var isIpv4 = /^[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+$/.test(host);\n");

    // One condition per flow and endpoint list, in catalog order; only connections the roles
    // open go through a proxy.
    const ExportRule *current = nullptr;
    QStringList conditions;
    QSet<QString> seen;
    QString comment;
    const auto flush = [&]() {
        if (!conditions.isEmpty()) {
            out += commentLine(indent, comment);
            result.addRule(indent + QStringLiteral("if (")
                           + conditions.join(QStringLiteral(" ||\n") + indent + indent)
                           + QStringLiteral(")\n") + indent + indent + QStringLiteral("return ")
                           + jsString(decision) + QStringLiteral(";\n"));
        }
        conditions.clear();
        seen.clear();
    };
    const QList<ExportRule> rules = ExportSelection::rules(request);
    for (const ExportRule &rule : rules) {
        if (!current || !current->sameGroup(rule)) {
            flush();
            current = &rule;
            comment = rule.groupComment;
        }
        if (rule.direction != ExportRule::Direction::Egress || !rule.resolvedFrom.isEmpty())
            continue;
        QStringList add;
        switch (rule.kind) {
        case ExportRule::Kind::HostName:
            if (rule.isWildcard()) {
                // "*.example.com" covers the apex too, as squid's ".example.com" does.
                add << QStringLiteral("dnsDomainIs(host, %1)").arg(jsString(QLatin1Char('.') + rule.domain()))
                    << QStringLiteral("host == %1").arg(jsString(rule.domain()));
            } else {
                add << QStringLiteral("host == %1").arg(jsString(rule.value));
            }
            break;
        case ExportRule::Kind::Address:
            add << QStringLiteral("host == %1").arg(jsString(rule.value));
            break;
        case ExportRule::Kind::Network: {
            const int slash = rule.value.indexOf(QLatin1Char('/'));
            if (!rule.isIpv6() && slash > 0)
                add << QStringLiteral("(isIpv4 && isInNet(host, %1, %2))")
                                .arg(jsString(rule.value.left(slash)),
                                     jsString(netmask(rule.value.mid(slash + 1).toInt())));
            break;
        }
        case ExportRule::Kind::SiteSpecific:
            break;
        }
        for (const QString &condition : std::as_const(add)) {
            if (!seen.contains(condition))
                conditions.append(condition);
            seen.insert(condition);
        }
    }
    flush();
    out += indent + QStringLiteral("return ") + jsString(otherwise) + QStringLiteral(";\n}\n");
    return result;
}
