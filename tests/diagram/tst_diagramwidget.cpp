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
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

Q_DECLARE_METATYPE(Language)

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
    void presentType_data();
    void presentType();
    void presentForRole_data();
    void presentForRole();
    void darkPalette();
    void resultSymbols();
    void hostNamesToggle();

private:
    QPoint viewPoint(const QPointF &scenePoint) const;
    void screenshot(QWidget *widget, const QString &name) const;

    Catalog m_catalog;
    DiagramView *m_view = nullptr;
};

void TestDiagramWidget::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the host names toggle is remembered
    QCoreApplication::setOrganizationName(QStringLiteral("portolan-tests"));
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
    // One step per arrow of the whole diagram.
    const DiagramScene *scene = window.view()->diagramScene();
    const DiagramModel &walk = window.walkModel();
    QCOMPARE(window.stepCount(), int(scene->model().flows.size()));
    QCOMPARE(window.stepCount(), int(walk.flows.size()));
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
        const Requirement r = walk.flows.at(index).requirement;
        const int rank = r == Requirement::Required ? 0 : r == Requirement::Conditional ? 1 : 2;
        QVERIFY(rank >= lastRank);
        if (rank == lastRank)
            QVERIFY(index > seen.value(seen.size() - 2, -1));
        lastRank = rank;
    }
    QCOMPARE(seen.size(), window.stepCount());
    QVERIFY(walk.flows.at(window.flowIndexOfStep(1)).isRequired());

    QSignalSpy steps(&window, &PresentationWindow::stepChanged);
    QTest::keyClick(&window, Qt::Key_Right);
    QCOMPARE(window.step(), 1);
    QCOMPARE(steps.size(), 1);
    const DiagramFlow &first = walk.flows.at(window.flowIndexOfStep(1));
    QCOMPARE(window.narration(), DiagramText::narration(m_catalog, first, Language::English));
    // Shown in the view of its role (the Agent's), highlighted there, the rest dimmed.
    QCOMPARE(scene->roleFilter(), PresentationWindow::stepRole(m_catalog, first));
    const DiagramFlow *shown = scene->model().flow(first.key());
    QVERIFY(shown);
    QCOMPARE(scene->state().highlightedArrows, QSet<QString>{shown->key()});
    QVERIFY(scene->flowItem(shown->key())->isHighlighted());
    for (const DiagramFlow &other : scene->model().flows) {
        if (other.key() != shown->key())
            QVERIFY(scene->flowItem(other.key())->isDimmed());
    }
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
    QVERIFY(scene->roleFilter().isEmpty()); // the overview: the whole diagram
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
    const DiagramModel &model = window.walkModel();
    // Every step reads the flow's description; none speaks of the expired static addresses.
    for (int i = 0; i < model.flows.size(); ++i) {
        window.setStep(i + 1);
        const DiagramFlow &flow = model.flows.at(window.flowIndexOfStep(i + 1));
        QCOMPARE(window.narration(), DiagramText::narration(m_catalog, flow, Language::Japanese));
        // The catalog's sentence for a customer of each flow the arrow draws; the facts apart.
        for (const QString &id : flow.allFlowIds())
            QVERIFY2(window.narration().contains(m_catalog.flow(id)->narration.ja), qPrintable(id));
        QVERIFY(window.stepFacts().contains(CatalogText::requirement(flow.requirement)));
        QVERIFY(!window.narration().contains(QLatin1Char('\n')));
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

void TestDiagramWidget::presentType_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("role");
    for (const QString &role : {QString(), QStringLiteral("agent"), QStringLiteral("relay"),
                                QStringLiteral("dcg"), QStringLiteral("api-client")}) {
        QTest::addRow("en-%s", qPrintable(role)) << Language::English << role;
        QTest::addRow("ja-%s", qPrintable(role)) << Language::Japanese << role;
    }
}

