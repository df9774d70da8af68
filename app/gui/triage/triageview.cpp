#include "triageview.h"

#include "app/gui/common/filedialogs.h"

#include "core/triage/logtriage.h"
#include "core/triage/triagemodel.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QThread>
#include <QVBoxLayout>

namespace {
constexpr qint64 ChunkSize = 1024 * 1024;
}

TriageView::TriageView(QWidget *parent)
    : QWidget(parent)
    , m_model(new TriageModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_openButton(new QPushButton(this))
    , m_cancelButton(new QPushButton(this))
    , m_exportButton(new QPushButton(this))
    , m_filter(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_table(new QTableView(this))
    , m_samples(new QPlainTextEdit(this))
{
    setAcceptDrops(true);
    m_openButton->setObjectName(QStringLiteral("triageOpen"));
    m_cancelButton->setObjectName(QStringLiteral("triageCancel"));
    m_exportButton->setObjectName(QStringLiteral("triageExport"));
    m_filter->setObjectName(QStringLiteral("triageFilter"));
    m_summary->setObjectName(QStringLiteral("triageSummary"));
    m_table->setObjectName(QStringLiteral("triageTable"));
    m_samples->setObjectName(QStringLiteral("triageSamples"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setVisible(false);
    m_cancelButton->setVisible(false);
    m_exportButton->setEnabled(false);
    m_filter->setClearButtonEnabled(true);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(TriageModel::LinesRole);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_samples->setReadOnly(true);
    m_samples->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_filter, 1);
    buttons->addWidget(m_exportButton);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_samples);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(splitter, 1);

    connect(m_openButton, &QPushButton::clicked, this, &TriageView::chooseFile);
    connect(m_cancelButton, &QPushButton::clicked, this, &TriageView::cancel);
    connect(m_exportButton, &QPushButton::clicked, this, [this] { emit exportRequested(exportScope()); });
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TriageView::showSamples);
    retranslate();
}

TriageView::~TriageView()
{
    cancel();
    if (m_worker)
        m_worker->wait();
}

void TriageView::setCatalog(const Catalog &catalog)
{
    cancel();
    m_catalog = catalog;
    m_model->setReport(catalog, TriageReport());
    updateStatus();
}

void TriageView::setLanguage(Language language)
{
    m_model->setLanguage(language);
    updateStatus();
}

void TriageView::setRoles(const QStringList &roles)
{
    m_roles = roles;
}

bool TriageView::isRunning() const
{
    return m_worker != nullptr;
}

void TriageView::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
}

FlowFilter TriageView::exportScope() const
{
    FlowFilter scope;
    scope.roles = m_roles;
    scope.flowIds = QSet<QString>();
    for (const QString &id : m_model->report().flowIds(m_model->catalog()))
        scope.flowIds.insert(id);
    return scope;
}

void TriageView::chooseFile()
{
    const QString fileName =
            QFileDialog::getOpenFileName(this, tr("Open a firewall or proxy log"), FileDialogs::lastFolder(),
                                         tr("Logs (*.log *.txt *.csv);;All files (*)"));
    if (fileName.isEmpty())
        return;
    FileDialogs::rememberFolder(fileName);
    openFile(fileName);
}

