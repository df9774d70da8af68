#include "core/catalog/catalogloader.h"
#include "core/models/catalogfilterproxymodel.h"
#include "core/models/catalogmodel.h"

#include <QAbstractItemModelTester>
#include <QCollator>
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
    void directionFollowsRole();
    void agentOutboundOmitsManagerInitiated();
    void languageSwitchKeepsSelection();
    void portsSortNumerically();
    void filters_data();
    void filters();
    void expiredHiddenByDefault();
    void expiredReadsExpired();
    void featureFilter();
    void agentVersionFilter();
    void clearFilters();
    void checkStates();
    void expiredColorIsReadable_data();
    void expiredColorIsReadable();
    void typingAgreesWithReference_data();
    void typingAgreesWithReference();
    void sortsByCollationBothWays_data();
    void sortsByCollationBothWays();
    void filterKeepsSelectionAndCurrent();
    void referenceDateRefilters();

private:
    static QSet<QString> shownFlows(const QAbstractItemModel &proxy);
    static QSet<QString> shownLists(const QAbstractItemModel &proxy);

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

QSet<QString> TestCatalogModel::shownFlows(const QAbstractItemModel &proxy)
{
    QSet<QString> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.insert(proxy.index(row, 0).data(CatalogModel::FlowIdRole).toString());
    return ids;
}

QSet<QString> TestCatalogModel::shownLists(const QAbstractItemModel &proxy)
{
    QSet<QString> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.insert(proxy.index(row, 0).data(CatalogModel::EndpointListIdRole).toString());
    ids.remove(QString());
    return ids;
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
    proxy.sort(CatalogModel::DirectionColumn);
    proxy.setFilterText(japanese ? QStringLiteral("サーバ") : QStringLiteral("server"));
    QVERIFY(proxy.rowCount() > 0);
    model.setRole(QStringLiteral("agent"));
    proxy.setRole(QStringLiteral("agent"));
    proxy.setDirection(Direction::Outbound);
    proxy.setFeatures({Feature::WebReputation});
    proxy.setAgentVersion(QVersionNumber(20, 0));
    proxy.setFilterText(QString());
    QVERIFY(proxy.rowCount() > 0);
    model.setRole(QString());
    model.setLanguage(japanese ? Language::English : Language::Japanese);
    model.setCatalog(m_minimal);
    QCOMPARE(model.rowCount(), 9);
}

