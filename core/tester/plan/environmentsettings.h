#pragma once

#include "core/tester/plan/proxysettings.h"
#include "core/tester/plan/siteprofile.h"

#include <QString>

class QSettings;

// The user's site for connectivity tests: the site profile and how to reach the internet. Kept
// in QSettings under "tester/"; the proxy password is never part of it (the GUI keeps it in
// the system keychain, or not at all).
class EnvironmentSettings
{
public:
    SiteProfile site;
    ProxySettings::Mode proxyMode = ProxySettings::Mode::Direct;
    QString proxyHost;
    int proxyPort = 8080;
    QString proxyUser;
    bool rememberPassword = false;

    // Stored values that are no longer valid are left out.
    static EnvironmentSettings load(const QSettings &settings);
    void save(QSettings &settings) const;

    // The settings the tester uses, with the password given now.
    ProxySettings proxy(const QString &password = {}) const;
    // The keychain entry of the proxy password: "proxy/USER@HOST:PORT".
    QString passwordKey() const;

    static QString modeName(ProxySettings::Mode mode); // "none", "system", "manual"
};
