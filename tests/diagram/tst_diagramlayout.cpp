#include "core/catalog/catalogtext.h"
#include "core/diagram/diagramlayout.h"
#include "core/diagram/diagramtext.h"
#include "tests/diagram/diagramtestcatalogs.h"

#include <QFontMetricsF>
#include <QLineF>
#include <QSet>
#include <QTest>
#include <QTextBoundaryFinder>

Q_DECLARE_METATYPE(Language)

// The layout needs fonts, hence a QGuiApplication (QTEST_MAIN), though it uses no widget.
class TestDiagramLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void noOverlaps_data();
    void noOverlaps();
    void oneArrowPerPair_data();
    void oneArrowPerPair();
    void labelsOnOwnSegment_data();
    void labelsOnOwnSegment();
    void identicalFlowsBundled();
    void bundleToolTipAndNarration_data();
    void bundleToolTipAndNarration();
    void expiredFlows_data();
    void expiredFlows();
    void localFlowHasNoArrow();
    void directionsForRole_data();
    void directionsForRole();
    void fewCrossings_data();
    void fewCrossings();
    void roleFilter();
    void deterministic();
    void languageChangesLabels();
    void flowLabel_data();
    void flowLabel();
    void bundledPorts();
    void largerTypeGrows();
    void lineBreaks_data();
    void lineBreaks();
    void namesBreakAtWords_data();
    void namesBreakAtWords();
    void networkBoundary_data();
    void networkBoundary();
    void keyHosts();
    void roomForResultSymbols();

private:
    void addCatalogRows();
    void checkNoOverlaps(const DiagramModel &model, bool hosts);
    const Catalog &catalogNamed(const QString &name) const;
    Catalog m_builtin;
    Catalog m_synthetic;
    Catalog m_cloudOnly;
    Catalog m_bundles;
};

namespace {
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
    QTest::addColumn<bool>("expired");
    for (const QString &name : {QStringLiteral("builtin"), QStringLiteral("synthetic"),
                                QStringLiteral("cloudOnly"), QStringLiteral("bundles")}) {
        for (Language language : {Language::English, Language::Japanese}) {
            const QString code = languageCode(language);
            QTest::addRow("%s-%s", qPrintable(name), qPrintable(code))
                    << name << language << QString() << 1.0 << false;
            QTest::addRow("%s-%s-large", qPrintable(name), qPrintable(code))
                    << name << language << QString() << 1.5 << false;
        }
    }
    QTest::addRow("builtin-en-agent") << "builtin" << Language::English << "agent" << 1.0 << false;
    QTest::addRow("builtin-ja-agent") << "builtin" << Language::Japanese << "agent" << 1.0 << false;
    QTest::addRow("builtin-ja-relay") << "builtin" << Language::Japanese << "relay" << 1.0 << false;
    QTest::addRow("builtin-ja-workload-security")
            << "builtin" << Language::Japanese << "workload-security" << 1.0 << false;
    QTest::addRow("builtin-en-expired") << "builtin" << Language::English << QString() << 1.0 << true;
    QTest::addRow("builtin-ja-admin-expired") << "builtin" << Language::Japanese << "admin" << 1.5 << true;
    QTest::addRow("synthetic-en-sensor") << "synthetic" << Language::English << "sensor" << 1.0 << false;
    QTest::addRow("synthetic-ja-expired") << "synthetic" << Language::Japanese << QString() << 1.0 << true;
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
    QFETCH(bool, expired);
    const Catalog &catalog = catalogNamed(catalogName);
    DiagramOptions options;
    options.language = language;
    options.role = role;
    options.fontScale = scale;
    options.includeExpired = expired;
    options.showResultsLegend = true;
    // With and without the key host names under the ports.
    for (bool hosts : {false, true}) {
        options.showHosts = hosts;
        checkNoOverlaps(DiagramLayout::layout(catalog, options), hosts);
        if (QTest::currentTestFailed())
            return;
    }
}

