#include "environmentdialog.h"

#include "app/gui/tester/passwordstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
QLabel *errorLabel(QWidget *parent)
{
    // Not word-wrapped: a top-level dialog does not grow for wrapped text, it grows for width.
    auto *label = new QLabel(parent);
    label->setStyleSheet(QStringLiteral("color: #c62828;"));
    label->hide();
    return label;
}
} // namespace

QString EnvironmentDialog::siteLabel(const QString &key)
{
    if (key == QLatin1String("dns"))
        return tr("DNS server:");
    if (key == QLatin1String("ntp"))
        return tr("NTP server:");
    if (key == QLatin1String("syslog"))
        return tr("Syslog / SIEM:");
    if (key == QLatin1String("relay"))
        return tr("Relay:");
    if (key == QLatin1String("sps"))
        return tr("Smart Protection Server:");
    if (key == QLatin1String("vcenter"))
        return tr("vCenter:");
    return key + QLatin1Char(':');
}

EnvironmentDialog::EnvironmentDialog(const EnvironmentSettings &environment, const QString &password,
                                     QWidget *parent)
    : QDialog(parent)
    , m_proxyMode(new QComboBox(this))
    , m_proxyHost(new QLineEdit(this))
    , m_proxyPort(new QSpinBox(this))
    , m_proxyUser(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember the password in the system keychain"), this))
    , m_proxyError(errorLabel(this))
    , m_keychainNote(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("environmentDialog"));
    setWindowTitle(tr("Site addresses"));

    auto *siteBox = new QGroupBox(tr("Addresses on your site"), this);
    auto *siteForm = new QFormLayout(siteBox);
    m_siteForm = siteForm;
    auto *siteNote = new QLabel(tr("Host names or IP addresses. Checks towards a destination left empty are "
                                   "skipped."),
                                siteBox);
    siteNote->setWordWrap(true);
    siteForm->addRow(siteNote);
    for (const QString &key : SiteProfile::keys()) {
        auto *field = new QLineEdit(environment.site.address(key), siteBox);
        field->setObjectName(QStringLiteral("site_") + key);
        field->setClearButtonEnabled(true);
        field->setPlaceholderText(tr("not set"));
        auto *error = errorLabel(siteBox);
        error->setObjectName(QStringLiteral("siteError_") + key);
        field->setAccessibleName(QString(siteLabel(key)).remove(QLatin1Char(':')));
        error->setAccessibleName(tr("Error"));
        auto *label = new QLabel(siteLabel(key), siteBox);
        label->setBuddy(field);
        siteForm->addRow(label, field);
        siteForm->addRow(QString(), error); // hidden while the field is valid
        m_siteFields.insert(key, field);
        m_siteErrors.insert(key, error);
        connect(field, &QLineEdit::textChanged, this, &EnvironmentDialog::validate);
    }

    auto *proxyBox = new QGroupBox(tr("Proxy"), this);
    auto *proxyForm = new QFormLayout(proxyBox);
    m_proxyMode->setObjectName(QStringLiteral("proxyMode"));
    m_proxyMode->addItem(tr("None (direct connections)"), int(ProxySettings::Mode::Direct));
    m_proxyMode->addItem(tr("System settings"), int(ProxySettings::Mode::System));
    m_proxyMode->addItem(tr("Manual HTTP proxy"), int(ProxySettings::Mode::Manual));
    m_proxyMode->setCurrentIndex(m_proxyMode->findData(int(environment.proxyMode)));
    m_proxyHost->setObjectName(QStringLiteral("proxyHost"));
    m_proxyHost->setText(environment.proxyHost);
    m_proxyHost->setPlaceholderText(tr("proxy.example.com"));
    m_proxyPort->setObjectName(QStringLiteral("proxyPort"));
    m_proxyPort->setRange(1, 65535);
    m_proxyPort->setValue(environment.proxyPort);
    m_proxyUser->setObjectName(QStringLiteral("proxyUser"));
    m_proxyUser->setText(environment.proxyUser);
    m_proxyUser->setPlaceholderText(tr("optional"));
    m_password->setObjectName(QStringLiteral("proxyPassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setText(password);
    m_remember->setObjectName(QStringLiteral("rememberPassword"));
    m_remember->setChecked(environment.rememberPassword && PasswordStore::isSupported());
    m_remember->setEnabled(PasswordStore::isSupported());
    m_proxyError->setObjectName(QStringLiteral("proxyError"));
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setText(PasswordStore::isSupported()
                                    ? tr("Without the keychain, the password is kept only until Portolan "
                                         "closes. It is never written to a file.")
                                    : tr("This build has no keychain support: the password is kept only "
                                         "until Portolan closes. It is never written to a file."));
    setAccessibleName(windowTitle());
    m_proxyMode->setAccessibleName(tr("Proxy mode"));
    m_proxyHost->setAccessibleName(tr("Proxy host"));
    m_proxyPort->setAccessibleName(tr("Proxy port"));
    m_proxyUser->setAccessibleName(tr("Proxy user"));
    m_password->setAccessibleName(tr("Proxy password"));
    m_remember->setAccessibleName(m_remember->text());
    m_proxyError->setAccessibleName(tr("Proxy error"));
    m_keychainNote->setAccessibleName(tr("Password storage"));
    proxyForm->addRow(tr("Mode:"), m_proxyMode);
    proxyForm->addRow(tr("Host:"), m_proxyHost);
    proxyForm->addRow(tr("Port:"), m_proxyPort);
    proxyForm->addRow(tr("User:"), m_proxyUser);
    proxyForm->addRow(tr("Password:"), m_password);
    proxyForm->addRow(m_remember);
    proxyForm->addRow(m_keychainNote);
    proxyForm->addRow(m_proxyError);
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, &EnvironmentDialog::validate);
    connect(m_proxyHost, &QLineEdit::textChanged, this, &EnvironmentDialog::validate);
    connect(m_proxyUser, &QLineEdit::textChanged, this, &EnvironmentDialog::validate);
    connect(m_proxyPort, &QSpinBox::valueChanged, this, &EnvironmentDialog::validate);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(siteBox);
    layout->addWidget(proxyBox);
    layout->addWidget(m_buttons);
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);
    validate();
}

