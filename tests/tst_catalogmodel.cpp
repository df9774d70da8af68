#include "catalog/catalogloader.h"
#include "models/catalogfilterproxymodel.h"
#include "models/catalogmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

class TestCatalogModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modelTesterBothLanguages_data();
    void modelTesterBothLanguages();
    void rows();
    void languageSwitchKeepsSelection();
    void portsSortNumerically();
    void filters_data();
    void filters();
    void expiredHiddenByDefault();
    void clearFilters();
    void checkStates();

private:
    Catalog m_builtin;
    Catalog m_minimal;
};

void TestCatalogModel::initTestCase()
{
    auto builtin = CatalogLoader::loadFile(CatalogLoader::builtinFileName());
    QVERIFY2(builtin.isOk(), qPrintable(builtin.error.toString()));
    m_builtin = *builtin.catalog;
    auto minimal = CatalogLoader::loadFile(QStringLiteral(PORTOLAN_TEST_DATA "/minimal.json"));
    QVERIFY2(minimal.isOk(), qPrintable(minimal.error.toString()));
    m_minimal = *minimal.catalog;
}

void TestCatalogModel::modelTesterBothLanguages_data()
{
    QTest::addColumn<bool>("japanese");
    QTest::addRow("English") << false;
    QTest::addRow("Japanese") << true;
}

void TestCatalogModel::modelTesterBothLanguages()
{
    QFETCH(bool, japanese);
    CatalogModel model;
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    CatalogFilterProxyModel proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setLanguage(japanese ? Language::Japanese : Language::English);
    model.setCatalog(m_builtin);
    proxy.setIncludeExpired(true);
    proxy.sort(CatalogModel::PortsColumn);
    proxy.setFilterText(japanese ? QStringLiteral("サーバ") : QStringLiteral("server"));
    QVERIFY(proxy.rowCount() > 0);
    proxy.setRole(QStringLiteral("agent"));
    proxy.setFilterText(QString());
    model.setLanguage(japanese ? Language::English : Language::Japanese);
    model.setCatalog(m_minimal);
    QCOMPARE(model.rowCount(), 7);
}

void TestCatalogModel::rows()
{
    CatalogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(m_builtin);
    // 213 endpoints plus one row for each of the 21 entries without endpoints.
    QCOMPARE(model.rowCount(), 234);
    QCOMPARE(model.columnCount(), int(CatalogModel::ColumnCount));

    model.setCatalog(m_minimal);
    const QModelIndex dns = model.index(0, CatalogModel::EndpointColumn);
    QCOMPARE(dns.data().toString(), QStringLiteral("DNS server (in your network)"));
    QCOMPARE(dns.data(CatalogModel::EndpointIndexRole).toInt(), -1);
    QVERIFY(dns.data(CatalogModel::CustomerSideRole).toBool());
    QCOMPARE(model.index(0, CatalogModel::PortsColumn).data().toString(),
             QStringLiteral("53/UDP (DNS), 53/TCP (DNS)"));
    const QModelIndex wildcard = model.index(2, CatalogModel::EndpointColumn);
    QCOMPARE(wildcard.data().toString(), QStringLiteral("*.wild.localhost"));
    QCOMPARE(wildcard.data(CatalogModel::EndpointKindRole).toString(), QStringLiteral("host"));
    QCOMPARE(wildcard.data(CatalogModel::RequirementRole).toString(), QStringLiteral("conditional"));
    QCOMPARE(wildcard.data(CatalogModel::ConditionRole).toString(), QStringLiteral("Only with feature X."));
    QCOMPARE(model.rowsForEntry(QStringLiteral("static")), (QList<int>{4, 5, 6}));
    model.setReferenceDate(QDate(2026, 11, 30));
    QCOMPARE(model.index(4, CatalogModel::ValidityColumn).data().toString(),
             QStringLiteral("expired 2022-12-31"));
    QVERIFY(model.index(4, 0).data(CatalogModel::ExpiredRole).toBool());
    QVERIFY(model.index(4, 0).data(Qt::ForegroundRole).isValid());
    model.setReferenceDate(QDate(2022, 1, 1));
    QCOMPARE(model.index(4, CatalogModel::ValidityColumn).data().toString(),
             QStringLiteral("valid until 2022-12-31"));
    QVERIFY(!model.index(4, 0).data(CatalogModel::ExpiredRole).toBool());
}

