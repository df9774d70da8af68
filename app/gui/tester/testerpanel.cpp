#include "testerpanel.h"

#include "app/gui/common/appicons.h"
#include "app/gui/common/filedialogs.h"

#include "app/gui/tester/comparisondialog.h"
#include "app/gui/tester/environmentdialog.h"
#include "app/gui/tester/passwordstore.h"
#include "core/tester/models/checkresultsfiltermodel.h"
#include "core/tester/models/checkresultsmodel.h"
#include "core/tester/models/diagramresultsadapter.h"
#include "core/tester/plan/testplanner.h"
#include "core/tester/report/csvreport.h"
#include "core/tester/report/htmlreport.h"
#include "core/tester/report/reportwriters.h"
#include "core/tester/report/resultsreader.h"
#include "core/tester/report/ticketsummary.h"
#include "core/tester/result/resulttext.h"
#include "core/tester/result/runcomparison.h"
#include "core/tester/session/testsession.h"
#include "core/util/csvencoding.h"

#include "core/models/catalogmodel.h"
#include "core/util/textfile.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace {
const QString RolesKey = QStringLiteral("tester/roles");
const QString ConfirmBuiltinKey = QStringLiteral("tester/confirmBuiltinCatalog");
} // namespace

TesterPanel::TesterPanel(CatalogModel *catalogModel, QWidget *parent)
    : QWidget(parent)
    , m_catalogModel(catalogModel)
    , m_session(new TestSession(this))
    , m_results(new CheckResultsModel(this))
    , m_filter(new CheckResultsFilterModel(this))
    , m_passwords(new PasswordStore(this))
    , m_runAction(new QAction(this))
    , m_cancelAction(new QAction(this))
    , m_rerunAction(new QAction(this))
    , m_environmentAction(new QAction(this))
    , m_comparePreviousAction(new QAction(this))
    , m_rolesLabel(new QLabel(this))
    , m_rolesLayout(new QHBoxLayout)
    , m_runButton(new QPushButton(this))
    , m_cancelButton(new QToolButton(this))
    , m_rerunButton(new QToolButton(this))
    , m_environmentButton(new QToolButton(this))
    , m_progress(new QProgressBar(this))
    , m_counts(new QLabel(this))
    , m_failuresOnly(new QCheckBox(this))
    , m_view(new QTableView(this))
    , m_details(new QTextBrowser(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_saveButton(new QPushButton(this))
    , m_copyButton(new QPushButton(this))
    , m_compareButton(new QPushButton(this))
    , m_comparePreviousButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("testerPanel"));
    m_runAction->setObjectName(QStringLiteral("testConnectivityAction"));
    m_runAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_cancelAction->setObjectName(QStringLiteral("cancelTestAction"));
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    // Esc cancels from inside the tab only: elsewhere it clears searches.
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_cancelAction);
    m_rerunAction->setObjectName(QStringLiteral("rerunFailedAction"));
    m_rerunAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_environmentAction->setObjectName(QStringLiteral("environmentAction"));
    updateIcons();
    connect(m_runAction, &QAction::triggered, this, &TesterPanel::runTests);
    connect(m_cancelAction, &QAction::triggered, this, &TesterPanel::cancel);
    connect(m_rerunAction, &QAction::triggered, this, &TesterPanel::rerunFailed);
    connect(m_environmentAction, &QAction::triggered, this, &TesterPanel::editEnvironment);
    m_comparePreviousAction->setObjectName(QStringLiteral("comparePreviousAction"));
    connect(m_comparePreviousAction, &QAction::triggered, this, &TesterPanel::compareWithPrevious);

    m_runButton->setObjectName(QStringLiteral("runButton"));
    m_runButton->setIcon(m_runAction->icon());
    m_runButton->setDefault(true);
    QFont bold = m_runButton->font();
    bold.setBold(true);
    m_runButton->setFont(bold);
    connect(m_runButton, &QPushButton::clicked, m_runAction, &QAction::trigger);
    m_cancelButton->setDefaultAction(m_cancelAction);
    m_rerunButton->setDefaultAction(m_rerunAction);
    m_environmentButton->setDefaultAction(m_environmentAction);
    for (QToolButton *button : {m_cancelButton, m_rerunButton, m_environmentButton})
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    m_progress->setObjectName(QStringLiteral("testProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_counts->setObjectName(QStringLiteral("testCounts"));
    m_failuresOnly->setObjectName(QStringLiteral("failuresOnly"));
    connect(m_failuresOnly, &QCheckBox::toggled, m_filter, &CheckResultsFilterModel::setFailuresOnly);

    m_filter->setSourceModel(m_results);
    m_view->setObjectName(QStringLiteral("resultsView"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->horizontalHeader()->setSortIndicatorClearable(true);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    const int character = fontMetrics().averageCharWidth();
    m_view->setColumnWidth(CheckResultsModel::StatusColumn, character * 25);
    m_view->setColumnWidth(CheckResultsModel::EndpointColumn, character * 36);
    m_view->setColumnWidth(CheckResultsModel::FlowColumn, character * 24);
    m_view->setColumnWidth(CheckResultsModel::KindColumn, character * 26);
    m_view->setColumnWidth(CheckResultsModel::TimeColumn, character * 13);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TesterPanel::updateDetails);

    m_details->setObjectName(QStringLiteral("checkDetails"));
    m_details->setOpenLinks(false);
    m_splitter->addWidget(m_view);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);

    m_saveButton->setObjectName(QStringLiteral("saveReportButton"));
    m_copyButton->setObjectName(QStringLiteral("copySummaryButton"));
    m_compareButton->setObjectName(QStringLiteral("compareButton"));
    connect(m_saveButton, &QPushButton::clicked, this, &TesterPanel::saveReportDialog);
    connect(m_copyButton, &QPushButton::clicked, this, &TesterPanel::copySummary);
    connect(m_compareButton, &QPushButton::clicked, this, &TesterPanel::compareDialog);
    m_comparePreviousButton->setObjectName(QStringLiteral("comparePreviousButton"));
    connect(m_comparePreviousButton, &QPushButton::clicked, m_comparePreviousAction, &QAction::trigger);

    auto *top = new QHBoxLayout;
    top->addWidget(m_runButton);
    top->addWidget(m_cancelButton);
    top->addWidget(m_rerunButton);
    top->addSpacing(character * 2);
    top->addStretch(1);
    top->addWidget(m_environmentButton);
    // The roles get their own row: six role names side by side would set a minimum window
    // width wider than a laptop screen in Japanese.
    auto *rolesRow = new QHBoxLayout;
    rolesRow->addWidget(m_rolesLabel);
    rolesRow->addLayout(m_rolesLayout);
    rolesRow->addStretch(1);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_counts);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_failuresOnly);
    bottom->addStretch(1);
    bottom->addWidget(m_copyButton);
    bottom->addWidget(m_saveButton);
    bottom->addWidget(m_comparePreviousButton);
    bottom->addWidget(m_compareButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(rolesRow);
    layout->addLayout(progressRow);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(bottom);

    connect(m_session, &TestSession::started, this, &TesterPanel::onStarted);
    connect(m_session, &TestSession::targetsStarted, this, &TesterPanel::onTargetsStarted);
    connect(m_session, &TestSession::resultReady, this, &TesterPanel::onResultReady);
    connect(m_session, &TestSession::finished, this, &TesterPanel::onFinished);
    connect(m_passwords, &PasswordStore::readFinished, this,
            [this](const QString &key, const QString &password, const QString &error) {
                if (key != m_environment.passwordKey())
                    return;
                if (error.isEmpty())
                    m_password = password;
                else
                    emit message(tr("The proxy password could not be read from the keychain: %1").arg(error));
            });
    connect(m_passwords, &PasswordStore::writeFinished, this,
            [this](const QString &key, const QString &error) {
                if (error.isEmpty() || key != m_environment.passwordKey())
                    return;
                m_environment.rememberPassword = false;
                writeSettings();
                emit errorOccurred(
                        tr("Password not stored"),
                        tr("The system keychain did not take the proxy password (%1). It is kept only "
                           "until Portolan closes; it was not written anywhere else.")
                                .arg(error));
            });

    if (m_catalogModel)
        setCatalog(m_catalogModel->catalog());
    readSettings();
    retranslateUi();
    updateActions();
    updateProgress();
    updateDetails();
}

