#include "app/gui/triage/triageview.h"
#include "core/catalog/catalogloader.h"
#include "core/triage/triagemodel.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

// The triage view reads a log on a worker thread and shows the flows it hits, the ports no flow
// uses, their samples, and exports exactly the flows hit.
class TestTriageView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void readsALog();
    void filtersAndSamples();
    void exportsTheFlowsHit();
    void languageSwitchKeepsRows();
    void cancelStopsAnEndlessDevice();
    void missingFileFails();

private:
    Catalog m_catalog;
    TriageView *m_view = nullptr;
};

void TestTriageView::initTestCase()
{
    const auto result = CatalogLoader::loadFile(QStringLiteral(PORTOLAN_TEST_DATA "/lookup/lookup.json"));
    QVERIFY2(result.isOk(), qPrintable(result.error.toString()));
    m_catalog = *result.catalog;
}

void TestTriageView::init()
{
    m_view = new TriageView;
    new QAbstractItemModelTester(m_view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 m_view);
    m_view->setCatalog(m_catalog);
    m_view->resize(1000, 600);
    m_view->show();
}

void TestTriageView::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

void TestTriageView::readsALog()
{
    QSignalSpy finished(m_view, &TriageView::finished);
    m_view->openFile(QStringLiteral(PORTOLAN_TEST_DATA "/triage/mixed.log"));
    QVERIFY(m_view->isRunning());
    QVERIFY(finished.wait(10000));
    QVERIFY(!m_view->isRunning());
    // Five flows hit and one catalog address reached on a port no flow uses.
    QCOMPARE(m_view->model()->rowCount(), 6);
    int mismatches = 0;
    for (int row = 0; row < 6; ++row)
        mismatches += m_view->model()->index(row, 0).data(TriageModel::IsMismatchRole).toBool() ? 1 : 0;
    QCOMPARE(mismatches, 1);
    auto *summary = m_view->findChild<QLabel *>(QStringLiteral("triageSummary"));
    QVERIFY2(summary->text().contains(QStringLiteral("Lines read: 18")), qPrintable(summary->text()));
    QVERIFY(m_view->findChild<QPushButton *>(QStringLiteral("triageExport"))->isEnabled());
}

void TestTriageView::filtersAndSamples()
{
    QSignalSpy finished(m_view, &TriageView::finished);
    m_view->openFile(QStringLiteral(PORTOLAN_TEST_DATA "/triage/mixed.log"));
    QVERIFY(finished.wait(10000));
    auto *table = m_view->findChild<QTableView *>(QStringLiteral("triageTable"));
    auto *filter = m_view->findChild<QLineEdit *>(QStringLiteral("triageFilter"));
    QTest::keyClicks(filter, QStringLiteral("4118"));
    QCOMPARE(table->model()->rowCount(), 1);
    table->selectRow(0);
    auto *samples = m_view->findChild<QPlainTextEdit *>(QStringLiteral("triageSamples"));
    QTRY_VERIFY(samples->toPlainText().contains(QStringLiteral("DPT=4118")));
    filter->clear();
    QCOMPARE(table->model()->rowCount(), 6);
}

void TestTriageView::exportsTheFlowsHit()
{
    QSignalSpy finished(m_view, &TriageView::finished);
    m_view->setRoles({});
    m_view->openFile(QStringLiteral(PORTOLAN_TEST_DATA "/triage/mixed.log"));
    QVERIFY(finished.wait(10000));
    QSignalSpy exported(m_view, &TriageView::exportRequested);
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("triageExport")), Qt::LeftButton);
    QCOMPARE(exported.size(), 1);
    const FlowFilter scope = exported.first().first().value<FlowFilter>();
    const QStringList expected = m_view->model()->report().flowIds(m_catalog);
    QCOMPARE(expected.size(), 5);
    QCOMPARE(scope.flowIds, QSet<QString>(expected.cbegin(), expected.cend()));
}

void TestTriageView::languageSwitchKeepsRows()
{
    QSignalSpy finished(m_view, &TriageView::finished);
    m_view->openFile(QStringLiteral(PORTOLAN_TEST_DATA "/triage/mixed.log"));
    QVERIFY(finished.wait(10000));
    QSignalSpy reset(m_view->model(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_view->model(), &QAbstractItemModel::dataChanged);
    m_view->setLanguage(Language::Japanese);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(m_view->model()->rowCount(), 6);
}

void TestTriageView::cancelStopsAnEndlessDevice()
{
    QSignalSpy finished(m_view, &TriageView::finished);
    m_view->openFile(QStringLiteral("/dev/zero"));
    QVERIFY(m_view->isRunning());
    m_view->cancel();
    QVERIFY(finished.wait(10000));
    auto *summary = m_view->findChild<QLabel *>(QStringLiteral("triageSummary"));
    QVERIFY2(summary->text().startsWith(QStringLiteral("Cancelled")), qPrintable(summary->text()));
    QCOMPARE(m_view->model()->rowCount(), 0);
}

void TestTriageView::missingFileFails()
{
    QSignalSpy failed(m_view, &TriageView::failed);
    m_view->openFile(QStringLiteral("/nonexistent/firewall.log"));
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("/nonexistent/firewall.log")));
}

QTEST_MAIN(TestTriageView)
#include "tst_triageview.moc"
