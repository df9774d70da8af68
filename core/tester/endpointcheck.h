#pragma once

#include "core/tester/checkresult.h"
#include "core/tester/checktarget.h"
#include "core/tester/dnsclient.h"
#include "core/tester/proxysettings.h"
#include "core/tester/testeroptions.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslError>
#include <QTimer>

#include <functional>
#include <optional>

class QSocketNotifier;
class QSslSocket;
class QUdpSocket;

// One asynchronous check of one target, as a state machine on the event loop: resolve, connect
// (directly or through an HTTP proxy), TLS handshake, HTTP request; or an NTP query, a syslog
// send, a DNS query. Every stage has its own timeout. Emits finished() once.
class EndpointCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EndpointCheck)

public:
    EndpointCheck(const CheckTarget &target, const TesterOptions &options, QObject *parent = nullptr);
    ~EndpointCheck() override;

    void start();
    // Stops at once: no more packets, no signal. The result says "cancelled".
    void cancel();

    bool isFinished() const { return m_done; }
    const CheckResult &result() const { return m_result; }

signals:
    void finished();

private:
    enum class Step { Idle, Resolve, ProxyConnect, Connect, Tunnel, Tls, Http, Ntp, UdpSend, DnsQuery, Done };

    using AddressesHandler = std::function<void(const QList<QHostAddress> &, const QString &detail)>;
    using FailureHandler = std::function<void(const QString &detail)>;

    void addStage(const QString &name);
    void beginStage(const QString &name, Step step, int timeoutMs = -1);
    void passStage(const QString &detail);
    void failStage(Verdict::Value verdict, const QString &detail);
    void finish(Verdict::Value verdict, const QString &reason = {});

    void resolve(const QString &host, const AddressesHandler &done, const FailureHandler &failed);
    std::optional<QString> refuseNonLoopback(const QList<QHostAddress> &addresses) const;

    void startTcp();
    void connectNext();
    void onAttemptTimeout();
    // The current address failed: the next one, or the stage fails with every attempt.
    void failAttempt(Verdict::Value verdict, const QString &detail);
    void pollPendingError();
    void failNative(int error);
    void closeNative();
    void noteAttempt(const QString &detail);
    QString attemptsText() const;
    void onConnected();
    void onSocketError();
    void onReadyRead();
    void startTunnel();
    void onTunnelReply();
    void startTls();
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void recordCertificate();
    void startHttp();
    void onHttpReply(bool closed);
    void startDnsOverTcp();
    void onDnsTcpReply(bool closed);
    // The Location of a redirect to another host than the target's, or nothing.
    std::optional<QString> redirectAway(const QByteArray &header, int status) const;
    void acceptResolution(const QList<QHostAddress> &addresses, const QString &detail);
    void startUdp();
    void onDnsProbeFinished(DnsClient::Error error, int rcode);
    void onUdpReadyRead();
    void onUdpError();
    void onStageTimeout();

    CheckTarget m_target;
    TesterOptions m_options;
    CheckResult m_result;
    std::optional<ProxySettings::HttpProxy> m_proxy;
    Step m_step = Step::Idle;
    int m_stageIndex = -1;
    QElapsedTimer m_total;
    QElapsedTimer m_stageClock;
    QTimer m_stageTimer;
    QTimer m_attemptTimer; // one address's share of the tcp stage when there are several
    QElapsedTimer m_attemptClock;
    QTimer m_pendingErrorPoll; // reads the socket's pending error while connecting
    qintptr m_nativeSocket = -1; // a direct connect in progress (NativeConnect)
    QSocketNotifier *m_connectNotifier = nullptr;
    QTimer m_udpReadAgain; // continues reading UDP replies after the event loop has run
    QSslSocket *m_socket = nullptr;
    QUdpSocket *m_udp = nullptr;
    DnsClient *m_dns = nullptr;
    int m_hostLookupId = -1;
    QList<QHostAddress> m_addresses;
    int m_addressIndex = 0;
    QByteArray m_buffer;
    QByteArray m_dnsTcpQuery; // with its length prefix
    QByteArray m_ntpRequest;
    qint64 m_ntpSentMs = 0;
    QString m_ntpRejection; // why the last reply to our NTP request was not usable
    bool m_sslErrorsSeen = false;
    bool m_done = false;
};
