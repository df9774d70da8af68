// The Connectivity tab end to end, offscreen, against loopback servers only (allowOnlyLoopback
// and resolve overrides): one click runs the checks, progress and counts follow, the results
// table, the details and the hints show what failed, the catalog table and the diagram get the
// states, Cancel and Re-run failed work, reports parse, two runs compare, and the proxy
// password never reaches the settings file.

#include "app/gui/diagram/diagramscene.h"
#include "app/gui/diagram/diagramview.h"
#include "app/gui/diagram/diagramwidget.h"
#include "app/gui/mainwindow.h"
#include "app/gui/tables/catalogtableview.h"
#include "app/gui/tester/comparisondialog.h"
#include "app/gui/tester/environmentdialog.h"
#include "app/gui/tester/testerpanel.h"
#include "core/catalog/catalogstore.h"
#include "core/models/catalogmodel.h"
#include "core/tester/models/checkresultsfiltermodel.h"
#include "core/tester/models/checkresultsmodel.h"
#include "tests/tester/testservers.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeWidget>
#include <QXmlStreamReader>

#include <memory>

class tst_TesterPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void runShowsResults();
    void failureHintInDetails();
    void skipReasonsFollowLanguage();
    void catalogTableAndDiagram();
    void screenshots();
    void rerunFailedOnly();
    void reportsParse_data();
    void reportsParse();
    void copySummary();
    void compareRuns();
    void compareWithPreviousRun();
    void cancelIsQuick();
    void builtinCatalogAsksFirst();
    void environmentDialog();
    void passwordNeverInSettings();

private:
    QString writeCatalog(const QString &name, quint16 closedPort);
    void configure(TesterPanel *panel);
    int rowOf(const QString &endpoint) const;
    TesterPanel *panel() const { return m_window->testerPanel(); }

    TestCertificates m_certificates;
    QString m_certificateError;
    QTemporaryDir m_dir;
    std::unique_ptr<TestTcpServer> m_https;
    std::unique_ptr<TestTcpServer> m_http;
    std::unique_ptr<TestTcpServer> m_silent;
    std::unique_ptr<TestNtpServer> m_ntp;
    std::unique_ptr<TestUdpSink> m_syslog;
    quint16 m_closedPort = 0;
    std::unique_ptr<CatalogStore> m_store;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
};

QString tst_TesterPanel::writeCatalog(const QString &name, quint16 closedPort)
{
    QFile templateFile(QStringLiteral(PORTOLAN_TEST_DATA "/tester/loopback.json.in"));
    if (!templateFile.open(QIODevice::ReadOnly))
        return {};
    QByteArray data = templateFile.readAll();
    data.replace("@HTTPS_PORT@", QByteArray::number(m_https->port()));
    data.replace("@HTTP_PORT@", QByteArray::number(m_http->port()));
    data.replace("@NTP_PORT@", QByteArray::number(m_ntp->port()));
    data.replace("@SYSLOG_PORT@", QByteArray::number(m_syslog->port()));
    data.replace("@CLOSED_PORT@", QByteArray::number(closedPort));
    const QString fileName = m_dir.filePath(name);
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(data);
    return fileName;
}

void tst_TesterPanel::configure(TesterPanel *panel)
{
    const QString caFile = m_certificates.caFile();
    panel->setOptionsOverride([caFile](TesterOptions &options) {
        options.allowOnlyLoopback = true;
        options.stageTimeoutMs = 2000;
        options.udpRefusalWaitMs = 300;
        options.addResolveOverride(QStringLiteral("valid.test:127.0.0.1"));
        options.addResolveOverride(QStringLiteral("closed.test:127.0.0.1"));
        options.addCaFile(caFile);
    });
    EnvironmentSettings environment;
    environment.site.set(QStringLiteral("ntp"), QStringLiteral("127.0.0.1"));
    environment.site.set(QStringLiteral("syslog"), QStringLiteral("127.0.0.1"));
    panel->setEnvironment(environment, {});
}

void tst_TesterPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("PortolanTest"));
    QApplication::setApplicationName(QStringLiteral("tst_testerpanel"));
    QApplication::setStyle(QStringLiteral("Fusion"));
    QSettings().clear();
    m_certificateError = m_certificates.generate();
    if (!m_certificateError.isEmpty())
        QSKIP(qPrintable(m_certificateError));

    m_https = std::make_unique<TestTcpServer>(TestTcpServer::Mode::Http);
    m_https->setTls(m_certificates.certificate(TestCertificates::Leaf::Valid),
                    m_certificates.key(TestCertificates::Leaf::Valid));
    m_http = std::make_unique<TestTcpServer>(TestTcpServer::Mode::Http);
    m_silent = std::make_unique<TestTcpServer>(TestTcpServer::Mode::Silent);
    m_ntp = std::make_unique<TestNtpServer>(250);
    m_syslog = std::make_unique<TestUdpSink>();
    QVERIFY(m_https->listenLoopback() && m_http->listenLoopback() && m_silent->listenLoopback()
            && m_ntp->listenLoopback() && m_syslog->listenLoopback());
    m_closedPort = closedTcpPort();

    m_store = std::make_unique<CatalogStore>();
    const QString catalog = writeCatalog(QStringLiteral("loopback.json"), m_closedPort);
    QVERIFY(!m_store->loadFile(catalog));
    m_window = std::make_unique<MainWindow>(m_store.get());
    m_window->setLanguage(Language::English);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    configure(panel());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(
            panel()->filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_TesterPanel::cleanupTestCase()
{
    m_modelTester.reset();
    m_window.reset();
}

int tst_TesterPanel::rowOf(const QString &endpoint) const
{
    const CheckResultsModel *model = panel()->resultsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, CheckResultsModel::EndpointColumn).data().toString() == endpoint)
            return row;
    }
    return -1;
}