TesterPanel::~TesterPanel() = default;

ComparisonDialog *TesterPanel::comparisonDialog() const
{
    return m_comparisonDialog;
}

QMessageBox *TesterPanel::confirmationDialog() const
{
    return m_confirmation;
}

EnvironmentDialog *TesterPanel::environmentDialog() const
{
    return m_environmentDialog;
}

void TesterPanel::setCatalog(const Catalog &catalog, bool builtin)
{
    m_builtinCatalog = builtin;
    const QStringList roles = m_roleBoxes.isEmpty() ? QStringList() : selectedRoles();
    m_session->setCatalog(catalog);
    m_catalog = catalog;
    m_results->setPlan({});
    rebuildRoles();
    if (!roles.isEmpty())
        setSelectedRoles(roles);
    updateServiceNames();
    updateActions();
    updateProgress();
}

void TesterPanel::setLanguage(Language language)
{
    m_language = language;
    rebuildRoles();
    updateServiceNames();
    retranslateUi();
    retranslateSkipReasons();
}

void TesterPanel::rebuildRoles()
{
    QStringList selected;
    for (QCheckBox *box : std::as_const(m_roleBoxes)) {
        if (box->isChecked())
            selected.append(box->property("role").toString());
    }
    qDeleteAll(m_roleBoxes);
    m_roleBoxes.clear();
    for (const Component &component : m_catalog.components) {
        if (!component.isRole)
            continue;
        auto *box = new QCheckBox(component.name.text(m_language), this);
        box->setObjectName(QStringLiteral("role_") + component.id);
        box->setProperty("role", component.id);
        box->setAccessibleName(tr("Test as %1").arg(box->text()));
        box->setChecked(selected.contains(component.id));
        connect(box, &QCheckBox::toggled, this, &TesterPanel::updateActions);
        m_rolesLayout->addWidget(box);
        m_roleBoxes.append(box);
    }
    if (selected.isEmpty())
        setSelectedRoles(QSettings().value(RolesKey, QStringList{QStringLiteral("agent")}).toStringList());
}

