#pragma once

#include <QString>

#include <optional>

// One fixed Trend Micro side of a flow: a host name (maybe "*.domain"), a URL, an address or a
// CIDR subnet. Its validity, features and ports come from its EndpointList.
struct Endpoint
{
    enum class Kind { Host, Url, Address, Cidr };

    Kind kind = Kind::Host;
    QString value;
    int list = -1; // index of its EndpointList in Catalog::endpointLists

    bool isWildcard() const;
    // The host name for Host and Url endpoints, lower case; empty for addresses.
    QString hostName() const;

    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
};
