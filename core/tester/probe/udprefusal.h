#pragma once

class QUdpSocket;

namespace UdpRefusal {

// Whether a connected UDP socket that became readable holds an ICMP "port unreachable" instead
// of a datagram. Qt reports that as "no datagram available", so the pending error is peeked at
// on the native socket (Unix); elsewhere a readable socket without a datagram counts as refused.
// Call it from readyRead before reading.
bool isRefused(QUdpSocket *socket);

} // namespace UdpRefusal
