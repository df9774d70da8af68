#include "exportdialog.h"

#include "app/gui/common/filedialogs.h"
#include "core/util/csvencoding.h"

#include "core/export/exporttext.h"
#include "core/tester/plan/environmentsettings.h"
#include "core/util/outputfile.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHostInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <memory>

ExportDialog::ExportDialog(const Catalog &catalog, Language language, const QStringList &selectedFlowIds,
                           QWidget *parent)
    : QDialog(parent)
    , m_catalog(catalog)
    , m_language(language)
    , m_selectedFlowIds(selectedFlowIds)
    , m_format(new QComboBox(this))
    , m_requiredOnly(new QCheckBox(tr("&Required flows only"), this))
    , m_includeExpired(new QCheckBox(tr("Include &expired static addresses (marked)"), this))
    , m_selectedOnly(new QCheckBox(this))
    , m_proxy(new QLineEdit(this))
    , m_proxyProblem(new QLabel(this))
    , m_resolveHosts(new QCheckBox(tr("Resolve host &names to addresses now"), this))
    , m_useSite(new QCheckBox(this))
    , m_csvByteOrderMark(new QCheckBox(tr("UTF-8 with a &byte order mark, for Excel"), this))
    , m_pacDirect(new QCheckBox(tr("Catalog hosts &DIRECT, every other host through the proxy"), this))
    , m_sources(new QLineEdit(this))
    , m_sourcesLabel(new QLabel(tr("C&lients:"), this))
    , m_status(new QLabel(this))
    , m_preview(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("&Copy"), this))
    , m_save(new QPushButton(tr("&Save…"), this))
{
    setWindowTitle(tr("Export Rules"));

    for (const RuleExporter *exporter : m_registry.exporters())
        m_format->addItem(exporter->displayName(), exporter->id());

    auto *rolesBox = new QGroupBox(tr("Roles (none checked: all)"), this);
    auto *rolesLayout = new QVBoxLayout(rolesBox);
    for (const Component &component : m_catalog.components) {
        if (!component.isRole)
            continue;
        auto *box = new QCheckBox(component.name.text(m_language), rolesBox);
        box->setProperty("componentId", component.id);
        rolesLayout->addWidget(box);
        m_roles.append(box);
    }

    m_selectedOnly->setText(tr("Only the selected flows (%n)", nullptr, int(m_selectedFlowIds.size())));
    m_selectedOnly->setEnabled(!m_selectedFlowIds.isEmpty());
    m_proxy->setPlaceholderText(tr("proxy.example.com:8080"));
    m_proxy->setClearButtonEnabled(true);
    m_proxyProblem->setWordWrap(true);
    m_proxyProblem->setVisible(false);
    m_resolveHosts->setToolTip(tr("Firewall formats take only addresses. Resolving writes rules for the "
                                  "addresses the names have now, with a timestamp."));

    auto *scopeBox = new QGroupBox(tr("Scope"), this);
    auto *scopeLayout = new QVBoxLayout(scopeBox);
    scopeLayout->addWidget(m_requiredOnly);
    scopeLayout->addWidget(m_includeExpired);
    scopeLayout->addWidget(m_selectedOnly);

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Proxy:"), m_proxy);
    form->addRow(QString(), m_proxyProblem);
    form->addRow(QString(), m_pacDirect);
    m_pacDirect->setObjectName(QStringLiteral("pacDirect"));
    m_pacDirect->setToolTip(tr("The inverse file: for a network where browsers go through a proxy but the "
                               "agents must not"));
    m_sourcesLabel->setBuddy(m_sources);
    m_sources->setObjectName(QStringLiteral("squidSources"));
    m_sources->setPlaceholderText(tr("any client; or 10.0.0.0/8, 192.168.1.0/24"));
    m_sources->setAccessibleName(tr("Clients allowed by squid"));
    m_sources->setToolTip(tr("Only these subnets or addresses may use the rules"));
    form->addRow(m_sourcesLabel, m_sources);
    form->addRow(QString(), m_resolveHosts);
    form->addRow(QString(), m_useSite);
    form->addRow(QString(), m_csvByteOrderMark);
    m_csvByteOrderMark->setObjectName(QStringLiteral("csvByteOrderMark"));
    m_csvByteOrderMark->setToolTip(tr("Excel reads a CSV file without it in the system's code page, which "
                                      "garbles Japanese text. Other programs read either."));
    m_csvByteOrderMark->setChecked(FileDialogs::usesByteOrderMark(m_language));
    connect(m_csvByteOrderMark, &QCheckBox::toggled, this, &FileDialogs::setUsesByteOrderMark);

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addWidget(scopeBox);
    left->addWidget(rolesBox);
    left->addStretch();

    m_preview->setReadOnly(true);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setMinimumSize(560, 360);
    auto *previewLabel = new QLabel(tr("Pre&view:"), this);
    previewLabel->setBuddy(m_preview);
    auto *right = new QVBoxLayout;
    right->addWidget(previewLabel);
    right->addWidget(m_preview, 1);
    right->addWidget(m_status);

    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addLayout(right, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_copy, &QPushButton::clicked, this, &ExportDialog::copy);
    connect(m_save, &QPushButton::clicked, this, &ExportDialog::save);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePreview);
    for (QCheckBox *box : {m_requiredOnly, m_includeExpired, m_selectedOnly})
        connect(box, &QCheckBox::toggled, this, &ExportDialog::startResolving);
    for (QCheckBox *box : std::as_const(m_roles))
        connect(box, &QCheckBox::toggled, this, &ExportDialog::startResolving);
    connect(m_resolveHosts, &QCheckBox::toggled, this, &ExportDialog::startResolving);
    connect(m_proxy, &QLineEdit::textChanged, this, &ExportDialog::updatePreview);
    connect(m_pacDirect, &QCheckBox::toggled, this, &ExportDialog::updatePreview);
    connect(m_sources, &QLineEdit::textChanged, this, &ExportDialog::updatePreview);
    connect(m_useSite, &QCheckBox::toggled, this, &ExportDialog::startResolving);

    m_useSite->setChecked(true);
    setSiteAddresses(EnvironmentSettings::load(QSettings()).site.addresses());
}

