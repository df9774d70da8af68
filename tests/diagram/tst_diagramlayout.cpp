#include "catalog/catalogtext.h"
#include "diagramlayout.h"
#include "diagramtestcatalogs.h"
#include "diagramtext.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QTest>

Q_DECLARE_METATYPE(Language)

// The layout needs fonts, hence a QGuiApplication (QTEST_MAIN), though it uses no widget.
class TestDiagramLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noOverlaps_data();
    void noOverlaps();
    void oneArrowPerFlow_data();
    void oneArrowPerFlow();
    void identicalFlowsBundled();
    void bundleToolTipAndNarration_data();
    void bundleToolTipAndNarration();
    void fewCrossings_data();
    void fewCrossings();
    void roleFilter();
    void deterministic();
    void languageChangesLabels();
    void flowLabel_data();
    void flowLabel();
    void bundledPorts();
    void largerTypeGrows();

private:
    void addCatalogRows();
    const Catalog &catalogNamed(const QString &name) const;
    Catalog m_builtin;
    Catalog m_synthetic;
    Catalog m_cloudOnly;
    Catalog m_bundles;
};

namespace {
// The port set of an entry as the layout bundles by: port and transport, sorted, each once.
QStringList portSet(const Entry &entry)
{
    QStringList ports;
    for (const PortSpec &p : entry.ports)
        ports.append(QStringLiteral("%1/%2").arg(p.port).arg(p.transport));
    ports.sort();
    ports.removeDuplicates();
    return ports;
}

// Points where a segment of one arrow crosses a segment of another (orthogonal paths).
int crossings(const DiagramModel &model)
{
    int count = 0;
    for (int a = 0; a < model.flows.size(); ++a) {
        const QPolygonF &p = model.flows.at(a).path;
        for (int b = a + 1; b < model.flows.size(); ++b) {
            const QPolygonF &q = model.flows.at(b).path;
            for (int i = 0; i + 1 < p.size(); ++i) {
                for (int j = 0; j + 1 < q.size(); ++j) {
                    QPointF point;
                    if (QLineF(p.at(i), p.at(i + 1)).intersects(QLineF(q.at(j), q.at(j + 1)), &point)
                        == QLineF::BoundedIntersection)
                        ++count;
                }
            }
        }
    }
    return count;
}
} // namespace

void TestDiagramLayout::initTestCase()
{
    m_builtin = DiagramTestCatalogs::builtin();
    m_synthetic = DiagramTestCatalogs::synthetic();
    m_cloudOnly = DiagramTestCatalogs::cloudOnly();
    m_bundles = DiagramTestCatalogs::bundles();
}

const Catalog &TestDiagramLayout::catalogNamed(const QString &name) const
{
    if (name == QLatin1String("builtin"))
        return m_builtin;
    if (name == QLatin1String("synthetic"))
        return m_synthetic;
    return name == QLatin1String("bundles") ? m_bundles : m_cloudOnly;
}

void TestDiagramLayout::addCatalogRows()
{
    QTest::addColumn<QString>("catalogName");
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("role");
    QTest::addColumn<qreal>("scale");
    for (const QString &name : {QStringLiteral("builtin"), QStringLiteral("synthetic"),
                                QStringLiteral("cloudOnly"), QStringLiteral("bundles")}) {
        for (Language language : {Language::English, Language::Japanese}) {
            const QString code = languageCode(language);
            QTest::addRow("%s-%s", qPrintable(name), qPrintable(code))
                    << name << language << QString() << 1.0;
            QTest::addRow("%s-%s-large", qPrintable(name), qPrintable(code))
                    << name << language << QString() << 1.5;
        }
    }
    QTest::addRow("builtin-en-agent") << "builtin" << Language::English << "agent" << 1.0;
    QTest::addRow("builtin-ja-relay") << "builtin" << Language::Japanese << "relay" << 1.0;
    QTest::addRow("builtin-ja-workload-security")
            << "builtin" << Language::Japanese << "workload-security" << 1.0;
    QTest::addRow("synthetic-en-sensor") << "synthetic" << Language::English << "sensor" << 1.0;
}

void TestDiagramLayout::noOverlaps_data()
{
    addCatalogRows();
}