void tst_TesterPanel::runShowsResults()
{
    // The action is prominent: in the tool bar with its text, in the Test menu, on F5.
    QToolBar *toolBar = m_window->testToolBar();
    QVERIFY(toolBar->actions().contains(panel()->runAction()));
    QCOMPARE(toolBar->toolButtonStyle(), Qt::ToolButtonTextBesideIcon);
    QCOMPARE(panel()->runAction()->shortcut(), QKeySequence(Qt::Key_F5));
    QCOMPARE(panel()->selectedRoles(), QStringList{QStringLiteral("agent")});
    QVERIFY(!panel()->rerunFailedAction()->isEnabled());
    QVERIFY(!panel()->comparePreviousAction()->isEnabled());
    QVERIFY(!panel()->comparePreviousButton()->isEnabled());
    QVERIFY(m_window->tableView()->isColumnHidden(CatalogModel::CheckColumn));

    QSignalSpy started(panel(), &TesterPanel::runStarted);
    QSignalSpy finished(panel(), &TesterPanel::runFinished);
    QSignalSpy progressed(panel()->progressBar(), &QProgressBar::valueChanged);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(panel()->runButton(), Qt::LeftButton);
    QCOMPARE(started.count(), 1);
    QCOMPARE(m_window->tabs()->currentWidget(), panel());
    QVERIFY(panel()->isRunning());
    QVERIFY(panel()->cancelAction()->isEnabled());
    QVERIFY(!panel()->runAction()->isEnabled());
    QVERIFY(finished.wait(30000));
    qInfo("loopback run: %lld ms", clock.elapsed());
    QCOMPARE(finished.first().first().toBool(), false);

    // 2 https (host, URL), 1 http, ntp, syslog, relay (no address), closed.
    const CheckResultsModel *model = panel()->resultsModel();
    QCOMPARE(model->rowCount(), 7);
    QCOMPARE(panel()->progressBar()->maximum(), 7);
    QCOMPARE(panel()->progressBar()->value(), 7);
    QVERIFY(progressed.count() >= 2); // it moved as results arrived
    QCOMPARE(panel()->countsLabel()->text(),
             QStringLiteral("0 required failed · 1 other failed · 5 passed · 1 skipped"));

    const QString https = QStringLiteral("valid.test:%1").arg(m_https->port());
    const QString closed = QStringLiteral("closed.test:%1").arg(m_closedPort);
    const auto verdictOf = [model](int row) {
        return model->index(row, 0).data(CheckResultsModel::VerdictNameRole).toString();
    };
    QCOMPARE(verdictOf(rowOf(https)), QStringLiteral("ok"));
    QCOMPARE(verdictOf(rowOf(closed)), QStringLiteral("refused"));
    QCOMPARE(verdictOf(rowOf(QStringLiteral("Relay"))), QStringLiteral("skipped"));
    QCOMPARE(model->index(rowOf(https), CheckResultsModel::StatusColumn).data().toString(),
             QStringLiteral("Reachable"));
    QVERIFY(model->index(rowOf(https), CheckResultsModel::LatencyRole)
                    .data(CheckResultsModel::LatencyRole)
                    .toLongLong()
            >= 0);
    QVERIFY(model->index(rowOf(QStringLiteral("Relay")), CheckResultsModel::HintColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("No address given for Relay: set it in Site addresses")));
    QVERIFY(panel()->rerunFailedAction()->isEnabled());
    // One run: nothing to compare with yet.
    QVERIFY(!panel()->comparePreviousAction()->isEnabled());
    QVERIFY(!panel()->previousResults());

    // Failures only.
    panel()->failuresOnlyBox()->setChecked(true);
    QCOMPARE(panel()->filterModel()->rowCount(), 1);
    QCOMPARE(panel()->filterModel()->index(0, CheckResultsModel::EndpointColumn).data().toString(), closed);
    panel()->failuresOnlyBox()->setChecked(false);
    QCOMPARE(panel()->filterModel()->rowCount(), 7);
}

