#include "testservers.h"

#include "core/tester/probe/dnsclient.h"
#include "core/tester/probe/ntppacket.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTest>

#include <unistd.h>

// --- TestCertificates ---------------------------------------------------------------------

QString TestCertificates::run(const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0)
        return QStringLiteral("openssl %1 failed: %2 %3")
                .arg(arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAllStandardError()),
                     process.errorString());
    return {};
}

QString TestCertificates::makeCa(const QString &name, const QString &subject)
{
    return run({QStringLiteral("req"),
                QStringLiteral("-x509"),
                QStringLiteral("-newkey"),
                QStringLiteral("ec"),
                QStringLiteral("-pkeyopt"),
                QStringLiteral("ec_paramgen_curve:prime256v1"),
                QStringLiteral("-nodes"),
                QStringLiteral("-keyout"),
                name + QStringLiteral(".key"),
                QStringLiteral("-out"),
                name + QStringLiteral(".pem"),
                QStringLiteral("-subj"),
                subject,
                QStringLiteral("-utf8"),
                QStringLiteral("-days"),
                QStringLiteral("3"),
                QStringLiteral("-addext"),
                QStringLiteral("basicConstraints=critical,CA:TRUE"),
                QStringLiteral("-addext"),
                QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
}

QString TestCertificates::makeLeaf(const QString &name, const QString &ca, const QString &host,
                                   const QStringList &dates, const QString &subject)
{
    QString error = run(
            {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), name + QStringLiteral(".key"),
             QStringLiteral("-out"), name + QStringLiteral(".csr"), QStringLiteral("-subj"),
             subject.isEmpty() ? QStringLiteral("/CN=") + host : subject, QStringLiteral("-utf8")});
    if (!error.isEmpty())
        return error;
    QFile ext(m_dir.filePath(name + QStringLiteral(".ext")));
    if (!ext.open(QIODevice::WriteOnly))
        return ext.errorString();
    ext.write(
            QStringLiteral("subjectAltName=DNS:%1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
                    .arg(host)
                    .toUtf8());
    ext.close();
    return run(QStringList{QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"),
                           QStringLiteral("-config"), QStringLiteral("ca.cnf"), QStringLiteral("-cert"),
                           ca + QStringLiteral(".pem"), QStringLiteral("-keyfile"),
                           ca + QStringLiteral(".key"), QStringLiteral("-in"), name + QStringLiteral(".csr"),
                           QStringLiteral("-out"), name + QStringLiteral(".pem"), QStringLiteral("-extfile"),
                           name + QStringLiteral(".ext")}
               + dates);
}

QString TestCertificates::generate()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary directory");
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        return QStringLiteral("the openssl command is not installed");
    QFile config(m_dir.filePath(QStringLiteral("ca.cnf")));
    if (!config.open(QIODevice::WriteOnly))
        return config.errorString();
    config.write("[ca]\ndefault_ca = testca\n[testca]\ndatabase = index.txt\nnew_certs_dir = .\n"
                 "serial = serial\ndefault_md = sha256\npolicy = anything\nunique_subject = no\n"
                 "default_days = 2\n[anything]\ncommonName = supplied\n");
    config.close();
    QFile(m_dir.filePath(QStringLiteral("index.txt"))).open(QIODevice::WriteOnly);
    QFile serial(m_dir.filePath(QStringLiteral("serial")));
    serial.open(QIODevice::WriteOnly);
    serial.write("1000\n");
    serial.close();

    const QString host = QString::fromLatin1(HostName);
    for (const QString &error :
         {makeCa(QStringLiteral("ca"), QStringLiteral("/CN=Portolan Test CA")),
          makeCa(QStringLiteral("proxyca"), QStringLiteral("/CN=Inspecting Proxy CA")),
          makeLeaf(fileBase(Leaf::Valid), QStringLiteral("ca"), host, {}),
          makeLeaf(fileBase(Leaf::Expired), QStringLiteral("ca"), host,
                   {QStringLiteral("-startdate"), QStringLiteral("20200101000000Z"),
                    QStringLiteral("-enddate"), QStringLiteral("20200201000000Z")}),
          makeLeaf(fileBase(Leaf::WrongHost), QStringLiteral("ca"), QStringLiteral("other.test"), {}),
          makeCa(QStringLiteral("otherca"), QStringLiteral("/CN=Unrelated Test CA")),
          makeLeaf(fileBase(Leaf::Untrusted), QStringLiteral("proxyca"), host, {})}) {
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QString TestCertificates::generateHostile()
{
    // ESC ] 0 ; … BEL sets a terminal's title, ESC [ 2 J clears the screen, a newline forges
    // a report line.
    const QString error = makeCa(QStringLiteral("hostileca"),
                                 QStringLiteral("/CN=Hostile CA \x1b]0;pwned\x07\x1b[2J\nFORGED LINE"));
    if (!error.isEmpty())
        return error;
    return makeLeaf(fileBase(Leaf::Hostile), QStringLiteral("hostileca"), QString::fromLatin1(HostName), {},
                    QStringLiteral("/CN=%1\x1b[31m red\x07").arg(QString::fromLatin1(HostName)));
}

QString TestCertificates::fileBase(Leaf leaf)
{
    switch (leaf) {
    case Leaf::Valid:
        return QStringLiteral("valid");
    case Leaf::Expired:
        return QStringLiteral("expired");
    case Leaf::WrongHost:
        return QStringLiteral("wronghost");
    case Leaf::Untrusted:
        return QStringLiteral("untrusted");
    case Leaf::Hostile:
        return QStringLiteral("hostile");
    }
    return {};
}

QSslCertificate TestCertificates::certificate(Leaf leaf) const
{
    const auto list = QSslCertificate::fromPath(m_dir.filePath(fileBase(leaf) + QStringLiteral(".pem")));
    return list.value(0);
}

QSslKey TestCertificates::key(Leaf leaf) const
{
    QFile file(m_dir.filePath(fileBase(leaf) + QStringLiteral(".key")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QSslKey(file.readAll(), QSsl::Ec);
}

// --- TestTcpServer --------------------------------------------------------------------------

TestTcpServer::TestTcpServer(Mode mode, QObject *parent)
    : QTcpServer(parent)
    , m_mode(mode)
{
    setMaxPendingConnections(1000);
    m_clock.start();
}

void TestTcpServer::setTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
}

bool TestTcpServer::listenLoopback()
{
    // Qt's default backlog (50) drops SYNs when hundreds of checks connect at once; each
    // dropped SYN costs a 1 s retransmission and made the benchmark measure the server.
    setListenBacklogSize(4096);
    return listen(QHostAddress::LocalHost, 0);
}

void TestTcpServer::incomingConnection(qintptr descriptor)
{
    ++m_connections;
    m_acceptTimes.append(m_clock.elapsed());
    ++m_open;
    QTcpSocket *socket = nullptr;
    if (!m_certificate.isNull()) {
        auto *ssl = new QSslSocket(this);
        ssl->setSocketDescriptor(descriptor);
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(m_certificate);
        configuration.setPrivateKey(m_key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl->setSslConfiguration(configuration);
        connect(ssl, &QSslSocket::errorOccurred, ssl, [ssl] { ssl->deleteLater(); });
        ssl->startServerEncryption();
        socket = ssl;
    } else {
        socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
    }
    connect(socket, &QTcpSocket::destroyed, this, [this] { --m_open; });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    serve(socket);
}

void TestTcpServer::serve(QTcpSocket *socket)
{
    switch (m_mode) {
    case Mode::Http:
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            socket->setProperty("request", socket->property("request").toByteArray() + socket->readAll());
            if (socket->property("request").toByteArray().contains("\r\n\r\n")) {
                ++m_requests;
                socket->write(
                        "HTTP/1.1 204 No Content\r\nServer: portolan-test\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            }
        });
        break;
    case Mode::NotHttp:
        socket->write("SSH-2.0-OpenSSH_9.2\r\n");
        connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
        break;
    case Mode::Silent:
        connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->readAll(); });
        break;
    case Mode::Canned:
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            socket->setProperty("request", socket->property("request").toByteArray() + socket->readAll());
            if (socket->property("request").toByteArray().contains("\r\n\r\n")) {
                ++m_requests;
                socket->write(m_cannedReply);
                socket->disconnectFromHost();
            }
        });
        break;
    }
}

// --- UDP servers ----------------------------------------------------------------------------

TestUdpResponder::TestUdpResponder(Answer answer, QObject *parent)
    : QObject(parent)
    , m_answer(std::move(answer))
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &TestUdpResponder::read);
}

