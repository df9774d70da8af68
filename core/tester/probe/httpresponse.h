#pragma once

#include <QByteArray>
#include <QString>

// The parts of an HTTP/1.x response header that the tester reads from a server or a proxy: the
// status code and one header field. Pure functions on untrusted bytes, so that they can be
// tested and fuzzed apart from the sockets of EndpointCheck.
namespace HttpResponse {

// The most of a response header the tester reads before it gives up on it.
constexpr int MaxHeader = 16 * 1024;

// The status code of the status line ("HTTP/1.1 200 OK") that starts header, or 0 when it is
// no HTTP/1.x status line with a three-digit code in 100-599.
int status(const QByteArray &header);
// The value of the first field called name (case-insensitive), trimmed; empty when absent.
QByteArray headerValue(const QByteArray &header, const QByteArray &name);

// A host as it goes into a URL or a Host field: an IPv6 address in brackets.
QString urlHost(const QString &host);
// "host:port", the authority of a CONNECT request or a Host field.
QString authority(const QString &host, int port);

} // namespace HttpResponse
