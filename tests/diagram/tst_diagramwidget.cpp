#include "diagram/diagramitem.h"
#include "diagram/diagramscene.h"
#include "diagram/diagramview.h"
#include "diagram/diagramwidget.h"
#include "diagram/presentationwindow.h"
#include "diagramtestcatalogs.h"
#include "diagramtext.h"

#include <QDir>
#include <QFile>
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
    void clickBundle();
    void clickEmptySpace();
    void highlight();
    void zoomKeys_data();
    void zoomKeys();
    void wheelZooms();
    void fitToWindow();
    void languageAndRoleApplyLive();
    void results();
    void toolTips();
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
    QSignalSpy flows(m_view, &DiagramView::flowActivated);
    const DiagramNode *node = m_view->diagramScene()->model().node(QStringLiteral("dns-server"));
    QVERIFY(node);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(node->rect.center()));
    QCOMPARE(components.size(), 1);
    QCOMPARE(components.first().first().toString(), QStringLiteral("dns-server"));
    QCOMPARE(flows.size(), 0);
}

void TestDiagramWidget::clickArrow()
{
    QSignalSpy components(m_view, &DiagramView::componentActivated);
    QSignalSpy flows(m_view, &DiagramView::flowActivated);
    const DiagramFlow *flow = m_view->diagramScene()->model().flow(QStringLiteral("url-xdr|agent"));
    QVERIFY(flow);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(flow->labelRect.center()));
    QCOMPARE(flows.size(), 1);
    QCOMPARE(flows.first().first().toString(), QStringLiteral("url-xdr"));
    // On the line itself, half-way along its last segment.
    const QPointF onLine = (flow->path.at(flow->path.size() - 2) + flow->path.last()) / 2;
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(onLine));
    QCOMPARE(flows.size(), 2);
    QCOMPARE(components.size(), 0);
}

void TestDiagramWidget::clickBundle()
{
    // The agent reaches the Smart Protection Network for many services on the same ports: one
    // arrow, and a click on it names all of them.
    QSignalSpy flows(m_view, &DiagramView::flowActivated);
    QSignalSpy bundles(m_view, &DiagramView::flowEntriesActivated);
    const DiagramFlow *flow = m_view->diagramScene()->model().flow(QStringLiteral("url-wrs|agent"));
    QVERIFY(flow);
    QCOMPARE(m_view->diagramScene()->model().flow(QStringLiteral("url-census|agent")), flow);
    QVERIFY(flow->entryIds.size() >= 10);
    QCOMPARE(m_view->diagramScene()->flowItems(QStringLiteral("url-census")).size(), 1);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(flow->labelRect.center()));
    QCOMPARE(flows.size(), 1);
    QCOMPARE(flows.first().first().toString(), flow->entryId);
    QCOMPARE(bundles.size(), 1);
    QCOMPARE(bundles.first().first().toStringList(), flow->entryIds);
    QVERIFY(flow->entryIds.contains(QStringLiteral("url-wrs")));
    QVERIFY(flow->entryIds.contains(QStringLiteral("url-census")));
}

void TestDiagramWidget::clickEmptySpace()
{
    QSignalSpy components(m_view, &DiagramView::componentActivated);
    QSignalSpy flows(m_view, &DiagramView::flowActivated);
    const DiagramZone &zone = m_view->diagramScene()->model().zones.first();
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, viewPoint(zone.labelRect.center()));
    QCOMPARE(components.size() + flows.size(), 0);
}