void tst_TesterPanel::failureHintInDetails()
{
    QVERIFY(!panel()->results().isEmpty());
    const QString closed = QStringLiteral("closed.test:%1").arg(m_closedPort);
    const QModelIndex index = panel()->filterModel()->mapFromSource(
            panel()->resultsModel()->index(rowOf(closed), CheckResultsModel::EndpointColumn));
    QVERIFY(index.isValid());
    panel()->resultsView()->setCurrentIndex(index);
    const QString details = panel()->detailsView()->toPlainText();
    QVERIFY2(details.contains(QStringLiteral("Ask for TCP %1 to closed.test to be allowed in the firewall")
                                      .arg(m_closedPort)),
             qPrintable(details));
    QVERIFY(details.contains(QLatin1String("Connection refused")));
    QVERIFY(details.contains(QLatin1String("TCP connection")));

    // An ok HTTPS check shows its stages, the certificate and the HTTP status.
    const QString https = QStringLiteral("valid.test:%1").arg(m_https->port());
    panel()->resultsView()->setCurrentIndex(
            panel()->filterModel()->mapFromSource(panel()->resultsModel()->index(rowOf(https), 0)));
    const QString okDetails = panel()->detailsView()->toPlainText();
    QVERIFY(okDetails.contains(QLatin1String("TLS handshake")));
    QVERIFY(okDetails.contains(QLatin1String("Certificate issuer")));
    QVERIFY(okDetails.contains(QLatin1String("HTTP status")));
    QVERIFY(okDetails.contains(QLatin1String("127.0.0.1")));
}

void tst_TesterPanel::catalogTableAndDiagram()
{
    QVERIFY(!panel()->results().isEmpty());
    QVERIFY(!m_window->tableView()->isColumnHidden(CatalogModel::CheckColumn));
    // Shown right after the endpoint, not at the far right.
    QCOMPARE(m_window->tableView()->horizontalHeader()->visualIndex(CatalogModel::EndpointColumn), 0);
    QCOMPARE(m_window->tableView()->horizontalHeader()->visualIndex(CatalogModel::CheckColumn), 1);
    const CatalogModel *catalog = m_window->catalogModel();
    QHash<QString, int> statusOf;
    for (int row = 0; row < catalog->rowCount(); ++row) {
        const QModelIndex index = catalog->index(row, CatalogModel::CheckColumn);
        statusOf.insert(index.data(CatalogModel::FlowIdRole).toString() + QLatin1Char('#')
                                + index.data(CatalogModel::EndpointRole).toString(),
                        index.data(CatalogModel::CheckStatusRole).toInt());
    }
    QCOMPARE(statusOf.value(QStringLiteral("web#valid.test")), int(RowCheckState::Status::Passed));
    QCOMPARE(statusOf.value(QStringLiteral("closed#closed.test")), int(RowCheckState::Status::Failed));
    QCOMPARE(statusOf.value(QStringLiteral("relay#")), int(RowCheckState::Status::Skipped));
    const int closedRow = catalog->rowsForFlow(QStringLiteral("closed")).first();
    QVERIFY(catalog->index(closedRow, CatalogModel::CheckColumn)
                    .data()
                    .toString()
                    .startsWith(QLatin1String("Connection refused")));

    const DiagramResults &diagram = m_window->diagram()->view()->diagramScene()->results();
    QCOMPARE(diagram.status(QStringLiteral("web")), FlowStatus::Passed);
    QCOMPARE(diagram.status(QStringLiteral("closed")), FlowStatus::Failed);
    QCOMPARE(diagram.status(QStringLiteral("relay")), FlowStatus::Untested);
}

