#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

#include <optional>

// Which root a validated TLS chain ends in, and whether that root is a public one. A chain that
// validates only through a root installed on this machine that no public program ships (and
// that the user did not name with --ca-file) is a TLS-inspecting proxy re-signing the traffic:
// the agent, with its own trust store, will not accept it.
class TrustAnchors
{
public:
    enum class Kind {
        Unknown, // the root was not found, or this platform has no list of public roots
        Public, // one of the public roots (Debian: the Mozilla roots of ca-certificates)
        CaFile, // one the user named with --ca-file
        System, // installed on this machine, not public: a company or inspection CA
    };

    struct Anchor
    {
        QSslCertificate certificate;
        Kind kind = Kind::Unknown;
    };

    // Where the public roots are read from: Debian's and Ubuntu's copy of the Mozilla roots.
    static QString defaultPublicRootsDirectory();
    // The *.crt certificates of a directory, read once per directory and process.
    static QList<QSslCertificate> publicRoots(const QString &directory);
    // The system trust store, read once per process.
    static QList<QSslCertificate> systemCertificates();

    // "public", "ca-file", "system", "unknown" (stable: JSON).
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);

    // The root of a chain the socket validated (leaf first, as sent): the self-signed top of
    // the chain, else the certificate among caFile, then system, that issued the top.
    static Anchor classify(const QList<QSslCertificate> &chain, const QList<QSslCertificate> &caFile,
                           const QList<QSslCertificate> &system, const QList<QSslCertificate> &publicRoots);

    // Whether issuer's subject is certificate's issuer name and, where both carry key
    // identifiers, its key is the one that signed.
    static bool isIssuedBy(const QSslCertificate &certificate, const QSslCertificate &issuer);
};
