#include "environmentsettings.h"

#include <QSettings>

namespace {
const QString Group = QStringLiteral("tester/");
} // namespace

QString EnvironmentSettings::modeName(ProxySettings::Mode mode)
{
    switch (mode) {
    case ProxySettings::Mode::Direct:
        return QStringLiteral("none");
    case ProxySettings::Mode::System:
        return QStringLiteral("system");
    case ProxySettings::Mode::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

EnvironmentSettings EnvironmentSettings::load(const QSettings &settings)
{
    EnvironmentSettings environment;
    for (const QString &key : SiteProfile::keys()) {
        const QString address = settings.value(Group + QStringLiteral("site/") + key).toString().trimmed();
        if (!address.isEmpty())
            environment.site.set(key, address); // an invalid stored value is dropped
    }
    const QString mode = settings.value(Group + QStringLiteral("proxy/mode")).toString();
    if (mode == modeName(ProxySettings::Mode::System))
        environment.proxyMode = ProxySettings::Mode::System;
    else if (mode == modeName(ProxySettings::Mode::Manual))
        environment.proxyMode = ProxySettings::Mode::Manual;
    environment.proxyHost = settings.value(Group + QStringLiteral("proxy/host")).toString();
    const int port = settings.value(Group + QStringLiteral("proxy/port"), 8080).toInt();
    environment.proxyPort = port > 0 && port < 65536 ? port : 8080;
    environment.proxyUser = settings.value(Group + QStringLiteral("proxy/user")).toString();
    environment.rememberPassword = settings.value(Group + QStringLiteral("proxy/rememberPassword")).toBool();
    return environment;
}

void EnvironmentSettings::save(QSettings &settings) const
{
    for (const QString &key : SiteProfile::keys()) {
        const QString name = Group + QStringLiteral("site/") + key;
        if (site.has(key))
            settings.setValue(name, site.address(key));
        else
            settings.remove(name);
    }
    settings.setValue(Group + QStringLiteral("proxy/mode"), modeName(proxyMode));
    settings.setValue(Group + QStringLiteral("proxy/host"), proxyHost);
    settings.setValue(Group + QStringLiteral("proxy/port"), proxyPort);
    settings.setValue(Group + QStringLiteral("proxy/user"), proxyUser);
    settings.setValue(Group + QStringLiteral("proxy/rememberPassword"), rememberPassword);
}

ProxySettings EnvironmentSettings::proxy(const QString &password) const
{
    switch (proxyMode) {
    case ProxySettings::Mode::Direct:
        return ProxySettings::direct();
    case ProxySettings::Mode::System:
        return ProxySettings::system();
    case ProxySettings::Mode::Manual:
        break;
    }
    ProxySettings::HttpProxy manual;
    manual.host = proxyHost;
    manual.port = proxyPort;
    manual.user = proxyUser;
    manual.password = proxyUser.isEmpty() ? QString() : password;
    return ProxySettings::manual(manual);
}

QString EnvironmentSettings::passwordKey() const
{
    return QStringLiteral("proxy/%1@%2:%3").arg(proxyUser, proxyHost).arg(proxyPort);
}
