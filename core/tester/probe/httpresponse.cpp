#include "httpresponse.h"

#include <QList>

namespace HttpResponse {

int status(const QByteArray &header)
{
    const qsizetype end = header.indexOf("\r\n");
    const QByteArray line = end < 0 ? header : header.left(end);
    if (!line.startsWith("HTTP/1."))
        return 0;
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() < 2 || parts.at(1).size() != 3)
        return 0;
    bool ok = false;
    const int code = parts.at(1).toInt(&ok);
    return ok && code >= 100 && code <= 599 ? code : 0;
}

QByteArray headerValue(const QByteArray &header, const QByteArray &name)
{
    const QList<QByteArray> lines = header.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QString urlHost(const QString &host)
{
    return host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
}

QString authority(const QString &host, int port)
{
    return QStringLiteral("%1:%2").arg(urlHost(host)).arg(port);
}

} // namespace HttpResponse