void TestCatalogModel::languageSwitchKeepsSelection()
{
    CatalogModel model;
    model.setCatalog(m_minimal);
    CatalogFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setIncludeExpired(true);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QItemSelectionModel selection(&proxy);
    selection.select(proxy.index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy headerChanged(&model, &QAbstractItemModel::headerDataChanged);
    QSignalSpy languageChanged(&model, &CatalogModel::languageChanged);

    QCOMPARE(model.index(0, CatalogModel::SourcesColumn).data().toString(), QStringLiteral("Agent"));
    model.setLanguage(Language::Japanese);
    QCOMPARE(model.index(0, CatalogModel::SourcesColumn).data().toString(), QStringLiteral("エージェント"));
    QCOMPARE(model.index(1, CatalogModel::ServiceColumn).data().toString(), QStringLiteral("Webサービス"));
    QCOMPARE(model.index(1, CatalogModel::ConditionRole - CatalogModel::ConditionRole)
                     .data(CatalogModel::ConditionRole)
                     .toString(),
             QStringLiteral("機能Xを使用する場合のみ。"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(dataChanged.count(), 1);
    QCOMPARE(headerChanged.count(), 1);
    QCOMPARE(languageChanged.count(), 1);
    QVERIFY(selection.isRowSelected(1, QModelIndex()));
    QCOMPARE(selection.selectedRows().size(), 1);

    model.setLanguage(Language::Japanese); // no change, no signal
    QCOMPARE(dataChanged.count(), 1);
    model.setLanguage(Language::English);
    QCOMPARE(model.index(0, CatalogModel::SourcesColumn).data().toString(), QStringLiteral("Agent"));
    QVERIFY(selection.isRowSelected(1, QModelIndex()));
}

void TestCatalogModel::portsSortNumerically()
{
    CatalogModel model;
    model.setCatalog(m_builtin);
    CatalogFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setIncludeExpired(true);
    proxy.sort(CatalogModel::PortsColumn, Qt::AscendingOrder);
    int previous = 0;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const int port = proxy.index(row, CatalogModel::PortsColumn).data(CatalogModel::SortRole).toInt();
        QVERIFY2(port >= previous,
                 qPrintable(QStringLiteral("row %1: %2 after %3").arg(row).arg(port).arg(previous)));
        previous = port;
    }
    QCOMPARE(proxy.index(0, CatalogModel::PortsColumn).data(CatalogModel::SortRole).toInt(), 53);
    // "5274" sorts after "443" numerically, not before it as text would.
    QCOMPARE(
            proxy.index(proxy.rowCount() - 1, CatalogModel::PortsColumn).data(CatalogModel::SortRole).toInt(),
            5274);
}

void TestCatalogModel::filters_data()
{
    QTest::addColumn<QString>("criterion");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("rows");
    // The built-in catalog with expired static addresses shown: 234 rows.
    QTest::addRow("text english") << "text"
                                  << "smart feedback" << 9;
    QTest::addRow("text japanese") << "text"
                                   << "スマートフィードバック" << 9;
    QTest::addRow("text two words") << "text"
                                    << "agent-067 workload" << 1;
    QTest::addRow("text no match") << "text"
                                   << "no-such-thing" << 0;
    QTest::addRow("role dcg") << "role"
                              << "dcg" << 5;
    QTest::addRow("role api client") << "role"
                                     << "api-client" << 4;
    QTest::addRow("role admin") << "role"
                                << "admin" << 24;
    QTest::addRow("direction inbound") << "direction"
                                       << "inbound" << 6;
    QTest::addRow("direction local") << "direction"
                                     << "local" << 1;
    QTest::addRow("requirement optional") << "requirement"
                                          << "optional" << 8;
    QTest::addRow("protocol ntp") << "protocol"
                                  << "ntp" << 1;
    QTest::addRow("protocol udp") << "protocol"
                                  << "udp" << 6;
    QTest::addRow("protocol syslog") << "protocol"
                                     << "Syslog" << 3;
    QTest::addRow("port 4123") << "port"
                               << "4123" << 1;
    QTest::addRow("port 5275") << "port"
                               << "5275" << 1;
    QTest::addRow("port 4118") << "port"
                               << "4118" << 4;
}

void TestCatalogModel::filters()
{
    QFETCH(QString, criterion);
    QFETCH(QString, value);
    QFETCH(int, rows);
    CatalogModel model;
    model.setCatalog(m_builtin);
    CatalogFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setIncludeExpired(true);
    QCOMPARE(proxy.rowCount(), 234);
    QSignalSpy changed(&proxy, &CatalogFilterProxyModel::filterChanged);
    if (criterion == QLatin1String("text"))
        proxy.setFilterText(value);
    else if (criterion == QLatin1String("role"))
        proxy.setRole(value);
    else if (criterion == QLatin1String("direction"))
        proxy.setDirection(value);
    else if (criterion == QLatin1String("requirement"))
        proxy.setRequirement(value);
    else if (criterion == QLatin1String("protocol"))
        proxy.setProtocol(value);
    else if (criterion == QLatin1String("port"))
        proxy.setPort(value.toInt());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(proxy.rowCount(), rows);
}

void TestCatalogModel::expiredHiddenByDefault()
{
    CatalogModel model;
    model.setReferenceDate(QDate(2026, 11, 30));
    model.setCatalog(m_builtin);
    CatalogFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!proxy.includesExpired());
    QCOMPARE(proxy.rowCount(), 234 - (24 + 37 + 12 + 33));
    proxy.setIncludeExpired(true);
    QCOMPARE(proxy.rowCount(), 234);
    proxy.setIncludeExpired(false);
    model.setReferenceDate(QDate(2022, 6, 1));
    proxy.invalidate();
    QCOMPARE(proxy.rowCount(), 234);
    proxy.setRequiredOnly(true);
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.index(row, 0).data(CatalogModel::RequirementRole).toString(),
                 QStringLiteral("required"));
}

