#include "tcpprobe.h"

#include "core/tester/probe/nativeconnect.h"
#include "core/tester/probe/resolver.h"

#include <QSocketNotifier>
#include <QSslSocket>

namespace {
constexpr int PendingErrorPollMs = 20;
}

TcpProbe::TcpProbe(Peer peer, ProbeContext *context, QObject *parent)
    : Probe(peer == Peer::Destination ? Stage::Tcp : Stage::Proxy, context, parent)
    , m_peer(peer)
{
    m_attemptTimer.setSingleShot(true);
    m_attemptTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_attemptTimer, &QTimer::timeout, this, &TcpProbe::onAttemptTimeout);
    // An ICMP error kept as a "soft" error wakes nobody: look for it while connecting.
    m_pendingErrorPoll.setInterval(PendingErrorPollMs);
    connect(&m_pendingErrorPoll, &QTimer::timeout, this, &TcpProbe::pollPendingError);
}

TcpProbe::~TcpProbe()
{
    NativeConnect::close(m_nativeSocket);
}

quint16 TcpProbe::port() const
{
    return quint16(isDirect() ? target().port : context().proxy->port);
}

QString TcpProbe::where() const
{
    return tr("%1 port %2").arg(m_addresses.value(m_addressIndex).toString()).arg(port());
}

void TcpProbe::start()
{
    m_stageClock.start();
    QSslSocket *socket = context().socket;
    connect(socket, &QSslSocket::connected, this, &TcpProbe::onConnected);
    connect(socket, &QSslSocket::errorOccurred, this, &TcpProbe::onSocketError);
    if (isDirect()) {
        m_addresses = context().addresses;
        connectNext();
        return;
    }
    m_proxyResolver = new Resolver(context().proxy->host, Resolver::Use::Proxy, &context(), this);
    connect(m_proxyResolver, &Probe::finished, this, [this] {
        if (m_proxyResolver->outcome().status == CheckStage::Status::Failed) {
            fail(Verdict::ProxyRefused,
                 tr("Cannot resolve the proxy %1: %2")
                         .arg(context().proxy->host, m_proxyResolver->outcome().detail));
            return;
        }
        m_addresses = m_proxyResolver->addresses();
        connectNext();
    });
    m_proxyResolver->start();
}

void TcpProbe::stop()
{
    m_attemptTimer.stop();
    closeNative();
    if (m_proxyResolver)
        m_proxyResolver->cancel();
    context().socket->disconnect(this);
}

void TcpProbe::connectNext()
{
    const QHostAddress address = m_addresses.at(m_addressIndex);
    m_attemptClock.start();
    if (isDirect() && m_addressIndex + 1 < m_addresses.size()) {
        // Several addresses (dual stack): each gets its share of what is left of the stage.
        const qint64 left = qMax<qint64>(0, timeoutMs() - m_stageClock.elapsed());
        m_attemptTimer.start(int(left / (m_addresses.size() - m_addressIndex)));
    } else {
        m_attemptTimer.stop();
    }
    if (!isDirect() || !NativeConnect::isSupported()) {
        context().socket->connectToHost(address, port());
        return;
    }
    // Direct: connect natively, so that an ICMP rejection kept as a pending error is seen.
    int error = 0;
    m_nativeSocket = NativeConnect::start(address, port(), &error);
    if (m_nativeSocket < 0) {
        // Called from its own caller's loop: report on the next turn of the event loop.
        QMetaObject::invokeMethod(
                this, [this, error] { failNative(error); }, Qt::QueuedConnection);
        return;
    }
    m_connectNotifier = new QSocketNotifier(m_nativeSocket, QSocketNotifier::Write, this);
    connect(m_connectNotifier, &QSocketNotifier::activated, this, &TcpProbe::pollPendingError);
    m_pendingErrorPoll.start();
}

void TcpProbe::closeNative()
{
    m_pendingErrorPoll.stop();
    if (m_connectNotifier) {
        // Possibly inside its own activated(): not deleted at once.
        m_connectNotifier->setEnabled(false);
        m_connectNotifier->deleteLater();
        m_connectNotifier = nullptr;
    }
    NativeConnect::close(m_nativeSocket);
    m_nativeSocket = -1;
}

void TcpProbe::failAttempt(Verdict::Value verdict, const QString &detail)
{
    closeNative();
    noteAttempt(detail);
    if (m_addressIndex + 1 < m_addresses.size()) {
        context().socket->abort();
        ++m_addressIndex;
        connectNext();
        return;
    }
    fail(verdict, attemptsText());
}

void TcpProbe::failNative(int error)
{
    if (isFinished())
        return;
    const QString text = NativeConnect::errorText(error);
    if (NativeConnect::isRefused(error))
        failAttempt(Verdict::Refused,
                    tr("%1: refused with a TCP reset (nothing listens there, or a firewall resets the "
                       "connection)")
                            .arg(where()));
    else if (NativeConnect::isFiltered(error))
        failAttempt(
                Verdict::Filtered,
                tr("%1: rejected with an ICMP error (%2): a firewall or router said no").arg(where(), text));
    else
        failAttempt(Verdict::Refused, tr("%1: %2").arg(where(), text));
}

