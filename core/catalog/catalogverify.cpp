#include "catalogverify.h"

#include "core/catalog/networksyntax.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>

namespace {

QString htmlToText(const QString &page)
{
    if (!page.contains(QLatin1Char('<')))
        return page;
    static const QRegularExpression scripts(QStringLiteral("<(script|style)[^>]*>.*?</\\1>"),
                                            QRegularExpression::DotMatchesEverythingOption
                                                    | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression tags(QStringLiteral("<[^>]*>"));
    QString text = page;
    text.remove(scripts);
    text.replace(tags, QStringLiteral(" "));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    text.replace(QLatin1String("&amp;"), QLatin1String("&"));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"));
    text.replace(QLatin1String("&gt;"), QLatin1String(">"));
    return text;
}

template<typename T>
QList<T> sortedUnique(QList<T> list)
{
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

void normalize(CatalogVerify::PageFacts &facts)
{
    facts.hosts = sortedUnique(facts.hosts);
    facts.urls = sortedUnique(facts.urls);
    facts.addresses = sortedUnique(facts.addresses);
    facts.subnets = sortedUnique(facts.subnets);
    facts.ports = sortedUnique(facts.ports);
}

} // namespace

QString CatalogVerify::undoArtifacts(const QString &text)
{
    // The Japanese page is a machine translation that translated words inside host names (see the
    // catalog's corrections): ゲートウェイ = gateway, ワークロード = workload, エージェント = agents
    // (Japanese has no plural; the hosts are agents-NNN). It also left "p>" markup before an
    // address.
    static const QList<std::pair<QString, QString>> words{
            {QStringLiteral("ゲートウェイ-"), QStringLiteral("gateway-")},
            {QStringLiteral("ワークロード."), QStringLiteral("workload.")},
            {QStringLiteral("エージェント-"), QStringLiteral("agents-")},
    };
    static const QRegularExpression markup(QStringLiteral("(?<![A-Za-z0-9])p>\\s*"));
    QString out = text;
    for (const auto &[from, to] : words)
        out.replace(from, to);
    out.remove(markup);
    return out;
}

CatalogVerify::PageFacts CatalogVerify::extract(const QString &page)
{
    const QString text = undoArtifacts(htmlToText(page));
    PageFacts facts;
    static const QRegularExpression url(
            QStringLiteral("(?<![A-Za-z0-9.-])(?:https?://)?((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,})(?::[0-9]+)?"
                           "(/[A-Za-z0-9/?=._-]*[A-Za-z0-9])"));
    static const QRegularExpression host(QStringLiteral("(?<![A-Za-z0-9.-])((?:\\*\\.)?(?:[A-Za-z0-9](?:[A-"
                                                        "Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]*"
                                                        "[A-Za-z])(?![A-Za-z0-9-])"));
    static const QRegularExpression address(
            QStringLiteral("(?<![0-9.])([0-9]{1,3}(?:\\.[0-9]{1,3}){3})(?![0-9.]|/)"));
    static const QRegularExpression subnet(
            QStringLiteral("(?<![0-9.])([0-9]{1,3}(?:\\.[0-9]{1,3}){3}/[0-9]{1,2})(?![0-9])"));
    // Ports in the page's phrasings: "443 / HTTPS", "ポート:443", "初期設定ポート:514", "ポート4123",
    // "5274および5275", "4122 - 他の…", "Port: 80 and 443".
    static const QRegularExpression ports(QStringLiteral("(?<![0-9.:/-])([0-9]{2,5})\\s*/"
                                                         "\\s*[A-Za-z]|(?:ポート|[Pp]ort)\\s*[:：]?\\s*([0-9]"
                                                         "{2,5})(?:\\s*(?:および|と|and)\\s*([0-9]{2,5}))?"
                                                         "|(?<![0-9.:/-])([0-9]{2,5}) -(?![0-9])"));

    for (auto it = url.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        facts.urls.append(m.captured(1).toLower() + m.captured(2));
    }
    for (auto it = host.globalMatch(text); it.hasNext();) {
        const QString h = it.next().captured(1).toLower();
        if (NetworkSyntax::isValidHostName(h, true))
            facts.hosts.append(h);
    }
    for (auto it = address.globalMatch(text); it.hasNext();) {
        const QString a = it.next().captured(1);
        if (NetworkSyntax::parseAddress(a))
            facts.addresses.append(a);
    }
    for (auto it = subnet.globalMatch(text); it.hasNext();) {
        const QString s = it.next().captured(1);
        if (NetworkSyntax::parseCidr(s))
            facts.subnets.append(s);
    }
    for (auto it = ports.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        for (int group = 1; group <= 4; ++group) {
            bool ok = false;
            const int port = m.captured(group).toInt(&ok);
            if (ok && port >= 1 && port <= 65535)
                facts.ports.append(port);
        }
    }
    normalize(facts);
    return facts;
}

CatalogVerify::PageFacts CatalogVerify::extract(const Catalog &catalog)
{
    PageFacts facts;
    for (const EndpointList &list : catalog.endpointLists) {
        for (const Endpoint &ep : list.endpoints) {
            switch (ep.kind) {
            case Endpoint::Kind::Host:
                facts.hosts.append(ep.value.toLower());
                break;
            case Endpoint::Kind::Url: {
                const QUrl u(ep.value, QUrl::StrictMode);
                facts.hosts.append(u.host().toLower());
                QString path = u.path();
                if (u.hasQuery())
                    path += QLatin1Char('?') + u.query();
                if (path.size() > 1)
                    facts.urls.append(u.host().toLower() + path);
                break;
            }
            case Endpoint::Kind::Address:
                facts.addresses.append(ep.value);
                break;
            case Endpoint::Kind::Cidr:
                facts.subnets.append(ep.value);
                break;
            }
        }
    }
    for (const Flow &flow : catalog.flows) {
        for (const PortSpec &p : flow.ports)
            facts.ports.append(p.port);
    }
    normalize(facts);
    return facts;
}

QList<CatalogVerify::Difference> CatalogVerify::compare(const PageFacts &page, const PageFacts &catalog)
{
    QList<Difference> result;
    const auto diff = [&result](Kind kind, const QStringList &onPage, const QStringList &inCatalog) {
        const QSet<QString> p(onPage.cbegin(), onPage.cend());
        const QSet<QString> c(inCatalog.cbegin(), inCatalog.cend());
        for (const QString &v : onPage) {
            if (!c.contains(v))
                result.append({kind, v, true});
        }
        for (const QString &v : inCatalog) {
            if (!p.contains(v))
                result.append({kind, v, false});
        }
    };
    diff(Kind::Host, page.hosts, catalog.hosts);
    diff(Kind::Url, page.urls, catalog.urls);
    diff(Kind::Address, page.addresses, catalog.addresses);
    diff(Kind::Subnet, page.subnets, catalog.subnets);
    const auto toStrings = [](const QList<int> &ports) {
        QStringList s;
        for (int p : ports)
            s.append(QString::number(p));
        return s;
    };
    diff(Kind::Port, toStrings(page.ports), toStrings(catalog.ports));
    return result;
}

QString CatalogVerify::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Host:
        return tr("host");
    case Kind::Url:
        return tr("URL");
    case Kind::Address:
        return tr("address");
    case Kind::Subnet:
        return tr("subnet");
    case Kind::Port:
        return tr("port");
    }
    return {};
}