void ExportDialog::setBaseScope(const ExportScope &scope)
{
    m_baseScope = scope;
    // The explorer's roles, required-only and expired choices become the boxes' states.
    const QSignalBlocker blockRequired(m_requiredOnly);
    const QSignalBlocker blockExpired(m_includeExpired);
    m_requiredOnly->setChecked(scope.requiredOnly);
    m_includeExpired->setChecked(scope.includeExpired);
    for (QCheckBox *box : std::as_const(m_roles)) {
        const QSignalBlocker block(box);
        box->setChecked(scope.roles.contains(box->property("componentId").toString()));
    }
    startResolving();
}

void ExportDialog::setSiteAddresses(const QMap<QString, QString> &addresses)
{
    m_siteAddresses = addresses;
    QStringList keys = addresses.keys();
    m_useSite->setText(addresses.isEmpty()
                               ? tr("Use the site addresses (none set)")
                               : tr("Use the site addresses (%1)").arg(keys.join(QStringLiteral(", "))));
    m_useSite->setEnabled(!addresses.isEmpty());
    QStringList lines;
    for (auto it = addresses.cbegin(); it != addresses.cend(); ++it)
        lines << tr("%1: %2").arg(it.key(), it.value());
    m_useSite->setToolTip(addresses.isEmpty()
                                  ? tr("Set the addresses of your DNS, NTP, syslog, relay, Smart Protection "
                                       "Server and vCenter in Site addresses to get rules for them.")
                                  : lines.join(QLatin1Char('\n')));
    startResolving();
}

void ExportDialog::setHostResolver(const ExportSelection::Resolver &resolver)
{
    m_resolver = resolver;
    startResolving();
}

QString ExportDialog::formatId() const
{
    return m_format->currentData().toString();
}

void ExportDialog::setFormatId(const QString &id)
{
    const int index = m_format->findData(id);
    if (index >= 0)
        m_format->setCurrentIndex(index);
}

const RuleExporter *ExportDialog::exporter() const
{
    return m_registry.find(formatId());
}

ExportRequest ExportDialog::request() const
{
    ExportRequest request;
    request.catalog = m_catalog;
    request.language = m_language;
    request.scope = m_baseScope;
    request.scope.roles.clear();
    request.scope.requiredOnly = m_requiredOnly->isChecked();
    request.scope.includeExpired = m_includeExpired->isChecked();
    if (m_selectedOnly->isChecked())
        request.scope.flowIds = QSet<QString>(m_selectedFlowIds.cbegin(), m_selectedFlowIds.cend());
    for (const QCheckBox *box : m_roles) {
        if (box->isChecked())
            request.scope.roles.append(box->property("componentId").toString());
    }
    const QString proxy = m_proxy->text().trimmed();
    if (ExportText::isValidProxy(proxy))
        request.proxy = proxy;
    request.pacDirectForCatalog = m_pacDirect->isChecked();
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    request.squidSources = m_sources->text().split(separators, Qt::SkipEmptyParts);
    if (m_useSite->isChecked())
        request.siteAddresses = m_siteAddresses;
    if (m_resolveHosts->isChecked() && m_resolvedAt.isValid()) {
        request.resolvedHosts = m_resolved;
        request.resolvedAt = m_resolvedAt;
    }
    return request;
}

QString ExportDialog::previewText() const
{
    return m_preview->toPlainText();
}