// With PORTOLAN_TESTER_SCREENSHOTS=DIR: the three tabs after the loopback run, for review.
void tst_TesterPanel::screenshots()
{
    const QString dir = qEnvironmentVariable("PORTOLAN_TESTER_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("PORTOLAN_TESTER_SCREENSHOTS not set");
    // PORTOLAN_TESTER_SCREENSHOT_LANG=ja: the run and the pictures in Japanese.
    const bool japanese = qEnvironmentVariable("PORTOLAN_TESTER_SCREENSHOT_LANG") == QLatin1String("ja");
    const QString suffix = japanese ? QStringLiteral("-ja") : QString();
    if (japanese)
        m_window->setLanguage(Language::Japanese);
    if (japanese || panel()->results().isEmpty()) { // run alone (scripts/screenshots.sh)
        QSignalSpy finished(panel(), &TesterPanel::runFinished);
        panel()->runAction()->trigger();
        QVERIFY(finished.wait(30000));
    }
    m_window->resize(1400, 860);
    m_window->tabs()->setCurrentWidget(panel());
    const QString closed = QStringLiteral("closed.test:%1").arg(m_closedPort);
    panel()->resultsView()->setCurrentIndex(panel()->filterModel()->mapFromSource(
            panel()->resultsModel()->index(rowOf(closed), CheckResultsModel::EndpointColumn)));
    QVERIFY(m_window->grab().save(dir + QStringLiteral("/tester-panel%1.png").arg(suffix)));
    m_window->tabs()->setCurrentIndex(0);
    QVERIFY(m_window->grab().save(dir + QStringLiteral("/tester-table%1.png").arg(suffix)));
    m_window->tabs()->setCurrentWidget(m_window->diagram());
    QVERIFY(m_window->grab().save(dir + QStringLiteral("/tester-diagram%1.png").arg(suffix)));
    m_window->tabs()->setCurrentWidget(panel());
    if (japanese)
        m_window->setLanguage(Language::English);
}

void tst_TesterPanel::skipReasonsFollowLanguage()
{
    // The results of runShowsResults.
    const CheckResultsModel *model = panel()->resultsModel();
    const int relay = rowOf(QStringLiteral("Relay"));
    QVERIFY(relay >= 0);
    const auto reason = [&] { return model->result(relay).reason; };
    QCOMPARE(reason(), QStringLiteral("No address given for Relay: set it in Site addresses"));
    // An English reason in a Japanese window would read as a foreign error: shown again at once.
    m_window->setLanguage(Language::Japanese);
    QCOMPARE(
            reason(),
            QStringLiteral("リレーのアドレスが指定されていません: [自社サイトのアドレス]で指定してください"));
    QCOMPARE(panel()->plan().targets.at(relay).skipReason, reason());
    QCOMPARE(model->result(relay).endpoint, QStringLiteral("リレー"));
    m_window->setLanguage(Language::English);
    QCOMPARE(reason(), QStringLiteral("No address given for Relay: set it in Site addresses"));
    QCOMPARE(model->result(relay).endpoint, QStringLiteral("Relay"));
}

void tst_TesterPanel::rerunFailedOnly()
{
    QVERIFY(!panel()->results().isEmpty());
    const int httpsConnections = m_https->connectionCount();
    QSignalSpy messages(panel(), &TesterPanel::message);
    QSignalSpy finished(panel(), &TesterPanel::runFinished);
    panel()->rerunFailedAction()->trigger();
    QVERIFY(finished.wait(20000));
    QCOMPARE(messages.first().first().toString(), QStringLiteral("Testing 1 destination…"));
    QCOMPARE(m_https->connectionCount(), httpsConnections); // the passing checks were not re-run
    QCOMPARE(panel()->results().size(), 7); // merged into the full run
    QCOMPARE(panel()->resultsModel()->counts().failed, 1);
    QCOMPARE(panel()->progressBar()->value(), 7);
    // The run as it was before the re-run stays there to compare with.
    QVERIFY(panel()->comparePreviousAction()->isEnabled());
    QVERIFY(panel()->previousResults());
    QCOMPARE(panel()->previousResults()->size(), 7);
}

void tst_TesterPanel::reportsParse_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QString>("suffix");
    QTest::addRow("html") << int(TesterPanel::ReportFormat::Html) << "html";
    QTest::addRow("json") << int(TesterPanel::ReportFormat::Json) << "json";
    QTest::addRow("junit") << int(TesterPanel::ReportFormat::JUnit) << "xml";
    QTest::addRow("csv") << int(TesterPanel::ReportFormat::Csv) << "csv";
    QTest::addRow("text") << int(TesterPanel::ReportFormat::Text) << "txt";
}

void tst_TesterPanel::reportsParse()
{
    QFETCH(int, format);
    QFETCH(QString, suffix);
    QVERIFY(!panel()->results().isEmpty());
    const QString fileName = m_dir.filePath(QStringLiteral("report.") + suffix);
    QCOMPARE(TesterPanel::formatForFileName(fileName), std::optional(TesterPanel::ReportFormat(format)));
    const auto error = panel()->saveReport(fileName, TesterPanel::ReportFormat(format));
    QVERIFY2(!error, error ? qPrintable(*error) : "");
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    switch (TesterPanel::ReportFormat(format)) {
    case TesterPanel::ReportFormat::Json: {
        QJsonParseError parseError;
        const QJsonObject root = QJsonDocument::fromJson(data, &parseError).object();
        QCOMPARE(parseError.error, QJsonParseError::NoError);
        QCOMPARE(root.value(QLatin1String("results")).toArray().size(), 7);
        QCOMPARE(root.value(QLatin1String("summary")).toObject().value(QLatin1String("refused")).toInt(), 1);
        break;
    }
    case TesterPanel::ReportFormat::JUnit:
    case TesterPanel::ReportFormat::Html: {
        QXmlStreamReader xml(data);
        int cases = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement
                && (xml.name() == QLatin1String("testcase") || xml.name() == QLatin1String("h3")
                    || xml.name() == QLatin1String("tr")))
                ++cases;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(cases >= 7);
        if (TesterPanel::ReportFormat(format) == TesterPanel::ReportFormat::Html) {
            QVERIFY(data.contains("Ask for TCP"));
            QVERIFY(data.indexOf("Other failures (1)") < data.indexOf("Reachable (4)"));
        }
        break;
    }
    case TesterPanel::ReportFormat::Csv:
        QCOMPARE(data.count('\n'), 8); // a header and 7 checks, no multi-line cells here
        QVERIFY(data.startsWith("Flows,Endpoint,"));
        break;
    case TesterPanel::ReportFormat::Text: // the CLI's text report, from the GUI too
        QVERIFY(data.startsWith("Connectivity check for agent"));
        QVERIFY(data.contains("[Connection refused] closed  closed.test:"));
        break;
    }
}