void TestCatalogModel::rows()
{
    CatalogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(m_builtin);
    // One row per flow x endpoint, and one for each of the 10 flows without endpoints.
    QCOMPARE(model.rowCount(), m_builtin.endpointCount() + 10);
    QCOMPARE(model.rowCount(), 317);
    QCOMPARE(model.columnCount(), int(CatalogModel::ColumnCount));

    model.setCatalog(m_minimal);
    QCOMPARE(model.rowCount(), 9);
    const QModelIndex dns = model.index(0, CatalogModel::EndpointColumn);
    QCOMPARE(dns.data().toString(), QStringLiteral("DNS server (in your network)"));
    QCOMPARE(dns.data(CatalogModel::EndpointIndexRole).toInt(), -1);
    QCOMPARE(dns.data(CatalogModel::FlowIdRole).toString(), QStringLiteral("dns"));
    QVERIFY(dns.data(CatalogModel::CustomerSideRole).toBool());
    QCOMPARE(dns.data(CatalogModel::InitiatorsRole).toStringList(), QStringList{QStringLiteral("agent")});
    QCOMPARE(dns.data(CatalogModel::ListenerRole).toString(), QStringLiteral("dns-server"));
    QCOMPARE(model.index(0, CatalogModel::PortsColumn).data().toString(),
             QStringLiteral("53/UDP (DNS), 53/TCP (DNS)"));
    QCOMPARE(model.index(0, CatalogModel::PageColumn).data().toString(), QStringLiteral("Agent ports"));
    QCOMPARE(dns.data(CatalogModel::ProvenanceRole).toStringList(),
             QStringList{QStringLiteral("ports.agent#dns")});

    const QModelIndex wildcard = model.index(2, CatalogModel::EndpointColumn);
    QCOMPARE(wildcard.data().toString(), QStringLiteral("*.wild.localhost"));
    QCOMPARE(wildcard.data(CatalogModel::EndpointKindRole).toString(), QStringLiteral("host"));
    QCOMPARE(wildcard.data(CatalogModel::EndpointListIdRole).toString(), QStringLiteral("web-hosts"));
    QCOMPARE(wildcard.data(CatalogModel::RequirementRole).value<Requirement>(), Requirement::Conditional);
    QCOMPARE(wildcard.data(CatalogModel::FeaturesRole).value<QList<Feature>>(),
             QList<Feature>{Feature::WebReputation});
    QCOMPARE(model.index(2, CatalogModel::FeaturesColumn).data().toString(),
             QStringLiteral("Web Reputation"));
    QCOMPARE(wildcard.data(CatalogModel::ConditionRole).toString(), QStringLiteral("Only with feature X."));
    // The endpoint's list's table first, then the flow's.
    QCOMPARE(wildcard.data(CatalogModel::ProvenanceRole).toStringList(),
             (QStringList{QStringLiteral("urls#web"), QStringLiteral("ports.agent#web"),
                          QStringLiteral("ips.out#static")}));
    QCOMPARE(model.index(2, CatalogModel::PageColumn).data().toString(),
             QStringLiteral("URLs; Agent ports; Outbound addresses"));
    QCOMPARE(model.index(4, 0).data(CatalogModel::AgentVersionsRole).toString(),
             QStringLiteral("20.0 and later"));
    QCOMPARE(model.rowsForFlow(QStringLiteral("web")), (QList<int>{1, 2, 3, 4, 5, 6}));
    QCOMPARE(model.rowsForFlow(QStringLiteral("no-such-flow")), QList<int>());

    // The static list uses only 443 of the flow's ports.
    QCOMPARE(model.index(5, CatalogModel::PortsColumn).data().toString(), QStringLiteral("443/TCP (HTTPS)"));
    QCOMPARE(model.index(5, 0).data(CatalogModel::PortsRole).toList(), QVariantList{443});
    model.setReferenceDate(QDate(2026, 11, 30));
    QCOMPARE(model.index(5, CatalogModel::ValidityColumn).data().toString(),
             QStringLiteral("expired 2022-12-31"));
    QVERIFY(model.index(5, 0).data(CatalogModel::ExpiredRole).toBool());
    QVERIFY(model.index(5, 0).data(Qt::ForegroundRole).isValid());
    model.setReferenceDate(QDate(2022, 1, 1));
    QCOMPARE(model.index(5, CatalogModel::ValidityColumn).data().toString(),
             QStringLiteral("valid until 2022-12-31"));
    QVERIFY(!model.index(5, 0).data(CatalogModel::ExpiredRole).toBool());

    // 4123 stays on its computer.
    QCOMPARE(model.index(8, CatalogModel::EndpointColumn).data().toString(),
             QStringLiteral("Agent (on the same computer)"));
    QVERIFY(!model.index(8, 0).data(CatalogModel::NeedsNetworkRuleRole).toBool());
}