// Present on a 1920x1080 projector: what the audience reads is 28 px or more — the title,
// facts, narration and counter, and on every step the highlighted arrow's ports and the names
// of its two components, after the view's zoom.
void TestDiagramWidget::presentType()
{
    QFETCH(Language, language);
    QFETCH(QString, role);
    PresentationWindow window;
    window.setCatalog(m_catalog);
    window.setLanguage(language);
    window.setRoleFilter(role);
    window.resize(1920, 1080);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const DiagramScene *scene = window.view()->diagramScene();
    qreal smallest = 1000;
    qreal largest = 0;
    for (int step = 0; step <= window.stepCount(); ++step) {
        window.setStep(step);
        QCoreApplication::processEvents();
        for (QLabel *label : window.audienceLabels()) {
            if (!label->text().isEmpty())
                QVERIFY2(label->font().pixelSize() >= PresentationWindow::MinimumTextPixels,
                         qPrintable(label->text()));
            // Nothing clipped: the label is as high as its wrapped text.
            const QRect needed = label->fontMetrics().boundingRect(QRect(0, 0, label->width(), 100000),
                                                                   Qt::TextWordWrap, label->text());
            QVERIFY2(label->text().isEmpty() || label->height() >= needed.height(),
                     qPrintable(label->text()));
        }
        if (step == 0)
            continue;
        const qreal zoom = window.view()->transform().m11();
        smallest = std::min({smallest, scene->model().labelFont.pixelSize() * zoom,
                             scene->model().nodeFont.pixelSize() * zoom});
        largest = std::max(largest, scene->model().labelFont.pixelSize() * zoom);
        // The highlighted arrow and its ends are in view.
        const DiagramFlow *shown =
                scene->model().flow(window.walkModel().flows.at(window.flowIndexOfStep(step)).key());
        QVERIFY(shown);
        const DiagramFlow &flow = *shown;
        const QRect viewport = window.view()->viewport()->rect();
        QVERIFY2(viewport.contains(window.view()->mapFromScene(flow.labelRect).boundingRect()),
                 qPrintable(flow.key()));
        for (const QString &id : {flow.from, flow.to})
            QVERIFY2(viewport.adjusted(-2, -2, 2, 2)
                             .contains(window.view()
                                               ->mapFromScene(scene->model().node(id)->textRect)
                                               .boundingRect()),
                     qPrintable(id));
    }
    qInfo("diagram text in Present: %.1f to %.1f px", smallest, largest);
    // Nor blown up: a loop between two relays is not zoomed to fill the screen.
    QVERIFY2(largest <= PresentationWindow::MaximumTextPixels + 0.5, qPrintable(QString::number(largest)));
    QVERIFY2(smallest >= PresentationWindow::MinimumTextPixels, qPrintable(QString::number(smallest)));
}

void TestDiagramWidget::presentForRole_data()
{
    QTest::addColumn<QString>("role");
    for (const QString &role : {QStringLiteral("agent"), QStringLiteral("relay"), QStringLiteral("dcg"),
                                QStringLiteral("admin"), QStringLiteral("api-client")})
        QTest::addRow("%s", qPrintable(role)) << role;
}

// View > Present for: a walkthrough per role, its flows only, required ones first.
void TestDiagramWidget::presentForRole()
{
    QFETCH(QString, role);
    DiagramWidget widget;
    widget.setCatalog(m_catalog);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QAction *entry = nullptr;
    for (QAction *action : widget.presentForMenu()->actions()) {
        if (action->data().toString() == role)
            entry = action;
    }
    QVERIFY(entry);
    QCOMPARE(entry->text(), m_catalog.component(role)->name.en);
    entry->trigger();
    PresentationWindow *window = widget.presentationWindow();
    QVERIFY(window);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QCOMPARE(window->view()->diagramScene()->roleFilter(), role);
    QVERIFY(window->stepTitle().contains(m_catalog.component(role)->name.en));
    // The administrator's only flow has only expired addresses: shown, marked, rather than nothing.
    QVERIFY(window->stepCount() >= 1);
    const DiagramModel &model = window->walkModel();
    for (int step = 1; step <= window->stepCount(); ++step) {
        const DiagramFlow &flow = model.flows.at(window->flowIndexOfStep(step));
        QVERIFY2(flow.from == role || flow.to == role, qPrintable(flow.key()));
    }
    // The first step is of the most needed kind the role has.
    const auto rank = [](const DiagramFlow &f) {
        return f.isRequired() ? 0 : (f.requirement == Requirement::Conditional ? 1 : 2);
    };
    for (const DiagramFlow &flow : model.flows)
        QVERIFY(rank(model.flows.at(window->flowIndexOfStep(1))) <= rank(flow));
    // The diagram tab keeps its own view.
    QVERIFY(widget.view()->diagramScene()->roleFilter().isEmpty());
    QTest::keyClick(window, Qt::Key_Escape);
    QTRY_VERIFY(!window->isVisible());
}

