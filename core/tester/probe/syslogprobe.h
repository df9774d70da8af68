#pragma once

#include "core/tester/probe/udpprobe.h"

// Sends one RFC 5424 test message over UDP. Syslog never answers: only an ICMP "port
// unreachable" within TesterOptions::udpRefusalWaitMs tells anything, so silence ends the check
// as not verifiable.
class SyslogProbe final : public UdpProbe
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyslogProbe)

public:
    explicit SyslogProbe(ProbeContext *context, QObject *parent = nullptr);

    int timeoutMs() const override { return options().udpRefusalWaitMs; }
    void timeOut() override;

protected:
    void send(QUdpSocket *socket) override;
};