bool TestUdpResponder::listenLoopback()
{
    return m_socket.bind(QHostAddress::LocalHost, 0);
}

void TestUdpResponder::read()
{
    while (m_socket.hasPendingDatagrams()) {
        QHostAddress sender;
        quint16 senderPort = 0;
        QByteArray datagram(int(m_socket.pendingDatagramSize()), '\0');
        m_socket.readDatagram(datagram.data(), datagram.size(), &sender, &senderPort);
        ++m_queries;
        m_socket.writeDatagram(m_answer(datagram), sender, senderPort);
    }
}

TestNtpServer::TestNtpServer(qint64 offsetMs, QObject *parent)
    : TestUdpResponder(
            [offsetMs](const QByteArray &request) {
                const qint64 now = QDateTime::currentMSecsSinceEpoch() + offsetMs;
                return NtpPacket::reply(request, now, now);
            },
            parent)
{ }

TestUdpSink::TestUdpSink(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, [this] {
        while (m_socket.hasPendingDatagrams()) {
            QByteArray datagram(int(m_socket.pendingDatagramSize()), '\0');
            m_socket.readDatagram(datagram.data(), datagram.size());
            m_messages.append(datagram);
        }
    });
}

bool TestUdpSink::listenLoopback()
{
    return m_socket.bind(QHostAddress::LocalHost, 0);
}