void TestDiagramLayout::checkNoOverlaps(const DiagramModel &model, bool hosts)
{
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
        // One port a line (then the host names), every line as wide and as high as the text.
        const QStringList portLines = flow.label.split(QStringLiteral(", "));
        QCOMPARE(flow.labelLines.mid(0, portLines.size()), portLines);
        if (!hosts)
            QCOMPARE(flow.labelLines.size(), portLines.size());
        for (const QString &line : flow.labelLines)
            QVERIFY2(metrics.horizontalAdvance(line) <= flow.labelRect.width(), qPrintable(what));
        QVERIFY2(flow.labelRect.height() >= flow.labelLines.size() * std::ceil(metrics.height()) - 0.5,
                 qPrintable(what));
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

    // The network boundary's label clear of everything; its line through no box and along no
    // arrow.
    if (!model.boundary.isNull()) {
        const DiagramBoundary &b = model.boundary;
        QVERIFY(model.bounds.contains(b.labelRect));
        QVERIFY(!b.labelRect.intersects(model.legend.rect));
        const QRectF line = QRectF(b.line.p1(), b.line.p2()).normalized().adjusted(-3, 0, 3, 0);
        for (const DiagramNode &node : model.nodes) {
            QVERIFY2(!b.labelRect.intersects(node.rect), qPrintable(node.id));
            QVERIFY2(!line.intersects(node.rect), qPrintable(node.id));
        }
        for (const DiagramFlow &flow : model.flows) {
            QVERIFY2(!b.labelRect.intersects(flow.labelRect), qPrintable(flow.key()));
            QVERIFY2(!line.intersects(flow.labelRect), qPrintable(flow.key()));
            for (int k = 0; k + 1 < flow.path.size(); ++k) {
                const QRectF segment = QRectF(flow.path.at(k), flow.path.at(k + 1)).normalized();
                QVERIFY2(!b.labelRect.intersects(segment.adjusted(-0.5, -0.5, 0.5, 0.5)),
                         qPrintable(flow.key()));
                if (qFuzzyCompare(segment.left(), segment.right()))
                    QVERIFY2(std::abs(segment.left() - b.line.x1()) >= 4, qPrintable(flow.key()));
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

void TestDiagramLayout::oneArrowPerPair_data()
{
    QTest::addColumn<QString>("catalogName");
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("expired");
    QTest::addColumn<int>("expected");
    // 21 flows (admin-ws-443 expired, agent-relay-4123 local, 2 with two initiators) between
    // 19 pairs of initiator and listener; -1: one per pair, counted by the test.
    QTest::addRow("builtin") << "builtin" << QString() << false << 19;
    QTest::addRow("builtin-expired") << "builtin" << QString() << true << 20;
    QTest::addRow("builtin-agent") << "builtin"
                                   << "agent" << false << 10; // 12 flows, one local, two to the SPS
    QTest::addRow("builtin-relay") << "builtin"
                                   << "relay" << false << 5; // 7 flows, one local, two from the cloud
    QTest::addRow("synthetic") << "synthetic" << QString() << false << -1;
    QTest::addRow("synthetic-expired") << "synthetic" << QString() << true << -1;
    QTest::addRow("bundles") << "bundles" << QString() << false << 2;
}

void TestDiagramLayout::oneArrowPerPair()
{
    QFETCH(QString, catalogName);
    QFETCH(QString, role);
    QFETCH(bool, expired);
    QFETCH(int, expected);
    const Catalog &catalog = catalogNamed(catalogName);
    DiagramOptions options;
    options.role = role;
    options.includeExpired = expired;
    const DiagramModel model = DiagramLayout::layout(catalog, options);
    if (expected >= 0)
        QCOMPARE(model.flows.size(), expected);

    // The drawn flows: those the filter accepts, with a current endpoint unless expired ones
    // are shown, that cross the network.
    const FlowFilter filter = options.filter();
    QSet<QString> pairs;
    QStringList drawn;
    for (const Flow &flow : catalog.flows) {
        const bool accepted = filter.acceptsFlow(catalog, flow)
                && (expired || !catalog.isFullyExpired(flow, options.date())) && flow.needsNetworkRule;
        QCOMPARE(model.arrowsOfFlow(flow.id).isEmpty(), !accepted);
        if (!accepted)
            continue;
        drawn.append(flow.id);
        // One arrow per initiator; with a role that initiates, only the role's.
        for (const QString &source : flow.initiators) {
            if (!role.isEmpty() && flow.isInitiatedBy(role) && source != role)
                continue;
            const DiagramFlow *arrow = model.flow(flow.id + QLatin1Char('|') + source);
            QVERIFY2(arrow, qPrintable(flow.id + QLatin1Char('|') + source));
            QCOMPARE(arrow->to, flow.listener);
            pairs.insert(source + QLatin1Char('>') + flow.listener
                         + (catalog.isFullyExpired(flow, options.date()) ? QStringLiteral(" expired")
                                                                         : QString()));
        }
    }
    // One arrow per initiator and listener (expired flows on one of their own).
    QCOMPARE(int(model.flows.size()), int(pairs.size()));
    QCOMPARE(model.flowIds().size(), drawn.size());

    // No two arrows for the same initiator and listener; each lists the ports of all its flows.
    QSet<QString> seen;
    for (const DiagramFlow &arrow : model.flows) {
        QVERIFY(!arrow.flowIds.isEmpty());
        QCOMPARE(arrow.flowId, arrow.flowIds.first());
        const QString pair = arrow.from + QLatin1Char('>') + arrow.to
                + (arrow.isExpired ? QStringLiteral(" expired") : QString());
        QVERIFY2(!seen.contains(pair), qPrintable(pair));
        seen.insert(pair);
        bool anyRequired = false;
        QList<const Flow *> flows;
        for (const QString &id : arrow.flowIds) {
            const Flow *flow = catalog.flow(id);
            QVERIFY(flow);
            QVERIFY(flow->initiators.contains(arrow.from));
            QCOMPARE(arrow.to, flow->listener);
            for (const PortSpec &p : flow->ports)
                QVERIFY2(arrow.label.contains(QString::number(p.port)), qPrintable(arrow.label));
            anyRequired = anyRequired || flow->requirement == Requirement::Required;
            flows.append(flow);
            QCOMPARE(model.flow(id + QLatin1Char('|') + arrow.from), &arrow);
        }
        QCOMPARE(arrow.isRequired(), anyRequired);
        QCOMPARE(arrow.isExpired, catalog.isFullyExpired(*flows.first(), options.date()));
        if (!arrow.isExpired)
            QCOMPARE(arrow.label, DiagramLayout::flowLabel(DiagramLayout::bundledPorts(flows)));
    }
    if (role.isEmpty() && catalogName != QLatin1String("bundles")) {
        // Every component with a flow is shown, in its zone.
        for (const Component &component : catalog.components) {
            const DiagramNode *node = model.node(component.id);
            if (node)
                QCOMPARE(node->zone, component.zone);
        }
    }
}

void TestDiagramLayout::labelsOnOwnSegment_data()
{
    addCatalogRows();
}

// Each label sits right above a horizontal segment of its own arrow that is as wide as the
// label, and no other arrow runs along that segment or has its label there.
void TestDiagramLayout::labelsOnOwnSegment()
{
    QFETCH(QString, catalogName);
    QFETCH(Language, language);
    QFETCH(QString, role);
    QFETCH(qreal, scale);
    QFETCH(bool, expired);
    DiagramOptions options;
    options.language = language;
    options.role = role;
    options.fontScale = scale;
    options.includeExpired = expired;
    const DiagramModel model = DiagramLayout::layout(catalogNamed(catalogName), options);
    for (const DiagramFlow &flow : model.flows) {
        const QRectF label = flow.labelRect;
        QLineF under;
        for (int k = 0; k + 1 < flow.path.size(); ++k) {
            const QPointF p = flow.path.at(k);
            const QPointF q = flow.path.at(k + 1);
            const qreal below = p.y() - label.bottom();
            if (qFuzzyCompare(p.y(), q.y()) && below >= 0 && below <= 4 * scale
                && std::min(p.x(), q.x()) <= label.left() && std::max(p.x(), q.x()) >= label.right())
                under = QLineF(p, q);
        }
        QVERIFY2(!under.isNull(), qPrintable(flow.key() + QLatin1String(": ") + flow.label));
        const qreal lo = std::min(under.x1(), under.x2());
        const qreal hi = std::max(under.x1(), under.x2());
        for (const DiagramFlow &other : model.flows) {
            if (&other == &flow)
                continue;
            for (int k = 0; k + 1 < other.path.size(); ++k) {
                const QPointF p = other.path.at(k);
                const QPointF q = other.path.at(k + 1);
                const bool along = qAbs(p.y() - under.y1()) < 0.5 && qAbs(q.y() - under.y1()) < 0.5
                        && std::max(p.x(), q.x()) > lo + 0.5 && std::min(p.x(), q.x()) < hi - 0.5;
                QVERIFY2(!along, qPrintable(flow.key() + QLatin1String(" shares with ") + other.key()));
            }
            QVERIFY2(!(qAbs(other.labelRect.bottom() - label.bottom()) < 0.5 && other.labelRect.right() > lo
                       && other.labelRect.left() < hi),
                     qPrintable(flow.key() + QLatin1String(" label beside ") + other.key()));
        }
    }
}

void TestDiagramLayout::identicalFlowsBundled()
{
    // Flows between the same initiator and listener share one arrow that lists their ports.
    const DiagramModel model = DiagramLayout::layout(m_bundles);
    QCOMPARE(model.flows.size(), 2);
    const DiagramFlow *agentWeb = model.flow(QStringLiteral("b1|agent"));
    QVERIFY(agentWeb);
    QCOMPARE(agentWeb->flowIds, (QStringList{"b1", "b2", "b3", "b4"}));
    QCOMPARE(model.flow(QStringLiteral("b4|agent")), agentWeb);
    QCOMPARE(agentWeb->label, QStringLiteral("80/TCP HTTP, 443/TCP HTTPS")); // once, not per flow
    QVERIFY(agentWeb->isRequired()); // b2 is required
    QCOMPARE(model.arrowsOfFlow(QStringLiteral("b3")).size(), 1);
    // b2 has two initiators: one arrow from each.
    QCOMPARE(model.arrowsOfFlow(QStringLiteral("b2")).size(), 2);
    // Same port and transport, different protocol names: the names joined.
    const DiagramFlow *relayWeb = model.flow(QStringLiteral("b5|relay"));
    QVERIFY(relayWeb && relayWeb != agentWeb);
    QCOMPARE(relayWeb->flowIds, (QStringList{"b2", "b5", "b6"}));
    QCOMPARE(relayWeb->label, QStringLiteral("80/TCP HTTP, 443/TCP HTTPS/TLS"));

    DiagramOptions options;
    options.role = QStringLiteral("relay");
    const DiagramModel relay = DiagramLayout::layout(m_bundles, options);
    QCOMPARE(relay.flows.size(), 1);
    QCOMPARE(relay.flow(QStringLiteral("b6|relay"))->flowIds, (QStringList{"b2", "b5", "b6"}));
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
    const DiagramModel model = DiagramLayout::layout(m_bundles);
    int bundles = 0;
    for (const DiagramFlow &flow : model.flows) {
        if (flow.flowIds.size() < 2)
            continue;
        ++bundles;
        const QString tip = DiagramText::flowToolTip(m_bundles, model, flow, language);
        const QString narration = DiagramText::narration(m_bundles, flow, language);
        for (const QString &id : flow.flowIds) {
            const Flow *f = m_bundles.flow(id);
            const QString service = f->service.text(language);
            QVERIFY2(tip.contains(service.toHtmlEscaped()), qPrintable(id + QLatin1String(": ") + tip));
            QVERIFY2(tip.contains(CatalogText::requirement(f->requirement)), qPrintable(tip));
            // Without a narration in the catalog, the descriptions.
            QVERIFY2(narration.contains(f->description.text(language)),
                     qPrintable(id + QLatin1String(": ") + narration));
        }
        QVERIFY2(tip.contains(flow.label.section(QLatin1Char(' '), 0, 0)), qPrintable(tip));
    }
    QVERIFY(bundles > 0);
    // With results: every flow's result and the arrow's combined one.
    const DiagramFlow *flow = model.flow(QStringLiteral("b1|agent"));
    QVERIFY(flow);
    DiagramResults results;
    results.setStatus(QStringLiteral("b1"), FlowStatus::Passed);
    results.setStatus(QStringLiteral("b2"), FlowStatus::Failed);
    const QString tip = DiagramText::flowToolTip(m_bundles, model, *flow, language, results);
    QVERIFY(tip.contains(DiagramText::statusText(FlowStatus::Partial)));
    QVERIFY(tip.contains(DiagramText::statusText(FlowStatus::Untested))); // b3
}

void TestDiagramLayout::expiredFlows_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("role");
    QTest::addRow("en") << Language::English << QString();
    QTest::addRow("ja") << Language::Japanese << QString();
    QTest::addRow("en-admin") << Language::English << QStringLiteral("admin");
}

void TestDiagramLayout::expiredFlows()
{
    QFETCH(Language, language);
    QFETCH(QString, role);
    const QString adminFlow = QStringLiteral("admin-ws-443");
    QVERIFY(m_builtin.isFullyExpired(*m_builtin.flow(adminFlow), QDate::currentDate()));
    DiagramOptions options;
    options.language = language;
    options.role = role;
    // Hidden by default: no arrow, and no expired arrow at all.
    const DiagramModel hidden = DiagramLayout::layout(m_builtin, options);
    QVERIFY(hidden.arrowsOfFlow(adminFlow).isEmpty());
    for (const DiagramFlow &flow : hidden.flows) {
        QVERIFY2(!flow.isExpired, qPrintable(flow.key()));
        QVERIFY(!m_builtin.isFullyExpired(*m_builtin.flow(flow.flowId), options.date()));
        // Partly expired flows (agent-ws-443) are current, their narration says nothing of
        // the expired static addresses.
        const QString narration = DiagramText::narration(m_builtin, flow, language);
        QVERIFY2(!narration.contains(QLatin1String("IPv4")), qPrintable(narration));
        QVERIFY2(!narration.contains(QLatin1String("2022-12-31")), qPrintable(narration));
    }
    for (const DiagramLegendItem &item : hidden.legend.items)
        QVERIFY(item.kind != DiagramLegendItem::Kind::Expired);
    // The admin's only flow is expired: the role shows its box alone.
    if (role == QLatin1String("admin"))
        QVERIFY(hidden.flows.isEmpty());

    // Shown on request, marked: its label and tooltip say since when, its narration that it is
    // no longer needed; the legend explains the grey dotted line.
    options.includeExpired = true;
    const DiagramModel shown = DiagramLayout::layout(m_builtin, options);
    const QList<const DiagramFlow *> arrows = shown.arrowsOfFlow(adminFlow);
    QCOMPARE(arrows.size(), 1);
    const DiagramFlow &arrow = *arrows.first();
    QVERIFY(arrow.isExpired);
    QCOMPARE(arrow.from, QStringLiteral("admin"));
    const QString validity =
            CatalogText::validity(m_builtin, m_builtin.flow(adminFlow)->endpoints.first(), options.date());
    QCOMPARE(validity, CatalogText::tr("expired %1").arg(QStringLiteral("2022-12-31")));
    QVERIFY2(arrow.label.contains(validity), qPrintable(arrow.label));
    QVERIFY(DiagramText::flowToolTip(m_builtin, shown, arrow, language).contains(validity));
    QVERIFY(DiagramText::narration(m_builtin, arrow, language).contains(validity));
    QCOMPARE(shown.flows.size(), hidden.flows.size() + 1);
    bool legend = false;
    for (const DiagramLegendItem &item : shown.legend.items)
        legend = legend || item.kind == DiagramLegendItem::Kind::Expired;
    QVERIFY(legend);
    int expired = 0;
    for (const DiagramFlow &flow : shown.flows)
        expired += flow.isExpired ? 1 : 0;
    QCOMPARE(expired, 1);
}

void TestDiagramLayout::localFlowHasNoArrow()
{
    // 4123: the relay's own agent, on the same computer. No arrow; the relay's box names it.
    const QString local = QStringLiteral("agent-relay-4123");
    QVERIFY(!m_builtin.flow(local)->needsNetworkRule);
    for (const QString &role : {QString(), QStringLiteral("agent"), QStringLiteral("relay")}) {
        DiagramOptions options;
        options.role = role;
        const DiagramModel model = DiagramLayout::layout(m_builtin, options);
        QVERIFY(model.arrowsOfFlow(local).isEmpty());
        const DiagramNode *relay = model.node(QStringLiteral("relay"));
        QVERIFY(relay);
        QCOMPARE(relay->localFlowIds, QStringList{local});
        QVERIFY(model.flowIdsOf(QStringLiteral("relay")).contains(local));
        const QString tip = DiagramText::nodeToolTip(m_builtin, model, *relay, Language::English);
        QVERIFY2(tip.contains(QLatin1String("4123")), qPrintable(tip));
    }
    // The relay's connections to itself on 4122 cross its network: a loop on its box.
    const DiagramModel model = DiagramLayout::layout(m_builtin);
    const DiagramFlow *loop = model.flow(QStringLiteral("relay-relay-4122|relay"));
    QVERIFY(loop);
    QCOMPARE(loop->to, QStringLiteral("relay"));
    QCOMPARE(loop->label, QStringLiteral("4122"));
}

void TestDiagramLayout::directionsForRole_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<Language>("language");
    QTest::addRow("agent-en") << "agent" << Language::English;
    QTest::addRow("agent-ja") << "agent" << Language::Japanese;
    QTest::addRow("relay-en") << "relay" << Language::English;
}

void TestDiagramLayout::directionsForRole()
{
    QFETCH(QString, role);
    QFETCH(Language, language);
    DiagramOptions options;
    options.role = role;
    options.language = language;
    const DiagramModel model = DiagramLayout::layout(m_builtin, options);
    QCOMPARE(model.role, role);
    QSet<Direction> seen;
    for (const DiagramFlow &arrow : model.flows) {
        const Direction expected = m_builtin.flow(arrow.flowId)->directionFor(role);
        QCOMPARE(arrow.direction, expected);
        seen.insert(expected);
        const QString word = CatalogText::direction(expected);
        QVERIFY(!word.isEmpty());
        QVERIFY2(DiagramText::flowToolTip(m_builtin, model, arrow, language).contains(word),
                 qPrintable(arrow.key()));
        QVERIFY2(DiagramText::directionText(m_builtin, model, arrow, language).contains(word),
                 qPrintable(arrow.key()));
        // Outbound where the role opens the connection, inbound where it listens.
        if (expected == Direction::Outbound)
            QCOMPARE(arrow.from, role);
        if (expected == Direction::Inbound)
            QCOMPARE(arrow.to, role);
    }
    // The agent listens on 4118 and opens everything else.
    QVERIFY(seen.contains(Direction::Outbound));
    QVERIFY(seen.contains(Direction::Inbound));
    QCOMPARE(model.flow(QStringLiteral("ws-%1-4118|workload-security").arg(role))->direction,
             Direction::Inbound);
}

void TestDiagramLayout::fewCrossings_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("most");
    // The full view: no more than Graphviz dot's 38 for the same graph (bench/bench_diagram).
    for (Language language : {Language::English, Language::Japanese}) {
        const QString code = languageCode(language);
        QTest::addRow("%s", qPrintable(code)) << language << QString() << 38;
        // Every role: none.
        for (const Component &component : m_builtin.components)
            QTest::addRow("%s-%s", qPrintable(code), qPrintable(component.id))
                    << language << component.id << 0;
    }
}

void TestDiagramLayout::fewCrossings()
{
    QFETCH(Language, language);
    QFETCH(QString, role);
    QFETCH(int, most);
    DiagramOptions options;
    options.language = language;
    options.role = role;
    for (bool expired : {false, true}) {
        for (bool hosts : {false, true}) {
            options.includeExpired = expired;
            options.showHosts = hosts;
            const DiagramModel model = DiagramLayout::layout(m_builtin, options);
            const int count = crossings(model);
            qInfo("%d crossings%s%s", count, expired ? " with expired flows" : "",
                  hosts ? " with hosts" : "");
            QCOMPARE(DiagramLayout::crossingCount(model), count);
            QVERIFY2(count <= most, qPrintable(QString::number(count)));
        }
    }
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
    QCOMPARE(model.node(QStringLiteral("dns-server"))->label, QStringLiteral("DNSサーバー"));
    options.language = Language::English;
    QCOMPARE(DiagramLayout::layout(m_builtin, options).node(QStringLiteral("dns-server"))->label,
             QStringLiteral("DNS server"));
}

void TestDiagramLayout::flowLabel_data()
{
    QTest::addColumn<QString>("flowId");
    QTest::addColumn<QString>("label");
    QTest::addRow("one port") << "xdr-443"
                              << "443/TCP HTTPS";
    QTest::addRow("sorted by port") << "agent-spn-web"
                                    << "80/TCP HTTP, 443/TCP HTTPS";
    QTest::addRow("tcp and udp merged") << "agent-dns"
                                        << "53/TCP+UDP DNS";
    QTest::addRow("udp") << "agent-ntp"
                         << "123/UDP NTP";
    QTest::addRow("transport not stated") << "relay-relay-4122"
                                          << "4122";
    QTest::addRow("transport not stated, protocol") << "dcg-dns"
                                                    << "53 DNS";
}

void TestDiagramLayout::flowLabel()
{
    QFETCH(QString, flowId);
    QFETCH(QString, label);
    const Flow *flow = m_builtin.flow(flowId);
    QVERIFY(flow);
    QCOMPARE(DiagramLayout::flowLabel(*flow), label);
}

void TestDiagramLayout::bundledPorts()
{
    const Flow *spn = m_builtin.flow(QStringLiteral("agent-spn-web"));
    const Flow *updates = m_builtin.flow(QStringLiteral("update-servers-web"));
    QVERIFY(spn && updates);
    const QList<PortSpec> ports = DiagramLayout::bundledPorts({spn, updates});
    QCOMPARE(ports.size(), 2);
    QCOMPARE(DiagramLayout::flowLabel(ports), DiagramLayout::flowLabel(*spn));
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

void TestDiagramLayout::lineBreaks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("breaks");
    QTest::addRow("english") << QStringLiteral("Deep Security Agent") << QList<int>{5, 14};
    QTest::addRow("katakana word") << QStringLiteral("アップデートサーバー") << QList<int>{};
    QTest::addRow("particle") << QStringLiteral("管理者のコンピューター") << QList<int>{3, 4};
    QTest::addRow("mixed") << QStringLiteral("SIEMまたはSyslogサーバー") << QList<int>{4, 7, 13};
    QTest::addRow("brackets") << QStringLiteral("XDRイベントチャネル（アクティビティ監視）")
                              << QList<int>{3, 11, 19};
}

// Word boundaries: QTextBoundaryFinder's, but none inside a run of one Japanese script.
void TestDiagramLayout::lineBreaks()
{
    QFETCH(QString, text);
    QFETCH(QList<int>, breaks);
    QCOMPARE(DiagramLayout::lineBreaks(text), breaks);
}

void TestDiagramLayout::namesBreakAtWords_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<qreal>("scale");
    QTest::addRow("en") << Language::English << 1.0;
    QTest::addRow("ja") << Language::Japanese << 1.0;
    QTest::addRow("en-present") << Language::English << 1.5;
    QTest::addRow("ja-present") << Language::Japanese << 1.5;
}

