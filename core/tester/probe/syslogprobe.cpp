#include "syslogprobe.h"

#include <QDateTime>
#include <QUdpSocket>

SyslogProbe::SyslogProbe(ProbeContext *context, QObject *parent)
    : UdpProbe(Stage::UdpSend, context, parent)
{ }

void SyslogProbe::send(QUdpSocket *socket)
{
    const QByteArray message = "<14>1 "
            + QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1()
            + " portolan portolan - - - Portolan connectivity test to " + target().endpoint.toUtf8() + '\n';
    if (socket->write(message) < 0)
        fail(Verdict::Refused, socket->errorString());
}

void SyslogProbe::timeOut()
{
    if (isFinished())
        return;
    conclude(Verdict::NotVerifiable, tr("Sent; UDP gives no reply and no refusal came back"),
             tr("Sent, not verifiable: syslog over UDP has no reply"));
}
