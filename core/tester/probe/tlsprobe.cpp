#include "tlsprobe.h"

#include "core/tester/probe/trustanchors.h"

#include <QSslConfiguration>
#include <QSslSocket>

namespace {
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
} // namespace

TlsProbe::TlsProbe(ProbeContext *context, QObject *parent)
    : Probe(Stage::Tls, context, parent)
{ }

void TlsProbe::start()
{
    QSslSocket *socket = context().socket;
    connect(socket, &QSslSocket::encrypted, this, &TlsProbe::onEncrypted);
    connect(socket, qOverload<const QList<QSslError> &>(&QSslSocket::sslErrors), this,
            &TlsProbe::onSslErrors);
    connect(socket, &QSslSocket::errorOccurred, this, &TlsProbe::onSocketError);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // Giving Qt any CA list turns its on-demand loading of the system store off: the system's
    // roots go in explicitly, or --ca-file would replace them instead of adding to them.
    if (!options().extraCaCertificates.isEmpty())
        configuration.setCaCertificates(TrustAnchors::systemCertificates() + options().extraCaCertificates);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket->setSslConfiguration(configuration);
    // The name to validate the certificate against is also the SNI server name.
    socket->setPeerVerifyName(target().host);
    socket->startClientEncryption();
}

void TlsProbe::stop()
{
    context().socket->disconnect(this);
}

void TlsProbe::recordCertificate(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return;
    TlsInfo &tls = result().tls;
    tls.present = true;
    tls.subject = certificate.subjectDisplayName();
    tls.issuer = certificate.issuerDisplayName();
    tls.notBefore = certificate.effectiveDate();
    tls.notAfter = certificate.expiryDate();
}

void TlsProbe::onEncrypted()
{
    if (isFinished())
        return;
    QSslSocket *socket = context().socket;
    recordCertificate(socket->peerCertificate());
    TlsInfo &tls = result().tls;
    tls.protocol = protocolName(socket->sessionProtocol());
    const QList<QSslCertificate> chain = socket->peerCertificateChain();
    const TrustAnchors::Anchor anchor =
            TrustAnchors::classify(chain, options().extraCaCertificates, TrustAnchors::systemCertificates(),
                                   TrustAnchors::publicRoots(options().publicRootsDirectory));
    for (const QSslCertificate &certificate : chain)
        tls.chain.append(certificate.subjectDisplayName());
    if (!anchor.certificate.isNull() && (chain.isEmpty() || anchor.certificate != chain.last()))
        tls.chain.append(anchor.certificate.subjectDisplayName());
    tls.anchorKind = anchor.kind;
    if (anchor.kind == TrustAnchors::Kind::System) {
        fail(Verdict::TlsIntercepted,
             tr("Certificate for %1 re-signed by %2, a root installed on this machine that is not public "
                "(chain: %3)")
                     .arg(tls.subject, anchor.certificate.subjectDisplayName(),
                          tls.chain.join(QStringLiteral(" < "))));
        return;
    }
    pass(tr("%1, certificate for %2 issued by %3, valid until %4")
                 .arg(tls.protocol, tls.subject, tls.issuer, tls.notAfter.toString(Qt::ISODate)));
}

void TlsProbe::onSslErrors(const QList<QSslError> &errors)
{
    if (isFinished())
        return;
    m_sslErrorsSeen = true;
    recordCertificate(context().socket->peerCertificate());
    TlsInfo &tls = result().tls;
    if (!tls.present && !errors.isEmpty())
        recordCertificate(errors.first().certificate());
    bool untrusted = false;
    bool expired = false;
    bool mismatch = false;
    for (const QSslError &error : errors) {
        tls.errors.append(error.errorString());
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
    fail(verdict,
         tr("Certificate for %1 issued by %2: %3")
                 .arg(tls.subject, tls.issuer, tls.errors.join(QStringLiteral("; "))));
}

void TlsProbe::onSocketError()
{
    if (!isFinished() && !m_sslErrorsSeen)
        fail(Verdict::TlsFailed, context().socket->errorString());
}

void TlsProbe::timeOut()
{
    if (isFinished())
        return;
    // TCP connected: the port is open. Something stalled the handshake.
    fail(Verdict::Stalled,
         tr("TCP connected, then the TLS handshake did not complete within %1 s").arg(waitedText()));
}