// Every box name of the built-in catalog, broken as the boxes draw it: each line ends where
// QTextBoundaryFinder allows a line break, never between two katakana (nor two kanji, two
// hiragana), and every line fits its box, except in no case.
void TestDiagramLayout::namesBreakAtWords()
{
    QFETCH(Language, language);
    QFETCH(qreal, scale);
    DiagramOptions options;
    options.language = language;
    options.fontScale = scale;
    const DiagramModel model = DiagramLayout::layout(m_builtin, options);
    QVERIFY(!model.nodes.isEmpty());
    const qreal narrowest = model.nodes.first().textRect.width();
    const QFontMetricsF metrics(model.nodeFont);
    const auto isKatakana = [](QChar c) {
        return (c >= QChar(0x30A1) && c <= QChar(0x30FA)) || c == QChar(0x30FC);
    };
    int broken = 0;
    for (const Component &component : m_builtin.components) {
        const QString name = component.name.text(language);
        // The boxes of the diagram (each column as wide as its longest word needs) and any
        // other name wrapped the same way.
        const DiagramNode *node = model.node(component.id);
        const qreal width = node ? node->textRect.width() : narrowest;
        QStringList lines = DiagramLayout::wrapText(model.nodeFont, width, name);
        if (node) {
            QCOMPARE(node->labelLines, lines);
            QVERIFY2(node->textRect.height() + 0.5 >= lines.size() * metrics.lineSpacing(), qPrintable(name));
        }
        QCOMPARE(lines.join(QString()).remove(QLatin1Char(' ')), QString(name).remove(QLatin1Char(' ')));
        QTextBoundaryFinder finder(QTextBoundaryFinder::Line, name);
        int position = 0;
        for (int i = 0; i < lines.size(); ++i) {
            QVERIFY2(metrics.horizontalAdvance(lines.at(i)) <= width + 0.5, qPrintable(lines.at(i)));
            position = int(name.indexOf(lines.at(i), position)) + int(lines.at(i).size());
            if (i + 1 == lines.size())
                break;
            ++broken;
            int next = position;
            while (next < name.size() && name.at(next).isSpace())
                ++next;
            finder.setPosition(next);
            const QString where = QStringLiteral("%1 | %2").arg(lines.at(i), lines.at(i + 1));
            QVERIFY2(finder.isAtBoundary()
                             && finder.boundaryReasons().testFlag(QTextBoundaryFinder::BreakOpportunity),
                     qPrintable(where));
            QVERIFY2(!(isKatakana(name.at(position - 1)) && isKatakana(name.at(next))), qPrintable(where));
        }
    }
    QVERIFY(broken > 0); // some names do need two lines
}

