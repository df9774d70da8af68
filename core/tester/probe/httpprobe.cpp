#include "httpprobe.h"

#include "core/tester/probe/httpresponse.h"
#include "core/tester/probe/proxyreply.h"

#include <QSslSocket>
#include <QUrl>

HttpProbe::HttpProbe(ProbeContext *context, QObject *parent)
    : Probe(Stage::Http, context, parent)
{ }

bool HttpProbe::throughProxy() const
{
    // Only plain HTTP talks to the proxy itself; HTTPS goes through the tunnel.
    return context().proxy && target().kind == CheckTarget::Kind::Http;
}

void HttpProbe::start()
{
    QSslSocket *socket = context().socket;
    connect(socket, &QSslSocket::readyRead, this, &HttpProbe::onReadyRead);
    connect(socket, &QSslSocket::errorOccurred, this, &HttpProbe::onSocketError);
    const bool defaultPort = (target().kind == CheckTarget::Kind::Https && target().port == 443)
            || (target().kind == CheckTarget::Kind::Http && target().port == 80);
    const QString authority = defaultPort ? HttpResponse::urlHost(target().host)
                                          : HttpResponse::authority(target().host, target().port);
    const QString path = target().path.isEmpty() ? QStringLiteral("/") : target().path;
    // Plain HTTP through a proxy uses the absolute form; everything else the origin form.
    const QString requestTarget = throughProxy() ? QStringLiteral("http://%1%2").arg(authority, path) : path;
    QByteArray request =
            "HEAD " + requestTarget.toUtf8() + " HTTP/1.1\r\nHost: " + authority.toUtf8() + "\r\n";
    if (throughProxy()) {
        const QByteArray authorization = context().proxy->authorization();
        if (!authorization.isEmpty())
            request += "Proxy-Authorization: " + authorization + "\r\n";
    }
    request += "User-Agent: Portolan/" PORTOLAN_VERSION "\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    socket->write(request);
}

void HttpProbe::stop()
{
    context().socket->disconnect(this);
}

void HttpProbe::onReadyRead()
{
    if (isFinished())
        return;
    m_buffer.append(context().socket->read(HttpResponse::MaxHeader - m_buffer.size() + 1));
    onReply(false);
}

void HttpProbe::onSocketError()
{
    if (isFinished())
        return;
    onReply(true);
    if (!isFinished())
        fail(Verdict::HttpError,
             tr("The connection closed without an HTTP response: %1").arg(context().socket->errorString()));
}

void HttpProbe::onReply(bool closed)
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0 && !closed && m_buffer.size() <= HttpResponse::MaxHeader) {
        // A status line that cannot be HTTP fails early.
        if (m_buffer.size() >= 7 && !m_buffer.startsWith("HTTP/1."))
            fail(Verdict::HttpError, tr("The answer is not HTTP"));
        return;
    }
    const QByteArray header = end < 0 ? m_buffer : m_buffer.left(end);
    const int status = HttpResponse::status(header);
    if (status == 0) {
        fail(Verdict::HttpError, m_buffer.isEmpty() ? tr("No HTTP response") : tr("The answer is not HTTP"));
        return;
    }
    result().httpStatus = status;
    if (throughProxy()) {
        const QByteArray squidError = HttpResponse::headerValue(header, "X-Squid-Error");
        if (const auto verdict = ProxyReply::verdict(ProxyReply::Request::PlainHttp, status, squidError)) {
            fail(*verdict,
                 tr("The proxy answered HTTP %1 %2").arg(status).arg(QString::fromLatin1(squidError)));
            return;
        }
    }
    if (const auto away = redirectAway(header, status)) {
        result().redirectLocation = *away;
        fail(Verdict::HttpRedirected,
             tr("HTTP %1: redirected to %2, away from %3").arg(status).arg(*away, target().host));
        return;
    }
    pass(tr("HTTP %1").arg(status));
}

std::optional<QString> HttpProbe::redirectAway(const QByteArray &header, int status) const
{
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308)
        return std::nullopt;
    const QString location = QString::fromLatin1(HttpResponse::headerValue(header, "Location").left(512));
    if (location.isEmpty())
        return std::nullopt;
    const QUrl url = QUrl(QStringLiteral("http://%1/").arg(HttpResponse::urlHost(target().host)))
                             .resolved(QUrl(location));
    // http -> https (or another path) on the same host is fine; another host is not.
    if (url.isValid() && url.host().compare(target().host, Qt::CaseInsensitive) == 0)
        return std::nullopt;
    return location;
}

void HttpProbe::timeOut()
{
    if (isFinished())
        return;
    fail(Verdict::Stalled,
         m_buffer.isEmpty() ? tr("Connected, then no HTTP response within %1 s").arg(waitedText())
                            : tr("Connected, then the HTTP response stopped after %n bytes within %1 s",
                                 nullptr, int(m_buffer.size()))
                                      .arg(waitedText()));
}
