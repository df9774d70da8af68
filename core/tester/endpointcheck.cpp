#include "endpointcheck.h"

#include "core/tester/dnsclient.h"
#include "core/tester/httpresponse.h"
#include "core/tester/nativeconnect.h"
#include "core/tester/ntppacket.h"
#include "core/tester/proxyreply.h"
#include "core/tester/resulttext.h"
#include "core/tester/udprefusal.h"

#include "core/catalog/networksyntax.h"

#include <QDateTime>
#include <QHostInfo>
#include <QNetworkProxy>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QUdpSocket>
#include <QUrl>

#include <cmath>

namespace {

constexpr int MaxReplyHeader = 16 * 1024;
constexpr int MaxDnsTcpMessage = 2 + 65535; // the length prefix bounds a DNS message over TCP
constexpr int PendingErrorPollMs = 20;

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLSv1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLSv1.3");
    case QSsl::DtlsV1_2:
        return QStringLiteral("DTLSv1.2");
    default:
        return QStringLiteral("TLS");
    }
}

QString addressText(const QHostAddress &address)
{
    return address.toString();
}

QStringList addressTexts(const QList<QHostAddress> &addresses)
{
    QStringList texts;
    for (const QHostAddress &address : addresses)
        texts.append(addressText(address));
    return texts;
}

QString hostForUrl(const QString &host)
{
    return host.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(host) : host;
}

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3);
}

} // namespace

EndpointCheck::EndpointCheck(const CheckTarget &target, const TesterOptions &options, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_options(options)
{
    m_stageTimer.setSingleShot(true);
    // A coarse timer may fire up to 5% early: a stage must get its whole timeout.
    m_stageTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_stageTimer, &QTimer::timeout, this, &EndpointCheck::onStageTimeout);
    // An ICMP error kept as a "soft" error wakes nobody: look for it while connecting.
    m_pendingErrorPoll.setInterval(PendingErrorPollMs);
    connect(&m_pendingErrorPoll, &QTimer::timeout, this, &EndpointCheck::pollPendingError);
    m_attemptTimer.setSingleShot(true);
    m_attemptTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_attemptTimer, &QTimer::timeout, this, &EndpointCheck::onAttemptTimeout);
    m_udpReadAgain.setSingleShot(true);
    m_udpReadAgain.setInterval(0);
    connect(&m_udpReadAgain, &QTimer::timeout, this, &EndpointCheck::onUdpReadyRead);

    m_result = CheckResult::forTarget(target);
}

EndpointCheck::~EndpointCheck()
{
    if (m_hostLookupId >= 0)
        QHostInfo::abortHostLookup(m_hostLookupId);
    NativeConnect::close(m_nativeSocket);
}

void EndpointCheck::start()
{
    m_total.start();
    if (m_target.isSkipped()) {
        finish(Verdict::Skipped, m_target.skipReason);
        return;
    }
    if (m_target.isUdp()) {
        addStage(QStringLiteral("dns"));
        addStage(m_target.kind == CheckTarget::Kind::Ntp           ? QStringLiteral("ntp")
                         : m_target.kind == CheckTarget::Kind::Dns ? QStringLiteral("dns-query")
                                                                   : QStringLiteral("udp-send"));
        startUdp();
        return;
    }
    const QString scheme =
            m_target.kind == CheckTarget::Kind::Http ? QStringLiteral("http") : QStringLiteral("https");
    // DNS goes to the site's own server, never through a web proxy.
    if (m_target.kind != CheckTarget::Kind::DnsTcp)
        m_proxy = m_options.proxy.proxyFor(scheme, m_target.host, m_target.port);
    if (m_proxy) {
        m_result.proxy = m_proxy->displayName();
        addStage(QStringLiteral("proxy"));
        if (m_target.kind != CheckTarget::Kind::Http)
            addStage(QStringLiteral("tunnel"));
    } else {
        addStage(QStringLiteral("dns"));
        addStage(QStringLiteral("tcp"));
    }
    if (m_target.usesTls())
        addStage(QStringLiteral("tls"));
    if (m_target.usesHttp())
        addStage(QStringLiteral("http"));
    if (m_target.kind == CheckTarget::Kind::DnsTcp)
        addStage(QStringLiteral("dns-query"));
    startTcp();
}

void EndpointCheck::cancel()
{
    if (m_done)
        return;
    blockSignals(true);
    finish(Verdict::Cancelled, tr("Cancelled while it ran"));
}

void EndpointCheck::addStage(const QString &name)
{
    CheckStage stage;
    stage.name = name;
    m_result.stages.append(stage);
}

void EndpointCheck::beginStage(const QString &name, Step step, int timeoutMs)
{
    m_step = step;
    m_stageIndex = -1;
    for (int i = 0; i < m_result.stages.size(); ++i) {
        if (m_result.stages.at(i).name == name)
            m_stageIndex = i;
    }
    if (m_stageIndex < 0) {
        addStage(name);
        m_stageIndex = int(m_result.stages.size()) - 1;
    }
    m_stageClock.start();
    m_stageTimer.start(timeoutMs >= 0 ? timeoutMs : m_options.stageTimeoutMs);
}

void EndpointCheck::passStage(const QString &detail)
{
    m_stageTimer.stop();
    if (m_stageIndex < 0)
        return;
    CheckStage &stage = m_result.stages[m_stageIndex];
    stage.status = CheckStage::Status::Passed;
    stage.durationMs = m_stageClock.elapsed();
    stage.detail = detail;
    m_stageIndex = -1;
}