TestDnsServer::TestDnsServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_socket, &QUdpSocket::readyRead, this, &TestDnsServer::read);
}

bool TestDnsServer::listenLoopback()
{
    return m_socket.bind(QHostAddress::LocalHost, 0);
}

void TestDnsServer::read()
{
    while (m_socket.hasPendingDatagrams()) {
        QHostAddress sender;
        quint16 senderPort = 0;
        QByteArray query(int(m_socket.pendingDatagramSize()), '\0');
        m_socket.readDatagram(query.data(), query.size(), &sender, &senderPort);
        if (query.size() < 17)
            continue;
        ++m_queries;
        QStringList labels;
        int offset = 12;
        while (offset < query.size() && query.at(offset) != 0) {
            const int length = quint8(query.at(offset));
            labels.append(QString::fromLatin1(query.mid(offset + 1, length)));
            offset += 1 + length;
        }
        offset += 1;
        const int type = (quint8(query.at(offset)) << 8) | quint8(query.at(offset + 1));
        const QString name = labels.join(QLatin1Char('.')).toLower();
        const QByteArray question = query.mid(12, offset + 4 - 12);
        const bool known = m_records.contains(name);
        const bool answer = known && type == 1;
        QByteArray reply;
        reply.append(query.left(2));
        reply.append(char(0x81));
        reply.append(char(known ? 0x80 : 0x83)); // NXDOMAIN for unknown names
        reply.append("\0\x01", 2);
        reply.append(char(0));
        reply.append(char(answer ? 1 : 0));
        reply.append(QByteArray(4, '\0'));
        reply.append(question);
        if (answer) {
            reply.append("\xc0\x0c\0\x01\0\x01\0\0\0\x3c\0\x04", 12);
            const quint32 ip = m_records.value(name).toIPv4Address();
            reply.append(char(ip >> 24));
            reply.append(char(ip >> 16));
            reply.append(char(ip >> 8));
            reply.append(char(ip));
        }
        m_socket.writeDatagram(reply, sender, senderPort);
    }
}

