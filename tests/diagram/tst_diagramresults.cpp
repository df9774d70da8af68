#include "core/diagram/diagrampainter.h"
#include "core/diagram/diagramresults.h"
#include "core/diagram/diagramtext.h"
#include "tests/diagram/diagramtestcatalogs.h"

#include <QTest>

Q_DECLARE_METATYPE(FlowStatus)

// The results interface the tester feeds, with synthetic results.
class TestDiagramResults : public QObject
{
    Q_OBJECT

private slots:
    void aggregate_data();
    void aggregate();
    void componentStatus_data();
    void componentStatus();
    void unknownFlowIsUntested();
    void state();
    void toolTipShowsResult();
    void bundleStatus_data();
    void bundleStatus();
};

void TestDiagramResults::aggregate_data()
{
    QTest::addColumn<QList<FlowStatus>>("statuses");
    QTest::addColumn<FlowStatus>("expected");
    using S = FlowStatus;
    QTest::addRow("none") << QList<S>{} << S::Untested;
    QTest::addRow("all untested") << QList<S>{S::Untested, S::Untested} << S::Untested;
    QTest::addRow("all passed") << QList<S>{S::Passed, S::Passed, S::Passed} << S::Passed;
    QTest::addRow("passed and untested") << QList<S>{S::Passed, S::Untested} << S::Passed;
    QTest::addRow("all failed") << QList<S>{S::Failed, S::Failed} << S::Failed;
    QTest::addRow("some failed") << QList<S>{S::Passed, S::Failed, S::Passed} << S::Partial;
    QTest::addRow("one partial") << QList<S>{S::Passed, S::Partial} << S::Partial;
    QTest::addRow("only partial") << QList<S>{S::Partial} << S::Partial;
}

void TestDiagramResults::aggregate()
{
    QFETCH(QList<FlowStatus>, statuses);
    QFETCH(FlowStatus, expected);
    QCOMPARE(DiagramResults::aggregate(statuses), expected);
}

void TestDiagramResults::componentStatus_data()
{
    // Synthetic catalog: the console is the listener of e1 and the initiator of e3 and e6.
    QTest::addColumn<QStringList>("passed");
    QTest::addColumn<QStringList>("failed");
    QTest::addColumn<FlowStatus>("console");
    QTest::addColumn<FlowStatus>("store");
    QTest::addRow("untested") << QStringList{} << QStringList{} << FlowStatus::Untested
                              << FlowStatus::Untested;
    QTest::addRow("all passed") << QStringList{"e1", "e3", "e6"} << QStringList{} << FlowStatus::Passed
                                << FlowStatus::Passed;
    QTest::addRow("some failed") << QStringList{"e1", "e3"} << QStringList{"e6"} << FlowStatus::Partial
                                 << FlowStatus::Failed;
    QTest::addRow("all failed") << QStringList{} << QStringList{"e1", "e3", "e6"} << FlowStatus::Failed
                                << FlowStatus::Failed;
    QTest::addRow("others only") << QStringList{"e5"} << QStringList{"e9"} << FlowStatus::Untested
                                 << FlowStatus::Untested;
}

void TestDiagramResults::componentStatus()
{
    QFETCH(QStringList, passed);
    QFETCH(QStringList, failed);
    QFETCH(FlowStatus, console);
    QFETCH(FlowStatus, store);
    const Catalog catalog = DiagramTestCatalogs::synthetic();
    DiagramResults results;
    for (const QString &id : passed)
        results.setStatus(id, FlowStatus::Passed);
    for (const QString &id : failed)
        results.setStatus(id, FlowStatus::Failed);
    QCOMPARE(results.componentStatus(catalog, QStringLiteral("console")), console);
    QCOMPARE(results.componentStatus(catalog, QStringLiteral("store")), store);
    const QHash<QString, FlowStatus> all = results.componentStatuses(catalog);
    QCOMPARE(all.size(), catalog.components.size());
    QCOMPARE(all.value(QStringLiteral("console")), console);
    QCOMPARE(all.value(QStringLiteral("lonely")), FlowStatus::Untested);
}