void EndpointCheck::failStage(Verdict::Value verdict, const QString &detail)
{
    m_stageTimer.stop();
    if (m_stageIndex >= 0) {
        CheckStage &stage = m_result.stages[m_stageIndex];
        stage.status = CheckStage::Status::Failed;
        stage.durationMs = m_stageClock.elapsed();
        stage.detail = detail;
        m_stageIndex = -1;
    }
    finish(verdict, detail);
}

void EndpointCheck::finish(Verdict::Value verdict, const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    m_step = Step::Done;
    m_stageTimer.stop();
    m_attemptTimer.stop();
    closeNative();
    if (m_stageIndex >= 0) {
        // Interrupted (cancelled): the stage ran but did not pass.
        CheckStage &stage = m_result.stages[m_stageIndex];
        stage.status = CheckStage::Status::Failed;
        stage.durationMs = m_stageClock.elapsed();
        stage.detail = reason;
        m_stageIndex = -1;
    }
    if (m_hostLookupId >= 0) {
        QHostInfo::abortHostLookup(m_hostLookupId);
        m_hostLookupId = -1;
    }
    if (m_socket)
        m_socket->abort();
    if (m_udp)
        m_udp->abort();
    if (m_dns) {
        m_dns->disconnect(this);
        m_dns->deleteLater();
        m_dns = nullptr;
    }
    m_result.verdict = verdict;
    m_result.reason = reason;
    m_result.hint = ResultText::hint(m_result);
    m_result.durationMs = m_total.isValid() ? m_total.elapsed() : 0;
    emit finished();
}

std::optional<QString> EndpointCheck::refuseNonLoopback(const QList<QHostAddress> &addresses) const
{
    if (!m_options.allowOnlyLoopback)
        return std::nullopt;
    for (const QHostAddress &address : addresses) {
        if (!TesterOptions::isLoopback(address)) {
            qWarning("portolan tester: refusing non-loopback address %s (loopback-only mode)",
                     qPrintable(address.toString()));
            return tr("Refused to contact %1: only loopback addresses are allowed").arg(address.toString());
        }
    }
    return std::nullopt;
}

void EndpointCheck::resolve(const QString &host, const AddressesHandler &done, const FailureHandler &failed)
{
    if (const auto literal = NetworkSyntax::parseAddress(host)) {
        if (const auto refusal = refuseNonLoopback({*literal})) {
            failed(*refusal);
            return;
        }
        done({*literal}, {});
        return;
    }
    const QString name = host.toLower();
    const auto override = m_options.resolveOverrides.constFind(name);
    if (override != m_options.resolveOverrides.cend()) {
        if (const auto refusal = refuseNonLoopback(*override)) {
            failed(*refusal);
            return;
        }
        done(*override,
             tr("%1 (given with --resolve)").arg(addressTexts(*override).join(QStringLiteral(", "))));
        return;
    }
    if (m_options.dnsServer) {
        const TesterOptions::DnsServer server = *m_options.dnsServer;
        if (const auto refusal = refuseNonLoopback({server.address})) {
            failed(*refusal);
            return;
        }
        m_dns = new DnsClient(this);
        connect(m_dns, &DnsClient::finished, this,
                [this, done, failed, server, name](const QList<QHostAddress> &addresses,
                                                   DnsClient::Error error, int) {
                    const QStringList cnames = m_dns->cnameChain();
                    const bool overTcp = m_dns->retriedOverTcp();
                    m_dns->deleteLater();
                    m_dns = nullptr;
                    switch (error) {
                    case DnsClient::Error::None: {
                        if (const auto refusal = refuseNonLoopback(addresses)) {
                            failed(*refusal);
                            return;
                        }
                        if (name == m_target.host)
                            m_result.cnames = cnames;
                        QString detail = tr("%1 (from DNS server %2)")
                                                 .arg(addressTexts(addresses).join(QStringLiteral(", ")),
                                                      server.address.toString());
                        if (!cnames.isEmpty())
                            detail += QLatin1String("; ")
                                    + tr("%1 is an alias: %2")
                                              .arg(name,
                                                   (QStringList{name} + cnames).join(QStringLiteral(" > ")));
                        if (overTcp)
                            detail += QLatin1String("; ")
                                    + tr("the UDP reply was truncated, asked again over TCP");
                        done(addresses, detail);
                        return;
                    }
                    case DnsClient::Error::NoSuchName:
                        failed(tr("No such name (DNS server %1)").arg(server.address.toString()));
                        return;
                    case DnsClient::Error::NoAddress:
                        failed(tr("The name has no address (DNS server %1)").arg(server.address.toString()));
                        return;
                    case DnsClient::Error::Refused:
                        failed(tr("The DNS server %1 refused the query").arg(server.address.toString()));
                        return;
                    case DnsClient::Error::Unreachable:
                        failed(tr("No DNS server at %1 port %2")
                                       .arg(server.address.toString())
                                       .arg(server.port));
                        return;
                    case DnsClient::Error::ServerFailure:
                        failed(tr("The DNS server %1 failed").arg(server.address.toString()));
                        return;
                    case DnsClient::Error::Truncated:
                        failed(tr("The DNS server %1 sent a truncated reply (TC flag) and does not answer "
                                  "over TCP port %2: names with that many records need DNS over TCP")
                                       .arg(server.address.toString())
                                       .arg(server.port));
                        return;
                    }
                });
        m_dns->lookup(name, server.address, server.port);
        return;
    }
    if (m_options.allowOnlyLoopback && name != QLatin1String("localhost")) {
        qWarning("portolan tester: refusing to look up %s with the system resolver (loopback-only mode)",
                 qPrintable(name));
        failed(tr("Refused to look up %1 with the system resolver: only loopback destinations are allowed")
                       .arg(name));
        return;
    }
    m_hostLookupId = QHostInfo::lookupHost(name, this, [this, done, failed](const QHostInfo &info) {
        m_hostLookupId = -1;
        if (m_done)
            return;
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            failed(info.errorString());
            return;
        }
        if (const auto refusal = refuseNonLoopback(info.addresses())) {
            failed(*refusal);
            return;
        }
        done(info.addresses(),
             tr("%1 (system resolver)").arg(addressTexts(info.addresses()).join(QStringLiteral(", "))));
    });
}

