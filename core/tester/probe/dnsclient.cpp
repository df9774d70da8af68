#include "dnsclient.h"

#include "core/tester/probe/udprefusal.h"

#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUdpSocket>
#include <QtEndian>

namespace {
constexpr quint16 TypeA = 1;
constexpr quint16 TypeNs = 2;
constexpr quint16 TypeCname = 5;
constexpr quint16 TypeAaaa = 28;
constexpr quint16 ClassIn = 1;
constexpr quint16 FlagResponse = 0x8000;
constexpr quint16 FlagTruncated = 0x0200;
constexpr int HeaderSize = 12;
constexpr int MaxNameLength = 255;
constexpr int MaxCnames = 16;
constexpr qint64 MaxDatagramSize = 65535;
// Messages over TCP that were no valid reply before the connection is given up.
constexpr int MaxRejectedTcpMessages = 16;

void appendUint16(QByteArray &data, quint16 value)
{
    data.append(char(value >> 8));
    data.append(char(value & 0xff));
}

quint16 readUint16(const QByteArray &data, int offset)
{
    return quint16((quint8(data.at(offset)) << 8) | quint8(data.at(offset + 1)));
}

// Reads the (possibly compressed) name at offset into name, lower case, labels joined by dots;
// *end is the offset after the name in its record. False when the name is malformed: outside
// the datagram, a reserved label type, longer than 255 bytes, or a compression pointer that
// does not point strictly before the previous one (which also rules out every loop).
bool readName(const QByteArray &data, int offset, int *end, QByteArray *name)
{
    name->clear();
    int pos = offset;
    int limit = offset; // a pointer must point below this
    int length = 0;
    bool jumped = false;
    for (;;) {
        if (pos >= data.size())
            return false;
        const quint8 byte = quint8(data.at(pos));
        if ((byte & 0xc0) == 0xc0) {
            if (pos + 1 >= data.size())
                return false;
            const int target = ((byte & 0x3f) << 8) | quint8(data.at(pos + 1));
            if (!jumped)
                *end = pos + 2;
            if (target >= limit)
                return false;
            limit = target;
            pos = target;
            jumped = true;
            continue;
        }
        if (byte & 0xc0)
            return false; // 0x40 and 0x80: extended or reserved label types
        if (byte == 0) {
            if (!jumped)
                *end = pos + 1;
            return true;
        }
        length += byte + 1;
        if (length > MaxNameLength || pos + 1 + byte > data.size())
            return false;
        if (!name->isEmpty())
            name->append('.');
        name->append(data.mid(pos + 1, byte).toLower());
        pos += 1 + byte;
    }
}

struct Question
{
    QByteArray name;
    quint16 type = 0;
    quint16 klass = 0;
};

// The single question of a message; *end is the offset after it.
std::optional<Question> readQuestion(const QByteArray &data, int *end)
{
    if (data.size() < HeaderSize || readUint16(data, 4) != 1)
        return std::nullopt;
    Question question;
    int offset = HeaderSize;
    if (!readName(data, offset, &offset, &question.name) || offset + 4 > data.size())
        return std::nullopt;
    question.type = readUint16(data, offset);
    question.klass = readUint16(data, offset + 2);
    *end = offset + 4;
    return question;
}
} // namespace

DnsClient::DnsClient(QObject *parent)
    : QObject(parent)
    , m_socket(new QUdpSocket(this))
{
    m_readAgain.setSingleShot(true);
    m_readAgain.setInterval(0);
    connect(&m_readAgain, &QTimer::timeout, this, [this] {
        readReplies();
        if (m_tcp && !m_done)
            readTcp();
    });
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
    appendUint16(data, ClassIn);
    return data;
}

QByteArray DnsClient::tcpProbeQuery(quint16 id)
{
    const QByteArray message = query(id, QString(), TypeNs);
    QByteArray framed;
    appendUint16(framed, quint16(message.size()));
    return framed + message;
}