void TestDiagramLayout::networkBoundary_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("role");
    for (Language language : {Language::English, Language::Japanese}) {
        const QString code = languageCode(language);
        QTest::addRow("%s", qPrintable(code)) << language << QString();
        for (const Component &component : m_builtin.components)
            QTest::addRow("%s-%s", qPrintable(code), qPrintable(component.id)) << language << component.id;
    }
}

// The firewall or proxy between the customer network and the internet: a line between the
// customer zone and the next, crossed by every arrow that leaves the customer network and by no
// other.
void TestDiagramLayout::networkBoundary()
{
    QFETCH(Language, language);
    QFETCH(QString, role);
    DiagramOptions options;
    options.language = language;
    options.role = role;
    const DiagramModel model = DiagramLayout::layout(m_builtin, options);
    const bool customer = std::any_of(model.nodes.cbegin(), model.nodes.cend(),
                                      [](const DiagramNode &n) { return n.zone == Zone::Customer; });
    const bool outside = std::any_of(model.nodes.cbegin(), model.nodes.cend(),
                                     [](const DiagramNode &n) { return n.zone != Zone::Customer; });
    QCOMPARE(!model.boundary.isNull(), customer && outside);
    if (model.boundary.isNull())
        return;
    const qreal x = model.boundary.line.x1();
    QCOMPARE(model.boundary.line.x2(), x);
    QVERIFY(model.texts().contains(model.boundary.label));
    for (const DiagramNode &node : model.nodes)
        QVERIFY2(node.zone == Zone::Customer ? node.rect.right() < x : node.rect.left() > x,
                 qPrintable(node.id));
    for (const DiagramFlow &flow : model.flows) {
        const bool leaves = (model.node(flow.from)->zone == Zone::Customer)
                != (model.node(flow.to)->zone == Zone::Customer);
        const QRectF extent = flow.path.boundingRect();
        const bool crosses = extent.left() < x && extent.right() > x;
        QVERIFY2(crosses == leaves, qPrintable(flow.key()));
    }
    // In the label font, in the free band at the bottom: it takes no room from the zone headers.
    QCOMPARE(model.boundary.labelRect.height(), std::ceil(QFontMetricsF(model.labelFont).height()));
    // A catalog without a customer network draws none.
    QVERIFY(DiagramLayout::layout(m_cloudOnly).boundary.isNull());
}