// --- TCP: direct or through the proxy -------------------------------------------------------

void EndpointCheck::startTcp()
{
    m_socket = new QSslSocket(this);
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QSslSocket::connected, this, &EndpointCheck::onConnected);
    connect(m_socket, &QSslSocket::errorOccurred, this, &EndpointCheck::onSocketError);
    connect(m_socket, &QSslSocket::readyRead, this, &EndpointCheck::onReadyRead);
    connect(m_socket, &QSslSocket::encrypted, this, &EndpointCheck::onEncrypted);
    connect(m_socket, qOverload<const QList<QSslError> &>(&QSslSocket::sslErrors), this,
            &EndpointCheck::onSslErrors);

    if (m_proxy) {
        beginStage(QStringLiteral("proxy"), Step::ProxyConnect);
        resolve(
                m_proxy->host,
                [this](const QList<QHostAddress> &addresses, const QString &) {
                    m_addresses = addresses;
                    m_addressIndex = 0;
                    connectNext();
                },
                [this](const QString &detail) {
                    failStage(Verdict::ProxyRefused,
                              tr("Cannot resolve the proxy %1: %2").arg(m_proxy->host, detail));
                });
        return;
    }
    beginStage(QStringLiteral("dns"), Step::Resolve);
    resolve(
            m_target.host,
            [this](const QList<QHostAddress> &addresses, const QString &detail) {
                acceptResolution(addresses, detail);
                m_addresses = addresses;
                m_addressIndex = 0;
                beginStage(QStringLiteral("tcp"), Step::Connect);
                connectNext();
            },
            [this](const QString &detail) { failStage(Verdict::DnsFailed, detail); });
}

void EndpointCheck::connectNext()
{
    const QHostAddress address = m_addresses.at(m_addressIndex);
    m_attemptClock.start();
    if (m_step == Step::Connect && m_addressIndex + 1 < m_addresses.size()) {
        // Several addresses (dual stack): each gets its share of what is left of the stage, so
        // a broken IPv6 path cannot use up the time of the IPv4 address after it.
        const qint64 left = qMax<qint64>(0, m_stageTimer.remainingTime());
        m_attemptTimer.start(int(left / (m_addresses.size() - m_addressIndex)));
    } else {
        m_attemptTimer.stop();
    }
    if (m_step != Step::Connect || !NativeConnect::isSupported()) {
        m_socket->connectToHost(address, quint16(m_proxy ? m_proxy->port : m_target.port));
        return;
    }
    // Direct: connect natively, so that an ICMP rejection kept as a pending error is seen.
    int error = 0;
    m_nativeSocket = NativeConnect::start(address, quint16(m_target.port), &error);
    if (m_nativeSocket < 0) {
        // Called from its own caller's loop: report on the next turn of the event loop.
        QMetaObject::invokeMethod(
                this, [this, error] { failNative(error); }, Qt::QueuedConnection);
        return;
    }
    m_connectNotifier = new QSocketNotifier(m_nativeSocket, QSocketNotifier::Write, this);
    connect(m_connectNotifier, &QSocketNotifier::activated, this, &EndpointCheck::pollPendingError);
    m_pendingErrorPoll.start();
}

void EndpointCheck::closeNative()
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

void EndpointCheck::failAttempt(Verdict::Value verdict, const QString &detail)
{
    closeNative();
    noteAttempt(detail);
    if (m_addressIndex + 1 < m_addresses.size()) {
        m_socket->abort();
        ++m_addressIndex;
        connectNext();
        return;
    }
    failStage(verdict, attemptsText());
}

void EndpointCheck::failNative(int error)
{
    if (m_done || m_step != Step::Connect)
        return;
    const QString where =
            tr("%1 port %2").arg(addressText(m_addresses.value(m_addressIndex))).arg(m_target.port);
    const QString text = NativeConnect::errorText(error);
    if (NativeConnect::isRefused(error))
        failAttempt(Verdict::Refused,
                    tr("%1: refused with a TCP reset (nothing listens there, or a firewall resets the "
                       "connection)")
                            .arg(where));
    else if (NativeConnect::isFiltered(error))
        failAttempt(
                Verdict::Filtered,
                tr("%1: rejected with an ICMP error (%2): a firewall or router said no").arg(where, text));
    else
        failAttempt(Verdict::Refused, tr("%1: %2").arg(where, text));
}

