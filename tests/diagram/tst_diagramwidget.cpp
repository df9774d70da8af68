#include "app/gui/diagram/diagramitem.h"
#include "app/gui/diagram/diagramscene.h"
#include "app/gui/diagram/diagramview.h"
#include "app/gui/diagram/diagramwidget.h"
#include "app/gui/diagram/presentationwindow.h"
#include "core/catalog/catalogtext.h"
#include "core/diagram/diagramtext.h"
#include "tests/diagram/diagramtestcatalogs.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

// The diagram widgets, offscreen. Set PORTOLAN_SCREENSHOT_DIR to keep screenshots.
class TestDiagramWidget : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void clickComponent();
    void clickArrow();
    void clickComponentForwardsFlows();
    void clickEmptySpace();
    void highlight();
    void zoomKeys_data();
    void zoomKeys();
    void wheelZooms();
    void fitToWindow();
    void projectorType_data();
    void projectorType();
    void languageAndRoleApplyLive();
    void results();
    void toolTips();
    void showExpired();
    void presentation();
    void presentationLanguage();
    void widgetExportAndPresent();

private:
    QPoint viewPoint(const QPointF &scenePoint) const;
    void screenshot(QWidget *widget, const QString &name) const;

    Catalog m_catalog;
    DiagramView *m_view = nullptr;
};

void TestDiagramWidget::initTestCase()
{
    m_catalog = DiagramTestCatalogs::builtin();
}

void TestDiagramWidget::init()
{
    m_view = new DiagramView;
    m_view->resize(1400, 1000);
    m_view->setCatalog(m_catalog);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestDiagramWidget::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

QPoint TestDiagramWidget::viewPoint(const QPointF &scenePoint) const
{
    return m_view->mapFromScene(scenePoint);
}

void TestDiagramWidget::screenshot(QWidget *widget, const QString &name) const
{
    const QString dir = qEnvironmentVariable("PORTOLAN_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}

void TestDiagramWidget::clickComponent()
{
    QSignalSpy components(m_view, &DiagramView::componentActivated);
    QSignalSpy flows(m_view, &DiagramView::flowsActivated);
    const DiagramNode *node = m_view->diagramScene()->model().node(QStringLiteral("dns-server"));
    QVERIFY(node);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(node->rect.center()));
    QCOMPARE(components.size(), 1);
    QCOMPARE(components.first().first().toString(), QStringLiteral("dns-server"));
    // Its flows, for the tables (dcg-dns is conditional but drawn).
    QCOMPARE(flows.size(), 1);
    QCOMPARE(flows.first().first().value<QSet<QString>>(),
             (QSet<QString>{QStringLiteral("agent-dns"), QStringLiteral("dcg-dns")}));
}

void TestDiagramWidget::clickArrow()
{
    QSignalSpy components(m_view, &DiagramView::componentActivated);
    QSignalSpy flows(m_view, &DiagramView::flowsActivated);
    const DiagramFlow *flow = m_view->diagramScene()->model().flow(QStringLiteral("xdr-443|agent"));
    QVERIFY(flow);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(flow->labelRect.center()));
    QCOMPARE(flows.size(), 1);
    QCOMPARE(flows.first().first().value<QSet<QString>>(), QSet<QString>{QStringLiteral("xdr-443")});
    // On the line itself, half-way along its last segment.
    const QPointF onLine = (flow->path.at(flow->path.size() - 2) + flow->path.last()) / 2;
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(onLine));
    QCOMPARE(flows.size(), 2);
    QCOMPARE(components.size(), 0);
    // A flow with many endpoint lists (the Smart Protection Network's services) is one arrow.
    QCOMPARE(m_view->diagramScene()->flowItems(QStringLiteral("agent-spn-web")).size(), 1);
}