// "Host names": each arrow's key destinations under its ports, at most two and a count.
void TestDiagramLayout::keyHosts()
{
    DiagramOptions options;
    options.showHosts = true;
    const DiagramModel model = DiagramLayout::layout(m_builtin, options);
    int withHosts = 0;
    for (const DiagramFlow &flow : model.flows) {
        const QStringList ports = flow.label.split(QStringLiteral(", "));
        // A host name broken after its dots continues on the next line.
        QStringList hosts;
        bool continues = false;
        for (const QString &line : flow.labelLines.mid(ports.size())) {
            if (continues)
                hosts.last() += line;
            else
                hosts.append(line);
            continues = line.endsWith(QLatin1Char('.'));
        }
        QSet<QString> known; // the destinations valid today
        const FlowFilter filter = options.filter();
        for (const Flow *f : DiagramLayout::flowsOf(m_builtin, flow)) {
            for (const Endpoint &e : f->endpoints) {
                if (filter.acceptsEndpoint(m_builtin, *f, e, options.date()))
                    known.insert(e.hostName().isEmpty() ? e.value : e.hostName());
            }
        }
        if (known.isEmpty()) {
            QVERIFY2(hosts.isEmpty(), qPrintable(flow.key())); // the customer's own servers
            continue;
        }
        ++withHosts;
        QVERIFY2(!hosts.isEmpty(), qPrintable(flow.key()));
        const bool counted = hosts.last().startsWith(QLatin1Char('+'));
        QVERIFY(hosts.size() - (counted ? 1 : 0) <= 2);
        for (int i = 0; i < hosts.size() - (counted ? 1 : 0); ++i)
            QVERIFY2(known.contains(hosts.at(i)), qPrintable(hosts.at(i)));
        QVERIFY2(counted == (known.size() > hosts.size() - (counted ? 1 : 0)),
                 qPrintable(flow.key() + QLatin1Char(' ') + hosts.join(QLatin1Char(','))));
    }
    QVERIFY(withHosts >= 5);
    const DiagramFlow *gateway = model.flow(QStringLiteral("dcg-ws-443|dcg"));
    QVERIFY(gateway);
    QVERIFY(gateway->labelLines.join(QString()).contains(
            QStringLiteral("gateway-control.workload.us-1.cloudone.trendmicro.com")));
    QVERIFY(gateway->labelLines.join(QString()).contains(
            QStringLiteral("gateway.workload.us-1.cloudone.trendmicro.com")));
    QCOMPARE(
            DiagramLayout::hostLines(QStringLiteral("gateway-control.workload.us-1.cloudone.trendmicro.com")),
            (QStringList{"gateway-control.workload.us-1.cloudone.", "trendmicro.com"}));
    QCOMPARE(DiagramLayout::hostLines(QStringLiteral("a.b.c"), 2), (QStringList{"a.", "b.", "c"}));
    QCOMPARE(DiagramLayout::hostLines(QStringLiteral("34.205.5.0/27")), QStringList{"34.205.5.0/27"});
    const DiagramFlow *inbound = model.flow(QStringLiteral("ws-agent-4118|workload-security"));
    QVERIFY(inbound);
    QVERIFY(inbound->labelLines.contains(QStringLiteral("34.205.5.0/27")));
    // Off: the ports alone.
    options.showHosts = false;
    for (const DiagramFlow &flow : DiagramLayout::layout(m_builtin, options).flows)
        QCOMPARE(flow.labelLines.join(QStringLiteral(", ")), flow.label);
}

// With results, each label leaves room for the result's symbol before its text.
void TestDiagramLayout::roomForResultSymbols()
{
    DiagramOptions options;
    const DiagramModel plain = DiagramLayout::layout(m_builtin, options);
    QCOMPARE(plain.symbolSize, 0.0);
    options.showResultsLegend = true;
    const DiagramModel results = DiagramLayout::layout(m_builtin, options);
    QVERIFY(results.symbolSize >= 8);
    const QFontMetricsF metrics(results.labelFont);
    for (const DiagramFlow &flow : results.flows) {
        qreal widest = 0;
        for (const QString &line : flow.labelLines)
            widest = std::max(widest, metrics.horizontalAdvance(line));
        QVERIFY2(flow.labelRect.width() >= widest + results.symbolSize, qPrintable(flow.key()));
    }
    QCOMPARE(std::count_if(
                     results.legend.items.cbegin(), results.legend.items.cend(),
                     [](const DiagramLegendItem &i) { return i.kind == DiagramLegendItem::Kind::Failed; }),
             1);
}

QTEST_MAIN(TestDiagramLayout)
#include "tst_diagramlayout.moc"