quint16 closedTcpPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

quint16 closedUdpPort()
{
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    return socket.localPort();
}

bool tcpPortAnswers(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    return socket.waitForConnected(200);
}

// --- TestProcess ---------------------------------------------------------------------------

TestProcess::~TestProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(2000);
        }
    }
}

QString TestProcess::start(const QString &program, const QStringList &arguments,
                           const std::function<bool()> &ready, int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->start(program, arguments);
    if (!m_process->waitForStarted(5000))
        return QStringLiteral("%1 did not start: %2").arg(program, m_process->errorString());
    if (!QTest::qWaitFor([&] { return ready() || m_process->state() == QProcess::NotRunning; }, timeoutMs)
        || m_process->state() == QProcess::NotRunning)
        return QStringLiteral("%1 did not become ready: %2").arg(program, output());
    return {};
}

QString TestProcess::output() const
{
    return m_process ? QString::fromLocal8Bit(m_process->readAll()) : QString();
}

bool ntpPortAnswers(quint16 port)
{
    QUdpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(1000))
        return false;
    socket.write(NtpPacket::request(QDateTime::currentMSecsSinceEpoch()));
    return socket.waitForReadyRead(300) && socket.hasPendingDatagrams();
}

QString startDnsmasq(TestProcess &process, quint16 *port, const QStringList &records)
{
    const QString program = QStandardPaths::findExecutable(
            QStringLiteral("dnsmasq"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    if (program.isEmpty())
        return QStringLiteral("dnsmasq is not installed (apt-get install dnsmasq)");
    *port = closedUdpPort();
    const quint16 listenPort = *port;
    auto answers = [listenPort] {
        QUdpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, listenPort);
        socket.write(DnsClient::query(7, QStringLiteral("ready.test"), 1));
        return socket.waitForReadyRead(200) && socket.hasPendingDatagrams();
    };
    return process.start(
            program,
            QStringList{QStringLiteral("--keep-in-foreground"), QStringLiteral("--conf-file=/dev/null"),
                        QStringLiteral("--no-resolv"), QStringLiteral("--no-hosts"),
                        QStringLiteral("--no-poll"), QStringLiteral("--listen-address=127.0.0.1"),
                        QStringLiteral("--bind-interfaces"), QStringLiteral("--port=%1").arg(listenPort),
                        QStringLiteral("--pid-file="), QStringLiteral("--log-facility=-"),
                        QStringLiteral("--address=/ready.test/127.0.0.1"),
                        // Every other name: NXDOMAIN from here, not REFUSED for
                        // want of an upstream server.
                        QStringLiteral("--local=/#/")}
                    + records,
            answers);
}

QString startUnsynchronisedChronyd(TestProcess &process, quint16 *port)
{
    const QString chronyd = QStandardPaths::findExecutable(
            QStringLiteral("chronyd"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
    if (chronyd.isEmpty())
        return QStringLiteral("chronyd is not installed (apt-get install chrony)");
    QTemporaryDir &dir = process.dir();
    *port = closedUdpPort();
    // No server, pool or refclock line: chronyd has no source and stays unsynchronised.
    QFile config(dir.filePath(QStringLiteral("chrony.conf")));
    if (!config.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write chrony.conf");
    config.write(QStringLiteral("port %1\nbindaddress 127.0.0.1\nallow 127.0.0.1\ncmdport 0\n"
                                "pidfile %2/chronyd.pid\n")
                         .arg(*port)
                         .arg(dir.path())
                         .toUtf8());
    config.close();
    QStringList arguments{QStringLiteral("-d"), QStringLiteral("-x"), QStringLiteral("-f"),
                          config.fileName()};
    arguments += geteuid() == 0 ? QStringList{QStringLiteral("-u"), QStringLiteral("root")}
                                : QStringList{QStringLiteral("-U")};
    const quint16 listenPort = *port;
    return process.start(
            chronyd, arguments, [listenPort] { return ntpPortAnswers(listenPort); }, 15000);
}

namespace {

QString squidExecutable()
{
    return QStandardPaths::findExecutable(QStringLiteral("squid"),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
}

// squid started as root drops to its own user: it must read what it is given and write its log.
void makeReadableBySquid(const QString &path, bool writable = false)
{
    QFileDevice::Permissions permissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ReadOther | QFileDevice::ReadGroup;
    if (QFileInfo(path).isDir())
        permissions |= QFileDevice::ExeOwner | QFileDevice::ExeOther | QFileDevice::ExeGroup;
    if (writable)
        permissions |= QFileDevice::WriteOther | QFileDevice::WriteGroup;
    QFile::setPermissions(path, permissions);
}

void writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(contents);
    file.close();
}

// The configuration every test squid shares; portOptions follow the http_port address.
QString squidBaseConfig(const QString &dir, quint16 port, const QHash<QString, QString> &hosts,
                        const QString &portOptions = {})
{
    QString hostsText;
    for (auto it = hosts.cbegin(); it != hosts.cend(); ++it)
        hostsText += QStringLiteral("%1 %2\n").arg(it.value(), it.key());
    writeFile(dir + QStringLiteral("/hosts"), hostsText.toUtf8());
    return QStringLiteral("http_port 127.0.0.1:%1%3\n"
                          "pid_filename none\n"
                          "cache_log %2/cache.log\n"
                          "access_log none\n"
                          "cache deny all\n"
                          "cache_mem 1 MB\n"
                          "coredump_dir %2\n"
                          "hosts_file %2/hosts\n"
                          "dns_nameservers 127.0.0.1\n"
                          "pinger_enable off\n"
                          "visible_hostname portolan-test\n"
                          "shutdown_lifetime 0 seconds\n"
                          "connect_timeout 3 seconds\n"
                          "acl blocked dstdomain blocked.test\n"
                          "http_access deny blocked\n")
            .arg(port)
            .arg(dir, portOptions);
}

QString launchSquid(TestProcess &process, const QString &squid, const QString &config, quint16 port)
{
    QTemporaryDir &dir = process.dir();
    writeFile(dir.filePath(QStringLiteral("squid.conf")), config.toUtf8());
    writeFile(dir.filePath(QStringLiteral("cache.log")), {});
    makeReadableBySquid(dir.path());
    for (const QString &name : {QStringLiteral("cache.log"), QStringLiteral("hosts"),
                                QStringLiteral("passwd"), QStringLiteral("squid.conf")})
        makeReadableBySquid(dir.filePath(name), true);
    return process.start(
            squid, {QStringLiteral("-N"), QStringLiteral("-f"), dir.filePath(QStringLiteral("squid.conf"))},
            [port] { return tcpPortAnswers(port); }, 20000);
}

} // namespace

QString startSquid(TestProcess &process, quint16 *port, const QHash<QString, QString> &hosts,
                   const QString &user, const QString &password)
{
    const QString squid = squidExecutable();
    if (squid.isEmpty())
        return QStringLiteral("squid is not installed (apt-get install squid-openssl)");
    const QString helper = QStringLiteral("/usr/lib/squid/basic_ncsa_auth");
    if (!user.isEmpty() && !QFile::exists(helper))
        return QStringLiteral("%1 is missing").arg(helper);
    QTemporaryDir &dir = process.dir();
    *port = closedTcpPort();
    QString config = squidBaseConfig(dir.path(), *port, hosts);
    if (!user.isEmpty()) {
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("passwd"), QStringLiteral("-1"), password});
        if (!openssl.waitForFinished(10000) || openssl.exitCode() != 0)
            return QStringLiteral("openssl passwd failed");
        writeFile(dir.filePath(QStringLiteral("passwd")),
                  user.toUtf8() + ':' + openssl.readAllStandardOutput().trimmed() + '\n');
        config += QStringLiteral("auth_param basic program %1 %2/passwd\n"
                                 "auth_param basic realm portolan-test\n"
                                 "acl authenticated proxy_auth REQUIRED\n"
                                 "http_access allow localhost authenticated\n")
                          .arg(helper, dir.path());
    } else {
        config += QStringLiteral("http_access allow localhost\n");
    }
    config += QStringLiteral("http_access deny all\n");
    return launchSquid(process, squid, config, *port);
}

QString startInspectingSquid(TestProcess &process, quint16 *port, const QHash<QString, QString> &hosts,
                             const QString &signingCertificateFile, const QString &signingKeyFile,
                             const QString &originCaFile)
{
    const QString squid = squidExecutable();
    if (squid.isEmpty())
        return QStringLiteral("squid is not installed (apt-get install squid-openssl)");
    const QString certgen = QStringLiteral("/usr/lib/squid/security_file_certgen");
    if (!QFile::exists(certgen))
        return QStringLiteral("%1 is missing: squid without ssl-bump (apt-get install squid-openssl)")
                .arg(certgen);
    QTemporaryDir &dir = process.dir();
    // Copies squid's own user can read (the test's certificate directory is private).
    const QStringList copies{QStringLiteral("signing.pem"), QStringLiteral("signing.key"),
                             QStringLiteral("origin-ca.pem")};
    const QStringList sources{signingCertificateFile, signingKeyFile, originCaFile};
    for (int i = 0; i < copies.size(); ++i) {
        QFile::remove(dir.filePath(copies[i]));
        if (!QFile::copy(sources[i], dir.filePath(copies[i])))
            return QStringLiteral("cannot copy %1").arg(sources[i]);
        makeReadableBySquid(dir.filePath(copies[i]));
    }
    const QString database = dir.filePath(QStringLiteral("ssl_db"));
    QProcess init;
    init.start(certgen,
               {QStringLiteral("-c"), QStringLiteral("-s"), database, QStringLiteral("-M"),
                QStringLiteral("4MB")});
    if (!init.waitForFinished(10000) || init.exitCode() != 0)
        return QStringLiteral("security_file_certgen -c failed: %1")
                .arg(QString::fromLocal8Bit(init.readAllStandardError()));
    // The certificate generator runs as squid's user too and writes its database.
    makeReadableBySquid(database, true);
    for (const QFileInfo &entry : QDir(database).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot))
        makeReadableBySquid(entry.filePath(), true);
    QDir(database).mkpath(QStringLiteral("certs"));
    makeReadableBySquid(dir.filePath(QStringLiteral("ssl_db/certs")), true);

    *port = closedTcpPort();
    QString config =
            squidBaseConfig(dir.path(), *port, hosts,
                            QStringLiteral(" ssl-bump tls-cert=%1/signing.pem tls-key=%1/signing.key "
                                           "generate-host-certificates=on dynamic_cert_mem_cache_size=4MB")
                                    .arg(dir.path()));
    config += QStringLiteral("sslcrtd_program %1 -s %2 -M 4MB\n"
                             "sslcrtd_children 2 startup=1 idle=1\n"
                             "ssl_bump bump all\n"
                             "tls_outgoing_options cafile=%3/origin-ca.pem\n"
                             "http_access allow localhost\n"
                             "http_access deny all\n")
                      .arg(certgen, database, dir.path());
    return launchSquid(process, squid, config, *port);
}

namespace {

// Runs a command line tool to completion: its output as the error when it fails, else "".
QString runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(10000) || process.exitCode() != 0)
        return QStringLiteral("%1 %2: %3")
                .arg(program, arguments.join(QLatin1Char(' ')), QString::fromLocal8Bit(process.readAll()));
    return QString();
}

} // namespace