void EndpointCheck::pollPendingError()
{
    if (m_done || m_step != Step::Connect || m_nativeSocket < 0) {
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
    if (!m_socket->setSocketDescriptor(descriptor, QAbstractSocket::ConnectedState)) {
        NativeConnect::close(descriptor);
        failAttempt(Verdict::Refused, m_socket->errorString());
        return;
    }
    onConnected();
}

void EndpointCheck::onAttemptTimeout()
{
    if (m_done || m_step != Step::Connect)
        return;
    noteAttempt(tr("%1 port %2: no answer within %3 ms")
                        .arg(addressText(m_addresses.value(m_addressIndex)))
                        .arg(m_target.port)
                        .arg(m_attemptClock.elapsed()));
    closeNative();
    m_socket->abort();
    ++m_addressIndex;
    connectNext();
}

void EndpointCheck::noteAttempt(const QString &detail)
{
    m_attemptTimer.stop();
    m_result.connectAttempts.append(detail);
}

QString EndpointCheck::attemptsText() const
{
    return m_result.connectAttempts.join(QStringLiteral("; "));
}

void EndpointCheck::onConnected()
{
    m_pendingErrorPoll.stop();
    const QHostAddress address = m_addresses.value(m_addressIndex);
    if (m_step == Step::ProxyConnect) {
        passStage(tr("Connected to the proxy %1").arg(m_proxy->displayName()));
        if (m_target.kind == CheckTarget::Kind::Http)
            startHttp();
        else
            startTunnel();
        return;
    }
    if (m_step != Step::Connect)
        return;
    m_result.connectedAddress = addressText(address);
    const QString connected = tr("%1 port %2: connected in %3 ms")
                                      .arg(addressText(address))
                                      .arg(m_target.port)
                                      .arg(m_attemptClock.elapsed());
    noteAttempt(connected);
    if (m_result.connectAttempts.size() == 1) {
        passStage(tr("Connected to %1 port %2").arg(addressText(address)).arg(m_target.port));
    } else {
        passStage(tr("Connected after trying %n addresses: %1", nullptr, int(m_result.connectAttempts.size()))
                          .arg(attemptsText()));
    }
    if (m_target.usesTls())
        startTls();
    else if (m_target.usesHttp())
        startHttp();
    else if (m_target.kind == CheckTarget::Kind::DnsTcp)
        startDnsOverTcp();
    else
        finish(Verdict::Ok);
}

// --- DNS over TCP ---------------------------------------------------------------------------

void EndpointCheck::startDnsOverTcp()
{
    beginStage(QStringLiteral("dns-query"), Step::DnsQuery);
    m_buffer.clear();
    m_dnsTcpQuery = DnsClient::tcpProbeQuery(quint16(QRandomGenerator::global()->generate()));
    m_socket->write(m_dnsTcpQuery);
}

void EndpointCheck::onDnsTcpReply(bool closed)
{
    // A message is its two-byte length, then that many bytes.
    const int length = m_buffer.size() >= 2 ? (quint8(m_buffer.at(0)) << 8 | quint8(m_buffer.at(1))) : -1;
    // A reply starts with the query's id: anything else (a banner, an HTTP answer) is told at
    // once instead of waiting for a length it never meant.
    const bool otherId = m_buffer.size() >= 4 && m_buffer.mid(2, 2) != m_dnsTcpQuery.mid(2, 2);
    if (!otherId && (length < 0 || m_buffer.size() < 2 + length)) {
        if (closed)
            failStage(Verdict::DnsFailed,
                      tr("TCP connected, then the connection closed without a complete DNS reply (%n bytes)",
                         nullptr, int(m_buffer.size())));
        return;
    }
    const auto reply =
            otherId ? std::nullopt : DnsClient::parseReply(m_buffer.mid(2, length), m_dnsTcpQuery.mid(2));
    if (!reply) {
        failStage(Verdict::DnsFailed,
                  tr("What answers on TCP port %1 sent something that is not a reply to the DNS query")
                          .arg(m_target.port));
        return;
    }
    onDnsProbeFinished(DnsClient::probeError(*reply), reply->rcode);
}

void EndpointCheck::onSocketError()
{
    if (m_done)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    const QString text = m_socket->errorString();
    switch (m_step) {
    case Step::ProxyConnect:
        if (error != QAbstractSocket::ConnectionRefusedError && m_addressIndex + 1 < m_addresses.size()) {
            ++m_addressIndex;
            connectNext();
            return;
        }
        failStage(Verdict::ProxyRefused,
                  tr("Cannot connect to the proxy %1: %2").arg(m_proxy->displayName(), text));
        return;
    case Step::Connect: {
        const QString where =
                tr("%1 port %2").arg(addressText(m_addresses.value(m_addressIndex))).arg(m_target.port);
        switch (error) {
        case QAbstractSocket::ConnectionRefusedError:
            failAttempt(Verdict::Refused,
                        tr("%1: refused with a TCP reset (nothing listens there, or a firewall resets the "
                           "connection)")
                                .arg(where));
            return;
        case QAbstractSocket::NetworkError:
            // EHOSTUNREACH / ENETUNREACH: an ICMP error came back (admin-prohibited, host or
            // network unreachable).
            failAttempt(Verdict::Filtered,
                        tr("%1: rejected with an ICMP error (%2): a firewall or router said no")
                                .arg(where, text));
            return;
        case QAbstractSocket::SocketAccessError:
            failAttempt(Verdict::Filtered,
                        tr("%1: this machine does not allow the connection (%2): a local firewall rule "
                           "rejects it")
                                .arg(where, text));
            return;
        case QAbstractSocket::SocketTimeoutError:
            failAttempt(Verdict::Timeout, tr("%1: %2").arg(where, text));
            return;
        default:
            failAttempt(Verdict::Refused, tr("%1: %2").arg(where, text));
            return;
        }
    }
    case Step::Tunnel:
        if (!m_buffer.isEmpty())
            onTunnelReply();
        if (!m_done)
            failStage(Verdict::ProxyRefused, tr("The proxy closed the connection: %1").arg(text));
        return;
    case Step::Tls:
        if (!m_sslErrorsSeen)
            failStage(Verdict::TlsFailed, text);
        return;
    case Step::Http:
        onHttpReply(true);
        if (!m_done)
            failStage(Verdict::HttpError, tr("The connection closed without an HTTP response: %1").arg(text));
        return;
    case Step::DnsQuery:
        if (m_target.kind == CheckTarget::Kind::DnsTcp) {
            m_buffer.append(m_socket->read(MaxDnsTcpMessage - m_buffer.size()));
            onDnsTcpReply(true);
        }
        return;
    default:
        return;
    }
}

void EndpointCheck::onReadyRead()
{
    if (m_done)
        return;
    if (m_step == Step::DnsQuery && m_target.kind == CheckTarget::Kind::DnsTcp) {
        m_buffer.append(m_socket->read(MaxDnsTcpMessage - m_buffer.size()));
        onDnsTcpReply(false);
        return;
    }
    if (m_step != Step::Tunnel && m_step != Step::Http) {
        return;
    }
    m_buffer.append(m_socket->read(MaxReplyHeader - m_buffer.size() + 1));
    if (m_step == Step::Tunnel)
        onTunnelReply();
    else
        onHttpReply(false);
}

void EndpointCheck::startTunnel()
{
    beginStage(QStringLiteral("tunnel"), Step::Tunnel);
    m_buffer.clear();
    const QByteArray authority =
            QStringLiteral("%1:%2").arg(hostForUrl(m_target.host)).arg(m_target.port).toUtf8();
    QByteArray request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
    const QByteArray authorization = m_proxy->authorization();
    if (!authorization.isEmpty())
        request += "Proxy-Authorization: " + authorization + "\r\n";
    request += "User-Agent: Portolan/" PORTOLAN_VERSION "\r\n\r\n";
    m_socket->write(request);
}

void EndpointCheck::onTunnelReply()
{
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (m_buffer.size() > MaxReplyHeader)
            failStage(Verdict::ProxyRefused, tr("The proxy sent no valid reply to CONNECT"));
        return;
    }
    const QByteArray header = m_buffer.left(end);
    m_buffer.clear();
    const int status = HttpResponse::status(header);
    if (status >= 200 && status < 300) {
        passStage(tr("The proxy connected to %1 port %2 (HTTP %3)")
                          .arg(m_target.host)
                          .arg(m_target.port)
                          .arg(status));
        if (m_target.usesTls())
            startTls();
        else
            finish(Verdict::Ok);
        return;
    }
    m_result.httpStatus = 0;
    const QByteArray squidError = HttpResponse::headerValue(header, "X-Squid-Error");
    failStage(ProxyReply::verdict(ProxyReply::Request::Connect, status, squidError)
                      .value_or(Verdict::ProxyRefused),
              tr("The proxy answered CONNECT with HTTP %1 %2")
                      .arg(status)
                      .arg(QString::fromLatin1(squidError)));
}

