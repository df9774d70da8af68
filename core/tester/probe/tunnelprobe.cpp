#include "tunnelprobe.h"

#include "core/tester/probe/httpresponse.h"
#include "core/tester/probe/proxyreply.h"

#include <QSslSocket>

TunnelProbe::TunnelProbe(ProbeContext *context, QObject *parent)
    : Probe(Stage::Tunnel, context, parent)
{ }

void TunnelProbe::start()
{
    QSslSocket *socket = context().socket;
    connect(socket, &QSslSocket::readyRead, this, &TunnelProbe::onReadyRead);
    connect(socket, &QSslSocket::errorOccurred, this, &TunnelProbe::onSocketError);
    const QByteArray authority = HttpResponse::authority(target().host, target().port).toUtf8();
    QByteArray request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
    const QByteArray authorization = context().proxy->authorization();
    if (!authorization.isEmpty())
        request += "Proxy-Authorization: " + authorization + "\r\n";
    request += "User-Agent: Portolan/" PORTOLAN_VERSION "\r\n\r\n";
    socket->write(request);
}

void TunnelProbe::stop()
{
    context().socket->disconnect(this);
}

void TunnelProbe::onReadyRead()
{
    if (isFinished())
        return;
    m_buffer.append(context().socket->read(HttpResponse::MaxHeader - m_buffer.size() + 1));
    onReply();
}

void TunnelProbe::onSocketError()
{
    if (isFinished())
        return;
    if (!m_buffer.isEmpty())
        onReply();
    if (!isFinished())
        fail(Verdict::ProxyRefused,
             tr("The proxy closed the connection: %1").arg(context().socket->errorString()));
}

void TunnelProbe::onReply()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > HttpResponse::MaxHeader)
            fail(Verdict::ProxyRefused, tr("The proxy sent no valid reply to CONNECT"));
        return;
    }
    const QByteArray header = m_buffer.left(end);
    m_buffer.clear();
    const int status = HttpResponse::status(header);
    if (status >= 200 && status < 300) {
        pass(tr("The proxy connected to %1 port %2 (HTTP %3)")
                     .arg(target().host)
                     .arg(target().port)
                     .arg(status));
        return;
    }
    result().httpStatus = 0;
    const QByteArray squidError = HttpResponse::headerValue(header, "X-Squid-Error");
    fail(ProxyReply::verdict(ProxyReply::Request::Connect, status, squidError)
                 .value_or(Verdict::ProxyRefused),
         tr("The proxy answered CONNECT with HTTP %1 %2").arg(status).arg(QString::fromLatin1(squidError)));
}

void TunnelProbe::timeOut()
{
    if (isFinished())
        return;
    fail(Verdict::Timeout, tr("The proxy did not connect to the destination within %1 s").arg(waitedText()));
}
