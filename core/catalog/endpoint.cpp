#include "endpoint.h"

#include <QUrl>

bool Endpoint::isWildcard() const
{
    return kind == Kind::Host && value.startsWith(QLatin1String("*."));
}

QString Endpoint::hostName() const
{
    switch (kind) {
    case Kind::Host:
        return value.toLower();
    case Kind::Url:
        return QUrl(value, QUrl::StrictMode).host().toLower();
    case Kind::Address:
    case Kind::Cidr:
        break;
    }
    return {};
}

QString Endpoint::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Host:
        return QStringLiteral("host");
    case Kind::Url:
        return QStringLiteral("url");
    case Kind::Address:
        return QStringLiteral("address");
    case Kind::Cidr:
        return QStringLiteral("cidr");
    }
    return {};
}

std::optional<Endpoint::Kind> Endpoint::kindFromName(const QString &name)
{
    for (Kind k : {Kind::Host, Kind::Url, Kind::Address, Kind::Cidr}) {
        if (kindName(k) == name)
            return k;
    }
    return std::nullopt;
}
