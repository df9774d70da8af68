#pragma once

// Loopback servers and helpers for the tester tests and the benchmark. Everything listens on
// 127.0.0.1 with a port chosen by the system.

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUdpSocket>

#include <functional>
#include <memory>

// Certificates generated with the openssl command line into a temporary directory: a trusted
// test CA, an untrusted "inspecting proxy" CA, and leaf certificates signed by them.
class TestCertificates
{
public:
    enum class Leaf {
        Valid,
        Expired,
        WrongHost,
        Untrusted,
        Hostile, // from generateHostile(): ESC, BEL and a newline in subject and issuer
    };

    static constexpr const char *HostName = "valid.test";

    // Returns an error message, or an empty string on success.
    QString generate();
    // After generate(): Leaf::Hostile, for HostName, whose subject and issuer (an untrusted CA)
    // hold ESC, BEL and newline characters. An error if openssl refuses them.
    QString generateHostile();

    QString caFile() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    // The "Inspecting Proxy CA" that signs Leaf::Untrusted, and its key: a TLS-inspecting
    // proxy's signing CA.
    QString proxyCaFile() const { return m_dir.filePath(QStringLiteral("proxyca.pem")); }
    QString proxyCaKeyFile() const { return m_dir.filePath(QStringLiteral("proxyca.key")); }
    // "Unrelated Test CA": signs nothing the tests serve.
    QString otherCaFile() const { return m_dir.filePath(QStringLiteral("otherca.pem")); }
    QSslCertificate certificate(Leaf leaf) const;
    QSslKey key(Leaf leaf) const;

private:
    QString run(const QStringList &arguments);
    QString makeCa(const QString &name, const QString &subject);
    QString makeLeaf(const QString &name, const QString &ca, const QString &host, const QStringList &dates,
                     const QString &subject = {});
    static QString fileBase(Leaf leaf);

    QTemporaryDir m_dir;
};

// A TCP (optionally TLS) server with a behaviour.
class TestTcpServer final : public QTcpServer
{
    Q_OBJECT

public:
    enum class Mode {
        Http, // answers a request with "HTTP/1.1 204 No Content"
        NotHttp, // sends an SSH banner at once (not HTTP, not TLS)
        Silent, // accepts and never answers
        Canned, // answers a request with the bytes given to setCannedReply(), then closes
    };

    explicit TestTcpServer(Mode mode, QObject *parent = nullptr);

    // Serves TLS with this certificate and key (server side QSslSocket).
    void setTls(const QSslCertificate &certificate, const QSslKey &key);
    // For Mode::Canned: e.g. a proxy's answer to CONNECT with a hostile header.
    void setCannedReply(const QByteArray &reply) { m_cannedReply = reply; }
    bool listenLoopback();
    quint16 port() const { return serverPort(); }

    int connectionCount() const { return m_connections; }
    // When each connection was accepted, in ms since the server was made, in order. Unlike a
    // count of open connections it does not depend on when the server notices a close.
    QList<qint64> acceptTimesMs() const { return m_acceptTimes; }
    int openConnections() const { return m_open; }
    int requestCount() const { return m_requests; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void serve(QTcpSocket *socket);

    Mode m_mode;
    QByteArray m_cannedReply;
    QSslCertificate m_certificate;
    QSslKey m_key;
    int m_connections = 0;
    int m_open = 0;
    int m_requests = 0;
    QElapsedTimer m_clock;
    QList<qint64> m_acceptTimes;
};

// A UDP server on 127.0.0.1 that answers each datagram with answer(datagram).
class TestUdpResponder : public QObject
{
public:
    using Answer = std::function<QByteArray(const QByteArray &request)>;
    explicit TestUdpResponder(Answer answer, QObject *parent = nullptr);
    bool listenLoopback();
    quint16 port() const { return m_socket.localPort(); }
    int queries() const { return m_queries; }

private:
    void read();