void TestCatalogModel::directionFollowsRole()
{
    CatalogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(m_minimal);
    const auto direction = [&model](int row) {
        return model.index(row, CatalogModel::DirectionColumn).data().toString();
    };
    // All roles: who connects to whom.
    QCOMPARE(direction(0), QStringLiteral("Agent → DNS server"));
    QCOMPARE(direction(7), QStringLiteral("Cloud service → Agent"));
    QCOMPARE(model.index(7, 0).data(CatalogModel::DirectionRole).value<Direction>(), Direction::Inbound);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy rolesChanged(&model, &CatalogModel::rolesChanged);
    model.setRole(QStringLiteral("agent"));
    QCOMPARE(reset.count(), 0);
    QCOMPARE(rolesChanged.count(), 1);
    QCOMPARE(dataChanged.count(), 1);
    // The Direction column only.
    QCOMPARE(dataChanged.first().at(0).toModelIndex(), model.index(0, CatalogModel::DirectionColumn));
    QCOMPARE(dataChanged.first().at(1).toModelIndex(), model.index(8, CatalogModel::DirectionColumn));
    QCOMPARE(direction(0), QStringLiteral("Outbound"));
    QCOMPARE(direction(7), QStringLiteral("Inbound"));
    QCOMPARE(direction(8), QStringLiteral("Local"));
    QCOMPARE(model.index(0, 0).data(CatalogModel::DirectionRole).value<Direction>(), Direction::Outbound);

    model.setRole(QStringLiteral("cloud"));
    QCOMPARE(direction(1), QStringLiteral("Inbound"));
    QCOMPARE(direction(7), QStringLiteral("Outbound"));
    QCOMPARE(direction(0), QString()); // the cloud takes no part in DNS
    model.setRoles({QStringLiteral("cloud")}); // no change, no signal
    QCOMPARE(dataChanged.count(), 2);
    model.setRoles({QStringLiteral("agent"), QStringLiteral("cloud")});
    QCOMPARE(direction(1), QStringLiteral("Both directions"));
    model.setRole(QString());
    QCOMPARE(direction(1), QStringLiteral("Agent → Cloud service"));
    QCOMPARE(reset.count(), 0);
}

void TestCatalogModel::agentOutboundOmitsManagerInitiated()
{
    CatalogModel model;
    model.setCatalog(m_builtin);
    CatalogFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setRole(QStringLiteral("agent"));
    proxy.setRole(QStringLiteral("agent"));
    QVERIFY(shownFlows(proxy).contains(QStringLiteral("ws-agent-4118")));

    proxy.setDirection(Direction::Outbound);
    const QSet<QString> outbound = shownFlows(proxy);
    QVERIFY(!outbound.contains(QStringLiteral("ws-agent-4118")));
    QVERIFY(outbound.contains(QStringLiteral("agent-ws-443")));
    QVERIFY(outbound.contains(QStringLiteral("agent-dns")));
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.index(row, CatalogModel::DirectionColumn).data().toString(),
                 QStringLiteral("Outbound"));

    proxy.setDirection(Direction::Inbound);
    QCOMPARE(shownFlows(proxy), QSet<QString>{QStringLiteral("ws-agent-4118")});
    QCOMPARE(proxy.index(0, CatalogModel::DirectionColumn).data().toString(), QStringLiteral("Inbound"));
    QCOMPARE(proxy.index(0, CatalogModel::EndpointColumn).data().toString(), QStringLiteral("34.205.5.0/27"));
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

    QCOMPARE(model.index(0, CatalogModel::InitiatorsColumn).data().toString(), QStringLiteral("Agent"));
    model.setLanguage(Language::Japanese);
    QCOMPARE(model.index(0, CatalogModel::InitiatorsColumn).data().toString(),
             QStringLiteral("エージェント"));
    QCOMPARE(model.index(1, CatalogModel::PageColumn).data().toString(),
             QStringLiteral("URL; エージェントのポート; 送信アドレス"));
    QCOMPARE(model.index(1, 0).data(CatalogModel::ConditionRole).toString(),
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
    QCOMPARE(model.index(0, CatalogModel::InitiatorsColumn).data().toString(), QStringLiteral("Agent"));
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
    // The built-in catalog with expired static addresses shown: 317 rows.
    // Every row of the Smart Protection Network flow, whose description names Smart Feedback.
    QTest::addRow("text english") << "text"
                                  << "smart feedback" << 15;
    QTest::addRow("text japanese") << "text"
                                   << "スマートフィードバック" << 15;
    QTest::addRow("text two words") << "text"
                                    << "ds200-en fbs25" << 1;
    QTest::addRow("text no match") << "text"
                                   << "no-such-thing" << 0;
    QTest::addRow("role dcg") << "role"
                              << "dcg" << 4;
    QTest::addRow("role api client") << "role"
                                     << "api-client" << 74;
    QTest::addRow("role admin") << "role"
                                << "admin" << 24;
    // Without a role, relative to the customer network: the four flows from Workload Security.
    QTest::addRow("direction inbound") << "direction"
                                       << "inbound" << 4;
    QTest::addRow("direction local") << "direction"
                                     << "local" << 1;
    QTest::addRow("requirement optional") << "requirement"
                                          << "optional" << 7;
    QTest::addRow("protocol ntp") << "protocol"
                                  << "ntp" << 1;
    QTest::addRow("protocol udp") << "protocol"
                                  << "udp" << 4;
    QTest::addRow("protocol syslog") << "protocol"
                                     << "Syslog" << 2;
    QTest::addRow("port 4123") << "port"
                               << "4123" << 1;
    QTest::addRow("port 5275") << "port"
                               << "5275" << 1;
    QTest::addRow("port 4118") << "port"
                               << "4118" << 2;
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
    QCOMPARE(proxy.rowCount(), 317);
    QSignalSpy changed(&proxy, &CatalogFilterProxyModel::filterChanged);
    if (criterion == QLatin1String("text"))
        proxy.setFilterText(value);
    else if (criterion == QLatin1String("role"))
        proxy.setRole(value);
    else if (criterion == QLatin1String("direction"))
        proxy.setDirection(*Vocabulary::fromName<Direction>(value));
    else if (criterion == QLatin1String("requirement"))
        proxy.setRequirement(Vocabulary::fromName<Requirement>(value));
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
    // The legacy static lists: GUI (shared by two flows), heartbeat, fast heartbeat, updates.
    QCOMPARE(proxy.rowCount(), 317 - (2 * 24 + 12 + 33 + 37));
    proxy.setIncludeExpired(true);
    QCOMPARE(proxy.rowCount(), 317);
    proxy.setIncludeExpired(false);
    model.setReferenceDate(QDate(2022, 6, 1));
    proxy.invalidate();
    QCOMPARE(proxy.rowCount(), 317);
    proxy.setRequiredOnly(true);
    QVERIFY(proxy.rowCount() > 0);
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.index(row, 0).data(CatalogModel::RequirementRole).value<Requirement>(),
                 Requirement::Required);
}