void TestDiagramLayout::noOverlaps()
{
    QFETCH(QString, catalogName);
    QFETCH(Language, language);
    QFETCH(QString, role);
    QFETCH(qreal, scale);
    const Catalog &catalog = catalogNamed(catalogName);
    DiagramOptions options;
    options.language = language;
    options.role = role;
    options.fontScale = scale;
    options.showResultsLegend = true;
    const DiagramModel model = DiagramLayout::layout(catalog, options);
    QVERIFY(!model.nodes.isEmpty());
    QVERIFY(!model.flows.isEmpty());

    // Boxes: apart from each other, inside their zone, inside the bounds.
    for (int a = 0; a < model.nodes.size(); ++a) {
        const DiagramNode &node = model.nodes.at(a);
        QVERIFY2(model.bounds.contains(node.rect), qPrintable(node.id));
        bool inZone = false;
        for (const DiagramZone &zone : model.zones)
            inZone = inZone || (zone.id == node.zone && zone.rect.contains(node.rect));
        QVERIFY2(inZone, qPrintable(node.id));
        QVERIFY2(!node.rect.intersects(model.legend.rect), qPrintable(node.id));
        for (const DiagramZone &zone : model.zones)
            QVERIFY2(!node.rect.intersects(zone.labelRect), qPrintable(node.id));
        for (int b = a + 1; b < model.nodes.size(); ++b)
            QVERIFY2(!node.rect.intersects(model.nodes.at(b).rect),
                     qPrintable(node.id + QLatin1String(" / ") + model.nodes.at(b).id));
    }
    // The wrapped name fits its box.
    for (const DiagramNode &node : model.nodes) {
        const qreal height =
                DiagramLayout::wrappedTextHeight(model.nodeFont, node.textRect.width(), node.label);
        QVERIFY2(height <= node.textRect.height() + 0.5, qPrintable(node.id));
    }
    // Zones do not overlap.
    for (int a = 0; a < model.zones.size(); ++a) {
        for (int b = a + 1; b < model.zones.size(); ++b)
            QVERIFY(!model.zones.at(a).rect.intersects(model.zones.at(b).rect));
    }

    // Labels: wide enough for their text, apart from each other, from boxes, the legend and the
    // other arrows.
    const QFontMetricsF metrics(model.labelFont);
    for (int a = 0; a < model.flows.size(); ++a) {
        const DiagramFlow &flow = model.flows.at(a);
        const QString what = flow.key() + QLatin1String(": ") + flow.label;
        QVERIFY2(metrics.horizontalAdvance(flow.label) <= flow.labelRect.width(), qPrintable(what));
        QVERIFY2(model.bounds.contains(flow.labelRect), qPrintable(what));
        QVERIFY2(!flow.labelRect.intersects(model.legend.rect), qPrintable(what));
        for (const DiagramNode &node : model.nodes)
            QVERIFY2(!flow.labelRect.intersects(node.rect),
                     qPrintable(what + QLatin1String(" / ") + node.id));
        for (const DiagramZone &zone : model.zones)
            QVERIFY2(!flow.labelRect.intersects(zone.labelRect), qPrintable(what));
        for (int b = a + 1; b < model.flows.size(); ++b)
            QVERIFY2(!flow.labelRect.intersects(model.flows.at(b).labelRect),
                     qPrintable(what + QLatin1String(" / ") + model.flows.at(b).key()));
        const QRectF inner = flow.labelRect.adjusted(1, 1, -1, -1);
        for (int b = 0; b < model.flows.size(); ++b) {
            if (b == a)
                continue;
            const QPolygonF &path = model.flows.at(b).path;
            for (int k = 0; k + 1 < path.size(); ++k) {
                const QRectF segment =
                        QRectF(path.at(k), path.at(k + 1)).normalized().adjusted(-0.5, -0.5, 0.5, 0.5);
                QVERIFY2(!inner.intersects(segment),
                         qPrintable(what + QLatin1String(" crossed by ") + model.flows.at(b).key()));
            }
        }
    }

    // Arrows: orthogonal, from the source's edge to the destination's edge, never through a box.
    for (const DiagramFlow &flow : model.flows) {
        const QRectF from = model.node(flow.from)->rect;
        const QRectF to = model.node(flow.to)->rect;
        QVERIFY(flow.path.size() >= 2);
        const QPointF start = flow.path.first();
        const QPointF end = flow.path.last();
        QVERIFY2(qFuzzyCompare(start.x(), from.left()) || qFuzzyCompare(start.x(), from.right()),
                 qPrintable(flow.key()));
        QVERIFY2(start.y() > from.top() && start.y() < from.bottom(), qPrintable(flow.key()));
        QVERIFY2(qFuzzyCompare(end.x(), to.left()) || qFuzzyCompare(end.x(), to.right()),
                 qPrintable(flow.key()));
        QVERIFY2(end.y() > to.top() && end.y() < to.bottom(), qPrintable(flow.key()));
        for (int k = 0; k + 1 < flow.path.size(); ++k) {
            const QPointF p = flow.path.at(k);
            const QPointF q = flow.path.at(k + 1);
            QVERIFY2(qFuzzyCompare(p.x(), q.x()) || qFuzzyCompare(p.y(), q.y()), qPrintable(flow.key()));
            const QRectF segment = QRectF(p, q).normalized().adjusted(-0.1, -0.1, 0.1, 0.1);
            for (const DiagramNode &node : model.nodes) {
                const QRectF inside = node.rect.adjusted(1, 1, -1, -1);
                QVERIFY2(!inside.intersects(segment),
                         qPrintable(flow.key() + QLatin1String(" through ") + node.id));
            }
        }
    }

    // Legend items apart.
    const auto &items = model.legend.items;
    for (int a = 0; a < items.size(); ++a) {
        QVERIFY(model.legend.rect.contains(items.at(a).textRect));
        for (int b = a + 1; b < items.size(); ++b)
            QVERIFY(!items.at(a)
                             .textRect.united(items.at(a).swatchRect)
                             .intersects(items.at(b).textRect.united(items.at(b).swatchRect)));
    }
}

