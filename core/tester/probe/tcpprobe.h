#pragma once

#include "core/tester/probe/probe.h"

#include <QElapsedTimer>
#include <QTimer>

class QSocketNotifier;
class Resolver;

// Connects the check's socket: to the destination's addresses in turn ("tcp"), each with its
// share of the stage's time so that a broken IPv6 path cannot use up the IPv4 address's, and
// telling a TCP reset (refused) from an ICMP rejection (filtered) at once; or to the proxy
// ("proxy"), whose name it resolves first.
class TcpProbe final : public Probe
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TcpProbe)

public:
    enum class Peer { Destination, Proxy };

    TcpProbe(Peer peer, ProbeContext *context, QObject *parent = nullptr);
    ~TcpProbe() override;

    void start() override;
    void timeOut() override;

protected:
    void stop() override;

private:
    bool isDirect() const { return m_peer == Peer::Destination; }
    quint16 port() const;
    QString where() const; // "::1 port 443"
    void connectNext();
    void onConnected();
    void onSocketError();
    void pollPendingError();
    void failNative(int error);
    void closeNative();
    void onAttemptTimeout();
    // The current address failed: the next one, or the stage fails with every attempt.
    void failAttempt(Verdict::Value verdict, const QString &detail);
    void noteAttempt(const QString &detail);
    QString attemptsText() const;

    Peer m_peer;
    Resolver *m_proxyResolver = nullptr;
    QList<QHostAddress> m_addresses;
    int m_addressIndex = 0;
    QElapsedTimer m_stageClock;
    QElapsedTimer m_attemptClock;
    QTimer m_attemptTimer; // one address's share of the stage when there are several
    QTimer m_pendingErrorPoll; // reads the socket's pending error while connecting
    qintptr m_nativeSocket = -1; // a direct connect in progress (NativeConnect)
    QSocketNotifier *m_connectNotifier = nullptr;
};