QStringList TesterPanel::selectedRoles() const
{
    QStringList roles;
    for (QCheckBox *box : m_roleBoxes) {
        if (box->isChecked())
            roles.append(box->property("role").toString());
    }
    return roles;
}

void TesterPanel::setSelectedRoles(const QStringList &roles)
{
    for (QCheckBox *box : std::as_const(m_roleBoxes))
        box->setChecked(roles.contains(box->property("role").toString()));
    if (selectedRoles().isEmpty() && !m_roleBoxes.isEmpty())
        m_roleBoxes.first()->setChecked(true);
}

void TesterPanel::updateServiceNames()
{
    QHash<QString, QString> names;
    for (const Flow &flow : m_catalog.flows)
        names.insert(flow.id, flow.service.text(m_language));
    m_results->setServiceNames(names);
}

void TesterPanel::setOptionsOverride(const std::function<void(TesterOptions &)> &override)
{
    m_optionsOverride = override;
}

TesterOptions TesterPanel::options() const
{
    TesterOptions options;
    options.proxy = m_environment.proxy(m_password);
    if (m_optionsOverride)
        m_optionsOverride(options);
    return options;
}

bool TesterPanel::isRunning() const
{
    return m_session->isRunning();
}

void TesterPanel::runTests()
{
    if (m_session->isRunning())
        return;
    TestPlanner::Options planOptions;
    planOptions.scope.roles = selectedRoles();
    planOptions.site = m_environment.site;
    planOptions.language = m_language;
    if (planOptions.scope.roles.isEmpty()) {
        emit errorOccurred(tr("Nothing to test"), tr("Choose at least one role to test for."));
        return;
    }
    const auto built = buildPlan(planOptions);
    if (const auto *error = std::get_if<QString>(&built)) {
        emit errorOccurred(tr("Test not started"), *error);
        return;
    }
    if (m_builtinCatalog && QSettings().value(ConfirmBuiltinKey, true).toBool()) {
        if (m_confirmation)
            return;
        confirmBuiltinRun(std::get<TestPlan>(built), planOptions);
        return;
    }
    startFullRun(std::get<TestPlan>(built), planOptions);
}

