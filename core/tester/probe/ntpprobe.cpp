#include "ntpprobe.h"

#include "core/tester/probe/ntppacket.h"

#include <QDateTime>
#include <QUdpSocket>

#include <cmath>

NtpProbe::NtpProbe(ProbeContext *context, QObject *parent)
    : UdpProbe(Stage::Ntp, context, parent)
{ }

void NtpProbe::send(QUdpSocket *socket)
{
    m_sentMs = QDateTime::currentMSecsSinceEpoch();
    m_request = NtpPacket::request(m_sentMs);
    socket->write(m_request);
}

void NtpProbe::received(const QByteArray &datagram)
{
    const qint64 receivedMs = QDateTime::currentMSecsSinceEpoch();
    QString invalid;
    NtpPacket::Rejection rejection = NtpPacket::Rejection::None;
    const auto reply = NtpPacket::parseReply(datagram, m_request, &invalid, &rejection);
    if (!reply) {
        // A server without time says so at once; anything else may yet be followed by a valid
        // reply: remembered for the timeout.
        if (rejection == NtpPacket::Rejection::Unsynchronised)
            fail(Verdict::NtpUnsynchronised, tr("The server answered without the time: %1").arg(invalid));
        else if (rejection == NtpPacket::Rejection::Invalid)
            m_rejection = invalid;
        return;
    }
    const double offsetMs = NtpPacket::offsetMs(m_sentMs, *reply, receivedMs);
    result().ntpOffsetMs = offsetMs;
    QString detail = tr("Clock offset %1 ms, stratum %2").arg(offsetMs, 0, 'f', 1).arg(reply->stratum);
    if (std::abs(offsetMs) > NtpPacket::OffsetWarningMs) {
        //: %1 is the stage detail "Clock offset … ms, stratum …"; %2 the limit in ms.
        detail = tr("%1; warning: this machine's clock is more than %2 ms off the server's, so certificates "
                    "and "
                    "event times may be judged wrong")
                         .arg(detail)
                         .arg(NtpPacket::OffsetWarningMs);
    }
    pass(detail);
}

void NtpProbe::timeOut()
{
    if (isFinished())
        return;
    if (!m_rejection.isEmpty())
        fail(Verdict::NtpInvalidReply,
             tr("No valid NTP reply within %1 s; the server's reply was rejected: %2")
                     .arg(waitedText(), m_rejection));
    else
        fail(Verdict::Timeout, tr("No NTP reply within %1 s").arg(waitedText()));
}