void TestDiagramResults::unknownFlowIsUntested()
{
    DiagramResults results(QHash<QString, FlowStatus>{{QStringLiteral("e1"), FlowStatus::Failed}});
    QVERIFY(!results.isEmpty());
    QCOMPARE(results.status(QStringLiteral("e1")), FlowStatus::Failed);
    QCOMPARE(results.status(QStringLiteral("nope")), FlowStatus::Untested);
    results.clear();
    QVERIFY(results.isEmpty());
    QCOMPARE(DiagramResults::statusName(FlowStatus::Partial), QStringLiteral("partial"));
}

void TestDiagramResults::state()
{
    const Catalog catalog = DiagramTestCatalogs::synthetic();
    QVERIFY(!DiagramState::fromResults(catalog, {}).showResults);
    DiagramResults results;
    results.setStatus(QStringLiteral("e6"), FlowStatus::Failed);
    const DiagramState state = DiagramState::fromResults(catalog, results);
    QVERIFY(state.showResults);
    QCOMPARE(state.flowStatuses.value(QStringLiteral("e6")), FlowStatus::Failed);
    QCOMPARE(state.componentStatuses.value(QStringLiteral("store")), FlowStatus::Failed);
    QCOMPARE(state.componentStatuses.value(QStringLiteral("sensor")), FlowStatus::Untested);
    QVERIFY(DiagramTheme::light().status(FlowStatus::Passed)
            != DiagramTheme::light().status(FlowStatus::Failed));
    QVERIFY(DiagramTheme::light().status(FlowStatus::Partial)
            != DiagramTheme::light().status(FlowStatus::Untested));
}

void TestDiagramResults::toolTipShowsResult()
{
    const Catalog catalog = DiagramTestCatalogs::synthetic();
    DiagramFlow flow;
    flow.flowId = QStringLiteral("e6");
    flow.from = QStringLiteral("console");
    flow.to = QStringLiteral("store");
    DiagramResults results;
    results.setStatus(QStringLiteral("e6"), FlowStatus::Passed);
    const QString tip = DiagramText::flowToolTip(catalog, DiagramModel(), flow, Language::English, results);
    QVERIFY2(tip.contains(DiagramText::statusText(FlowStatus::Passed)), qPrintable(tip));
    QVERIFY(tip.contains(QStringLiteral("Object store")));
    QVERIFY(!DiagramText::flowToolTip(catalog, DiagramModel(), flow, Language::English)
                     .contains(QStringLiteral("Test result")));
}

void TestDiagramResults::bundleStatus_data()
{
    // An arrow that bundles three flows is coloured by all of them.
    QTest::addColumn<QList<FlowStatus>>("statuses");
    QTest::addColumn<FlowStatus>("expected");
    using S = FlowStatus;
    QTest::addRow("none tested") << QList<S>{S::Untested, S::Untested, S::Untested} << S::Untested;
    QTest::addRow("all passed") << QList<S>{S::Passed, S::Passed, S::Passed} << S::Passed;
    QTest::addRow("all failed") << QList<S>{S::Failed, S::Failed, S::Failed} << S::Failed;
    QTest::addRow("mix") << QList<S>{S::Passed, S::Failed, S::Passed} << S::Partial;
    QTest::addRow("one partial") << QList<S>{S::Passed, S::Partial, S::Untested} << S::Partial;
}

void TestDiagramResults::bundleStatus()
{
    QFETCH(QList<FlowStatus>, statuses);
    QFETCH(FlowStatus, expected);
    const Catalog catalog = DiagramTestCatalogs::synthetic();
    DiagramFlow flow;
    flow.flowIds = QStringList{"e1", "e4", "e12"};
    flow.flowId = flow.flowIds.first();
    DiagramResults results;
    for (int i = 0; i < statuses.size(); ++i) {
        if (statuses.at(i) != FlowStatus::Untested)
            results.setStatus(flow.flowIds.at(i), statuses.at(i));
    }
    results.setStatus(QStringLiteral("e6"), FlowStatus::Failed); // not in the bundle
    QCOMPARE(results.status(flow.flowIds), expected);
    const DiagramState state = DiagramState::fromResults(catalog, results);
    QCOMPARE(state.flowStatus(flow), expected);
    // Highlighted when any of its flows is selected.
    DiagramState highlight;
    highlight.highlightedFlows = {QStringLiteral("e4")};
    QVERIFY(highlight.isHighlighted(flow));
    highlight.highlightedFlows = {QStringLiteral("e6")};
    QVERIFY(!highlight.isHighlighted(flow));
}

QTEST_GUILESS_MAIN(TestDiagramResults)
#include "tst_diagramresults.moc"
