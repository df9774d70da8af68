#include "dnsclient.h"

#include "udprefusal.h"

#include <QRandomGenerator>
#include <QUdpSocket>
#include <QtEndian>

namespace {
constexpr quint16 TypeA = 1;
constexpr quint16 TypeNs = 2;
constexpr quint16 TypeAaaa = 28;

void appendUint16(QByteArray &data, quint16 value)
{
    data.append(char(value >> 8));
    data.append(char(value & 0xff));
}

quint16 readUint16(const QByteArray &data, int offset)
{
    return quint16((quint8(data.at(offset)) << 8) | quint8(data.at(offset + 1)));
}

// Skips an encoded name; returns the offset after it, or -1.
int skipName(const QByteArray &data, int offset)
{
    while (offset < data.size()) {
        const quint8 length = quint8(data.at(offset));
        if ((length & 0xc0) == 0xc0)
            return offset + 2 <= data.size() ? offset + 2 : -1;
        if (length == 0)
            return offset + 1;
        offset += 1 + length;
    }
    return -1;
}
} // namespace

DnsClient::DnsClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QUdpSocket(this))
{
    connect(m_socket, &QUdpSocket::readyRead, this, &DnsClient::readReplies);
    connect(m_socket, &QUdpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        finish(error == QAbstractSocket::ConnectionRefusedError ? Error::Unreachable : Error::ServerFailure,
               -1);
    });
}

QByteArray DnsClient::query(quint16 id, const QString &name, quint16 type)
{
    QByteArray data;
    appendUint16(data, id);
    appendUint16(data, 0x0100); // standard query, recursion desired
    appendUint16(data, 1); // one question
    appendUint16(data, 0);
    appendUint16(data, 0);
    appendUint16(data, 0);
    const QStringList labels = name.split(QLatin1Char('.'), Qt::SkipEmptyParts);
    for (const QString &label : labels) {
        const QByteArray ascii = label.toLatin1().left(63);
        data.append(char(ascii.size()));
        data.append(ascii);
    }
    data.append('\0');
    appendUint16(data, type);
    appendUint16(data, 1); // class IN
    return data;
}

int DnsClient::parseReply(const QByteArray &reply, quint16 id, QList<QHostAddress> &addresses)
{
    if (reply.size() < 12 || readUint16(reply, 0) != id)
        return -1;
    const quint16 flags = readUint16(reply, 2);
    if (!(flags & 0x8000))
        return -1; // not a response
    const int questions = readUint16(reply, 4);
    const int answers = readUint16(reply, 6);
    int offset = 12;
    for (int i = 0; i < questions; ++i) {
        offset = skipName(reply, offset);
        if (offset < 0 || offset + 4 > reply.size())
            return -1;
        offset += 4;
    }
    for (int i = 0; i < answers; ++i) {
        offset = skipName(reply, offset);
        if (offset < 0 || offset + 10 > reply.size())
            return -1;
        const quint16 type = readUint16(reply, offset);
        const int length = readUint16(reply, offset + 8);
        offset += 10;
        if (offset + length > reply.size())
            return -1;
        if (type == TypeA && length == 4) {
            addresses.append(QHostAddress(qFromBigEndian<quint32>(reply.constData() + offset)));
        } else if (type == TypeAaaa && length == 16) {
            addresses.append(QHostAddress(reinterpret_cast<const quint8 *>(reply.constData() + offset)));
        }
        offset += length;
    }
    return flags & 0xf;
}

void DnsClient::lookup(const QString &name, const QHostAddress &server, quint16 port)
{
    m_probe = false;
    const quint16 idA = quint16(QRandomGenerator::global()->generate());
    const quint16 idAaaa = quint16(idA + 1);
    m_pendingIds = {idA, idAaaa};
    send(server, port, {query(idA, name, TypeA), query(idAaaa, name, TypeAaaa)});
}

void DnsClient::probe(const QHostAddress &server, quint16 port)
{
    m_probe = true;
    const quint16 id = quint16(QRandomGenerator::global()->generate());
    m_pendingIds = {id};
    send(server, port, {query(id, QString(), TypeNs)});
}

void DnsClient::send(const QHostAddress &server, quint16 port, const QList<QByteArray> &queries)
{
    m_socket->connectToHost(server, port);
    for (const QByteArray &datagram : queries)
        m_socket->write(datagram);
}

void DnsClient::readReplies()
{
    if (!m_done && UdpRefusal::isRefused(m_socket)) {
        finish(Error::Unreachable, -1);
        return;
    }
    while (!m_done && m_socket->hasPendingDatagrams()) {
        QByteArray datagram(int(qMax<qint64>(m_socket->pendingDatagramSize(), 0)), '\0');
        const qint64 size = m_socket->readDatagram(datagram.data(), datagram.size());
        if (size < 0)
            continue;
        datagram.truncate(int(size));
        for (qsizetype i = 0; i < m_pendingIds.size(); ++i) {
            const int rcode = parseReply(datagram, m_pendingIds.at(i), m_addresses);
            if (rcode < 0)
                continue;
            m_pendingIds.removeAt(i);
            m_lastRcode = qMax(m_lastRcode, rcode);
            if (m_probe) {
                finish(Error::None, rcode);
                return;
            }
            break;
        }
        if (m_pendingIds.isEmpty()) {
            if (!m_addresses.isEmpty())
                finish(Error::None, 0);
            else if (m_lastRcode == 3)
                finish(Error::NoSuchName, m_lastRcode);
            else if (m_lastRcode == 5)
                finish(Error::Refused, m_lastRcode);
            else if (m_lastRcode != 0)
                finish(Error::ServerFailure, m_lastRcode);
            else
                finish(Error::NoAddress, m_lastRcode);
        }
    }
}

void DnsClient::finish(Error error, int rcode)
{
    if (m_done)
        return;
    m_done = true;
    m_socket->abort();
    emit finished(m_addresses, error, rcode);
}