void tst_TesterPanel::copySummary()
{
    QVERIFY(!panel()->results().isEmpty());
    QApplication::clipboard()->clear();
    panel()->copySummary();
    const QString text = QApplication::clipboard()->text();
    QVERIFY2(text.contains(QStringLiteral("\nComputer: %1\n").arg(QSysInfo::machineHostName())),
             qPrintable(text));
    QVERIFY2(text.startsWith(QLatin1String(
                     "Connectivity test for agent: 0 required failed, 1 other failed, 5 passed, "
                     "1 skipped or cancelled")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("closed.test:%1").arg(m_closedPort)));
    QCOMPARE(text.count(QLatin1String("\n- [")), 1);
}

void tst_TesterPanel::compareRuns()
{
    QVERIFY(!panel()->results().isEmpty());
    // "Before": the current run with the HTTPS host check failing and the closed port passing.
    const QString fileName = m_dir.filePath(QStringLiteral("before.json"));
    QVERIFY(!panel()->saveReport(fileName, TesterPanel::ReportFormat::Json));
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonArray results = root.value(QLatin1String("results")).toArray();
    for (int i = 0; i < results.size(); ++i) {
        QJsonObject result = results.at(i).toObject();
        const QString endpoint = result.value(QLatin1String("endpoint")).toString();
        if (endpoint == QStringLiteral("valid.test:%1").arg(m_https->port()))
            result.insert(QLatin1String("verdict"), QStringLiteral("timeout"));
        else if (endpoint.startsWith(QLatin1String("closed.test")))
            result.insert(QLatin1String("verdict"), QStringLiteral("ok"));
        results[i] = result;
    }
    root.insert(QLatin1String("results"), results);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QJsonDocument(root).toJson());
    file.close();

    QVERIFY(!panel()->compareWithFile(fileName));
    ComparisonDialog *dialog = panel()->comparisonDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QStringList groups;
    for (int i = 0; i < dialog->tree()->topLevelItemCount(); ++i)
        groups.append(dialog->tree()->topLevelItem(i)->text(0));
    QCOMPARE(groups,
             (QStringList{QStringLiteral("Broke (1)"), QStringLiteral("Fixed (1)"),
                          QStringLiteral("Unchanged (5)")}));
    QTreeWidgetItem *broke = dialog->tree()->topLevelItem(0)->child(0);
    QVERIFY(broke->text(0).startsWith(QLatin1String("closed.test")));
    QVERIFY(broke->text(4).contains(QLatin1String("Ask for TCP")));
    dialog->close();

    // A bad file: a located error and no dialog.
    const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
    QFile badFile(bad);
    QVERIFY(badFile.open(QIODevice::WriteOnly));
    badFile.write(
            R"({"results": [ {"flows": [{"id": 1}], "endpoint": "a", "kind": "tcp", "verdict": "ok"} ]})");
    badFile.close();
    QTRY_VERIFY(!panel()->comparisonDialog());
    const auto error = panel()->compareWithFile(bad);
    QVERIFY(error);
    QVERIFY2(error->contains(QLatin1String("results[0].flows[0].id")), qPrintable(*error));
    QVERIFY(!panel()->comparisonDialog());
}

