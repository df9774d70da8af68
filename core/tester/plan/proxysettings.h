#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <variant>

// How checks reach TCP destinations: directly, through the system's proxy settings, or through
// a manual HTTP proxy (CONNECT for TLS and plain TCP, absolute-form requests for HTTP).
class ProxySettings
{
    Q_DECLARE_TR_FUNCTIONS(ProxySettings)

public:
    enum class Mode { Direct, System, Manual };

    struct HttpProxy
    {
        QString host;
        int port = 0;
        QString user;
        QString password;

        // "http://user@host:port", never the password.
        QString displayName() const;
        // Value of a Proxy-Authorization header, or empty without a user.
        QByteArray authorization() const;
    };

    ProxySettings() = default;
    static ProxySettings direct() { return {}; }
    static ProxySettings system();
    static ProxySettings manual(const HttpProxy &proxy);

    // "direct", "system" or "http://[user[:password]@]host[:port]"; a translated error otherwise.
    static std::variant<ProxySettings, QString> parse(const QString &text);

    Mode mode() const { return m_mode; }
    const HttpProxy &manualProxy() const { return m_proxy; }

    // The HTTP proxy to use for a destination, or nothing for a direct connection. System mode
    // asks QNetworkProxyFactory; SOCKS and other proxy types found there are not used.
    std::optional<HttpProxy> proxyFor(const QString &scheme, const QString &host, int port) const;
    QString displayName() const;

private:
    Mode m_mode = Mode::Direct;
    HttpProxy m_proxy;
};