void TesterPanel::confirmBuiltinRun(const TestPlan &plan, const TestPlanner::Options &planOptions)
{
    QStringList roles;
    for (const QString &role : plan.roles) {
        const Component *component = m_catalog.component(role);
        roles.append(component ? component->name.text(m_language) : role);
    }
    m_confirmation =
            new QMessageBox(QMessageBox::Question, tr("Test connectivity"),
                            tr("This computer will now connect to %n destinations on the internet that "
                               "%1 needs (Trend Micro's service and its partners' hosts), as they would.",
                               nullptr, plan.testableCount())
                                    .arg(QLocale().createSeparatedList(roles)),
                            QMessageBox::Yes | QMessageBox::Cancel, this);
    m_confirmation->setObjectName(QStringLiteral("confirmBuiltinRun"));
    m_confirmation->setInformativeText(tr(
            "A firewall, proxy or intrusion detection system on the way may log these connections. Start?"));
    m_confirmation->button(QMessageBox::Yes)->setText(tr("&Start test"));
    m_confirmation->setDefaultButton(QMessageBox::Yes);
    m_confirmation->setCheckBox(new QCheckBox(tr("&Don't ask again"), m_confirmation));
    m_confirmation->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_confirmation, &QMessageBox::finished, this, [this, plan, planOptions](int result) {
        // Closed now (deleted later): F5 may ask again at once.
        const bool dontAskAgain = m_confirmation && m_confirmation->checkBox()->isChecked();
        m_confirmation = nullptr;
        if (result != QMessageBox::Yes)
            return;
        if (dontAskAgain)
            QSettings().setValue(ConfirmBuiltinKey, false);
        if (!m_session->isRunning())
            startFullRun(plan, planOptions);
    });
    m_confirmation->open();
}

void TesterPanel::startFullRun(const TestPlan &plan, const TestPlanner::Options &planOptions)
{
    m_planOptions = planOptions;
    m_results->setPlan(plan);
    if (m_catalogModel) {
        m_catalogModel->clearCheckStates();
        m_mapper.setPlan(plan, *m_catalogModel);
    }
    writeSettings();
    m_session->setOptions(options());
    m_session->start(plan);
}

std::variant<TestPlan, QString> TesterPanel::buildPlan(const TestPlanner::Options &options) const
{
    auto built = TestPlanner::build(m_catalog, options);
    auto *plan = std::get_if<TestPlan>(&built);
    if (!plan)
        return built;
    // The planner speaks the CLI's language ("add --site relay=ADDRESS"); here the place to
    // give an address is Site addresses.
    for (CheckTarget &target : plan->targets) {
        if (!target.isSkipped() || target.siteKey == SiteKey::None || options.site.has(target.siteKey))
            continue;
        const auto destination =
                std::find_if(m_catalog.components.cbegin(), m_catalog.components.cend(),
                             [&target](const Component &c) { return c.siteKey == target.siteKey; });
        const QString name = destination != m_catalog.components.cend()
                ? destination->name.text(options.language)
                : Vocabulary::name(target.siteKey);
        target.skipReason = tr("No address given for %1: set it in Site addresses").arg(name);
    }
    return built;
}

void TesterPanel::retranslateSkipReasons()
{
    const TestPlan &current = m_session->plan();
    if (current.targets.isEmpty())
        return;
    // The planner is deterministic: the same options give the same targets, in order, with
    // their reasons in the language installed now.
    TestPlanner::Options options = m_planOptions;
    options.language = m_language;
    const auto built = buildPlan(options);
    const auto *plan = std::get_if<TestPlan>(&built);
    if (!plan || plan->targets.size() != current.targets.size())
        return;
    for (int i = 0; i < current.targets.size(); ++i) {
        const CheckTarget &target = current.targets.at(i);
        const CheckTarget &now = plan->targets.at(i);
        // A target without an address is named after its component, in the language too.
        if (!target.isSkipped() || now.host != target.host || now.port != target.port
            || now.kind != target.kind)
            continue;
        m_session->setSkippedText(i, now.skipReason, now.endpoint);
        const auto result = m_session->result(i);
        if (result && result->verdict == Verdict::Skipped && i < m_results->rowCount()
            && m_results->state(i) == CheckResultsModel::State::Done)
            m_results->setResult(i, *result);
    }
    updateDetails();
}