void TestCatalogModel::expiredReadsExpired()
{
    CatalogModel model;
    model.setReferenceDate(QDate(2026, 11, 30));
    model.setCatalog(m_minimal);
    CatalogFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The static list of the conditional "web" flow has expired.
    QCOMPARE(model.index(5, CatalogModel::RequirementColumn).data().toString(), QStringLiteral("Expired"));
    QCOMPARE(model.index(6, CatalogModel::RequirementColumn).data().toString(), QStringLiteral("Expired"));
    QCOMPARE(model.index(1, CatalogModel::RequirementColumn).data().toString(),
             QStringLiteral("Conditional"));
    // Hidden by default.
    QCOMPARE(proxy.rowCount(), 7);
    QVERIFY(!proxy.mapFromSource(model.index(5, 0)).isValid());
    proxy.setIncludeExpired(true);
    QCOMPARE(proxy.rowCount(), 9);
    QVERIFY(proxy.mapFromSource(model.index(5, 0)).isValid());
    // Before the end of its validity it reads as its flow's requirement.
    model.setReferenceDate(QDate(2022, 1, 1));
    QCOMPARE(model.index(5, CatalogModel::RequirementColumn).data().toString(),
             QStringLiteral("Conditional"));
}

void TestCatalogModel::featureFilter()
{
    CatalogModel model;
    model.setCatalog(m_builtin);
    CatalogFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setRole(QStringLiteral("agent"));
    const int all = proxy.rowCount();
    QVERIFY(shownLists(proxy).contains(QStringLiteral("spn-ml")));

    QSignalSpy changed(&proxy, &CatalogFilterProxyModel::filterChanged);
    proxy.setFeatures({Feature::WebReputation});
    QCOMPARE(changed.count(), 1);
    QVERIFY(proxy.rowCount() < all);
    const QSet<QString> flows = shownFlows(proxy);
    const QSet<QString> lists = shownLists(proxy);
    // Flows without features stay.
    QVERIFY(flows.contains(QStringLiteral("agent-dns")));
    QVERIFY(flows.contains(QStringLiteral("agent-ws-443")));
    // A flow that Web Reputation needs stays; so does its list for it, not the others.
    QVERIFY(flows.contains(QStringLiteral("agent-sps-wrs")));
    QVERIFY(lists.contains(QStringLiteral("spn-wrs")));
    for (const char *other : {"spn-ml", "spn-smart-scan", "spn-census", "spn-gfr", "spn-feedback-20"})
        QVERIFY2(!lists.contains(QLatin1String(other)), other);
    // Flows needed only by other features go.
    for (const char *other : {"agent-syslog", "xdr-443", "agent-relay-4122", "ws-agent-4118"})
        QVERIFY2(!flows.contains(QLatin1String(other)), other);

    proxy.setFeatures({Feature::WebReputation, Feature::MachineLearning});
    QVERIFY(shownLists(proxy).contains(QStringLiteral("spn-ml")));
    QVERIFY(shownLists(proxy).contains(QStringLiteral("spn-census")));
    proxy.setFeatures({});
    QCOMPARE(proxy.rowCount(), all);
}