namespace {
qreal luminance(const QColor &c)
{
    const auto channel = [](qreal v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

qreal contrast(const QColor &a, const QColor &b)
{
    const qreal x = luminance(a);
    const qreal y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}
} // namespace

// A dark window gets a dark diagram with readable text; files stay light.
void TestDiagramWidget::darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    m_view->setPalette(dark);
    const DiagramTheme &theme = m_view->diagramScene()->theme();
    QVERIFY(theme.isDark);
    QCOMPARE(m_view->diagramScene()->state().theme.background, theme.background);
    const QImage image = m_view->viewport()->grab().toImage();
    qreal sum = 0;
    int samples = 0;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7, ++samples)
            sum += qGray(image.pixel(x, y));
    }
    QVERIFY2(sum / samples < 80, qPrintable(QString::number(sum / samples)));
    for (const DiagramTheme &t : {DiagramTheme::light(), DiagramTheme::dark()}) {
        for (Zone zone : {Zone::Customer, Zone::Internet, Zone::TrendCloud}) {
            QVERIFY(contrast(t.text, t.zone(zone)) >= 4.5);
            QVERIFY(contrast(t.zoneText(zone), t.zone(zone)) >= 4.5);
            QVERIFY(contrast(t.required, t.zone(zone)) >= 4.5);
            QVERIFY(contrast(t.boundary, t.zone(zone)) >= 3);
        }
        QVERIFY(contrast(t.text, t.nodeFill) >= 4.5);
        for (FlowStatus status : {FlowStatus::Passed, FlowStatus::Failed, FlowStatus::Partial})
            QVERIFY(contrast(t.text, t.statusFill(status)) >= 4.5);
    }
    // Back to a light palette: a light diagram.
    m_view->setPalette(QPalette(Qt::white));
    QVERIFY(!m_view->diagramScene()->theme().isDark);
}