void TestDiagramWidget::clickComponentForwardsFlows()
{
    // The relay: its arrows, and 4123 that has none (its own agent, on the same computer).
    QSignalSpy flows(m_view, &DiagramView::flowsActivated);
    const DiagramNode *node = m_view->diagramScene()->model().node(QStringLiteral("relay"));
    QVERIFY(node);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(node->rect.center()));
    QCOMPARE(flows.size(), 1);
    const QSet<QString> ids = flows.first().first().value<QSet<QString>>();
    QVERIFY(ids.contains(QStringLiteral("agent-relay-4123")));
    QVERIFY(ids.contains(QStringLiteral("relay-relay-4122")));
    QVERIFY(ids.contains(QStringLiteral("agent-ws-443")));
    QVERIFY(!ids.contains(QStringLiteral("agent-dns")));
    for (const QString &id : ids)
        QVERIFY2(m_catalog.flow(id)->involves(QStringLiteral("relay")), qPrintable(id));
}

void TestDiagramWidget::clickEmptySpace()
{
    QSignalSpy components(m_view, &DiagramView::componentActivated);
    QSignalSpy flows(m_view, &DiagramView::flowsActivated);
    const DiagramZone &zone = m_view->diagramScene()->model().zones.first();
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(zone.labelRect.center()));
    QCOMPARE(components.size() + flows.size(), 0);
}

void TestDiagramWidget::highlight()
{
    DiagramScene *scene = m_view->diagramScene();
    for (DiagramItem *item : scene->diagramItems())
        QVERIFY(!item->isHighlighted() && !item->isDimmed());
    m_view->setHighlightedFlows({QStringLiteral("agent-ws-443"), QStringLiteral("agent-ntp")});
    int highlighted = 0;
    for (DiagramItem *item : scene->diagramItems()) {
        if (item->kind() != DiagramItem::Kind::Flow)
            continue;
        const bool expected = item->flowIds().contains(QLatin1String("agent-ws-443"))
                || item->flowIds().contains(QLatin1String("agent-ntp"));
        QCOMPARE(item->isHighlighted(), expected);
        QCOMPARE(item->isDimmed(), !expected);
        highlighted += expected ? 1 : 0;
    }
    QCOMPARE(highlighted, 3); // agent-ws-443 has two initiators
    QVERIFY(scene->nodeItem(QStringLiteral("ntp-server"))->isHighlighted());
    QVERIFY(scene->nodeItem(QStringLiteral("relay"))->isHighlighted());
    QVERIFY(scene->nodeItem(QStringLiteral("spn"))->isDimmed());
    // Highlighted arrows are drawn above the others.
    QVERIFY(scene->flowItems(QStringLiteral("agent-ws-443")).first()->zValue()
            > scene->flowItems(QStringLiteral("agent-spn-web")).first()->zValue());
    m_view->setHighlightedFlows({QStringLiteral("agent-spn-web")});
    QVERIFY(scene->flowItems(QStringLiteral("agent-spn-web")).first()->isHighlighted());
    QVERIFY(scene->nodeItem(QStringLiteral("spn"))->isHighlighted());
    m_view->setHighlightedFlows({});
    for (DiagramItem *item : scene->diagramItems())
        QVERIFY(!item->isHighlighted() && !item->isDimmed());
}

void TestDiagramWidget::zoomKeys_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<bool>("larger");
    QTest::addRow("ctrl+=") << int(Qt::Key_Equal) << true;
    QTest::addRow("ctrl++") << int(Qt::Key_Plus) << true;
    QTest::addRow("ctrl+-") << int(Qt::Key_Minus) << false;
}