void TcpProbe::pollPendingError()
{
    if (isFinished() || m_nativeSocket < 0) {
        closeNative();
        return;
    }
    const int error = NativeConnect::pendingError(m_nativeSocket);
    if (error != 0) {
        failNative(error);
        return;
    }
    if (!NativeConnect::isConnected(m_nativeSocket))
        return;
    // Connected: the socket is Qt's from here on (TLS, HTTP).
    const qintptr descriptor = m_nativeSocket;
    m_nativeSocket = -1;
    closeNative();
    if (!context().socket->setSocketDescriptor(descriptor, QAbstractSocket::ConnectedState)) {
        NativeConnect::close(descriptor);
        failAttempt(Verdict::Refused, context().socket->errorString());
        return;
    }
    onConnected();
}

void TcpProbe::onAttemptTimeout()
{
    if (isFinished())
        return;
    noteAttempt(tr("%1 port %2: no answer within %3 ms")
                        .arg(m_addresses.value(m_addressIndex).toString())
                        .arg(port())
                        .arg(m_attemptClock.elapsed()));
    closeNative();
    context().socket->abort();
    ++m_addressIndex;
    connectNext();
}

void TcpProbe::noteAttempt(const QString &detail)
{
    m_attemptTimer.stop();
    result().connectAttempts.append(detail);
}

QString TcpProbe::attemptsText() const
{
    return context().result->connectAttempts.join(QStringLiteral("; "));
}

void TcpProbe::onConnected()
{
    if (isFinished())
        return;
    m_pendingErrorPoll.stop();
    if (!isDirect()) {
        pass(tr("Connected to the proxy %1").arg(context().proxy->displayName()));
        return;
    }
    const QHostAddress address = m_addresses.value(m_addressIndex);
    result().connectedAddress = address.toString();
    noteAttempt(tr("%1 port %2: connected in %3 ms")
                        .arg(address.toString())
                        .arg(port())
                        .arg(m_attemptClock.elapsed()));
    const int attempts = int(result().connectAttempts.size());
    if (attempts == 1)
        pass(tr("Connected to %1 port %2").arg(address.toString()).arg(target().port));
    else
        pass(tr("Connected after trying %n addresses: %1", nullptr, attempts).arg(attemptsText()));
}

void TcpProbe::onSocketError()
{
    if (isFinished())
        return;
    QSslSocket *socket = context().socket;
    const QAbstractSocket::SocketError error = socket->error();
    const QString text = socket->errorString();
    if (!isDirect()) {
        if (error != QAbstractSocket::ConnectionRefusedError && m_addressIndex + 1 < m_addresses.size()) {
            ++m_addressIndex;
            connectNext();
            return;
        }
        fail(Verdict::ProxyRefused,
             tr("Cannot connect to the proxy %1: %2").arg(context().proxy->displayName(), text));
        return;
    }
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        failAttempt(Verdict::Refused,
                    tr("%1: refused with a TCP reset (nothing listens there, or a firewall resets the "
                       "connection)")
                            .arg(where()));
        return;
    case QAbstractSocket::NetworkError:
        // EHOSTUNREACH / ENETUNREACH: an ICMP error came back (admin-prohibited, host or network
        // unreachable).
        failAttempt(
                Verdict::Filtered,
                tr("%1: rejected with an ICMP error (%2): a firewall or router said no").arg(where(), text));
        return;
    case QAbstractSocket::SocketAccessError:
        failAttempt(
                Verdict::Filtered,
                tr("%1: this machine does not allow the connection (%2): a local firewall rule rejects it")
                        .arg(where(), text));
        return;
    case QAbstractSocket::SocketTimeoutError:
        failAttempt(Verdict::Timeout, tr("%1: %2").arg(where(), text));
        return;
    default:
        failAttempt(Verdict::Refused, tr("%1: %2").arg(where(), text));
        return;
    }
}

void TcpProbe::timeOut()
{
    if (isFinished())
        return;
    if (!isDirect()) {
        fail(Verdict::ProxyRefused,
             tr("The proxy %1 did not answer within %2 s").arg(context().proxy->displayName(), waitedText()));
        return;
    }
    if (m_addresses.size() > 1) {
        noteAttempt(tr("%1 port %2: no answer within %3 ms")
                            .arg(m_addresses.value(m_addressIndex).toString())
                            .arg(port())
                            .arg(m_attemptClock.elapsed()));
        fail(Verdict::Timeout, tr("No address answered within %1 s: %2").arg(waitedText(), attemptsText()));
        return;
    }
    fail(Verdict::Timeout,
         tr("No answer to the connection request within %1 s: dropped on the way").arg(waitedText()));
}
