#pragma once

#include "core/tester/probe/udpprobe.h"

// An NTP client request; the reply is validated (NtpPacket) and the clock offset measured. A
// server without time (unsynchronised, kiss-o'-death) fails at once; a reply that is not a
// valid server reply is remembered in case no valid one follows.
class NtpProbe final : public UdpProbe
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NtpProbe)

public:
    explicit NtpProbe(ProbeContext *context, QObject *parent = nullptr);

    void timeOut() override;

protected:
    void send(QUdpSocket *socket) override;
    void received(const QByteArray &datagram) override;

private:
    QByteArray m_request;
    qint64 m_sentMs = 0;
    QString m_rejection; // why the last reply to our request was not usable
};