// --- TLS ----------------------------------------------------------------------------------

void EndpointCheck::startTls()
{
    beginStage(QStringLiteral("tls"), Step::Tls);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // Giving Qt any CA list turns its on-demand loading of the system store off: the system's
    // roots go in explicitly, or --ca-file would replace them instead of adding to them.
    if (!m_options.extraCaCertificates.isEmpty())
        configuration.setCaCertificates(TrustAnchors::systemCertificates() + m_options.extraCaCertificates);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    m_socket->setSslConfiguration(configuration);
    // The name to validate the certificate against is also the SNI server name.
    m_socket->setPeerVerifyName(m_target.host);
    m_socket->startClientEncryption();
}

void EndpointCheck::recordCertificate()
{
    const QSslCertificate certificate = m_socket->peerCertificate();
    if (certificate.isNull())
        return;
    m_result.tls.present = true;
    m_result.tls.subject = certificate.subjectDisplayName();
    m_result.tls.issuer = certificate.issuerDisplayName();
    m_result.tls.notBefore = certificate.effectiveDate();
    m_result.tls.notAfter = certificate.expiryDate();
}

void EndpointCheck::onEncrypted()
{
    if (m_done || m_step != Step::Tls)
        return;
    recordCertificate();
    m_result.tls.protocol = protocolName(m_socket->sessionProtocol());
    const QList<QSslCertificate> chain = m_socket->peerCertificateChain();
    const TrustAnchors::Anchor anchor =
            TrustAnchors::classify(chain, m_options.extraCaCertificates, TrustAnchors::systemCertificates(),
                                   TrustAnchors::publicRoots(m_options.publicRootsDirectory));
    for (const QSslCertificate &certificate : chain)
        m_result.tls.chain.append(certificate.subjectDisplayName());
    if (!anchor.certificate.isNull() && (chain.isEmpty() || anchor.certificate != chain.last()))
        m_result.tls.chain.append(anchor.certificate.subjectDisplayName());
    m_result.tls.anchorKind = anchor.kind;
    if (anchor.kind == TrustAnchors::Kind::System) {
        failStage(Verdict::TlsIntercepted,
                  tr("Certificate for %1 re-signed by %2, a root installed on this machine that is not "
                     "public (chain: %3)")
                          .arg(m_result.tls.subject, anchor.certificate.subjectDisplayName(),
                               m_result.tls.chain.join(QStringLiteral(" < "))));
        return;
    }
    passStage(tr("%1, certificate for %2 issued by %3, valid until %4")
                      .arg(m_result.tls.protocol, m_result.tls.subject, m_result.tls.issuer,
                           m_result.tls.notAfter.toString(Qt::ISODate)));
    if (m_target.usesHttp())
        startHttp();
    else
        finish(Verdict::Ok);
}