void TestDiagramWidget::zoomKeys()
{
    QFETCH(int, key);
    QFETCH(bool, larger);
    const qreal before = m_view->zoomFactor();
    QSignalSpy spy(m_view, &DiagramView::zoomChanged);
    QTest::keyClick(m_view, Qt::Key(key), Qt::ControlModifier);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(m_view->zoomFactor() > before, larger);
    QVERIFY(!m_view->isFitToWindow());
    QTest::keyClick(m_view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(m_view->isFitToWindow());
    QVERIFY(qAbs(m_view->zoomFactor() - before) < 1e-6);
}

void TestDiagramWidget::wheelZooms()
{
    const qreal before = m_view->zoomFactor();
    const QPointF pos(200, 200);
    QWheelEvent up(pos, m_view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120), Qt::NoButton,
                   Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(m_view->viewport(), &up);
    QVERIFY(m_view->zoomFactor() > before);
    QWheelEvent down(pos, m_view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, -240), Qt::NoButton,
                     Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(m_view->viewport(), &down);
    QVERIFY(m_view->zoomFactor() < before);
}

void TestDiagramWidget::fitToWindow()
{
    // Fitted, the whole diagram is visible.
    const QRectF visible = m_view->mapToScene(m_view->viewport()->rect()).boundingRect();
    QVERIFY(visible.adjusted(-2, -2, 2, 2).contains(m_view->diagramScene()->model().bounds));
    m_view->setZoomFactor(2.0);
    QCOMPARE(m_view->zoomFactor(), 2.0);
    QVERIFY(!m_view->mapToScene(m_view->viewport()->rect())
                     .boundingRect()
                     .contains(m_view->diagramScene()->model().bounds));
    m_view->fitToWindow();
    QVERIFY(m_view->mapToScene(m_view->viewport()->rect())
                    .boundingRect()
                    .adjusted(-2, -2, 2, 2)
                    .contains(m_view->diagramScene()->model().bounds));
}

void TestDiagramWidget::languageAndRoleApplyLive()
{
    DiagramScene *scene = m_view->diagramScene();
    QSignalSpy relaid(scene, &DiagramScene::layoutChanged);
    m_view->setLanguage(Language::Japanese);
    QCOMPARE(relaid.size(), 1);
    QCOMPARE(scene->model().node(QStringLiteral("dns-server"))->label, QStringLiteral("DNSサーバー"));
    QVERIFY(scene->nodeItem(QStringLiteral("dns-server")));
    const int all = int(scene->model().flows.size());
    m_view->setRoleFilter(QStringLiteral("relay"));
    QCOMPARE(relaid.size(), 2);
    QVERIFY(scene->model().flows.size() < all);
    int flowItems = 0;
    for (DiagramItem *item : scene->diagramItems()) {
        if (item->kind() != DiagramItem::Kind::Flow)
            continue;
        ++flowItems;
        const DiagramFlow &flow = scene->model().flows.at(item->index());
        QVERIFY(flow.from == QLatin1String("relay") || flow.to == QLatin1String("relay"));
    }
    QCOMPARE(flowItems, scene->model().flows.size());
    QVERIFY(!scene->nodeItem(QStringLiteral("admin")));
    screenshot(m_view, QStringLiteral("diagram-view-ja-relay.png"));
    m_view->setRoleFilter({});
    QCOMPARE(int(scene->model().flows.size()), all);
}

void TestDiagramWidget::results()
{
    DiagramScene *scene = m_view->diagramScene();
    QVERIFY(!scene->state().showResults);
    const qsizetype legendItems = scene->model().legend.items.size();
    DiagramResults results;
    results.setStatus(QStringLiteral("xdr-443"), FlowStatus::Passed);
    results.setStatus(QStringLiteral("agent-ntp"), FlowStatus::Failed);
    m_view->setResults(results);
    QVERIFY(scene->state().showResults);
    QCOMPARE(scene->state().componentStatuses.value(QStringLiteral("xdr-event-channel")), FlowStatus::Passed);
    QCOMPARE(scene->state().componentStatuses.value(QStringLiteral("ntp-server")), FlowStatus::Failed);
    QCOMPARE(scene->state().componentStatuses.value(QStringLiteral("agent")), FlowStatus::Partial);
    QCOMPARE(scene->model().legend.items.size(), legendItems + 4);
    // Keyed by flow id: both arrows of agent-ws-443 show its result.
    results.setStatus(QStringLiteral("agent-ws-443"), FlowStatus::Partial);
    m_view->setResults(results);
    const QList<DiagramItem *> arrows = scene->flowItems(QStringLiteral("agent-ws-443"));
    QCOMPARE(arrows.size(), 2);
    for (const DiagramItem *item : arrows) {
        QCOMPARE(scene->state().flowStatus(scene->model().flows.at(item->index())), FlowStatus::Partial);
        QVERIFY(item->toolTip().contains(DiagramText::statusText(FlowStatus::Partial)));
    }
    screenshot(m_view, QStringLiteral("diagram-view-results.png"));
    m_view->setResults({});
    QVERIFY(!scene->state().showResults);
    QCOMPARE(scene->model().legend.items.size(), legendItems);
}

void TestDiagramWidget::toolTips()
{
    DiagramScene *scene = m_view->diagramScene();
    DiagramItem *flow = scene->flowItem(QStringLiteral("agent-ntp|agent"));
    QVERIFY(flow);
    QVERIFY(flow->toolTip().contains(QStringLiteral("NTP server")));
    QVERIFY(flow->toolTip().contains(QStringLiteral("123/UDP")));
    // The service, in the diagram's language; the direction for the role.
    for (Language language : {Language::English, Language::Japanese}) {
        m_view->setLanguage(language);
        const QString tip = scene->flowItem(QStringLiteral("agent-spn-web|agent"))->toolTip();
        QVERIFY2(tip.contains(m_catalog.flow(QStringLiteral("agent-spn-web"))
                                      ->service.text(language)
                                      .toHtmlEscaped()),
                 qPrintable(tip));
    }
    m_view->setLanguage(Language::English);
    m_view->setRoleFilter(QStringLiteral("agent"));
    QVERIFY(scene->flowItem(QStringLiteral("ws-agent-4118|workload-security"))
                    ->toolTip()
                    .contains(CatalogText::direction(Direction::Inbound)));
    QVERIFY(scene->flowItem(QStringLiteral("agent-ntp|agent"))
                    ->toolTip()
                    .contains(CatalogText::direction(Direction::Outbound)));
    QVERIFY(scene->nodeItem(QStringLiteral("agent"))
                    ->toolTip()
                    .contains(QStringLiteral("Deep Security Agent")));
    QVERIFY(scene->nodeItem(QStringLiteral("relay"))->toolTip().contains(QStringLiteral("4123")));
}

void TestDiagramWidget::showExpired()
{
    DiagramScene *scene = m_view->diagramScene();
    const QString admin = QStringLiteral("admin-ws-443");
    QVERIFY(!scene->showsExpired());
    QVERIFY(scene->flowItems(admin).isEmpty());
    const int current = int(scene->model().flows.size());
    QSignalSpy relaid(scene, &DiagramScene::layoutChanged);
    m_view->setShowExpired(true);
    QCOMPARE(relaid.size(), 1);
    QCOMPARE(int(scene->model().flows.size()), current + 1);
    const QList<DiagramItem *> items = scene->flowItems(admin);
    QCOMPARE(items.size(), 1);
    const DiagramFlow &arrow = scene->model().flows.at(items.first()->index());
    QVERIFY(arrow.isExpired);
    QVERIFY(arrow.label.contains(QLatin1String("2022-12-31")));
    QVERIFY(items.first()->toolTip().contains(QLatin1String("expired 2022-12-31")));
    screenshot(m_view, QStringLiteral("diagram-view-expired.png"));
    // The same through the tables' filter.
    FlowFilter filter;
    filter.roles = QStringList{QStringLiteral("agent")};
    m_view->setFlowFilter(filter);
    QCOMPARE(scene->roleFilter(), QStringLiteral("agent"));
    QVERIFY(!scene->showsExpired());
    QVERIFY(scene->flowItems(admin).isEmpty());
    m_view->setFlowFilter({});
    QCOMPARE(int(scene->model().flows.size()), current);
}

void TestDiagramWidget::presentation()
{
    PresentationWindow window;
    window.setCatalog(m_catalog);
    window.start();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isFullScreen());
    QCOMPARE(window.step(), 0);
    // One step per arrow.
    const DiagramScene *scene = window.view()->diagramScene();
    QCOMPARE(window.stepCount(), int(scene->model().flows.size()));
    // One arrow per initiator and listener: 19 in the built-in catalog.
    QVERIFY(window.stepCount() >= 15 && window.stepCount() < 40);
    QCOMPARE(scene->fontScale(), PresentationWindow::FontScale);
    const QString overview = window.narration();
    QVERIFY(!overview.isEmpty());

    // The keys for the operator, in a hint that hides; none in what the audience reads.
    QVERIFY(window.hintLabel()->isVisible());
    QVERIFY(window.hintLabel()->text().contains(QLatin1String("Esc")));
    QVERIFY(!overview.contains(QLatin1String("Esc")));
    QTRY_VERIFY_WITH_TIMEOUT(!window.hintLabel()->isVisible(), 8000);
    QTest::keyClick(&window, Qt::Key_F1);
    QVERIFY(window.hintLabel()->isVisible());

    // Required flows first, then conditional, then optional, each in the diagram's order.
    QList<int> seen;
    int lastRank = -1;
    for (int step = 1; step <= window.stepCount(); ++step) {
        const int index = window.flowIndexOfStep(step);
        QVERIFY(index >= 0 && !seen.contains(index));
        seen.append(index);
        const Requirement r = scene->model().flows.at(index).requirement;
        const int rank = r == Requirement::Required ? 0 : r == Requirement::Conditional ? 1 : 2;
        QVERIFY(rank >= lastRank);
        if (rank == lastRank)
            QVERIFY(index > seen.value(seen.size() - 2, -1));
        lastRank = rank;
    }
    QCOMPARE(seen.size(), window.stepCount());
    QVERIFY(scene->model().flows.at(window.flowIndexOfStep(1)).isRequired());

    QSignalSpy steps(&window, &PresentationWindow::stepChanged);
    QTest::keyClick(&window, Qt::Key_Right);
    QCOMPARE(window.step(), 1);
    QCOMPARE(steps.size(), 1);
    const DiagramFlow &first = scene->model().flows.at(window.flowIndexOfStep(1));
    QCOMPARE(window.narration(), DiagramText::narration(m_catalog, scene->model(), first, Language::English));
    QCOMPARE(scene->state().highlightedArrows, QSet<QString>{first.key()});
    QVERIFY(scene->flowItem(first.key())->isHighlighted());
    QVERIFY(scene->flowItem(scene->model().flows.at(window.flowIndexOfStep(2)).key())->isDimmed());
    screenshot(&window, QStringLiteral("presentation-en.png"));
    // A number and Enter: that step.
    QTest::keyClicks(&window, QStringLiteral("12"));
    QTest::keyClick(&window, Qt::Key_Return);
    QCOMPARE(window.step(), 12);
    QTest::keyClick(&window, Qt::Key_Home);
    QCOMPARE(window.step(), 0);
    QTest::keyClick(&window, Qt::Key_Right);

    QTest::keyClick(&window, Qt::Key_Right);
    QCOMPARE(window.step(), 2);
    QTest::keyClick(&window, Qt::Key_Left);
    QTest::keyClick(&window, Qt::Key_Left);
    QCOMPARE(window.step(), 0);
    QCOMPARE(window.narration(), overview);
    QVERIFY(!scene->state().hasHighlight());
    QTest::keyClick(&window, Qt::Key_Left); // stays at the overview
    QCOMPARE(window.step(), 0);
    QTest::keyClick(&window, Qt::Key_End);
    QCOMPARE(window.step(), window.stepCount());

    QTest::keyClick(&window, Qt::Key_Escape);
    QTRY_VERIFY(!window.isVisible());
}