// Run 2 with the HTTPS server down (its port closed), run 3 with it back on the same port:
// "Compare with previous run" lists its checks as fixed. A cancelled run never becomes the
// previous one, and the Check column stays where the user moved it.
void tst_TesterPanel::compareWithPreviousRun()
{
    QVERIFY(!panel()->results().isEmpty());
    QAction *compare = panel()->comparePreviousAction();
    const auto *testMenu = m_window->findChild<QMenu *>(QStringLiteral("testMenu"));
    QVERIFY(testMenu);
    QVERIFY(testMenu->actions().contains(compare));
    // One full run so far and a re-run of its failure: the run before the re-run is there to
    // compare with.
    QVERIFY(compare->isEnabled());
    QVERIFY(panel()->comparePreviousButton()->isEnabled());
    QHeaderView *header = m_window->tableView()->horizontalHeader();
    header->moveSection(header->visualIndex(CatalogModel::CheckColumn), 4);

    const quint16 httpsPort = m_https->port();
    const QString https = QStringLiteral("valid.test:%1").arg(httpsPort);
    const CheckResultsModel *model = panel()->resultsModel();
    const auto verdictOf = [model](int row) {
        return model->index(row, 0).data(CheckResultsModel::VerdictNameRole).toString();
    };
    const auto groupsOf = [](ComparisonDialog *dialog) {
        QStringList groups;
        for (int i = 0; i < dialog->tree()->topLevelItemCount(); ++i)
            groups.append(dialog->tree()->topLevelItem(i)->text(0));
        return groups;
    };
    QSignalSpy finished(panel(), &TesterPanel::runFinished);

    m_https->close();
    panel()->runAction()->trigger();
    QVERIFY(!compare->isEnabled()); // not while running
    QVERIFY(finished.wait(30000));
    QCOMPARE(verdictOf(rowOf(https)), QStringLiteral("refused"));
    QVERIFY(compare->isEnabled());
    QVERIFY(panel()->comparePreviousButton()->isEnabled());
    QCOMPARE(panel()->previousResults().value_or(QList<CheckResult>()).size(), 7);
    QCOMPARE(header->visualIndex(CatalogModel::CheckColumn), 4);

    QVERIFY2(m_https->listen(QHostAddress::LocalHost, httpsPort), qPrintable(m_https->errorString()));
    panel()->runAction()->trigger();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().first().toBool(), false);
    QCOMPARE(verdictOf(rowOf(https)), QStringLiteral("ok"));
    QTest::mouseClick(panel()->comparePreviousButton(), Qt::LeftButton);
    ComparisonDialog *dialog = panel()->comparisonDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(groupsOf(dialog),
             (QStringList{QStringLiteral("Fixed (2)"), QStringLiteral("Still failing (1)"),
                          QStringLiteral("Unchanged (4)")}));
    QTreeWidgetItem *fixed = dialog->tree()->topLevelItem(0);
    QCOMPARE(fixed->data(0, Qt::UserRole).toString(), QStringLiteral("fixed"));
    for (int i = 0; i < fixed->childCount(); ++i)
        QVERIFY2(fixed->child(i)->text(0).contains(https), qPrintable(fixed->child(i)->text(0)));
    const auto *summary = dialog->findChild<QLabel *>(QStringLiteral("comparisonSummary"));
    QVERIFY(summary);
    QVERIFY2(summary->text().startsWith(QLatin1String("Before: the previous run, finished at ")),
             qPrintable(summary->text()));
    dialog->close();
    QTRY_VERIFY(!panel()->comparisonDialog());

    // A cancelled run (every check "Cancelled") is not kept: the next complete run is compared
    // with run 3, and nothing changed.
    panel()->runAction()->trigger();
    panel()->cancel();
    QTRY_VERIFY(!panel()->isRunning());
    QCOMPARE(finished.last().first().toBool(), true);
    QVERIFY(!compare->isEnabled());
    panel()->runAction()->trigger();
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.last().first().toBool(), false);
    QVERIFY(compare->isEnabled());
    compare->trigger();
    dialog = panel()->comparisonDialog();
    QVERIFY(dialog);
    QCOMPARE(groupsOf(dialog),
             (QStringList{QStringLiteral("Still failing (1)"), QStringLiteral("Unchanged (6)")}));
    dialog->close();
    QCOMPARE(header->visualIndex(CatalogModel::CheckColumn), 4);
}

void tst_TesterPanel::cancelIsQuick()
{
    // A separate panel whose "closed" entry points at a server that accepts and never answers.
    TesterPanel silentPanel(nullptr);
    configure(&silentPanel);
    silentPanel.setOptionsOverride([caFile = m_certificates.caFile()](TesterOptions &options) {
        options.allowOnlyLoopback = true;
        options.stageTimeoutMs = 20000;
        options.udpRefusalWaitMs = 300;
        options.addResolveOverride(QStringLiteral("valid.test:127.0.0.1"));
        options.addResolveOverride(QStringLiteral("closed.test:127.0.0.1"));
        options.addCaFile(caFile);
    });
    CatalogStore store;
    QVERIFY(!store.loadFile(writeCatalog(QStringLiteral("silent.json"), m_silent->port())));
    silentPanel.setCatalog(store.catalog());
    silentPanel.show();
    QSignalSpy finished(&silentPanel, &TesterPanel::runFinished);
    silentPanel.runAction()->trigger();
    // Everything but the silent server answers at once.
    QTRY_COMPARE_WITH_TIMEOUT(silentPanel.resultsModel()->counts().running
                                      + silentPanel.resultsModel()->counts().left,
                              1, 10000);
    QVERIFY(silentPanel.isRunning());
    QVERIFY(silentPanel.countsLabel()->text().contains(QLatin1String("1 running")));
    QElapsedTimer clock;
    clock.start();
    silentPanel.cancelAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 1000);
    qInfo("cancel: %lld ms", clock.elapsed());
    QVERIFY(clock.elapsed() < 1000);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!silentPanel.isRunning());
    QCOMPARE(silentPanel.results().size(), 7);
    QVERIFY(silentPanel.run().cancelled);
    QVERIFY(silentPanel.summaryText().contains(QLatin1String("cancelled")));
    // The check that was running reads "Cancelled", not "Skipped", and so does the progress bar.
    const CheckResultsModel *model = silentPanel.resultsModel();
    int cancelledRow = -1;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(CheckResultsModel::VerdictNameRole).toString()
            == QLatin1String("cancelled"))
            cancelledRow = row;
    }
    QVERIFY(cancelledRow >= 0);
    QCOMPARE(model->index(cancelledRow, CheckResultsModel::StatusColumn).data().toString(),
             QStringLiteral("Cancelled"));
    QCOMPARE(model->counts().cancelled, 1);
    QCOMPARE(model->counts().skipped, 1); // the relay without an address
    QVERIFY2(silentPanel.progressBar()->text().startsWith(QLatin1String("Cancelled: 6 of 7")),
             qPrintable(silentPanel.progressBar()->text()));
    QVERIFY(silentPanel.countsLabel()->text().contains(QLatin1String("1 cancelled")));
}