void EndpointCheck::onSslErrors(const QList<QSslError> &errors)
{
    if (m_done)
        return;
    m_sslErrorsSeen = true;
    recordCertificate();
    if (!m_result.tls.present && !errors.isEmpty() && !errors.first().certificate().isNull()) {
        const QSslCertificate certificate = errors.first().certificate();
        m_result.tls.present = true;
        m_result.tls.subject = certificate.subjectDisplayName();
        m_result.tls.issuer = certificate.issuerDisplayName();
        m_result.tls.notBefore = certificate.effectiveDate();
        m_result.tls.notAfter = certificate.expiryDate();
    }
    bool untrusted = false;
    bool expired = false;
    bool mismatch = false;
    for (const QSslError &error : errors) {
        m_result.tls.errors.append(error.errorString());
        switch (error.error()) {
        case QSslError::SelfSignedCertificate:
        case QSslError::SelfSignedCertificateInChain:
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateUntrusted:
        case QSslError::CertificateRejected:
        case QSslError::InvalidCaCertificate:
            untrusted = true;
            break;
        case QSslError::CertificateExpired:
        case QSslError::CertificateNotYetValid:
            expired = true;
            break;
        case QSslError::HostNameMismatch:
            mismatch = true;
            break;
        default:
            break;
        }
    }
    const Verdict::Value verdict = untrusted ? Verdict::TlsUntrusted
            : expired                        ? Verdict::TlsExpired
            : mismatch                       ? Verdict::TlsHostnameMismatch
                                             : Verdict::TlsFailed;
    failStage(verdict,
              tr("Certificate for %1 issued by %2: %3")
                      .arg(m_result.tls.subject, m_result.tls.issuer,
                           m_result.tls.errors.join(QStringLiteral("; "))));
}

// --- HTTP ---------------------------------------------------------------------------------

void EndpointCheck::startHttp()
{
    beginStage(QStringLiteral("http"), Step::Http);
    m_buffer.clear();
    const bool defaultPort = (m_target.kind == CheckTarget::Kind::Https && m_target.port == 443)
            || (m_target.kind == CheckTarget::Kind::Http && m_target.port == 80);
    const QString authority = defaultPort
            ? hostForUrl(m_target.host)
            : QStringLiteral("%1:%2").arg(hostForUrl(m_target.host)).arg(m_target.port);
    const QString path = m_target.path.isEmpty() ? QStringLiteral("/") : m_target.path;
    // Plain HTTP through a proxy uses the absolute form; everything else the origin form.
    const bool absolute = m_proxy && m_target.kind == CheckTarget::Kind::Http;
    const QString target = absolute ? QStringLiteral("http://%1%2").arg(authority, path) : path;
    QByteArray request = "HEAD " + target.toUtf8() + " HTTP/1.1\r\nHost: " + authority.toUtf8() + "\r\n";
    if (absolute) {
        const QByteArray authorization = m_proxy->authorization();
        if (!authorization.isEmpty())
            request += "Proxy-Authorization: " + authorization + "\r\n";
    }
    request += "User-Agent: Portolan/" PORTOLAN_VERSION "\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    m_socket->write(request);
}

void EndpointCheck::onHttpReply(bool closed)
{
    if (m_done)
        return;
    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    if (end < 0 && !closed && m_buffer.size() <= MaxReplyHeader) {
        // A status line that cannot be HTTP fails early.
        if (m_buffer.size() >= 7 && !m_buffer.startsWith("HTTP/1."))
            failStage(Verdict::HttpError, tr("The answer is not HTTP"));
        return;
    }
    const QByteArray header = end < 0 ? m_buffer : m_buffer.left(end);
    const int status = HttpResponse::status(header);
    if (status == 0) {
        failStage(Verdict::HttpError,
                  m_buffer.isEmpty() ? tr("No HTTP response") : tr("The answer is not HTTP"));
        return;
    }
    m_result.httpStatus = status;
    if (m_proxy && m_target.kind == CheckTarget::Kind::Http) {
        const QByteArray squidError = HttpResponse::headerValue(header, "X-Squid-Error");
        if (const auto verdict = ProxyReply::verdict(ProxyReply::Request::PlainHttp, status, squidError)) {
            failStage(*verdict,
                      tr("The proxy answered HTTP %1 %2").arg(status).arg(QString::fromLatin1(squidError)));
            return;
        }
    }
    if (const auto away = redirectAway(header, status)) {
        m_result.redirectLocation = *away;
        failStage(Verdict::HttpRedirected,
                  tr("HTTP %1: redirected to %2, away from %3").arg(status).arg(*away, m_target.host));
        return;
    }
    passStage(tr("HTTP %1").arg(status));
    finish(Verdict::Ok);
}