void TestDiagramWidget::presentationLanguage()
{
    PresentationWindow window;
    window.setCatalog(m_catalog);
    window.setLanguage(Language::Japanese);
    window.setRoleFilter(QStringLiteral("agent"));
    window.start();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const DiagramModel &model = window.view()->diagramScene()->model();
    // Every step reads the flow's description; none speaks of the expired static addresses.
    for (int i = 0; i < model.flows.size(); ++i) {
        window.setStep(i + 1);
        const DiagramFlow &flow = model.flows.at(window.flowIndexOfStep(i + 1));
        QCOMPARE(window.narration(), DiagramText::narration(m_catalog, model, flow, Language::Japanese));
        // One flow: its description; several: the listener named.
        if (flow.allFlowIds().size() == 1)
            QVERIFY(window.narration().contains(m_catalog.flow(flow.flowId)->description.ja));
        else
            QVERIFY(window.narration().contains(m_catalog.component(flow.to)->name.ja));
        QVERIFY2(!window.narration().contains(QLatin1String("2022-12-31")), qPrintable(window.narration()));
        if (flow.flowId == QLatin1String("agent-ws-443"))
            screenshot(&window, QStringLiteral("presentation-ja.png"));
    }
    window.close();
}

void TestDiagramWidget::widgetExportAndPresent()
{
    DiagramWidget widget;
    widget.setCatalog(m_catalog);
    widget.resize(1200, 800);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &name : {QStringLiteral("w.svg"), QStringLiteral("w.png"), QStringLiteral("w.pdf")}) {
        const QString error = widget.exportTo(dir.filePath(name));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(QFile(dir.filePath(name)).size() > 1000);
    }
    QVERIFY(!widget.exportTo(dir.filePath(QStringLiteral("w.gif"))).isEmpty());
    QSignalSpy components(&widget, &DiagramWidget::componentActivated);
    QSignalSpy flows(&widget, &DiagramWidget::flowsActivated);
    emit widget.view()->diagramScene()->componentActivated(QStringLiteral("agent"));
    emit widget.view()->diagramScene()->flowsActivated({QStringLiteral("agent-dns")});
    QCOMPARE(components.size(), 1);
    QCOMPARE(flows.size(), 1);
    screenshot(&widget, QStringLiteral("diagram-widget.png"));
    widget.presentAction()->trigger();
    QVERIFY(widget.presentationWindow());
    QVERIFY(QTest::qWaitForWindowExposed(widget.presentationWindow()));
    QTest::keyClick(widget.presentationWindow(), Qt::Key_Escape);
    QTRY_VERIFY(!widget.presentationWindow()->isVisible());
}