void TesterPanel::rerunFailed()
{
    m_session->setOptions(options());
    m_session->rerunFailed();
}

void TesterPanel::onStarted(const QList<int> &indices)
{
    for (int index : indices)
        m_results->setWaiting(index);
    emit runStarted();
    emit message(tr("Testing %n destinations…", nullptr, int(indices.size())));
    updateActions();
    updateProgress();
    updateDetails();
}

void TesterPanel::cancel()
{
    m_session->cancel();
}

void TesterPanel::onTargetsStarted(const QList<int> &indices)
{
    for (int full : indices) {
        m_results->setRunning(full);
        if (m_catalogModel)
            updateRows(m_mapper.setRunning(full));
    }
    updateProgress();
}

void TesterPanel::onResultReady(int full, const CheckResult &result)
{
    m_results->setResult(full, result);
    if (m_catalogModel)
        updateRows(m_mapper.setResult(full, result));
    updateProgress();
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    if (current.isValid() && current.row() == full)
        updateDetails();
}

void TesterPanel::updateRows(const QList<int> &rows)
{
    if (!m_catalogModel)
        return;
    for (int row : rows)
        m_catalogModel->setCheckState(row, m_mapper.state(row));
}

void TesterPanel::onFinished(bool cancelled)
{
    const CheckResultsModel::Counts counts = m_results->counts();
    emit diagramResultsChanged(DiagramResultsAdapter::fromResults(results()));
    updateActions();
    updateProgress();
    updateDetails();
    emit message(cancelled ? tr("Test cancelled: %1").arg(CheckResultsModel::countsText(counts))
                           : tr("Test finished in %1 s: %2")
                                     .arg(m_session->elapsedMs() / 1000.0, 0, 'f', 1)
                                     .arg(CheckResultsModel::countsText(counts)));
    emit runFinished(cancelled);
}

void TesterPanel::updateProgress()
{
    const CheckResultsModel::Counts counts = m_results->counts();
    const int total = counts.total();
    m_progress->setRange(0, qMax(1, total));
    const bool cancelled = m_session->wasCancelled() && !m_session->isRunning();
    m_progress->setValue(total - counts.running - counts.left - (cancelled ? counts.cancelled : 0));
    m_progress->setFormat(total == 0          ? QString()
                                  : cancelled ? tr("Cancelled: %v of %m checked")
                                              : tr("%v of %m"));
    m_counts->setText(total > 0 ? CheckResultsModel::countsText(counts) : tr("Not run yet"));
    emit statusChanged();
}

void TesterPanel::updateActions()
{
    const bool running = m_session->isRunning();
    const bool hasResults = m_session->hasRun() && !running && m_results->rowCount() > 0;
    const bool anyFailure = hasResults && m_session->hasFailures();
    m_runAction->setEnabled(!running && !selectedRoles().isEmpty());
    m_runButton->setEnabled(m_runAction->isEnabled());
    m_cancelAction->setEnabled(running);
    m_rerunAction->setEnabled(anyFailure);
    m_environmentAction->setEnabled(!running);
    for (QCheckBox *box : std::as_const(m_roleBoxes))
        box->setEnabled(!running);
    m_saveButton->setEnabled(hasResults);
    m_copyButton->setEnabled(hasResults);
    m_compareButton->setEnabled(hasResults);
    m_comparePreviousAction->setEnabled(!running && m_session->isComplete()
                                        && m_session->previousResults().has_value());
    m_comparePreviousButton->setEnabled(m_comparePreviousAction->isEnabled());
}