QString replaceSystemTrustStore(const QStringList &certificateFiles, QTemporaryDir &store)
{
    for (const QString &file : certificateFiles) {
        const QString copy = store.filePath(QFileInfo(file).completeBaseName() + QStringLiteral(".pem"));
        QFile::remove(copy);
        if (!QFile::copy(file, copy))
            return QStringLiteral("cannot copy %1").arg(file);
    }
    // OpenSSL looks a directory's certificates up by their subject hash.
    QString error = runTool(QStringLiteral("openssl"), {QStringLiteral("rehash"), store.path()});
    if (error.isEmpty())
        error = runTool(QStringLiteral("mount"),
                        {QStringLiteral("--bind"), store.path(), QStringLiteral("/etc/ssl/certs")});
    return error;
}

QString runInNetworkNamespace(const QStringList &arguments, int *exitCode, QByteArray *output)
{
    const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
    if (unshare.isEmpty())
        return QStringLiteral("unshare is not installed (util-linux)");
    // Probe: can this process create a network namespace (root, or user namespaces allowed)?
    const QStringList mode =
            geteuid() == 0 ? QStringList{QStringLiteral("-nm")} : QStringList{QStringLiteral("-rnm")};
    QProcess probe;
    probe.start(unshare, mode + QStringList{QStringLiteral("true")});
    if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
        return QStringLiteral("cannot create a network namespace: %1")
                .arg(QString::fromLocal8Bit(probe.readAllStandardError()).trimmed());
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PORTOLAN_IN_NETNS"), QStringLiteral("1"));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(unshare, mode + QStringList{QCoreApplication::applicationFilePath()} + arguments);
    if (!process.waitForFinished(120000))
        return QStringLiteral("the namespaced run did not finish");
    *exitCode = process.exitCode();
    *output = process.readAll();
    return {};
}

