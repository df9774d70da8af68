#include "proxysettings.h"

#include "core/catalog/networksyntax.h"

#include <QNetworkProxyFactory>
#include <QNetworkProxyQuery>
#include <QUrl>

QString ProxySettings::HttpProxy::displayName() const
{
    const QString hostPart = host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
    if (user.isEmpty())
        return QStringLiteral("http://%1:%2").arg(hostPart).arg(port);
    return QStringLiteral("http://%1@%2:%3").arg(user, hostPart).arg(port);
}

QByteArray ProxySettings::HttpProxy::authorization() const
{
    if (user.isEmpty())
        return {};
    return "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

ProxySettings ProxySettings::system()
{
    ProxySettings settings;
    settings.m_mode = Mode::System;
    return settings;
}

ProxySettings ProxySettings::manual(const HttpProxy &proxy)
{
    ProxySettings settings;
    settings.m_mode = Mode::Manual;
    settings.m_proxy = proxy;
    return settings;
}

std::variant<ProxySettings, QString> ProxySettings::parse(const QString &text)
{
    if (text.isEmpty() || text == QLatin1String("direct") || text == QLatin1String("none"))
        return direct();
    if (text == QLatin1String("system"))
        return system();
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.host().isEmpty()
        || (url.path() != QLatin1String("/") && !url.path().isEmpty()) || url.hasQuery() || url.hasFragment())
        return tr("proxy \"%1\" is not direct, system or http://[USER[:PASSWORD]@]HOST[:PORT]").arg(text);
    const QString host = url.host();
    if (!NetworkSyntax::parseAddress(host) && !NetworkSyntax::isValidHostName(host))
        return tr("proxy host \"%1\" is neither an IP address nor a host name").arg(host);
    HttpProxy proxy;
    proxy.host = host;
    proxy.port = url.port(8080);
    proxy.user = url.userName(QUrl::FullyDecoded);
    proxy.password = url.password(QUrl::FullyDecoded);
    return manual(proxy);
}

std::optional<ProxySettings::HttpProxy> ProxySettings::proxyFor(const QString &scheme, const QString &host,
                                                                int port) const
{
    switch (m_mode) {
    case Mode::Direct:
        return std::nullopt;
    case Mode::Manual:
        return m_proxy;
    case Mode::System: {
        QUrl url;
        url.setScheme(scheme);
        url.setHost(host);
        url.setPort(port);
        const QList<QNetworkProxy> proxies =
                QNetworkProxyFactory::systemProxyForQuery(QNetworkProxyQuery(url));
        for (const QNetworkProxy &proxy : proxies) {
            if (proxy.type() == QNetworkProxy::NoProxy)
                return std::nullopt;
            if (proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::HttpCachingProxy)
                return HttpProxy{proxy.hostName(), proxy.port(), proxy.user(), proxy.password()};
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

QString ProxySettings::displayName() const
{
    switch (m_mode) {
    case Mode::Direct:
        return QStringLiteral("direct");
    case Mode::System:
        return QStringLiteral("system");
    case Mode::Manual:
        return m_proxy.displayName();
    }
    return {};
}
