#pragma once

#include "core/tester/probe/probe.h"

#include <QByteArray>

// Asks the proxy, over the connection TcpProbe made to it, for a tunnel to the destination
// (CONNECT) and maps the proxy's reply with ProxyReply, as the plain-HTTP path does.
class TunnelProbe final : public Probe
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TunnelProbe)

public:
    explicit TunnelProbe(ProbeContext *context, QObject *parent = nullptr);

    void start() override;
    void timeOut() override;

protected:
    void stop() override;

private:
    void onReadyRead();
    void onSocketError();
    void onReply();

    QByteArray m_buffer;
};