void TestCatalogModel::agentVersionFilter()
{
    CatalogModel model;
    model.setCatalog(m_builtin);
    CatalogFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    QCOMPARE(m_builtin.agentVersions(),
             (QList<QVersionNumber>{QVersionNumber(10, 0), QVersionNumber(11, 0), QVersionNumber(12, 0),
                                    QVersionNumber(20, 0)}));
    const QSet<QString> feedback{QStringLiteral("spn-feedback-20"), QStringLiteral("spn-feedback-12"),
                                 QStringLiteral("spn-feedback-11"), QStringLiteral("spn-feedback-10")};
    QCOMPARE(shownLists(proxy) & feedback, feedback);

    const QList<std::pair<QVersionNumber, QString>> cases{
            {QVersionNumber(20, 0), QStringLiteral("spn-feedback-20")},
            {QVersionNumber(20, 0, 158), QStringLiteral("spn-feedback-20")},
            {QVersionNumber(12, 0), QStringLiteral("spn-feedback-12")},
            {QVersionNumber(11, 0), QStringLiteral("spn-feedback-11")},
            {QVersionNumber(10, 0), QStringLiteral("spn-feedback-10")}};
    for (const auto &[version, list] : cases) {
        proxy.setAgentVersion(version);
        QCOMPARE(shownLists(proxy) & feedback, QSet<QString>{list});
        // Lists for every version stay.
        QVERIFY(shownLists(proxy).contains(QStringLiteral("spn-census")));
        QVERIFY(shownFlows(proxy).contains(QStringLiteral("agent-dns")));
    }
    QCOMPARE(proxy.index(0, 0).isValid(), true);
    proxy.setAgentVersion(QVersionNumber());
    QCOMPARE(shownLists(proxy) & feedback, feedback);
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
    proxy.setFeatures({Feature::SiemForwarding});
    proxy.setAgentVersion(QVersionNumber(20, 0));
    proxy.setFlowIds({QStringLiteral("agent-dns")});
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.filterText(), QStringLiteral("dns"));
    proxy.clearFilters();
    QCOMPARE(proxy.rowCount(), 317);
    QCOMPARE(proxy.filter().features, QList<Feature>());
    QVERIFY(proxy.filterText().isEmpty());
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
    QCOMPARE(model.checkState(row).status, RowCheckState::Status::Failed);

    model.setCheckState(row, {RowCheckState::Status::Failed, 5003, QStringLiteral("Timed out")});
    QCOMPARE(changed.count(), 1); // unchanged state, no signal
    model.setCheckState(99, {RowCheckState::Status::Passed, 1, QString()});
    QCOMPARE(changed.count(), 1); // out of range is ignored

    model.clearCheckStates();
    QCOMPARE(changed.count(), 2);
    QVERIFY(model.index(row, CatalogModel::CheckColumn).data().toString().isEmpty());
}

void TestCatalogModel::expiredColorIsReadable_data()
{
    QTest::addColumn<QColor>("text");
    QTest::addColumn<QColor>("base");
    QTest::addColumn<QColor>("alternate");
    QTest::addRow("light") << QColor(Qt::black) << QColor(Qt::white) << QColor(0xf7, 0xf7, 0xf7);
    QTest::addRow("dark") << QColor(230, 230, 230) << QColor(30, 30, 32) << QColor(40, 40, 43);
}