void TriageView::openFile(const QString &fileName)
{
    if (m_worker)
        return;
    m_fileName = fileName;
    m_error.clear();
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    const qint64 size = QFileInfo(fileName).size();
    m_progress->setRange(0, size > 0 ? 1000 : 0);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancelButton->setVisible(true);
    m_openButton->setEnabled(false);

    // The worker owns its LogTriage (and a copy of the catalog it indexes); the result comes
    // back to this thread by value.
    const Catalog catalog = m_catalog;
    TriageOptions options;
    options.roles = m_roles;
    const auto cancelled = m_cancelled;
    QPointer<TriageView> self(this);
    m_worker = QThread::create([catalog, options, fileName, size, cancelled, self] {
        LogTriage triage(catalog, options);
        QFile file(fileName);
        QString error;
        if (!file.open(QIODevice::ReadOnly)) {
            error = tr("Cannot open %1: %2").arg(fileName, file.errorString());
        } else {
            qint64 done = 0;
            while (!cancelled->load()) {
                const QByteArray chunk = file.read(ChunkSize);
                if (chunk.isEmpty()) {
                    if (file.error() != QFileDevice::NoError)
                        error = tr("Cannot read %1: %2").arg(fileName, file.errorString());
                    break;
                }
                triage.addData(chunk);
                done += chunk.size();
                if (size > 0)
                    QMetaObject::invokeMethod(
                            self,
                            [self, done, size] {
                                if (self)
                                    self->m_progress->setValue(int(1000 * qMin(done, size) / size));
                            },
                            Qt::QueuedConnection);
            }
            triage.finish();
        }
        const TriageReport report = triage.report();
        QMetaObject::invokeMethod(
                self,
                [self, report, error, cancelled] {
                    if (!self)
                        return;
                    self->m_error = error;
                    if (error.isEmpty() && !cancelled->load())
                        self->showReport(report);
                },
                Qt::QueuedConnection);
    });
    connect(m_worker, &QThread::finished, this, [this] {
        m_worker->deleteLater();
        m_worker = nullptr;
        m_progress->setVisible(false);
        m_cancelButton->setVisible(false);
        m_openButton->setEnabled(true);
        updateStatus();
        if (!m_error.isEmpty())
            emit failed(m_error);
        else
            emit finished();
    });
    m_worker->start();
}

void TriageView::showReport(const TriageReport &report)
{
    m_model->setReport(m_catalog, report);
    m_table->sortByColumn(TriageModel::LinesColumn, Qt::DescendingOrder);
    m_table->resizeColumnsToContents();
    m_exportButton->setEnabled(!report.flows.isEmpty());
    if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    else
        m_samples->clear();
}

void TriageView::showSamples()
{
    const QModelIndex current = m_table->currentIndex();
    m_samples->setPlainText(
            current.isValid() ? current.data(TriageModel::SamplesRole).toStringList().join(QLatin1Char('\n'))
                              : QString());
}

void TriageView::updateStatus()
{
    if (!m_error.isEmpty())
        m_summary->setText(m_error);
    else if (m_fileName.isEmpty())
        m_summary->setText(
                tr("Open or drop a firewall or proxy log (iptables or nftables LOG lines, squid "
                   "access.log, AWS VPC Flow Logs, Windows Firewall pfirewall.log, or one address, "
                   "host or URL per line) to see which Workload Security flows it blocks."));
    else if (isRunning())
        m_summary->setText(tr("Reading %1…").arg(QFileInfo(m_fileName).fileName()));
    else if (m_cancelled && m_cancelled->load())
        m_summary->setText(
                tr("Cancelled: %1 was not read to its end.").arg(QFileInfo(m_fileName).fileName()));
    else
        m_summary->setText(tr("%1: %2").arg(QFileInfo(m_fileName).fileName(), m_model->summary()));
    emit statusChanged();
}

QString TriageView::statusText() const
{
    if (m_fileName.isEmpty())
        return tr("No log open: Open log…, or drop one here");
    return m_summary->text();
}

void TriageView::retranslate()
{
    m_openButton->setText(tr("Open log…"));
    m_cancelButton->setText(tr("Cancel"));
    m_exportButton->setText(tr("Export rules for these flows…"));
    m_filter->setPlaceholderText(tr("Filter the findings"));
    m_samples->setPlaceholderText(tr("Sample lines of the selected finding"));
    m_openButton->setAccessibleName(m_openButton->text());
    m_cancelButton->setAccessibleName(m_cancelButton->text());
    m_exportButton->setAccessibleName(m_exportButton->text());
    m_filter->setAccessibleName(tr("Filter the findings"));
    m_summary->setAccessibleName(tr("Summary of the log"));
    m_progress->setAccessibleName(tr("Reading progress"));
    m_table->setAccessibleName(tr("Findings"));
    m_samples->setAccessibleName(tr("Sample lines"));
    updateStatus();
}

void TriageView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TriageView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().constFirst().isLocalFile())
        event->acceptProposedAction();
}

void TriageView::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.constFirst().isLocalFile()) {
        openFile(urls.constFirst().toLocalFile());
        event->acceptProposedAction();
    }
}