std::optional<DnsClient::Reply> DnsClient::parseReply(const QByteArray &reply, const QByteArray &query)
{
    if (reply.size() < HeaderSize || query.size() < HeaderSize
        || readUint16(reply, 0) != readUint16(query, 0))
        return std::nullopt;
    const quint16 flags = readUint16(reply, 2);
    if (!(flags & FlagResponse) || ((flags >> 11) & 0xf) != 0)
        return std::nullopt; // not a response, or not to a standard query
    int queryEnd = 0;
    int offset = 0;
    const auto asked = readQuestion(query, &queryEnd);
    const auto answered = readQuestion(reply, &offset);
    if (!asked || !answered || answered->name != asked->name || answered->type != asked->type
        || answered->klass != asked->klass)
        return std::nullopt; // a reply to another question
    Reply result;
    result.rcode = flags & 0xf;
    result.truncated = flags & FlagTruncated;

    // Every record of every section must lie inside the datagram, and nothing may follow them.
    const int answers = readUint16(reply, 6);
    const int records = answers + readUint16(reply, 8) + readUint16(reply, 10);
    QList<QByteArray> owners{asked->name}; // the asked name and its CNAME targets
    QByteArray owner;
    QByteArray target;
    for (int i = 0; i < records; ++i) {
        if (!readName(reply, offset, &offset, &owner) || offset + 10 > reply.size())
            return std::nullopt;
        const quint16 type = readUint16(reply, offset);
        const quint16 klass = readUint16(reply, offset + 2);
        const int length = readUint16(reply, offset + 8);
        const int data = offset + 10;
        offset = data + length;
        if (offset > reply.size())
            return std::nullopt;
        if (i >= answers || klass != ClassIn)
            continue;
        switch (type) {
        case TypeA:
        case TypeAaaa: {
            if (length != (type == TypeA ? 4 : 16))
                return std::nullopt;
            if (!owners.contains(owner) || result.addresses.size() >= MaxAddresses)
                break;
            const QHostAddress address = type == TypeA
                    ? QHostAddress(qFromBigEndian<quint32>(reply.constData() + data))
                    : QHostAddress(reinterpret_cast<const quint8 *>(reply.constData() + data));
            if (!result.addresses.contains(address))
                result.addresses.append(address);
            break;
        }
        case TypeCname: {
            int end = 0;
            if (!readName(reply, data, &end, &target) || end != offset)
                return std::nullopt;
            if (owners.contains(owner) && !owners.contains(target) && owners.size() <= MaxCnames) {
                owners.append(target);
                result.cnames.append(QString::fromLatin1(target));
            }
            break;
        }
        default:
            break;
        }
    }
    if (offset != reply.size())
        return std::nullopt;
    return result;
}

void DnsClient::lookup(const QString &name, const QHostAddress &server, quint16 port)
{
    m_probe = false;
    const quint16 idA = quint16(QRandomGenerator::global()->generate());
    const quint16 idAaaa = quint16(idA + 1);
    m_pending = {{idA, query(idA, name, TypeA)}, {idAaaa, query(idAaaa, name, TypeAaaa)}};
    send(server, port);
}

void DnsClient::probe(const QHostAddress &server, quint16 port)
{
    m_probe = true;
    const quint16 id = quint16(QRandomGenerator::global()->generate());
    m_pending = {{id, query(id, QString(), TypeNs)}};
    send(server, port);
}

void DnsClient::send(const QHostAddress &server, quint16 port)
{
    m_server = server;
    m_port = port;
    m_addresses.clear();
    m_cnameChain.clear();
    m_overTcp.clear();
    m_lastRcode = -1;
    m_rejected = 0;
    m_truncated = false;
    m_socket->connectToHost(server, port);
    for (const QByteArray &datagram : std::as_const(m_pending))
        m_socket->write(datagram);
}

void DnsClient::readReplies()
{
    if (m_done)
        return;
    if (UdpRefusal::isRefused(m_socket)) {
        finish(Error::Unreachable, -1);
        return;
    }
    // A bounded batch, then back to the event loop: timers (the stage timeout) and other
    // sockets run even while a server floods this one.
    for (int i = 0; i < MaxDatagramsPerTurn && !m_done && m_socket->hasPendingDatagrams(); ++i) {
        const qint64 pending = qBound<qint64>(0, m_socket->pendingDatagramSize(), MaxDatagramSize);
        QByteArray datagram(int(pending), '\0');
        const qint64 size = m_socket->readDatagram(datagram.data(), datagram.size());
        if (size < 0)
            continue;
        datagram.truncate(int(size));
        handleDatagram(datagram);
    }
    if (!m_done && m_socket->hasPendingDatagrams())
        m_readAgain.start();
}

DnsClient::Error DnsClient::probeError(const Reply &reply)
{
    if (reply.rcode == 5)
        return Error::Refused;
    if (reply.rcode == 2)
        return Error::ServerFailure;
    return reply.truncated ? Error::Truncated : Error::None;
}

