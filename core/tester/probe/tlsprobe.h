#pragma once

#include "core/tester/probe/probe.h"

#include <QSslError>

// The TLS handshake on the check's connection, validated against the host name (also the SNI
// name) and the system store plus --ca-file. Records the certificate and the chain, and tells
// a chain through a non-public root of this machine (TLS inspection) from a public one.
class TlsProbe final : public Probe
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsProbe)

public:
    explicit TlsProbe(ProbeContext *context, QObject *parent = nullptr);

    void start() override;
    void timeOut() override;

protected:
    void stop() override;

private:
    void onEncrypted();
    void onSslErrors(const QList<QSslError> &errors);
    void onSocketError();
    void recordCertificate(const QSslCertificate &certificate);

    bool m_sslErrorsSeen = false;
};
