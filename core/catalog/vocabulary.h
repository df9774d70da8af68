#pragma once

#include <QLatin1String>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// The catalog's closed vocabularies. Each enum has one name table (the names used in the catalog
// file, the CLI and the JSON outputs); the loader converts strings once and the rest of the
// program compares enums. Translated labels live in CatalogText.

enum class Zone { Customer, Internet, TrendCloud };

// "Unstated": the page names the port but not its transport; kept so, never invented.
enum class Transport { Tcp, Udp, Unstated };

enum class Requirement { Required, Optional, Conditional };

enum class Section { Ports, Urls, Ips };

// The site profile's keys: customer-side components whose address the user gives.
enum class SiteKey { None, Dns, Ntp, Syslog, Relay, Sps, Vcenter };

// Product features that need a flow, so that a user can say "we use these" and see what they
// need. A flow or endpoint list without features is needed by every deployment of its roles.
enum class Feature {
    ManagerInitiated, // bidirectional or manager-initiated communication
    WebReputation,
    FileReputation, // file reputation and Smart Scan
    BehaviorMonitoring,
    MachineLearning, // predictive machine learning
    SmartFeedback,
    XdrActivityMonitoring,
    Relay,
    DataCenterGateway,
    SiemForwarding,
    SmartProtectionServer,
};

// Computed for a role, never stored: outbound where the role initiates, inbound where it
// listens, both when it does both (Relay -> Relay), local for a flow that never crosses the
// network (4123 on the relay's own computer).
enum class Direction { None, Outbound, Inbound, Both, Local };

namespace Vocabulary {

template<typename E>
using Table = QList<std::pair<E, QLatin1String>>;

template<typename E>
const Table<E> &table();

template<>
const Table<Zone> &table<Zone>();
template<>
const Table<Transport> &table<Transport>();
template<>
const Table<Requirement> &table<Requirement>();
template<>
const Table<Section> &table<Section>();
template<>
const Table<SiteKey> &table<SiteKey>();
template<>
const Table<Feature> &table<Feature>();
template<>
const Table<Direction> &table<Direction>();

template<typename E>
QString name(E value)
{
    for (const auto &[v, n] : table<E>()) {
        if (v == value)
            return n;
    }
    return {};
}

template<typename E>
std::optional<E> fromName(const QString &name)
{
    for (const auto &[v, n] : table<E>()) {
        if (name == n)
            return v;
    }
    return std::nullopt;
}

template<typename E>
QStringList names()
{
    QStringList result;
    for (const auto &entry : table<E>())
        result.append(entry.second);
    return result;
}

template<typename E>
QList<E> values()
{
    QList<E> result;
    for (const auto &entry : table<E>())
        result.append(entry.first);
    return result;
}

} // namespace Vocabulary