// F5 on the built-in catalog says what it will contact and asks first; "Don't ask again" is
// kept. Loopback-only mode refuses every real destination, so nothing leaves this machine.
void tst_TesterPanel::builtinCatalogAsksFirst()
{
    TesterPanel builtinPanel(nullptr);
    builtinPanel.setOptionsOverride([](TesterOptions &options) {
        options.allowOnlyLoopback = true;
        options.stageTimeoutMs = 1000;
        options.udpRefusalWaitMs = 100;
    });
    CatalogStore store;
    QVERIFY(!store.loadBuiltin());
    builtinPanel.setCatalog(store.catalog(), true);
    builtinPanel.setSelectedRoles({QStringLiteral("agent")});
    builtinPanel.show();
    QSettings().remove(QStringLiteral("tester/confirmBuiltinCatalog"));

    const QString shots = qEnvironmentVariable("PORTOLAN_TESTER_SCREENSHOTS");
    if (!shots.isEmpty()) { // the question as the user sees it, in the language asked for
        const bool japanese = qEnvironmentVariable("PORTOLAN_TESTER_SCREENSHOT_LANG") == QLatin1String("ja");
        if (japanese) {
            m_window->setLanguage(Language::Japanese);
            builtinPanel.setLanguage(Language::Japanese);
        }
        builtinPanel.runAction()->trigger();
        QVERIFY(builtinPanel.confirmationDialog());
        builtinPanel.confirmationDialog()->grab().save(shots
                                                       + (japanese ? QStringLiteral("/tester-confirm-ja.png")
                                                                   : QStringLiteral("/tester-confirm.png")));
        builtinPanel.confirmationDialog()->button(QMessageBox::Cancel)->click();
        return;
    }

    builtinPanel.runAction()->trigger();
    QMessageBox *box = builtinPanel.confirmationDialog();
    QVERIFY(box);
    QVERIFY(!builtinPanel.isRunning());
    const QRegularExpressionMatch count =
            QRegularExpression(QStringLiteral("connect to (\\d+) destinations on the internet"))
                    .match(box->text());
    QVERIFY2(count.hasMatch(), qPrintable(box->text()));
    const int destinations = count.captured(1).toInt();
    QVERIFY(destinations > 20);
    QVERIFY2(box->text().contains(QLatin1String("Deep Security Agent")), qPrintable(box->text()));
    // F5 again while it asks: one question, not two.
    builtinPanel.runAction()->trigger();
    QCOMPARE(builtinPanel.findChildren<QMessageBox *>().size(), 1);
    // Cancel: nothing starts, nothing is remembered.
    box->checkBox()->setChecked(true);
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!builtinPanel.confirmationDialog());
    QVERIFY(!builtinPanel.isRunning());
    QVERIFY(builtinPanel.results().isEmpty());
    QVERIFY(QSettings().value(QStringLiteral("tester/confirmBuiltinCatalog"), true).toBool());

    // Start with "Don't ask again": it runs (refused here), and the next F5 does not ask.
    QSignalSpy finished(&builtinPanel, &TesterPanel::runFinished);
    builtinPanel.runAction()->trigger();
    box = builtinPanel.confirmationDialog();
    QVERIFY(box);
    box->checkBox()->setChecked(true);
    box->button(QMessageBox::Yes)->click();
    QVERIFY(builtinPanel.isRunning());
    QCOMPARE(builtinPanel.plan().testableCount(), destinations); // what it said it would contact
    QVERIFY(finished.wait(30000));
    QVERIFY(!QSettings().value(QStringLiteral("tester/confirmBuiltinCatalog"), true).toBool());
    builtinPanel.runAction()->trigger();
    QVERIFY(!builtinPanel.confirmationDialog());
    QVERIFY(builtinPanel.isRunning());
    builtinPanel.cancel();
    QTRY_COMPARE(finished.count(), 2);
    QSettings().remove(QStringLiteral("tester/confirmBuiltinCatalog"));
}