void TestDiagramLayout::oneArrowPerFlow_data()
{
    QTest::addColumn<QString>("catalogName");
    QTest::addColumn<int>("expected");
    QTest::addRow("builtin") << "builtin" << 26; // 52 entry x source pairs
    QTest::addRow("synthetic") << "synthetic" << 13; // no two entries share a flow
    QTest::addRow("bundles") << "bundles" << 4;
}

void TestDiagramLayout::oneArrowPerFlow()
{
    QFETCH(QString, catalogName);
    QFETCH(int, expected);
    const Catalog &catalog = catalogNamed(catalogName);
    const DiagramModel model = DiagramLayout::layout(catalog);
    QCOMPARE(model.flows.size(), expected);
    // Every entry x source pair is in exactly one arrow, with the arrow's ends and port set.
    QSet<QString> pairs;
    int pairCount = 0;
    for (const Entry &entry : catalog.entries) {
        for (const QString &source : entry.sources) {
            ++pairCount;
            int arrows = 0;
            for (const DiagramFlow &flow : model.flows)
                arrows += flow.from == source && flow.bundles(entry.id) ? 1 : 0;
            QVERIFY2(arrows == 1, qPrintable(entry.id + QLatin1Char('|') + source));
        }
    }
    QSet<QString> keys;
    QSet<QString> flows; // source, listener, port set: one arrow each
    for (const DiagramFlow &flow : model.flows) {
        keys.insert(flow.key());
        QVERIFY(!flow.entryIds.isEmpty());
        QCOMPARE(flow.entryId, flow.entryIds.first());
        QCOMPARE(model.flow(flow.key()), &flow);
        const QStringList ports = portSet(*catalog.entry(flow.entryId));
        bool anyRequired = false;
        QList<const Entry *> entries;
        for (const QString &id : flow.entryIds) {
            const Entry *entry = catalog.entry(id);
            QVERIFY(entry);
            QVERIFY(entry->sources.contains(flow.from));
            QCOMPARE(flow.to, entry->destination);
            QCOMPARE(portSet(*entry), ports);
            anyRequired = anyRequired || entry->requirement == QLatin1String("required");
            entries.append(entry);
            // Any bundled entry finds the arrow.
            QCOMPARE(model.flow(id + QLatin1Char('|') + flow.from), &flow);
        }
        QCOMPARE(flow.isRequired(), anyRequired);
        QCOMPARE(flow.label, DiagramLayout::flowLabel(DiagramLayout::bundledPorts(entries)));
        const QString identity = flow.from + QLatin1Char('>') + flow.to + QLatin1Char(':') + ports.join(',');
        QVERIFY2(!flows.contains(identity), qPrintable(identity));
        flows.insert(identity);
    }
    QCOMPARE(keys.size(), expected);
    QCOMPARE(model.entryIds().size(), catalog.entries.size());
    // Every component is shown without a role filter, in its zone.
    QCOMPARE(model.nodes.size(), catalog.components.size());
    for (const Component &component : catalog.components) {
        QVERIFY(model.node(component.id));
        QCOMPARE(model.node(component.id)->zone, component.zone);
    }
    QVERIFY(pairCount >= expected);
}

