#pragma once

#include "core/catalog/vocabulary.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// The addresses of the customer-side destinations (DNS, NTP, syslog, relay, Smart Protection
// Server, vCenter) on the user's site: "dns=10.0.0.53", "relay=relay.example.local".
class SiteProfile
{
    Q_DECLARE_TR_FUNCTIONS(SiteProfile)

public:
    static QStringList keys(); // dns, ntp, syslog, relay, sps, vcenter

    // Sets key to a host name or an address; returns a translated error and changes nothing
    // when either is invalid.
    std::optional<QString> set(const QString &key, const QString &address);
    // Parses "KEY=ADDR".
    std::optional<QString> parseAssignment(const QString &assignment);

    QString address(const QString &key) const { return m_addresses.value(key); }
    bool has(const QString &key) const { return m_addresses.contains(key); }
    QString address(SiteKey key) const { return address(Vocabulary::name(key)); }
    bool has(SiteKey key) const { return key != SiteKey::None && has(Vocabulary::name(key)); }
    bool isEmpty() const { return m_addresses.isEmpty(); }
    QMap<QString, QString> addresses() const { return m_addresses; }

private:
    QMap<QString, QString> m_addresses;
};