void TestDiagramWidget::highlight()
{
    DiagramScene *scene = m_view->diagramScene();
    for (DiagramItem *item : scene->diagramItems())
        QVERIFY(!item->isHighlighted() && !item->isDimmed());
    m_view->setHighlightedEntries({QStringLiteral("url-heartbeat"), QStringLiteral("agent-out-ntp")});
    int highlighted = 0;
    for (DiagramItem *item : scene->diagramItems()) {
        if (item->kind() != DiagramItem::Kind::Flow)
            continue;
        const bool expected = item->entryIds().contains(QLatin1String("url-heartbeat"))
                || item->entryIds().contains(QLatin1String("agent-out-ntp"));
        QCOMPARE(item->isHighlighted(), expected);
        QCOMPARE(item->isDimmed(), !expected);
        highlighted += expected ? 1 : 0;
    }
    QCOMPARE(highlighted, 3); // url-heartbeat has two sources
    QVERIFY(scene->nodeItem(QStringLiteral("ntp-server"))->isHighlighted());
    QVERIFY(scene->nodeItem(QStringLiteral("relay"))->isHighlighted());
    QVERIFY(scene->nodeItem(QStringLiteral("spn"))->isDimmed());
    // Highlighted arrows are drawn above the others.
    QVERIFY(scene->flowItems(QStringLiteral("url-heartbeat")).first()->zValue()
            > scene->flowItems(QStringLiteral("url-census")).first()->zValue());
    // One selected entry highlights its whole bundle.
    m_view->setHighlightedEntries({QStringLiteral("url-wrs")});
    QVERIFY(scene->flowItems(QStringLiteral("url-census")).first()->isHighlighted());
    QVERIFY(scene->nodeItem(QStringLiteral("spn"))->isHighlighted());
    m_view->setHighlightedEntries({});
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
    QCOMPARE(scene->model().node(QStringLiteral("dns-server"))->label, QStringLiteral("DNSサーバ"));
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
    results.setStatus(QStringLiteral("url-xdr"), FlowStatus::Passed);
    results.setStatus(QStringLiteral("agent-out-ntp"), FlowStatus::Failed);
    m_view->setResults(results);
    QVERIFY(scene->state().showResults);
    QCOMPARE(scene->state().componentStatuses.value(QStringLiteral("xdr-event-channel")), FlowStatus::Passed);
    QCOMPARE(scene->state().componentStatuses.value(QStringLiteral("ntp-server")), FlowStatus::Failed);
    QCOMPARE(scene->state().componentStatuses.value(QStringLiteral("agent")), FlowStatus::Partial);
    QCOMPARE(scene->model().legend.items.size(), legendItems + 4);
    // A bundle: all its entries passed, then one of them failed.
    const DiagramFlow *bundle = scene->model().flow(QStringLiteral("url-wrs|agent"));
    QVERIFY(bundle && bundle->entryIds.size() > 1);
    QCOMPARE(scene->state().flowStatus(*bundle), FlowStatus::Untested);
    for (const QString &id : bundle->entryIds)
        results.setStatus(id, FlowStatus::Passed);
    m_view->setResults(results);
    QCOMPARE(scene->state().flowStatus(*bundle), FlowStatus::Passed);
    results.setStatus(QStringLiteral("url-wrs"), FlowStatus::Failed);
    m_view->setResults(results);
    QCOMPARE(scene->state().flowStatus(*bundle), FlowStatus::Partial);
    QVERIFY(scene->flowItem(bundle->key())->toolTip().contains(DiagramText::statusText(FlowStatus::Partial)));
    screenshot(m_view, QStringLiteral("diagram-view-results.png"));
    m_view->setResults({});
    QVERIFY(!scene->state().showResults);
    QCOMPARE(scene->model().legend.items.size(), legendItems);
}

void TestDiagramWidget::toolTips()
{
    DiagramScene *scene = m_view->diagramScene();
    DiagramItem *flow = scene->flowItem(QStringLiteral("agent-out-ntp|agent"));
    QVERIFY(flow);
    QVERIFY(flow->toolTip().contains(QStringLiteral("NTP server")));
    QVERIFY(flow->toolTip().contains(QStringLiteral("123/UDP")));
    // A bundle's tooltip names every bundled entry's service, in the diagram's language.
    for (Language language : {Language::English, Language::Japanese}) {
        m_view->setLanguage(language);
        const DiagramFlow *bundle = scene->model().flow(QStringLiteral("url-wrs|agent"));
        QVERIFY(bundle);
        const QString tip = scene->flowItem(bundle->key())->toolTip();
        for (const QString &id : bundle->entryIds)
            QVERIFY2(tip.contains(m_catalog.entry(id)->service.text(language).toHtmlEscaped()),
                     qPrintable(id));
    }
    QVERIFY(scene->nodeItem(QStringLiteral("agent"))
                    ->toolTip()
                    .contains(QStringLiteral("Deep Security Agent")));
}