void TestCatalogModel::expiredColorIsReadable()
{
    QFETCH(QColor, text);
    QFETCH(QColor, base);
    QFETCH(QColor, alternate);
    QCOMPARE(qRound(CatalogModel::contrastRatio(Qt::black, Qt::white)), 21);
    QCOMPARE(CatalogModel::contrastRatio(Qt::white, Qt::white), 1.0);
    // The old grey #BEBEBE on white: 1.9:1.
    QVERIFY(CatalogModel::contrastRatio(QColor(0xbe, 0xbe, 0xbe), Qt::white) < 2.0);
    QPalette palette;
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, alternate);
    const QColor expired = CatalogModel::expiredColor(palette);
    QVERIFY(expired != text); // still set apart from the other rows
    QVERIFY2(CatalogModel::contrastRatio(expired, base) >= 4.5, qPrintable(expired.name()));
    QVERIFY2(CatalogModel::contrastRatio(expired, alternate) >= 4.5, qPrintable(expired.name()));
}

void TestCatalogModel::typingAgreesWithReference_data()
{
    QTest::addColumn<int>("sortColumn");
    QTest::addRow("catalog order") << -1;
    QTest::addRow("sorted by endpoint") << int(CatalogModel::EndpointColumn);
    QTest::addRow("sorted by service") << int(CatalogModel::ServiceColumn);
}

void TestCatalogModel::typingAgreesWithReference()
{
    // Typing narrows from the last result, Backspace reuses earlier ones, a group of rows is
    // judged once: each step must still show exactly the rows that FlowFilter accepts on the
    // whole search text, in the sort order.
    QFETCH(int, sortColumn);
    CatalogModel model;
    CatalogFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setCatalog(m_builtin);
    proxy.sort(sortColumn);
    const auto expected = [&](const FlowFilter &filter) {
        QSet<int> rows;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString text = model.index(row, 0).data(CatalogModel::SearchTextRole).toString();
            if (filter.acceptsRow(model.catalog(), model.rowRef(row), model.referenceDate(), text))
                rows.insert(row);
        }
        return rows;
    };
    const auto shown = [&] {
        QSet<int> rows;
        for (int row = 0; row < proxy.rowCount(); ++row)
            rows.insert(proxy.mapToSource(proxy.index(row, 0)).row());
        return rows;
    };
    int steps = 0;
    const QStringList typed{QStringLiteral("agents-0"), QStringLiteral("relay 4122"),
                            QStringLiteral("リレー"),   QStringLiteral("ntp udp"),
                            QStringLiteral("34.2"),     QStringLiteral("zzz")};
    for (const QString &text : typed) {
        QStringList prefixes;
        for (int i = 1; i <= text.size(); ++i)
            prefixes.append(text.left(i));
        for (int i = text.size() - 1; i >= 0; --i)
            prefixes.append(text.left(i));
        for (const QString &prefix : std::as_const(prefixes)) {
            proxy.setFilterText(prefix);
            QCOMPARE(shown(), expected(proxy.filter()));
            ++steps;
        }
        // Another criterion between words: the results kept for Backspace must not leak.
        proxy.setIncludeExpired(!proxy.includesExpired());
        QCOMPARE(shown(), expected(proxy.filter()));
    }
    QVERIFY(steps > 50);
    if (sortColumn >= 0) {
        const QList<qint64> keys = model.sortKeys(sortColumn);
        for (int row = 1; row < proxy.rowCount(); ++row)
            QVERIFY(keys.at(proxy.mapToSource(proxy.index(row - 1, 0)).row())
                    <= keys.at(proxy.mapToSource(proxy.index(row, 0)).row()));
    }
}

void TestCatalogModel::sortsByCollationBothWays_data()
{
    QTest::addColumn<bool>("japanese");
    QTest::addRow("English") << false;
    QTest::addRow("Japanese") << true;
}