void ExportDialog::startResolving()
{
    ++m_resolveGeneration;
    m_resolved.clear();
    m_resolvedAt = QDateTime();
    m_pendingLookups = 0;
    if (!m_resolveHosts->isChecked()) {
        updatePreview();
        return;
    }
    ExportRequest scope = request();
    if (m_resolver) {
        ExportSelection::resolveHosts(scope, m_resolver, QDateTime::currentDateTimeUtc());
        m_resolved = scope.resolvedHosts;
        m_resolvedAt = scope.resolvedAt;
        updatePreview();
        return;
    }
    // The system resolver answers asynchronously; results of an older scope are dropped.
    const QStringList names = ExportSelection::hostNames(scope);
    const int generation = m_resolveGeneration;
    m_pendingLookups = int(names.size());
    updatePreview();
    if (names.isEmpty()) {
        m_resolvedAt = QDateTime::currentDateTimeUtc();
        updatePreview();
        return;
    }
    const auto collected = std::make_shared<QHash<QString, QList<QHostAddress>>>();
    for (const QString &name : names) {
        QHostInfo::lookupHost(name, this, [this, generation, collected, name](const QHostInfo &info) {
            if (generation != m_resolveGeneration)
                return;
            collected->insert(name,
                              info.error() == QHostInfo::NoError ? info.addresses() : QList<QHostAddress>());
            if (--m_pendingLookups > 0) {
                updatePreview();
                return;
            }
            ExportRequest done = request();
            ExportSelection::resolveHosts(
                    done, [collected](const QString &host) { return collected->value(host); },
                    QDateTime::currentDateTimeUtc());
            m_resolved = done.resolvedHosts;
            m_resolvedAt = done.resolvedAt;
            updatePreview();
        });
    }
}

void ExportDialog::updatePreview()
{
    const RuleExporter *current = exporter();
    if (!current)
        return;
    m_proxy->setEnabled(current->usesProxy());
    m_resolveHosts->setEnabled(current->needsAddresses());
    m_csvByteOrderMark->setVisible(current->id() == QLatin1String("csv"));
    m_pacDirect->setVisible(current->id() == QLatin1String("pac"));
    m_pacDirect->setEnabled(ExportText::isValidProxy(m_proxy->text().trimmed()));
    m_sources->setVisible(current->id() == QLatin1String("squid"));
    m_sourcesLabel->setVisible(current->id() == QLatin1String("squid"));
    const QString proxy = m_proxy->text().trimmed();
    const bool proxyProblem = current->usesProxy() && !proxy.isEmpty() && !ExportText::isValidProxy(proxy);
    m_proxyProblem->setText(tr("Give the proxy as host:port, for example 10.0.0.1:3128."));
    m_proxyProblem->setVisible(proxyProblem);

    const ExportRequest r = request();
    const ExportResult result = current->exportRules(r);
    m_preview->setPlainText(result.text);
    m_summary = result.summary();
    m_files = result.files;
    QString status = m_summary;
    if (!m_files.isEmpty()) {
        QStringList names;
        for (const ExportFile &file : std::as_const(m_files))
            names << file.fileName;
        status += QStringLiteral(" — ")
                + tr("saving also writes %1 beside the rules").arg(names.join(QStringLiteral(", ")));
    }
    if (m_resolveHosts->isChecked() && current->needsAddresses() && m_pendingLookups > 0)
        status += QStringLiteral(" — ") + tr("resolving %n host names…", nullptr, m_pendingLookups);
    m_status->setText(status);
    emit previewUpdated();
}

void ExportDialog::copy()
{
    QGuiApplication::clipboard()->setText(previewText());
    m_status->setText(tr("Copied to the clipboard."));
}

QString ExportDialog::saveTo(const QString &fileName) const
{
    const bool csv = exporter() && exporter()->id() == QLatin1String("csv");
    if (const auto reason = OutputFile::writeFile(
                fileName, CsvEncoding::encode(previewText(), csv && m_csvByteOrderMark->isChecked())))
        return *reason;
    // The refresher of the set-based formats goes beside the rules.
    const QDir dir = QFileInfo(fileName).absoluteDir();
    for (const ExportFile &extra : m_files) {
        const QString path = dir.filePath(extra.fileName);
        if (const auto reason = OutputFile::writeFile(path, extra.text.toUtf8()))
            return tr("%1: %2").arg(path, *reason);
        if (extra.isExecutable)
            QFile::setPermissions(
                    path, QFile::permissions(path) | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther);
    }
    return {};
}

void ExportDialog::save()
{
    const RuleExporter *current = exporter();
    if (!current)
        return;
    const QString suggested = QStringLiteral("portolan-%1.%2").arg(current->id(), current->fileExtension());
    const QString fileName =
            QFileDialog::getSaveFileName(this, tr("Save Rules"), FileDialogs::inLastFolder(suggested));
    if (fileName.isEmpty())
        return;
    FileDialogs::rememberFolder(fileName);
    const QString problem = saveTo(fileName);
    if (!problem.isEmpty()) {
        QMessageBox::warning(this, tr("Save Rules"), tr("Could not save \"%1\": %2").arg(fileName, problem));
        return;
    }
    m_status->setText(tr("Saved to %1.").arg(fileName));
}