void TestDiagramWidget::presentation()
{
    PresentationWindow window;
    window.setCatalog(m_catalog);
    window.start();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isFullScreen());
    QCOMPARE(window.step(), 0);
    // One step per arrow: per network flow, not per catalog entry.
    QCOMPARE(window.stepCount(), int(window.view()->diagramScene()->model().flows.size()));
    QVERIFY(window.stepCount() >= 20 && window.stepCount() < 40);
    QCOMPARE(window.view()->diagramScene()->fontScale(), PresentationWindow::FontScale);
    const QString overview = window.narration();
    QVERIFY(!overview.isEmpty());

    QSignalSpy steps(&window, &PresentationWindow::stepChanged);
    QTest::keyClick(&window, Qt::Key_Right);
    QCOMPARE(window.step(), 1);
    QCOMPARE(steps.size(), 1);
    const DiagramScene *scene = window.view()->diagramScene();
    const DiagramFlow &first = scene->model().flows.at(0);
    QCOMPARE(window.narration(), DiagramText::narration(m_catalog, first, Language::English));
    QCOMPARE(scene->state().highlightedFlows, QSet<QString>{first.key()});
    QVERIFY(scene->flowItem(first.key())->isHighlighted());
    QVERIFY(scene->flowItem(scene->model().flows.at(1).key())->isDimmed());
    screenshot(&window, QStringLiteral("presentation-en.png"));

    QTest::keyClick(&window, Qt::Key_Right);
    QCOMPARE(window.step(), 2);
    QVERIFY(window.narration() != DiagramText::narration(m_catalog, first, Language::English)
            || scene->model().flows.at(1).entryId == first.entryId);
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
    window.start();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const DiagramModel &model = window.view()->diagramScene()->model();
    // A single-entry arrow reads its description; a bundle lists its services.
    int single = -1;
    int bundle = -1;
    for (int i = 0; i < model.flows.size(); ++i) {
        if (model.flows.at(i).entryIds.size() == 1 && single < 0)
            single = i;
        if (model.flows.at(i).bundles(QStringLiteral("url-wrs")))
            bundle = i;
    }
    QVERIFY(single >= 0 && bundle >= 0);
    window.setStep(single + 1);
    const DiagramFlow &flow = model.flows.at(single);
    QCOMPARE(window.narration(), DiagramText::narration(m_catalog, flow, Language::Japanese));
    QVERIFY(window.narration().contains(m_catalog.entry(flow.entryId)->description.ja));
    window.setStep(bundle + 1);
    QCOMPARE(window.narration(),
             DiagramText::narration(m_catalog, model.flows.at(bundle), Language::Japanese));
    QVERIFY(window.narration().contains(QStringLiteral("Webレピュテーションサービス")));
    QVERIFY(window.narration().contains(QStringLiteral("Global Censusサービス")));
    QVERIFY(!window.narration().contains(m_catalog.entry(QStringLiteral("url-wrs"))->description.ja));
    screenshot(&window, QStringLiteral("presentation-ja.png"));
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
    emit widget.view()->diagramScene()->componentActivated(QStringLiteral("agent"));
    QCOMPARE(components.size(), 1);
    screenshot(&widget, QStringLiteral("diagram-widget.png"));
    widget.presentAction()->trigger();
    QVERIFY(widget.presentationWindow());
    QVERIFY(QTest::qWaitForWindowExposed(widget.presentationWindow()));
    QTest::keyClick(widget.presentationWindow(), Qt::Key_Escape);
    QTRY_VERIFY(!widget.presentationWindow()->isVisible());
}

QTEST_MAIN(TestDiagramWidget)
#include "tst_diagramwidget.moc"
