#pragma once

#include "catalog/catalog.h"
#include "catalog/catalogloader.h"

#include <QTest>

// Catalogs for the diagram tests: the built-in one, and a synthetic one with components the
// real catalog does not have (other zone mixes, self loops, long names, no flows).
namespace DiagramTestCatalogs {

inline Catalog builtin()
{
    const CatalogLoader::Result result = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    if (!result.isOk())
        qFatal("built-in catalog rejected: %s", qPrintable(result.error.toString()));
    return *result.catalog;
}

inline Component component(const QString &id, const QString &en, const QString &ja, const QString &zone)
{
    Component c;
    c.id = id;
    c.name = {en, ja};
    c.zone = zone;
    return c;
}

inline Entry entry(const QString &id, const QStringList &sources, const QString &destination,
                   const QList<PortSpec> &ports, const QString &requirement)
{
    Entry e;
    e.id = id;
    e.table = QStringLiteral("t");
    e.sources = sources;
    e.destination = destination;
    e.direction = QStringLiteral("outbound");
    e.ports = ports;
    e.requirement = requirement;
    e.service = {QStringLiteral("Service ") + id, QStringLiteral("サービス ") + id};
    e.description = {QStringLiteral("Description of ") + id, id + QStringLiteral(" の説明")};
    if (requirement == QLatin1String("conditional"))
        e.condition = {QStringLiteral("when enabled"), QStringLiteral("有効な場合")};
    return e;
}

inline Catalog synthetic()
{
    Catalog catalog;
    catalog.title = {QStringLiteral("Synthetic"), QStringLiteral("合成")};
    const QString c = QStringLiteral("customer");
    const QString i = QStringLiteral("internet");
    const QString t = QStringLiteral("trend-cloud");
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
    const PortSpec https{443, QStringLiteral("tcp"), QStringLiteral("HTTPS")};
    const PortSpec http{80, QStringLiteral("tcp"), QStringLiteral("HTTP")};
    const PortSpec syslog{6514, QStringLiteral("tcp"), QStringLiteral("Syslog over TLS")};
    const PortSpec custom{49152, QStringLiteral("udp"), QStringLiteral("Custom telemetry protocol")};
    catalog.entries = {
            entry(QStringLiteral("e1"), {QStringLiteral("sensor"), QStringLiteral("collector")},
                  QStringLiteral("console"), {https, http}, QStringLiteral("required")),
            entry(QStringLiteral("e2"), {QStringLiteral("sensor")}, QStringLiteral("sensor"), {custom},
                  QStringLiteral("optional")),
            entry(QStringLiteral("e3"), {QStringLiteral("console")}, QStringLiteral("printer"), {syslog},
                  QStringLiteral("conditional")),
            entry(QStringLiteral("e4"), {QStringLiteral("sensor")}, QStringLiteral("collector"),
                  {custom, syslog}, QStringLiteral("required")),
            entry(QStringLiteral("e5"), {QStringLiteral("proxy")}, QStringLiteral("cdn"), {https},
                  QStringLiteral("required")),
            entry(QStringLiteral("e6"), {QStringLiteral("console")}, QStringLiteral("store"), {https},
                  QStringLiteral("required")),
            entry(QStringLiteral("e7"), {QStringLiteral("analytics")}, QStringLiteral("analytics"), {http},
                  QStringLiteral("optional")),
            entry(QStringLiteral("e8"), {QStringLiteral("store")}, QStringLiteral("sensor"),
                  {https, http, custom}, QStringLiteral("conditional")),
            entry(QStringLiteral("e9"), {QStringLiteral("collector")}, QStringLiteral("proxy"), {http},
                  QStringLiteral("required")),
            entry(QStringLiteral("e10"), {QStringLiteral("mirror")}, QStringLiteral("sensor"), {https},
                  QStringLiteral("optional")),
            entry(QStringLiteral("e11"), {QStringLiteral("analytics")}, QStringLiteral("collector"), {syslog},
                  QStringLiteral("required")),
            entry(QStringLiteral("e12"), {QStringLiteral("sensor")}, QStringLiteral("analytics"), {https},
                  QStringLiteral("required")),
    };
    return catalog;
}

// Several entries per network flow: b1, b2 and b3 share source, listener and ports (listed in
// another order in b2) and become one arrow; b4 differs in its ports, b5 in its source.
inline Catalog bundles()
{
    Catalog catalog;
    catalog.components = {
            component(QStringLiteral("agent"), QStringLiteral("Agent"), QStringLiteral("エージェント"),
                      QStringLiteral("customer")),
            component(QStringLiteral("relay"), QStringLiteral("Relay"), QStringLiteral("リレー"),
                      QStringLiteral("customer")),
            component(QStringLiteral("cloud"), QStringLiteral("Cloud"), QStringLiteral("クラウド"),
                      QStringLiteral("trend-cloud")),
    };
    const PortSpec https{443, QStringLiteral("tcp"), QStringLiteral("HTTPS")};
    const PortSpec http{80, QStringLiteral("tcp"), QStringLiteral("HTTP")};
    const PortSpec tls{443, QStringLiteral("tcp"), QStringLiteral("TLS")};
    catalog.entries = {
            entry(QStringLiteral("b1"), {QStringLiteral("agent")}, QStringLiteral("cloud"), {http, https},
                  QStringLiteral("optional")),
            entry(QStringLiteral("b2"), {QStringLiteral("agent"), QStringLiteral("relay")},
                  QStringLiteral("cloud"), {https, http}, QStringLiteral("required")),
            entry(QStringLiteral("b3"), {QStringLiteral("agent")}, QStringLiteral("cloud"), {http, https},
                  QStringLiteral("conditional")),
            entry(QStringLiteral("b4"), {QStringLiteral("agent")}, QStringLiteral("cloud"), {https},
                  QStringLiteral("optional")),
            entry(QStringLiteral("b5"), {QStringLiteral("relay")}, QStringLiteral("cloud"), {tls},
                  QStringLiteral("conditional")),
            entry(QStringLiteral("b6"), {QStringLiteral("relay")}, QStringLiteral("cloud"), {https},
                  QStringLiteral("optional")),
    };
    return catalog;
}

// Only internet and trend-cloud components: no customer zone at all.
inline Catalog cloudOnly()
{
    Catalog catalog;
    catalog.components = {
            component(QStringLiteral("edge"), QStringLiteral("Edge"), QStringLiteral("エッジ"),
                      QStringLiteral("internet")),
            component(QStringLiteral("core"), QStringLiteral("Core"), QStringLiteral("コア"),
                      QStringLiteral("trend-cloud")),
    };
    const PortSpec https{443, QStringLiteral("tcp"), QStringLiteral("HTTPS")};
    catalog.entries = {
            entry(QStringLiteral("a"), {QStringLiteral("edge")}, QStringLiteral("core"), {https},
                  QStringLiteral("required")),
            entry(QStringLiteral("b"), {QStringLiteral("core")}, QStringLiteral("edge"), {https},
                  QStringLiteral("optional")),
    };
    return catalog;
}
} // namespace DiagramTestCatalogs
