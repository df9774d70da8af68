#include "udpprobe.h"

#include "core/tester/probe/dnsclient.h"
#include "core/tester/probe/udprefusal.h"

#include <QNetworkProxy>
#include <QUdpSocket>

UdpProbe::UdpProbe(Stage::Id stage, ProbeContext *context, QObject *parent)
    : Probe(stage, context, parent)
{
    m_readAgain.setSingleShot(true);
    m_readAgain.setInterval(0);
    connect(&m_readAgain, &QTimer::timeout, this, &UdpProbe::onReadyRead);
}

void UdpProbe::start()
{
    const QHostAddress address = context().addresses.first();
    result().connectedAddress = address.toString();
    m_udp = new QUdpSocket(this);
    m_udp->setProxy(QNetworkProxy::NoProxy);
    connect(m_udp, &QUdpSocket::readyRead, this, &UdpProbe::onReadyRead);
    connect(m_udp, &QUdpSocket::errorOccurred, this, &UdpProbe::onError);
    m_udp->connectToHost(address, quint16(target().port));
    send(m_udp);
}

void UdpProbe::stop()
{
    m_readAgain.stop();
    if (m_udp) {
        m_udp->disconnect(this);
        m_udp->abort();
    }
}

void UdpProbe::onReadyRead()
{
    if (isFinished())
        return;
    if (UdpRefusal::isRefused(m_udp)) {
        fail(Verdict::Refused,
             tr("Nothing listens on UDP port %1 (ICMP port unreachable)").arg(target().port));
        return;
    }
    for (int i = 0; i < DnsClient::MaxDatagramsPerTurn && !isFinished() && m_udp->hasPendingDatagrams();
         ++i) {
        QByteArray datagram(int(qBound(qint64(0), m_udp->pendingDatagramSize(), qint64(65535))), '\0');
        const qint64 size = m_udp->readDatagram(datagram.data(), datagram.size());
        if (size < 0)
            continue;
        datagram.truncate(int(size));
        received(datagram);
    }
    if (!isFinished() && m_udp->hasPendingDatagrams())
        m_readAgain.start();
}

void UdpProbe::onError()
{
    if (isFinished())
        return;
    if (m_udp->error() == QAbstractSocket::ConnectionRefusedError)
        fail(Verdict::Refused,
             tr("Nothing listens on UDP port %1 (ICMP port unreachable)").arg(target().port));
    else
        fail(Verdict::Refused, m_udp->errorString());
}
