#pragma once

#include "core/catalog/catalog.h"
#include "core/catalog/catalogloader.h"

#include <QTest>

// Catalogs for the diagram tests: the built-in one, and a synthetic one with components the
// real catalog does not have (other zone mixes, self loops, long names, no flows, an expired
// flow and a local one).
namespace DiagramTestCatalogs {

inline Catalog builtin()
{
    const CatalogLoader::Result result = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    if (!result.isOk())
        qFatal("built-in catalog rejected: %s", qPrintable(result.error.toString()));
    return *result.catalog;
}

inline Component component(const QString &id, const QString &en, const QString &ja, Zone zone)
{
    Component c;
    c.id = id;
    c.name = {en, ja};
    c.zone = zone;
    return c;
}

inline PortSpec port(int number, Transport transport, const QString &protocol)
{
    PortSpec p;
    p.port = number;
    p.transport = transport;
    p.protocol = protocol;
    return p;
}

inline Flow flow(const QString &id, const QStringList &initiators, const QString &listener,
                 const QList<PortSpec> &ports, Requirement requirement)
{
    Flow f;
    f.id = id;
    f.initiators = initiators;
    f.listener = listener;
    f.ports = ports;
    f.requirement = requirement;
    f.service = {QStringLiteral("Service ") + id, QStringLiteral("サービス ") + id};
    f.description = {QStringLiteral("Description of ") + id, id + QStringLiteral(" の説明")};
    if (requirement == Requirement::Conditional)
        f.condition = {QStringLiteral("when enabled"), QStringLiteral("有効な場合")};
    return f;
}

// Gives the flow an endpoint list of one host, valid until the rule's date when rule is set.
inline void addEndpoint(Catalog &catalog, Flow &f, const QString &host, const QString &rule = QString())
{
    EndpointList list;
    list.id = f.id + QStringLiteral("-hosts");
    list.validity = rule;
    Endpoint e;
    e.kind = Endpoint::Kind::Host;
    e.value = host;
    e.list = int(catalog.endpointLists.size());
    list.endpoints.append(e);
    catalog.endpointLists.append(list);
    f.endpointListIds.append(list.id);
    f.endpoints.append(e);
}

inline Catalog synthetic()
{
    Catalog catalog;
    catalog.title = {QStringLiteral("Synthetic"), QStringLiteral("合成")};
    const Zone c = Zone::Customer;
    const Zone i = Zone::Internet;
    const Zone t = Zone::TrendCloud;
    catalog.components = {
            component(QStringLiteral("sensor"), QStringLiteral("Sensor"), QStringLiteral("センサー"), c),
            component(
                    QStringLiteral("collector"),
                    QStringLiteral(
                            "A collector with a very long name that needs several lines to fit in its box"),
                    QStringLiteral("複数行に折り返す必要がある非常に長い名前を持つコレクターコンポーネント"),
                    c),
            component(QStringLiteral("printer"), QStringLiteral("Printer"), QStringLiteral("プリンター"), c),
            component(QStringLiteral("lonely"), QStringLiteral("Component without flows"),
                      QStringLiteral("フローのないコンポーネント"), c),
            component(QStringLiteral("proxy"), QStringLiteral("Forward proxy"),
                      QStringLiteral("フォワードプロキシ"), i),
            component(QStringLiteral("cdn"), QStringLiteral("CDN"), QStringLiteral("CDN"), i),
            component(QStringLiteral("mirror"), QStringLiteral("Mirror"), QStringLiteral("ミラー"), i),
            component(QStringLiteral("console"), QStringLiteral("Console"), QStringLiteral("コンソール"), t),
            component(QStringLiteral("store"), QStringLiteral("Object store"),
                      QStringLiteral("オブジェクトストア"), t),
            component(QStringLiteral("analytics"), QStringLiteral("Analytics"), QStringLiteral("分析"), t),
    };
    catalog.components[0].isRole = true;
    const PortSpec https = port(443, Transport::Tcp, QStringLiteral("HTTPS"));
    const PortSpec http = port(80, Transport::Tcp, QStringLiteral("HTTP"));
    const PortSpec syslog = port(6514, Transport::Tcp, QStringLiteral("Syslog over TLS"));
    const PortSpec custom = port(49152, Transport::Udp, QStringLiteral("Custom telemetry protocol"));
    catalog.flows = {
            flow(QStringLiteral("e1"), {QStringLiteral("sensor"), QStringLiteral("collector")},
                 QStringLiteral("console"), {https, http}, Requirement::Required),
            flow(QStringLiteral("e2"), {QStringLiteral("sensor")}, QStringLiteral("sensor"), {custom},
                 Requirement::Optional),
            flow(QStringLiteral("e3"), {QStringLiteral("console")}, QStringLiteral("printer"), {syslog},
                 Requirement::Conditional),
            flow(QStringLiteral("e4"), {QStringLiteral("sensor")}, QStringLiteral("collector"),
                 {custom, syslog}, Requirement::Required),
            flow(QStringLiteral("e5"), {QStringLiteral("proxy")}, QStringLiteral("cdn"), {https},
                 Requirement::Required),
            flow(QStringLiteral("e6"), {QStringLiteral("console")}, QStringLiteral("store"), {https},
                 Requirement::Required),
            flow(QStringLiteral("e7"), {QStringLiteral("analytics")}, QStringLiteral("analytics"), {http},
                 Requirement::Optional),
            flow(QStringLiteral("e8"), {QStringLiteral("store")}, QStringLiteral("sensor"),
                 {https, http, custom}, Requirement::Conditional),
            flow(QStringLiteral("e9"), {QStringLiteral("collector")}, QStringLiteral("proxy"), {http},
                 Requirement::Required),
            flow(QStringLiteral("e10"), {QStringLiteral("mirror")}, QStringLiteral("sensor"), {https},
                 Requirement::Optional),
            flow(QStringLiteral("e11"), {QStringLiteral("analytics")}, QStringLiteral("collector"), {syslog},
                 Requirement::Required),
            flow(QStringLiteral("e12"), {QStringLiteral("sensor")}, QStringLiteral("analytics"), {https},
                 Requirement::Required),
    };
    // e13 has only expired endpoints, e12 one current and one expired; e14 stays on its host.
    ValidityRule legacy;
    legacy.id = QStringLiteral("legacy");
    legacy.validUntil = QDate(2022, 12, 31);
    catalog.validityRules = {legacy};
    catalog.flows.append(flow(QStringLiteral("e13"), {QStringLiteral("sensor")}, QStringLiteral("store"),
                              {port(8443, Transport::Tcp, QStringLiteral("HTTPS"))}, Requirement::Required));
    addEndpoint(catalog, catalog.flows.last(), QStringLiteral("old.example.com"), legacy.id);
    addEndpoint(catalog, catalog.flows[11], QStringLiteral("analytics.example.com"));
    addEndpoint(catalog, catalog.flows[11], QStringLiteral("legacy.example.com"), legacy.id);
    catalog.flows.append(flow(QStringLiteral("e14"), {QStringLiteral("sensor")}, QStringLiteral("collector"),
                              {port(4123, Transport::Unstated, QString())}, Requirement::Conditional));
    catalog.flows.last().needsNetworkRule = false;
    return catalog;
}

// Flows that state the same requirement twice: b1, b2 and b3 share initiator, listener and ports
// (listed in another order in b2) and share one arrow; b4 differs in its ports, b5 in its
// initiator.
inline Catalog bundles()
{
    Catalog catalog;
    catalog.components = {
            component(QStringLiteral("agent"), QStringLiteral("Agent"), QStringLiteral("エージェント"),
                      Zone::Customer),
            component(QStringLiteral("relay"), QStringLiteral("Relay"), QStringLiteral("リレー"),
                      Zone::Customer),
            component(QStringLiteral("cloud"), QStringLiteral("Cloud"), QStringLiteral("クラウド"),
                      Zone::TrendCloud),
    };
    const PortSpec https = port(443, Transport::Tcp, QStringLiteral("HTTPS"));
    const PortSpec http = port(80, Transport::Tcp, QStringLiteral("HTTP"));
    const PortSpec tls = port(443, Transport::Tcp, QStringLiteral("TLS"));
    catalog.flows = {
            flow(QStringLiteral("b1"), {QStringLiteral("agent")}, QStringLiteral("cloud"), {http, https},
                 Requirement::Optional),
            flow(QStringLiteral("b2"), {QStringLiteral("agent"), QStringLiteral("relay")},
                 QStringLiteral("cloud"), {https, http}, Requirement::Required),
            flow(QStringLiteral("b3"), {QStringLiteral("agent")}, QStringLiteral("cloud"), {http, https},
                 Requirement::Conditional),
            flow(QStringLiteral("b4"), {QStringLiteral("agent")}, QStringLiteral("cloud"), {https},
                 Requirement::Optional),
            flow(QStringLiteral("b5"), {QStringLiteral("relay")}, QStringLiteral("cloud"), {tls},
                 Requirement::Conditional),
            flow(QStringLiteral("b6"), {QStringLiteral("relay")}, QStringLiteral("cloud"), {https},
                 Requirement::Optional),
    };
    return catalog;
}

// Only internet and trend-cloud components: no customer zone at all.
inline Catalog cloudOnly()
{
    Catalog catalog;
    catalog.components = {
            component(QStringLiteral("edge"), QStringLiteral("Edge"), QStringLiteral("エッジ"),
                      Zone::Internet),
            component(QStringLiteral("core"), QStringLiteral("Core"), QStringLiteral("コア"),
                      Zone::TrendCloud),
    };
    const PortSpec https = port(443, Transport::Tcp, QStringLiteral("HTTPS"));
    catalog.flows = {
            flow(QStringLiteral("a"), {QStringLiteral("edge")}, QStringLiteral("core"), {https},
                 Requirement::Required),
            flow(QStringLiteral("b"), {QStringLiteral("core")}, QStringLiteral("edge"), {https},
                 Requirement::Optional),
    };
    return catalog;
}
} // namespace DiagramTestCatalogs