// Results read without colour: each status has its own shape, in grey as well.
void TestDiagramWidget::resultSymbols()
{
    QList<QImage> images;
    for (FlowStatus status :
         {FlowStatus::Passed, FlowStatus::Failed, FlowStatus::Partial, FlowStatus::Untested}) {
        QImage image(40, 40, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        DiagramPainter::paintStatusSymbol(&painter, QRectF(4, 4, 32, 32), status, DiagramTheme::light());
        painter.end();
        images.append(image.convertToFormat(QImage::Format_Grayscale8));
    }
    for (int a = 0; a < images.size(); ++a) {
        for (int b = a + 1; b < images.size(); ++b) {
            int differing = 0;
            for (int y = 0; y < 40; ++y) {
                for (int x = 0; x < 40; ++x)
                    differing +=
                            std::abs(qGray(images.at(a).pixel(x, y)) - qGray(images.at(b).pixel(x, y))) > 60;
            }
            QVERIFY2(differing > 40, qPrintable(QStringLiteral("%1/%2: %3").arg(a).arg(b).arg(differing)));
        }
    }
    // On the diagram: a failed arrow's label carries the symbol, in the room the layout left.
    DiagramResults results;
    results.setStatus(QStringLiteral("agent-dns"), FlowStatus::Failed);
    results.setStatus(QStringLiteral("agent-ws-443"), FlowStatus::Passed);
    results.setStatus(QStringLiteral("agent-spn-web"), FlowStatus::Partial);
    results.setStatus(QStringLiteral("update-servers-web"), FlowStatus::Passed);
    results.setStatus(QStringLiteral("agent-ntp"), FlowStatus::Passed);
    m_view->setRoleFilter(QStringLiteral("agent"));
    m_view->setResults(results);
    m_view->resize(1400, 800);
    m_view->fitToWindow();
    screenshot(m_view, QStringLiteral("diagram-results.png"));
    const DiagramModel &model = m_view->diagramScene()->model();
    QVERIFY(model.symbolSize > 0);
    const DiagramFlow *flow = model.flow(QStringLiteral("agent-dns|agent"));
    QVERIFY(flow);
    QImage label(flow->labelRect.size().toSize(), QImage::Format_ARGB32);
    label.fill(Qt::white);
    QPainter painter(&label);
    painter.translate(-flow->labelRect.topLeft());
    DiagramPainter::paintFlow(&painter, model, *flow, m_view->diagramScene()->state());
    painter.end();
    int dark = 0;
    const int side = int(model.symbolSize);
    for (int y = 0; y < std::min(side, label.height()); ++y) {
        for (int x = 0; x < side; ++x)
            dark += qGray(label.pixel(x, y)) < 160;
    }
    QVERIFY2(dark > side * side / 4, qPrintable(QString::number(dark)));
}

// Host names: a toggle under the tool bar's Fit, remembered, that puts the key host names under
// each arrow's ports.
void TestDiagramWidget::hostNamesToggle()
{
    DiagramWidget widget;
    widget.setCatalog(m_catalog);
    widget.show();
    QVERIFY(QTest::qWaitForWindowExposed(&widget));
    QAction *hosts = widget.hostsAction();
    hosts->setChecked(false);
    const DiagramFlow *gateway =
            widget.view()->diagramScene()->model().flow(QStringLiteral("dcg-ws-443|dcg"));
    QVERIFY(gateway);
    QVERIFY(!gateway->labelLines.join(QLatin1Char(' ')).contains(QLatin1String("gateway-control")));
    widget.view()->setFocus();
    QTest::keyClick(widget.view(), Qt::Key_H);
    QVERIFY(hosts->isChecked());
    QVERIFY(widget.view()->diagramScene()->showsHosts());
    gateway = widget.view()->diagramScene()->model().flow(QStringLiteral("dcg-ws-443|dcg"));
    QVERIFY(gateway->labelLines.join(QString()).contains(
            QStringLiteral("gateway-control.workload.us-1.cloudone.trendmicro.com")));
    QVERIFY(QSettings().value(QStringLiteral("diagram/showHosts")).toBool());
    widget.resize(1400, 860);
    widget.setRoleFilter(QStringLiteral("dcg"));
    widget.view()->fitToWindow();
    screenshot(&widget, QStringLiteral("diagram-hosts.png"));
    hosts->setChecked(false);
    QVERIFY(!widget.view()->diagramScene()->showsHosts());
}

void TestDiagramWidget::projectorType_data()
{
    QTest::addColumn<Language>("language");
    QTest::addColumn<QString>("role");
    for (const QString &role :
         {QString(), QStringLiteral("agent"), QStringLiteral("relay"), QStringLiteral("dcg"),
          QStringLiteral("api-client"), QStringLiteral("workload-security")}) {
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
    // With host names too, in a role's view; the whole diagram with host names is for the desk
    // (about 11 px at Fit: zoom in), not for the projector.
    for (bool hosts : {false, true}) {
        if (hosts && role.isEmpty())
            continue;
        m_view->setShowHosts(hosts);
        m_view->fitToWindow();
        const DiagramModel &model = m_view->diagramScene()->model();
        const qreal scale = m_view->transform().m11();
        for (const QFont &font : {model.nodeFont, model.labelFont, model.zoneFont}) {
            const qreal pixels = font.pixelSize() * scale;
            qInfo("%s: %.1f px", hosts ? "with host names" : "ports", pixels);
            QVERIFY2(pixels >= 18, qPrintable(QString::number(pixels)));
        }
    }
}

QTEST_MAIN(TestDiagramWidget)
#include "tst_diagramwidget.moc"
