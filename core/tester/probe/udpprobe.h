#pragma once

#include "core/tester/probe/probe.h"

#include <QTimer>

class QUdpSocket;

// What the probes over UDP share: a socket connected to the destination's first address, an
// ICMP "port unreachable" told as refused, and reading in bounded batches so that a flood of
// datagrams cannot starve the stage timer.
class UdpProbe : public Probe
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UdpProbe)

public:
    UdpProbe(Stage::Id stage, ProbeContext *context, QObject *parent = nullptr);

    void start() final;

protected:
    void stop() override;
    // Connected: send what the protocol sends.
    virtual void send(QUdpSocket *socket) = 0;
    // One datagram that came back; may finish the probe.
    virtual void received(const QByteArray &datagram) { Q_UNUSED(datagram) }

private:
    void onReadyRead();
    void onError();

    QUdpSocket *m_udp = nullptr;
    QTimer m_readAgain; // continues reading after the event loop has run
};