std::optional<QString> EndpointCheck::redirectAway(const QByteArray &header, int status) const
{
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308)
        return std::nullopt;
    const QString location = QString::fromLatin1(HttpResponse::headerValue(header, "Location").left(512));
    if (location.isEmpty())
        return std::nullopt;
    const QUrl url =
            QUrl(QStringLiteral("http://%1/").arg(hostForUrl(m_target.host))).resolved(QUrl(location));
    // http -> https (or another path) on the same host is fine; another host is not.
    if (url.isValid() && url.host().compare(m_target.host, Qt::CaseInsensitive) == 0)
        return std::nullopt;
    return location;
}

// --- UDP: NTP, syslog, DNS ----------------------------------------------------------------

void EndpointCheck::acceptResolution(const QList<QHostAddress> &addresses, const QString &detail)
{
    m_result.resolvedAddresses = addressTexts(addresses);
    if (detail.isEmpty()) {
        // An address literal: nothing was resolved, so the stage did not run (never "passed").
        m_stageTimer.stop();
        m_result.stages[m_stageIndex].detail = tr("An address: nothing to resolve");
        m_stageIndex = -1;
    } else {
        passStage(detail);
    }
}

void EndpointCheck::startUdp()
{
    beginStage(QStringLiteral("dns"), Step::Resolve);
    resolve(
            m_target.host,
            [this](const QList<QHostAddress> &addresses, const QString &detail) {
                acceptResolution(addresses, detail);
                const QHostAddress address = addresses.first();
                m_result.connectedAddress = addressText(address);
                if (m_target.kind == CheckTarget::Kind::Dns) {
                    beginStage(QStringLiteral("dns-query"), Step::DnsQuery);
                    m_dns = new DnsClient(this);
                    connect(m_dns, &DnsClient::finished, this,
                            [this](const QList<QHostAddress> &, DnsClient::Error error, int rcode) {
                                onDnsProbeFinished(error, rcode);
                            });
                    m_dns->probe(address, quint16(m_target.port));
                    return;
                }
                m_udp = new QUdpSocket(this);
                m_udp->setProxy(QNetworkProxy::NoProxy);
                connect(m_udp, &QUdpSocket::readyRead, this, &EndpointCheck::onUdpReadyRead);
                connect(m_udp, &QUdpSocket::errorOccurred, this, &EndpointCheck::onUdpError);
                m_udp->connectToHost(address, quint16(m_target.port));
                if (m_target.kind == CheckTarget::Kind::Ntp) {
                    beginStage(QStringLiteral("ntp"), Step::Ntp);
                    m_ntpSentMs = QDateTime::currentMSecsSinceEpoch();
                    m_ntpRequest = NtpPacket::request(m_ntpSentMs);
                    m_udp->write(m_ntpRequest);
                } else {
                    beginStage(QStringLiteral("udp-send"), Step::UdpSend, m_options.udpRefusalWaitMs);
                    const QByteArray message = "<14>1 "
                            + QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1()
                            + " portolan portolan - - - Portolan connectivity test to "
                            + m_target.endpoint.toUtf8() + '\n';
                    if (m_udp->write(message) < 0)
                        failStage(Verdict::Refused, m_udp->errorString());
                }
            },
            [this](const QString &detail) { failStage(Verdict::DnsFailed, detail); });
}

void EndpointCheck::onDnsProbeFinished(DnsClient::Error error, int rcode)
{
    switch (error) {
    case DnsClient::Error::Unreachable:
        failStage(Verdict::Refused,
                  tr("Nothing answers DNS on port %1 (ICMP port unreachable)").arg(m_target.port));
        return;
    case DnsClient::Error::Refused:
        failStage(
                Verdict::DnsFailed,
                tr("The DNS server answered REFUSED (response code %1): it does not answer queries from this "
                   "machine")
                        .arg(rcode));
        return;
    case DnsClient::Error::ServerFailure:
        if (rcode < 0)
            break;
        failStage(Verdict::DnsFailed,
                  tr("The DNS server answered SERVFAIL (response code %1): it cannot resolve names now")
                          .arg(rcode));
        return;
    case DnsClient::Error::Truncated:
        // The server answers; only large answers would need TCP.
        passStage(tr("The DNS server answered (response code %1) with a truncated reply, and DNS over TCP "
                     "port %2 failed: large answers need it")
                          .arg(rcode)
                          .arg(m_target.port));
        finish(Verdict::Ok);
        return;
    case DnsClient::Error::None:
    case DnsClient::Error::NoSuchName:
    case DnsClient::Error::NoAddress:
        if (rcode < 0)
            break;
        passStage(tr("The DNS server answered (response code %1)").arg(rcode));
        finish(Verdict::Ok);
        return;
    }
    failStage(Verdict::Refused, tr("No DNS reply"));
}