void TesterPanel::updateDetails()
{
    const QModelIndex current = m_filter->mapToSource(m_view->currentIndex());
    if (!current.isValid()) {
        m_details->setHtml(
                QStringLiteral("<p>%1</p>")
                        .arg(m_session->hasRun()
                                     ? tr("Select a check to see its stages, addresses, certificate "
                                          "and what to do about a failure.")
                                               .toHtmlEscaped()
                                     : tr("Click Test connectivity (F5) to check whether this machine "
                                          "reaches the destinations the selected roles need. Set "
                                          "your DNS, NTP, proxy and other addresses in Site "
                                          "addresses first.")
                                               .toHtmlEscaped()));
        return;
    }
    const int row = current.row();
    switch (m_results->state(row)) {
    case CheckResultsModel::State::Waiting:
        m_details->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Waiting to be checked.").toHtmlEscaped()));
        break;
    case CheckResultsModel::State::Running:
        m_details->setHtml(QStringLiteral("<p>%1</p>").arg(tr("Checking now…").toHtmlEscaped()));
        break;
    case CheckResultsModel::State::Done:
        m_details->setHtml(ResultText::detailsHtml(m_results->result(row)));
        break;
    }
}

QList<CheckResult> TesterPanel::results() const
{
    return m_session->results();
}

TestPlan TesterPanel::plan() const
{
    return m_session->plan();
}

std::optional<QList<CheckResult>> TesterPanel::previousResults() const
{
    return m_session->previousResults();
}

ResultsReport::Run TesterPanel::run() const
{
    return m_session->run();
}

namespace {
const QList<QPair<TesterPanel::ReportFormat, QString>> reportFormatNames{
        {TesterPanel::ReportFormat::Html, QStringLiteral("html")},
        {TesterPanel::ReportFormat::Json, QStringLiteral("json")},
        {TesterPanel::ReportFormat::JUnit, QStringLiteral("junit")},
        {TesterPanel::ReportFormat::Csv, QStringLiteral("csv")},
        {TesterPanel::ReportFormat::Text, QStringLiteral("text")}};
} // namespace

std::optional<TesterPanel::ReportFormat> TesterPanel::formatForFileName(const QString &fileName)
{
    const auto writer = ReportWriters::forFileName(fileName);
    for (const auto &[format, name] : reportFormatNames) {
        if (writer && writer->name == name)
            return format;
    }
    return std::nullopt;
}

std::optional<QString> TesterPanel::saveReport(const QString &fileName, ReportFormat format,
                                               bool byteOrderMark) const
{
    QString name;
    for (const auto &[f, n] : reportFormatNames) {
        if (f == format)
            name = n;
    }
    const auto writer = ReportWriters::find(name);
    if (!writer)
        return tr("Unknown report format");
    const QByteArray data = m_session->report(*writer, languageCode(m_language));
    if (format == ReportFormat::Csv)
        return TextFile::write(fileName, CsvEncoding::encode(data, byteOrderMark));
    return TextFile::write(fileName, QString::fromUtf8(data));
}

QString TesterPanel::statusText() const
{
    if (!m_session->hasRun())
        return tr("Not run yet: F5 tests the selected roles from this computer");
    return isRunning() ? tr("Testing: %1").arg(m_counts->text()) : m_counts->text();
}

QString TesterPanel::summaryText() const
{
    return m_session->ticketText();
}

void TesterPanel::copySummary()
{
    QApplication::clipboard()->setText(summaryText());
    emit message(tr("Summary copied to the clipboard"));
}