Q_DECLARE_METATYPE(Language)

void TestDiagramWidget::projectorType_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("role");
    for (const QString &role : {QString(), QStringLiteral("agent"), QStringLiteral("relay")}) {
        QTest::addRow("en-%s", qPrintable(role)) << Language::English << role;
        QTest::addRow("ja-%s", qPrintable(role)) << Language::Japanese << role;
    }
}

// At 1920x1080 the Diagram tab's view is about 1916x935: at Fit, every text of the diagram
// (zones, boxes, port labels, legend) is drawn at 18 px or more after the view's transform.
void TestDiagramWidget::projectorType()
{
    QFETCH(Language, language);
    QFETCH(QString, role);
    m_view->resize(1916, 935);
    m_view->setLanguage(language);
    m_view->setRoleFilter(role);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
    m_view->fitToWindow();
    const DiagramModel &model = m_view->diagramScene()->model();
    const qreal scale = m_view->transform().m11();
    for (const QFont &font : {model.nodeFont, model.labelFont, model.zoneFont}) {
        const qreal pixels = font.pixelSize() * scale;
        QVERIFY2(pixels >= 18, qPrintable(QString::number(pixels)));
    }
}

QTEST_MAIN(TestDiagramWidget)
#include "tst_diagramwidget.moc"