void tst_TesterPanel::environmentDialog()
{
    panel()->environmentAction()->trigger();
    EnvironmentDialog *dialog = panel()->environmentDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QPushButton *ok = dialog->buttons()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog->siteField(QStringLiteral("ntp"))->text(), QStringLiteral("127.0.0.1"));

    dialog->siteField(QStringLiteral("dns"))->setText(QStringLiteral("not a host!"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(dialog->siteError(QStringLiteral("dns"))->isVisible());
    QVERIFY(!dialog->siteError(QStringLiteral("dns"))->text().isEmpty());
    dialog->siteField(QStringLiteral("dns"))->setText(QStringLiteral("127.0.0.53"));
    QVERIFY(ok->isEnabled());
    QVERIFY(!dialog->siteError(QStringLiteral("dns"))->isVisible());

    // Manual proxy without a host is invalid.
    dialog->proxyModeBox()->setCurrentIndex(
            dialog->proxyModeBox()->findData(int(ProxySettings::Mode::Manual)));
    QVERIFY(dialog->proxyHostField()->isEnabled());
    QVERIFY(!ok->isEnabled());
    dialog->proxyModeBox()->setCurrentIndex(
            dialog->proxyModeBox()->findData(int(ProxySettings::Mode::Direct)));
    QVERIFY(ok->isEnabled());
    QVERIFY(!dialog->proxyHostField()->isEnabled());

    if (qEnvironmentVariableIsSet("PORTOLAN_TESTER_SCREENSHOTS")) {
        dialog->proxyModeBox()->setCurrentIndex(2);
        dialog->proxyHostField()->setText(QStringLiteral("proxy.example.test"));
        dialog->proxyUserField()->setText(QStringLiteral("alice"));
        dialog->passwordField()->setText(QStringLiteral("secret"));
        dialog->siteField(QStringLiteral("vcenter"))->setText(QStringLiteral("vc..bad"));
        // adjustSize() would cap the dialog at 2/3 of the small offscreen screen.
        dialog->resize(dialog->sizeHint());
        dialog->grab().save(qEnvironmentVariable("PORTOLAN_TESTER_SCREENSHOTS")
                            + QStringLiteral("/tester-environment.png"));
        dialog->siteField(QStringLiteral("vcenter"))->clear();
        dialog->proxyModeBox()->setCurrentIndex(0);
    }
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!panel()->environmentDialog());
    QCOMPARE(panel()->environment().site.address(QStringLiteral("dns")), QStringLiteral("127.0.0.53"));
    QCOMPARE(QSettings().value(QStringLiteral("tester/site/dns")).toString(), QStringLiteral("127.0.0.53"));
}

void tst_TesterPanel::passwordNeverInSettings()
{
    const QString secret = QStringLiteral("Pa55-w0rd-never-stored");
    QSignalSpy errors(panel(), &TesterPanel::errorOccurred);
    panel()->environmentAction()->trigger();
    EnvironmentDialog *dialog = panel()->environmentDialog();
    QVERIFY(dialog);
    dialog->proxyModeBox()->setCurrentIndex(
            dialog->proxyModeBox()->findData(int(ProxySettings::Mode::Manual)));
    dialog->proxyHostField()->setText(QStringLiteral("127.0.0.1"));
    dialog->proxyPortBox()->setValue(1);
    dialog->proxyUserField()->setText(QStringLiteral("alice"));
    dialog->passwordField()->setText(secret);
    const bool keychain = dialog->rememberBox()->isEnabled();
    if (keychain)
        dialog->rememberBox()->setChecked(true);
    QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!panel()->environmentDialog());
    QCOMPARE(panel()->environment().proxyUser, QStringLiteral("alice"));
    // Without a keychain service (CI) the write fails: an error, nothing stored anywhere.
    if (keychain) {
        const bool refused = QTest::qWaitFor([&errors] { return errors.count() > 0; }, 3000);
        if (refused) {
            QCOMPARE(errors.first().first().toString(), QStringLiteral("Password not stored"));
            QVERIFY(!panel()->environment().rememberPassword);
        }
    }
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
    const QByteArray stored = file.readAll();
    QVERIFY(stored.contains("alice"));
    QVERIFY(!stored.contains(secret.toUtf8()));
    QVERIFY(!stored.contains(secret.toUtf8().toBase64()));
    // The proxy shown in reports never carries the password either.
    QVERIFY(!panel()->run().proxy.contains(secret));

    // Back to direct connections for anything that runs later.
    configure(panel());
}

QTEST_MAIN(tst_TesterPanel)
#include "tst_testerpanel.moc"