void TesterPanel::saveReportDialog()
{
    const QString html = tr("HTML report (*.html)");
    const QString json = tr("JSON (*.json)");
    const QString junit = tr("JUnit XML (*.xml)");
    const QString text = tr("Text (*.txt)");
    // CSV for Excel (with a byte order mark) or plain: the dialog says which.
    const QString excel = FileDialogs::csvForExcelFilter();
    const QString plain = FileDialogs::csvPlainFilter();
    const QString preferred = FileDialogs::preferredCsvFilter(m_language);
    QString selected = html;
    QString fileName = QFileDialog::getSaveFileName(
            this, tr("Save report"), FileDialogs::inLastFolder(QStringLiteral("portolan-connectivity.html")),
            QStringList{html, json, junit, preferred, preferred == excel ? plain : excel, text}.join(
                    QStringLiteral(";;")),
            &selected);
    if (fileName.isEmpty())
        return;
    const bool csv = selected == excel || selected == plain;
    ReportFormat format = selected == json ? ReportFormat::Json
            : selected == junit            ? ReportFormat::JUnit
            : selected == text             ? ReportFormat::Text
            : csv                          ? ReportFormat::Csv
                                           : ReportFormat::Html;
    if (const auto bySuffix = formatForFileName(fileName))
        format = *bySuffix;
    else
        fileName += format == ReportFormat::Json ? QStringLiteral(".json")
                : format == ReportFormat::JUnit  ? QStringLiteral(".xml")
                : format == ReportFormat::Csv    ? QStringLiteral(".csv")
                                                 : QStringLiteral(".html");
    FileDialogs::rememberFolder(fileName);
    FileDialogs::rememberCsvFilter(selected);
    const bool byteOrderMark = csv ? selected == excel : FileDialogs::usesByteOrderMark(m_language);
    if (const auto error = saveReport(fileName, format, byteOrderMark))
        emit errorOccurred(tr("Report not saved"), *error);
    else
        emit message(tr("Report saved to %1").arg(QDir::toNativeSeparators(fileName)));
}

std::optional<QString> TesterPanel::compareWithFile(const QString &fileName)
{
    const auto read = ResultsReader::readFile(fileName);
    if (const auto *error = std::get_if<QString>(&read))
        return *error;
    showComparison(RunComparison::compare(std::get<ResultsReader::Report>(read).results, results()),
                   QFileInfo(fileName).fileName());
    return std::nullopt;
}

void TesterPanel::compareWithPrevious()
{
    const auto previous = m_session->previousResults();
    if (!m_comparePreviousAction->isEnabled() || !previous)
        return;
    showComparison(RunComparison::compare(*previous, results()),
                   tr("the previous run, finished at %1")
                           .arg(m_session->previousFinishedAt().toString(QStringLiteral("HH:mm:ss"))));
}

void TesterPanel::showComparison(const RunComparison &comparison, const QString &beforeName)
{
    if (m_comparisonDialog)
        m_comparisonDialog->deleteLater();
    m_comparisonDialog = new ComparisonDialog(comparison, beforeName, this);
    m_comparisonDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_comparisonDialog->open();
}

void TesterPanel::compareDialog()
{
    const QString fileName =
            QFileDialog::getOpenFileName(this, tr("Compare with a saved run"), FileDialogs::lastFolder(),
                                         tr("JSON reports (*.json);;All files (*)"));
    if (fileName.isEmpty())
        return;
    FileDialogs::rememberFolder(fileName);
    if (const auto error = compareWithFile(fileName))
        emit errorOccurred(tr("Runs not compared"), *error);
}

void TesterPanel::editEnvironment()
{
    if (m_environmentDialog) {
        m_environmentDialog->raise();
        m_environmentDialog->activateWindow();
        return;
    }
    m_environmentDialog = new EnvironmentDialog(m_environment, m_password, this);
    m_environmentDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_environmentDialog, &QDialog::accepted, this,
            [this] { setEnvironment(m_environmentDialog->environment(), m_environmentDialog->password()); });
    m_environmentDialog->open();
}

void TesterPanel::setEnvironment(const EnvironmentSettings &environment, const QString &password)
{
    const EnvironmentSettings old = m_environment;
    m_environment = environment;
    m_password = password;
    if (old.rememberPassword
        && (!environment.rememberPassword || old.passwordKey() != environment.passwordKey()))
        m_passwords->remove(old.passwordKey());
    if (environment.rememberPassword && environment.proxyMode == ProxySettings::Mode::Manual) {
        if (password.isEmpty())
            m_passwords->remove(environment.passwordKey());
        else
            m_passwords->write(environment.passwordKey(), password);
    }
    writeSettings();
}