void TestCatalogModel::sortsByCollationBothWays()
{
    QFETCH(bool, japanese);
    CatalogModel model;
    CatalogFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setCatalog(m_builtin);
    model.setLanguage(japanese ? Language::Japanese : Language::English);
    proxy.setIncludeExpired(true);
    QCollator collator(japanese ? QLocale(QLocale::Japanese) : QLocale(QLocale::English));
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    for (int column : {int(CatalogModel::EndpointColumn), int(CatalogModel::ServiceColumn),
                       int(CatalogModel::ListenerColumn)}) {
        for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            proxy.sort(column, order);
            QCOMPARE(proxy.sortColumn(), column);
            QCOMPARE(proxy.rowCount(), model.rowCount());
            for (int row = 1; row < proxy.rowCount(); ++row) {
                const QString a = proxy.index(row - 1, column).data().toString();
                const QString b = proxy.index(row, column).data().toString();
                const int c = collator.compare(a, b);
                QVERIFY2(order == Qt::AscendingOrder ? c <= 0 : c >= 0,
                         qPrintable(QStringLiteral("%1 / %2").arg(a, b)));
                // Equal texts keep the catalog's order.
                if (c == 0)
                    QVERIFY(proxy.mapToSource(proxy.index(row - 1, 0)).row()
                            < proxy.mapToSource(proxy.index(row, 0)).row());
            }
        }
    }
    // The language switch re-sorts at once.
    proxy.sort(CatalogModel::ListenerColumn);
    model.setLanguage(japanese ? Language::English : Language::Japanese);
    QCollator other(japanese ? QLocale(QLocale::English) : QLocale(QLocale::Japanese));
    other.setCaseSensitivity(Qt::CaseInsensitive);
    other.setNumericMode(true);
    for (int row = 1; row < proxy.rowCount(); ++row)
        QVERIFY(other.compare(proxy.index(row - 1, CatalogModel::ListenerColumn).data().toString(),
                              proxy.index(row, CatalogModel::ListenerColumn).data().toString())
                <= 0);
    // -1: back to the catalog's order.
    proxy.sort(-1);
    for (int row = 0; row < proxy.rowCount(); ++row)
        QCOMPARE(proxy.mapToSource(proxy.index(row, 0)).row(), row);
}

void TestCatalogModel::filterKeepsSelectionAndCurrent()
{
    CatalogModel model;
    CatalogFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setCatalog(m_builtin);
    QItemSelectionModel selection(&proxy);
    const int relayRow = model.rowsForFlow(QStringLiteral("agent-relay-4122")).value(0, -1);
    QVERIFY(relayRow >= 0);
    const QModelIndex index = proxy.mapFromSource(model.index(relayRow, 0));
    QVERIFY(index.isValid());
    selection.setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
    proxy.setFilterText(QStringLiteral("relay"));
    QVERIFY(!layouts.isEmpty());
    QVERIFY(proxy.rowCount() < model.rowCount());
    // Still selected and current, at its new row.
    QCOMPARE(proxy.mapToSource(selection.currentIndex()).row(), relayRow);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(proxy.mapToSource(selection.selectedRows().constFirst()).row(), relayRow);
    proxy.sort(CatalogModel::EndpointColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.mapToSource(selection.currentIndex()).row(), relayRow);
    // Hidden: no longer selected; nothing else is.
    proxy.setFilterText(QStringLiteral("zzz-nothing"));
    QCOMPARE(proxy.rowCount(), 0);
    QVERIFY(selection.selectedRows().isEmpty());
    QVERIFY(!selection.currentIndex().isValid());
}

void TestCatalogModel::referenceDateRefilters()
{
    CatalogModel model;
    CatalogFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    model.setCatalog(m_builtin);
    model.setReferenceDate(QDate(2026, 12, 3));
    const int today = proxy.rowCount();
    // Before the static addresses expired, they are shown without "show expired".
    model.setReferenceDate(QDate(2020, 1, 1));
    QVERIFY(proxy.rowCount() > today);
    QCOMPARE(proxy.rowCount(), model.rowCount());
    model.setReferenceDate(QDate(2026, 12, 3));
    QCOMPARE(proxy.rowCount(), today);
}

QTEST_GUILESS_MAIN(TestCatalogModel)
#include "tst_catalogmodel.moc"