QString blackholeLoopbackPorts(const QList<quint16> &ports)
{
    QString error = runTool(
            QStringLiteral("ip"),
            {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")});
    if (!error.isEmpty())
        return error;
    QStringList portList;
    for (quint16 port : ports)
        portList.append(QString::number(port));
    const QString set = portList.join(QLatin1Char(','));
    // nft first; iptables as the fallback.
    error = runTool(QStringLiteral("nft"),
                    {QStringLiteral("add table inet portolan; add chain inet portolan in { type filter hook "
                                    "input priority 0; }; "
                                    "add rule inet portolan in tcp dport { %1 } drop")
                             .arg(set)});
    if (error.isEmpty())
        return {};
    QString iptablesError;
    for (quint16 port : ports) {
        iptablesError = runTool(QStringLiteral("iptables"),
                                {QStringLiteral("-A"), QStringLiteral("INPUT"), QStringLiteral("-p"),
                                 QStringLiteral("tcp"), QStringLiteral("--dport"), QString::number(port),
                                 QStringLiteral("-j"), QStringLiteral("DROP")});
        if (!iptablesError.isEmpty())
            break;
    }
    return iptablesError.isEmpty() ? QString() : error + QLatin1Char('\n') + iptablesError;
}

QString addFirewallRules(const QStringList &rules)
{
    QString error = runTool(
            QStringLiteral("ip"),
            {QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")});
    for (const QString &rule : rules) {
        if (!error.isEmpty())
            break;
        const bool six = rule.startsWith(QLatin1String("-6 "));
        const QString program = QStandardPaths::findExecutable(
                six ? QStringLiteral("ip6tables") : QStringLiteral("iptables"),
                {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin")});
        if (program.isEmpty())
            return QStringLiteral("iptables is not installed");
        error = runTool(program, (six ? rule.mid(3) : rule).split(QLatin1Char(' '), Qt::SkipEmptyParts));
    }
    return error;
}