void TesterPanel::readSettings()
{
    QSettings settings;
    m_environment = EnvironmentSettings::load(settings);
    const QStringList roles = settings.value(RolesKey).toStringList();
    if (!roles.isEmpty() && !m_roleBoxes.isEmpty())
        setSelectedRoles(roles);
    if (m_environment.rememberPassword && m_environment.proxyMode == ProxySettings::Mode::Manual
        && !m_environment.proxyUser.isEmpty())
        m_passwords->read(m_environment.passwordKey());
}

void TesterPanel::writeSettings() const
{
    QSettings settings;
    m_environment.save(settings);
    settings.setValue(RolesKey, selectedRoles());
}

void TesterPanel::updateIcons()
{
    m_runAction->setIcon(AppIcons::icon(QStringLiteral("run"), palette()));
    m_cancelAction->setIcon(AppIcons::icon(QStringLiteral("stop"), palette()));
    m_rerunAction->setIcon(AppIcons::icon(QStringLiteral("rerun"), palette()));
    m_environmentAction->setIcon(AppIcons::icon(QStringLiteral("site"), palette()));
    m_runButton->setIcon(m_runAction->icon());
}

void TesterPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::PaletteChange)
        updateIcons(); // the dark palette: light glyphs
    QWidget::changeEvent(event);
}

void TesterPanel::retranslateUi()
{
    m_runAction->setText(tr("&Test connectivity"));
    m_runAction->setToolTip(
            tr("Check whether this machine reaches the destinations the selected roles need (F5)"));
    m_runAction->setStatusTip(m_runAction->toolTip());
    m_runButton->setText(tr("Test connectivity"));
    m_runButton->setToolTip(m_runAction->toolTip());
    m_cancelAction->setText(tr("&Cancel test"));
    m_cancelAction->setToolTip(tr("Stop every check now (Esc)"));
    m_rerunAction->setText(tr("&Re-run failed"));
    m_rerunAction->setToolTip(tr("Check only what failed, e.g. after a firewall change (Shift+F5)"));
    m_environmentAction->setText(tr("&Site addresses…"));
    m_environmentAction->setToolTip(tr("Your DNS, NTP, syslog, relay, Smart Protection Server and vCenter "
                                       "addresses, and your proxy"));
    m_rolesLabel->setText(tr("Test as:"));
    m_failuresOnly->setText(tr("&Failures only"));
    m_saveButton->setText(tr("&Save report…"));
    m_saveButton->setToolTip(tr("HTML for people, JSON, JUnit XML or CSV for tools"));
    m_copyButton->setText(tr("Copy s&ummary"));
    m_copyButton->setToolTip(tr("The counts and one line per failure, for a ticket"));
    m_compareButton->setText(tr("Com&pare with a saved run…"));
    m_compareButton->setToolTip(tr("What got fixed and what broke since a run saved as JSON"));
    m_comparePreviousAction->setText(tr("Compare with pre&vious run"));
    m_comparePreviousAction->setToolTip(
            tr("What got fixed and what broke since the previous complete run in this session"));
    m_comparePreviousAction->setStatusTip(m_comparePreviousAction->toolTip());
    m_comparePreviousButton->setText(m_comparePreviousAction->text());
    m_comparePreviousButton->setToolTip(m_comparePreviousAction->toolTip());
    setAccessibleName(tr("Connectivity test"));
    m_runButton->setAccessibleName(m_runButton->text());
    m_counts->setAccessibleName(tr("Test counts"));
    m_failuresOnly->setAccessibleName(tr("Failures only"));
    m_saveButton->setAccessibleName(tr("Save report"));
    m_copyButton->setAccessibleName(tr("Copy summary"));
    m_compareButton->setAccessibleName(tr("Compare with a saved run"));
    m_comparePreviousButton->setAccessibleName(tr("Compare with previous run"));
    for (QCheckBox *box : std::as_const(m_roleBoxes))
        box->setAccessibleName(tr("Test as %1").arg(box->text()));
    m_view->setAccessibleName(tr("Check results"));
    m_details->setAccessibleName(tr("Check details"));
    m_progress->setAccessibleName(tr("Test progress"));
    m_results->retranslate();
    updateProgress();
    updateDetails();
}
