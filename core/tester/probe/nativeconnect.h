#pragma once

#include <QtGlobal>

class QHostAddress;

// A non-blocking TCP connect on a native socket, so that its pending error can be read while it
// connects. When an ICMP error (a firewall's REJECT with admin-prohibited, typically on this
// machine) answers a SYN while the socket is busy, Linux keeps it as a "soft" error, wakes
// nobody and retransmits until the connect times out; SO_ERROR returns it at once. Qt's own
// connect never reads it. Unix only: elsewhere isSupported() is false and QAbstractSocket
// connects.
namespace NativeConnect {

bool isSupported();
// Starts connecting; returns the descriptor, or -1 with *error set (an errno value).
qintptr start(const QHostAddress &address, quint16 port, int *error);
// The socket's pending error (and clears it), or 0.
int pendingError(qintptr descriptor);
// Whether a connect in progress on the descriptor has completed (connected).
bool isConnected(qintptr descriptor);
void close(qintptr descriptor);
// The errno value as text in the system's language.
QString errorText(int error);

// Whether the error means that something on the way said no (an ICMP unreachable or a local
// firewall rule), or that nothing listens (a TCP reset).
bool isFiltered(int error);
bool isRefused(int error);

} // namespace NativeConnect