void TestDiagramLayout::identicalFlowsBundled()
{
    const DiagramModel model = DiagramLayout::layout(m_bundles);
    // b1, b2 and b3: the same source, listener and ports, whatever their order and requirement.
    const DiagramFlow *agentWeb = model.flow(QStringLiteral("b1|agent"));
    QVERIFY(agentWeb);
    QCOMPARE(agentWeb->entryIds, (QStringList{"b1", "b2", "b3"}));
    QCOMPARE(model.flow(QStringLiteral("b3|agent")), agentWeb);
    QCOMPARE(agentWeb->label, QStringLiteral("80/TCP HTTP, 443/TCP HTTPS")); // once, not per entry
    QVERIFY(agentWeb->isRequired()); // b2 is required
    QCOMPARE(model.flowsOfEntry(QStringLiteral("b3")).size(), 1);
    // Other ports, another arrow; optional only: dashed.
    const DiagramFlow *agentHttps = model.flow(QStringLiteral("b4|agent"));
    QVERIFY(agentHttps && agentHttps != agentWeb);
    QCOMPARE(agentHttps->entryIds, QStringList{"b4"});
    QVERIFY(!agentHttps->isRequired());
    // b2's other source has its own arrow.
    QCOMPARE(model.flowsOfEntry(QStringLiteral("b2")).size(), 2);
    QCOMPARE(model.flow(QStringLiteral("b2|relay"))->entryIds, QStringList{"b2"});
    // The same port under two protocol names: one arrow, both names.
    const DiagramFlow *relayTls = model.flow(QStringLiteral("b5|relay"));
    QVERIFY(relayTls);
    QCOMPARE(relayTls->entryIds, (QStringList{"b5", "b6"}));
    QCOMPARE(relayTls->label, QStringLiteral("443/TCP HTTPS/TLS"));
    QVERIFY(!relayTls->isRequired());
    // With a role filter the bundles stay whole.
    DiagramOptions options;
    options.role = QStringLiteral("relay");
    const DiagramModel relay = DiagramLayout::layout(m_bundles, options);
    QCOMPARE(relay.flows.size(), 2);
    QCOMPARE(relay.flow(QStringLiteral("b6|relay"))->entryIds, (QStringList{"b5", "b6"}));
}

void TestDiagramLayout::bundleToolTipAndNarration_data()
{
    QTest::addColumn<Language>("language");
    QTest::addRow("en") << Language::English;
    QTest::addRow("ja") << Language::Japanese;
}

void TestDiagramLayout::bundleToolTipAndNarration()
{
    QFETCH(Language, language);
    for (const Catalog *catalog : {&m_bundles, &m_builtin}) {
        const DiagramModel model = DiagramLayout::layout(*catalog);
        int bundles = 0;
        for (const DiagramFlow &flow : model.flows) {
            if (flow.entryIds.size() < 2)
                continue;
            ++bundles;
            const QString tip = DiagramText::flowToolTip(*catalog, flow, language);
            const QString narration = DiagramText::narration(*catalog, flow, language);
            for (const QString &id : flow.entryIds) {
                const Entry *entry = catalog->entry(id);
                const QString service = entry->service.text(language);
                QVERIFY2(tip.contains(service.toHtmlEscaped()), qPrintable(id + QLatin1String(": ") + tip));
                QVERIFY2(tip.contains(CatalogText::requirement(entry->requirement)), qPrintable(tip));
                // The narration names the service, perhaps without the listener's name in front.
                const QString tail = service.section(QChar(0x2013), -1).trimmed();
                QVERIFY2(narration.contains(tail), qPrintable(id + QLatin1String(": ") + narration));
            }
            QVERIFY2(tip.contains(flow.label.section(QLatin1Char(' '), 0, 0)), qPrintable(tip));
        }
        QVERIFY(bundles > 0);
    }
    // With results: every entry's result and the arrow's combined one.
    const DiagramModel bundlesModel = DiagramLayout::layout(m_bundles); // flow() points into it
    const DiagramFlow *flow = bundlesModel.flow(QStringLiteral("b1|agent"));
    QVERIFY(flow);
    DiagramResults results;
    results.setStatus(QStringLiteral("b1"), FlowStatus::Passed);
    results.setStatus(QStringLiteral("b2"), FlowStatus::Failed);
    const QString tip = DiagramText::flowToolTip(m_bundles, *flow, language, results);
    QVERIFY(tip.contains(DiagramText::statusText(FlowStatus::Partial)));
    QVERIFY(tip.contains(DiagramText::statusText(FlowStatus::Untested))); // b3
}

void TestDiagramLayout::fewCrossings_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("most");
    // Measured: 20, 20 and 6 (one arrow per entry and source had many more).
    QTest::addRow("en") << Language::English << QString() << 24;
    QTest::addRow("ja") << Language::Japanese << QString() << 24;
    QTest::addRow("en-agent") << Language::English << QStringLiteral("agent") << 8;
}