void DnsClient::handleDatagram(const QByteArray &datagram, bool overTcp)
{
    const auto pending =
            datagram.size() >= 2 ? m_pending.constFind(readUint16(datagram, 0)) : m_pending.cend();
    const auto reply = pending != m_pending.cend() ? parseReply(datagram, *pending) : std::nullopt;
    if (!reply) {
        ++m_rejected;
        return;
    }
    if (reply->truncated && !overTcp && reply->rcode == 0) {
        // Incomplete: none of its answers are taken; the same question goes again over TCP.
        // (A truncated error reply is final: its response code says all.)
        retryOverTcp(pending.key());
        return;
    }
    m_pending.erase(pending);
    if (m_probe) {
        finish(probeError(*reply), reply->rcode);
        return;
    }
    if (m_cnameChain.isEmpty() && reply->rcode == 0 && !reply->truncated)
        m_cnameChain = reply->cnames;
    m_lastRcode = qMax(m_lastRcode, reply->rcode);
    if (reply->truncated) {
        m_truncated = true; // truncated even over TCP: nothing of it is taken
    } else if (reply->rcode == 0) {
        for (const QHostAddress &address : reply->addresses) {
            if (m_addresses.size() < MaxAddresses && !m_addresses.contains(address))
                m_addresses.append(address);
        }
    }
    finishLookupWhenAnswered();
}

void DnsClient::finishLookupWhenAnswered()
{
    if (!m_pending.isEmpty())
        return;
    if (!m_addresses.isEmpty())
        finish(Error::None, 0);
    else if (m_truncated)
        finish(Error::Truncated, m_lastRcode);
    else if (m_lastRcode == 3)
        finish(Error::NoSuchName, m_lastRcode);
    else if (m_lastRcode == 5)
        finish(Error::Refused, m_lastRcode);
    else if (m_lastRcode != 0)
        finish(Error::ServerFailure, m_lastRcode);
    else
        finish(Error::NoAddress, m_lastRcode);
}

void DnsClient::retryOverTcp(quint16 id)
{
    m_overTcp.insert(id);
    QByteArray message;
    appendUint16(message, quint16(m_pending.value(id).size()));
    message += m_pending.value(id);
    if (m_tcp && m_tcp->state() == QAbstractSocket::ConnectedState) {
        m_tcp->write(message);
        return;
    }
    m_tcpQueue.append(message);
    if (m_tcp)
        return;
    m_tcp = new QTcpSocket(this);
    m_tcp->setProxy(QNetworkProxy::NoProxy);
    connect(m_tcp, &QTcpSocket::connected, this, [this] {
        for (const QByteArray &queued : std::as_const(m_tcpQueue))
            m_tcp->write(queued);
        m_tcpQueue.clear();
    });
    connect(m_tcp, &QTcpSocket::readyRead, this, &DnsClient::readTcp);
    connect(m_tcp, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        if (m_done)
            return;
        // The UDP answers were truncated and TCP cannot complete them: they stay incomplete.
        if (m_probe) {
            finish(Error::Truncated, 0);
            return;
        }
        for (const quint16 id : std::as_const(m_overTcp))
            m_pending.remove(id);
        m_truncated = true;
        m_lastRcode = qMax(m_lastRcode, 0);
        finishLookupWhenAnswered();
    });
    m_tcp->connectToHost(m_server, m_port);
}

void DnsClient::readTcp()
{
    // Each message is prefixed by its length (two bytes), so one is at most 65,537 bytes.
    m_tcpBuffer += m_tcp->read(2 + MaxDatagramSize - m_tcpBuffer.size());
    while (!m_done && m_tcpBuffer.size() >= 2) {
        const int length = readUint16(m_tcpBuffer, 0);
        if (m_tcpBuffer.size() < 2 + length)
            break;
        const QByteArray message = m_tcpBuffer.mid(2, length);
        m_tcpBuffer.remove(0, 2 + length);
        handleDatagram(message, true);
        if (m_rejected > MaxRejectedTcpMessages) {
            finish(Error::ServerFailure, -1);
            return;
        }
    }
    if (!m_done && m_tcp->bytesAvailable() > 0)
        m_readAgain.start();
}

void DnsClient::finish(Error error, int rcode)
{
    if (m_done)
        return;
    m_done = true;
    m_readAgain.stop();
    m_socket->abort();
    if (m_tcp)
        m_tcp->abort();
    emit finished(m_addresses, error, rcode);
}