bool EnvironmentDialog::isValid() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void EnvironmentDialog::validate()
{
    bool valid = true;
    for (auto it = m_siteFields.cbegin(); it != m_siteFields.cend(); ++it) {
        const QString text = it.value()->text().trimmed();
        SiteProfile probe;
        const auto error = text.isEmpty() ? std::nullopt : probe.set(it.key(), text);
        QLabel *label = m_siteErrors.value(it.key());
        label->setText(error.value_or(QString()));
        m_siteForm->setRowVisible(label, error.has_value());
        valid = valid && !error;
    }

    const bool manual =
            ProxySettings::Mode(m_proxyMode->currentData().toInt()) == ProxySettings::Mode::Manual;
    for (QWidget *widget :
         std::initializer_list<QWidget *>{m_proxyHost, m_proxyPort, m_proxyUser, m_password})
        widget->setEnabled(manual);
    m_remember->setEnabled(manual && PasswordStore::isSupported() && !m_proxyUser->text().isEmpty());
    QString proxyError;
    if (manual) {
        const QString host = m_proxyHost->text().trimmed();
        if (host.isEmpty()) {
            proxyError = tr("Give the proxy's host name or address.");
        } else {
            const auto parsed =
                    ProxySettings::parse(QStringLiteral("http://%1:%2").arg(host).arg(m_proxyPort->value()));
            if (const auto *error = std::get_if<QString>(&parsed))
                proxyError = *error;
        }
    }
    m_proxyError->setText(proxyError);
    m_proxyError->setVisible(!proxyError.isEmpty());
    valid = valid && proxyError.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(valid);
}

EnvironmentSettings EnvironmentDialog::environment() const
{
    EnvironmentSettings environment;
    for (auto it = m_siteFields.cbegin(); it != m_siteFields.cend(); ++it) {
        const QString text = it.value()->text().trimmed();
        if (!text.isEmpty())
            environment.site.set(it.key(), text);
    }
    environment.proxyMode = ProxySettings::Mode(m_proxyMode->currentData().toInt());
    environment.proxyHost = m_proxyHost->text().trimmed();
    environment.proxyPort = m_proxyPort->value();
    environment.proxyUser = m_proxyUser->text().trimmed();
    environment.rememberPassword = m_remember->isChecked() && !environment.proxyUser.isEmpty();
    return environment;
}

QString EnvironmentDialog::password() const
{
    return m_password->text();
}
