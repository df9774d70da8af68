#pragma once

#include "core/tester/plan/environmentsettings.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

// "Site addresses": the site profile (DNS, NTP, syslog, relay, Smart Protection Server,
// vCenter) and the proxy (none, system, or manual with user and password). Each field shows its
// error inline; OK stays disabled while one is invalid. The password is only handed back: the
// caller decides where it goes (the keychain, or nowhere).
class EnvironmentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnvironmentDialog)

public:
    EnvironmentDialog(const EnvironmentSettings &environment, const QString &password,
                      QWidget *parent = nullptr);

    EnvironmentSettings environment() const;
    QString password() const;
    bool isValid() const;

    QLineEdit *siteField(const QString &key) const { return m_siteFields.value(key); }
    QLabel *siteError(const QString &key) const { return m_siteErrors.value(key); }
    QComboBox *proxyModeBox() const { return m_proxyMode; }
    QLineEdit *proxyHostField() const { return m_proxyHost; }
    QSpinBox *proxyPortBox() const { return m_proxyPort; }
    QLineEdit *proxyUserField() const { return m_proxyUser; }
    QLineEdit *passwordField() const { return m_password; }
    QCheckBox *rememberBox() const { return m_remember; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    static QString siteLabel(const QString &key);

private:
    void validate();

    QFormLayout *m_siteForm = nullptr;
    QHash<QString, QLineEdit *> m_siteFields;
    QHash<QString, QLabel *> m_siteErrors;
    QComboBox *m_proxyMode;
    QLineEdit *m_proxyHost;
    QSpinBox *m_proxyPort;
    QLineEdit *m_proxyUser;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_proxyError;
    QLabel *m_keychainNote;
    QDialogButtonBox *m_buttons;
};