    QUdpSocket m_socket;
    Answer m_answer;
    int m_queries = 0;
};

// An SNTP server whose clock runs offsetMs ahead.
class TestNtpServer final : public TestUdpResponder
{
public:
    explicit TestNtpServer(qint64 offsetMs, QObject *parent = nullptr);
};

// A UDP sink (syslog receiver) that keeps what it receives.
class TestUdpSink final : public QObject
{
    Q_OBJECT

public:
    explicit TestUdpSink(QObject *parent = nullptr);
    bool listenLoopback();
    quint16 port() const { return m_socket.localPort(); }
    QList<QByteArray> messages() const { return m_messages; }

private:
    QUdpSocket m_socket;
    QList<QByteArray> m_messages;
};

// A DNS server answering A queries from a table and NXDOMAIN otherwise.
class TestDnsServer final : public QObject
{
    Q_OBJECT

public:
    explicit TestDnsServer(QObject *parent = nullptr);
    void addRecord(const QString &name, const QHostAddress &address) { m_records.insert(name, address); }
    bool listenLoopback();
    quint16 port() const { return m_socket.localPort(); }
    int queries() const { return m_queries; }

private:
    void read();

    QUdpSocket m_socket;
    QHash<QString, QHostAddress> m_records;
    int m_queries = 0;
};

// A port on which nothing listens (TCP and UDP): bound, noted, closed.
quint16 closedTcpPort();
quint16 closedUdpPort();

// An external server process (squid, dnsmasq) started on a loopback port from a generated
// configuration, stopped by the destructor.
class TestProcess
{
public:
    ~TestProcess();
    // Starts program; waits until ready() is true (at most timeoutMs). Returns an error or "".
    QString start(const QString &program, const QStringList &arguments, const std::function<bool()> &ready,
                  int timeoutMs = 10000);
    QTemporaryDir &dir() { return m_dir; }
    QString output() const;

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
};

// Starts squid as an HTTP proxy on 127.0.0.1: hosts maps names to loopback addresses;
// with a user, basic authentication is required. blocked.test is denied.
QString startSquid(TestProcess &process, quint16 *port, const QHash<QString, QString> &hosts,
                   const QString &user = {}, const QString &password = {});
// Starts squid as a TLS-inspecting proxy (ssl-bump, Debian's squid-openssl): it answers
// CONNECT, terminates the TLS inside and re-signs the server's certificate with the signing CA;
// it trusts the servers whose CA is originCaFile.
QString startInspectingSquid(TestProcess &process, quint16 *port, const QHash<QString, QString> &hosts,
                             const QString &signingCertificateFile, const QString &signingKeyFile,
                             const QString &originCaFile);
// Inside a private mount namespace: puts a directory with exactly these certificates (and
// their OpenSSL hash links) over /etc/ssl/certs, the system trust store.
QString replaceSystemTrustStore(const QStringList &certificateFiles, QTemporaryDir &store);
// Starts Debian's dnsmasq as an authoritative-only DNS server on 127.0.0.1 (UDP and TCP) with
// these record options (--address, --host-record, --cname, ...); *port is chosen here.
QString startDnsmasq(TestProcess &process, quint16 *port, const QStringList &records);
// Starts Debian's chronyd as an NTP server on 127.0.0.1 with no time source of its own, so that
// it answers unsynchronised (leap indicator 3); it never sets this machine's clock (-x).
QString startUnsynchronisedChronyd(TestProcess &process, quint16 *port);
// Whether an NTP server on 127.0.0.1:port answers a request now.
bool ntpPortAnswers(quint16 port);
// Whether a TCP connection to 127.0.0.1:port can be made now.
bool tcpPortAnswers(quint16 port);
// Re-runs one test function of this executable inside new network and mount namespaces
// (unshare -nm)
// with PORTOLAN_IN_NETNS=1 set. Returns an error if namespaces are not available (the caller
// skips), else fills exitCode and output.
QString runInNetworkNamespace(const QStringList &arguments, int *exitCode, QByteArray *output);
// Inside the namespace: brings lo up and drops TCP to the ports (iptables or nft).
QString blackholeLoopbackPorts(const QList<quint16> &ports);
// Inside the namespace: brings lo up and runs each rule with iptables, or with ip6tables when
// it starts with "-6 " (e.g. "-A INPUT -p tcp --dport 9 -j REJECT --reject-with tcp-reset").
QString addFirewallRules(const QStringList &rules);