void EndpointCheck::onUdpReadyRead()
{
    if (m_done)
        return;
    if (UdpRefusal::isRefused(m_udp)) {
        failStage(Verdict::Refused,
                  tr("Nothing listens on UDP port %1 (ICMP port unreachable)").arg(m_target.port));
        return;
    }
    // A bounded batch, then back to the event loop: a flood cannot starve the stage timer.
    for (int i = 0; i < DnsClient::MaxDatagramsPerTurn && !m_done && m_udp->hasPendingDatagrams(); ++i) {
        QByteArray datagram(int(qBound(qint64(0), m_udp->pendingDatagramSize(), qint64(65535))), '\0');
        const qint64 size = m_udp->readDatagram(datagram.data(), datagram.size());
        if (size < 0)
            continue;
        datagram.truncate(int(size));
        if (m_step != Step::Ntp)
            continue;
        const qint64 receivedMs = QDateTime::currentMSecsSinceEpoch();
        QString invalid;
        NtpPacket::Rejection rejection = NtpPacket::Rejection::None;
        const auto reply = NtpPacket::parseReply(datagram, m_ntpRequest, &invalid, &rejection);
        if (!reply) {
            // A server without time says so at once; anything else may yet be followed by a
            // valid reply: remembered for the timeout.
            if (rejection == NtpPacket::Rejection::Unsynchronised) {
                failStage(Verdict::NtpUnsynchronised,
                          tr("The server answered without the time: %1").arg(invalid));
                return;
            }
            if (rejection == NtpPacket::Rejection::Invalid)
                m_ntpRejection = invalid;
            continue;
        }
        m_result.ntpOffsetMs = NtpPacket::offsetMs(m_ntpSentMs, *reply, receivedMs);
        QString detail =
                tr("Clock offset %1 ms, stratum %2").arg(m_result.ntpOffsetMs, 0, 'f', 1).arg(reply->stratum);
        if (std::abs(m_result.ntpOffsetMs) > NtpPacket::OffsetWarningMs) {
            //: %1 is the stage detail "Clock offset … ms, stratum …"; %2 the limit in ms.
            detail = tr("%1; warning: this machine's clock is more than %2 ms off the server's, so "
                        "certificates and event times may be judged wrong")
                             .arg(detail)
                             .arg(NtpPacket::OffsetWarningMs);
        }
        passStage(detail);
        finish(Verdict::Ok);
    }
    if (!m_done && m_udp->hasPendingDatagrams())
        m_udpReadAgain.start();
}

void EndpointCheck::onUdpError()
{
    if (m_done)
        return;
    if (m_udp->error() == QAbstractSocket::ConnectionRefusedError)
        failStage(Verdict::Refused,
                  tr("Nothing listens on UDP port %1 (ICMP port unreachable)").arg(m_target.port));
    else if (m_step == Step::UdpSend || m_step == Step::Ntp)
        failStage(Verdict::Refused, m_udp->errorString());
}

void EndpointCheck::onStageTimeout()
{
    if (m_done)
        return;
    const QString waited = seconds(m_options.stageTimeoutMs);
    switch (m_step) {
    case Step::Resolve:
        if (m_dns && m_dns->rejectedReplies() > 0)
            failStage(Verdict::DnsFailed,
                      tr("No valid answer from the DNS server within %1 s (%n malformed or unrelated "
                         "replies ignored)",
                         nullptr, m_dns->rejectedReplies())
                              .arg(waited));
        else
            failStage(Verdict::DnsFailed, tr("No answer from the resolver within %1 s").arg(waited));
        return;
    case Step::ProxyConnect:
        failStage(Verdict::ProxyRefused,
                  tr("The proxy %1 did not answer within %2 s").arg(m_proxy->displayName(), waited));
        return;
    case Step::Connect:
        if (m_addresses.size() > 1) {
            noteAttempt(tr("%1 port %2: no answer within %3 ms")
                                .arg(addressText(m_addresses.value(m_addressIndex)))
                                .arg(m_target.port)
                                .arg(m_attemptClock.elapsed()));
            failStage(Verdict::Timeout,
                      tr("No address answered within %1 s: %2").arg(waited, attemptsText()));
            return;
        }
        failStage(Verdict::Timeout,
                  tr("No answer to the connection request within %1 s: dropped on the way").arg(waited));
        return;
    case Step::Tunnel:
        failStage(Verdict::Timeout,
                  tr("The proxy did not connect to the destination within %1 s").arg(waited));
        return;
    case Step::Tls:
        // TCP connected: the port is open. Something stalled the handshake.
        failStage(Verdict::Stalled,
                  tr("TCP connected, then the TLS handshake did not complete within %1 s").arg(waited));
        return;
    case Step::Http:
        failStage(Verdict::Stalled,
                  m_buffer.isEmpty()
                          ? tr("Connected, then no HTTP response within %1 s").arg(waited)
                          : tr("Connected, then the HTTP response stopped after %n bytes within %1 s",
                               nullptr, int(m_buffer.size()))
                                    .arg(waited));
        return;
    case Step::Ntp:
        if (!m_ntpRejection.isEmpty())
            failStage(Verdict::NtpInvalidReply,
                      tr("No valid NTP reply within %1 s; the server's reply was rejected: %2")
                              .arg(waited, m_ntpRejection));
        else
            failStage(Verdict::Timeout, tr("No NTP reply within %1 s").arg(waited));
        return;
    case Step::DnsQuery:
        if (m_target.kind == CheckTarget::Kind::DnsTcp) {
            // TCP connected: the port is open. The server (or something on the way) stalled.
            failStage(Verdict::Stalled, tr("TCP connected, then no DNS reply within %1 s").arg(waited));
            return;
        }
        if (m_dns && m_dns->rejectedReplies() > 0)
            failStage(Verdict::Timeout,
                      tr("No valid DNS reply within %1 s (%n malformed or unrelated replies ignored)",
                         nullptr, m_dns->rejectedReplies())
                              .arg(waited));
        else
            failStage(Verdict::Timeout, tr("No DNS reply within %1 s").arg(waited));
        return;
    case Step::UdpSend:
        passStage(tr("Sent; UDP gives no reply and no refusal came back"));
        finish(Verdict::NotVerifiable, tr("Sent, not verifiable: syslog over UDP has no reply"));
        return;
    case Step::Idle:
    case Step::Done:
        return;
    }
}