void TestCatalogModel::clearFilters()
{
    CatalogModel model;
    model.setCatalog(m_builtin);
    CatalogFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setIncludeExpired(true);
    proxy.setFilterText(QStringLiteral("dns"));
    proxy.setRole(QStringLiteral("agent"));
    proxy.setPort(53);
    proxy.setEntryIds({QStringLiteral("agent-out-dns")});
    QCOMPARE(proxy.rowCount(), 1);
    proxy.clearFilters();
    QCOMPARE(proxy.rowCount(), 234);
    QVERIFY(proxy.includesExpired()); // the expiry toggle is a view setting, not a filter
}

void TestCatalogModel::checkStates()
{
    CatalogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(m_minimal);
    const int row = model.rowOf(1, 2); // the URL endpoint of "web"
    QCOMPARE(row, 3);
    QCOMPARE(model.rowOf(0, -1), 0);
    QCOMPARE(model.rowOf(5, 0), -1);
    QVERIFY(model.index(row, CatalogModel::CheckColumn).data().toString().isEmpty());
    QVERIFY(!model.index(row, CatalogModel::EndpointColumn).data(Qt::DecorationRole).isValid());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setCheckState(row, {RowCheckState::Status::Failed, 5003, QStringLiteral("Timed out")});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), row);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), row);
    QCOMPARE(model.index(row, CatalogModel::CheckColumn).data().toString(),
             QStringLiteral("Timed out (5003 ms)"));
    QCOMPARE(model.index(row, 0).data(CatalogModel::CheckStatusRole).toInt(),
             int(RowCheckState::Status::Failed));
    QCOMPARE(model.index(row, 0).data(CatalogModel::CheckLatencyRole).toLongLong(), 5003);
    QCOMPARE(model.index(row, CatalogModel::EndpointColumn).data(Qt::DecorationRole).value<QColor>(),
             CatalogModel::checkColor(RowCheckState::Status::Failed));

    model.setCheckState(row, {RowCheckState::Status::Failed, 5003, QStringLiteral("Timed out")});
    QCOMPARE(changed.count(), 1); // unchanged state, no signal
    model.setCheckState(99, {RowCheckState::Status::Passed, 1, QString()});
    QCOMPARE(changed.count(), 1); // out of range is ignored

    model.clearCheckStates();
    QCOMPARE(changed.count(), 2);
    QVERIFY(model.index(row, CatalogModel::CheckColumn).data().toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestCatalogModel)
#include "tst_catalogmodel.moc"