void TestDiagramLayout::fewCrossings()
{
    QFETCH(Language, language);
    QFETCH(QString, role);
    QFETCH(int, most);
    DiagramOptions options;
    options.language = language;
    options.role = role;
    const DiagramModel model = DiagramLayout::layout(m_builtin, options);
    const int count = crossings(model);
    qInfo("%d crossings", count);
    QCOMPARE(DiagramLayout::crossingCount(model), count);
    QVERIFY2(count <= most, qPrintable(QString::number(count)));
}

void TestDiagramLayout::roleFilter()
{
    DiagramOptions options;
    options.role = QStringLiteral("relay");
    const DiagramModel model = DiagramLayout::layout(m_builtin, options);
    QVERIFY(!model.flows.isEmpty());
    for (const DiagramFlow &flow : model.flows)
        QVERIFY(flow.from == options.role || flow.to == options.role);
    QVERIFY(model.node(QStringLiteral("relay"))->isFocus);
    QVERIFY(!model.node(QStringLiteral("admin"))); // no flow with the relay
    QVERIFY(model.node(QStringLiteral("update-servers")));
    QVERIFY(model.flows.size() < DiagramLayout::layout(m_builtin).flows.size());
}

void TestDiagramLayout::deterministic()
{
    const DiagramModel a = DiagramLayout::layout(m_builtin);
    const DiagramModel b = DiagramLayout::layout(m_builtin);
    QCOMPARE(a.bounds, b.bounds);
    QCOMPARE(a.nodes.size(), b.nodes.size());
    for (int i = 0; i < a.nodes.size(); ++i)
        QCOMPARE(a.nodes.at(i).rect, b.nodes.at(i).rect);
    for (int i = 0; i < a.flows.size(); ++i) {
        QCOMPARE(a.flows.at(i).path, b.flows.at(i).path);
        QCOMPARE(a.flows.at(i).labelRect, b.flows.at(i).labelRect);
    }
}

void TestDiagramLayout::languageChangesLabels()
{
    DiagramOptions options;
    options.language = Language::Japanese;
    const DiagramModel model = DiagramLayout::layout(m_builtin, options);
    QCOMPARE(model.node(QStringLiteral("dns-server"))->label, QStringLiteral("DNSサーバ"));
    options.language = Language::English;
    QCOMPARE(DiagramLayout::layout(m_builtin, options).node(QStringLiteral("dns-server"))->label,
             QStringLiteral("DNS server"));
}

void TestDiagramLayout::flowLabel_data()
{
    QTest::addColumn<QString>("entryId");
    QTest::addColumn<QString>("label");
    QTest::addRow("one port") << "url-xdr"
                              << "443/TCP HTTPS";
    QTest::addRow("sorted by port") << "url-census"
                                    << "80/TCP HTTP, 443/TCP HTTPS";
    QTest::addRow("tcp and udp merged") << "agent-out-dns"
                                        << "53/TCP+UDP DNS";
    QTest::addRow("udp") << "agent-out-ntp"
                         << "123/UDP NTP";
}

void TestDiagramLayout::flowLabel()
{
    QFETCH(QString, entryId);
    QFETCH(QString, label);
    const Entry *entry = m_builtin.entry(entryId);
    QVERIFY(entry);
    QCOMPARE(DiagramLayout::flowLabel(*entry), label);
}

void TestDiagramLayout::bundledPorts()
{
    const Entry *census = m_builtin.entry(QStringLiteral("url-census"));
    const Entry *wrs = m_builtin.entry(QStringLiteral("url-wrs"));
    QVERIFY(census && wrs);
    const QList<PortSpec> ports = DiagramLayout::bundledPorts({census, wrs});
    QCOMPARE(ports.size(), 2);
    QCOMPARE(DiagramLayout::flowLabel(ports), DiagramLayout::flowLabel(*census));
}

void TestDiagramLayout::largerTypeGrows()
{
    DiagramOptions options;
    const DiagramModel normal = DiagramLayout::layout(m_builtin, options);
    options.fontScale = 1.5;
    const DiagramModel large = DiagramLayout::layout(m_builtin, options);
    QVERIFY(large.labelFont.pixelSize() > normal.labelFont.pixelSize());
    QVERIFY(large.bounds.width() > normal.bounds.width());
    QVERIFY(large.bounds.height() > normal.bounds.height());
}

QTEST_MAIN(TestDiagramLayout)
#include "tst_diagramlayout.moc"
