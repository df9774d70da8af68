#include "trustanchors.h"

#include <QDir>
#include <QHash>
#include <QMutex>
#include <QSslCertificateExtension>
#include <QSslConfiguration>
#include <QSslKey>
#include <QVariantMap>

#include <algorithm>

namespace {

// Key identifiers as lower-case hex without separators, whatever form the backend gives.
QByteArray keyIdentifier(const QVariant &value)
{
    QByteArray text = value.typeId() == QMetaType::QVariantMap
            ? value.toMap().value(QStringLiteral("keyid")).toByteArray()
            : value.toByteArray();
    text = text.toLower();
    text.replace(':', "");
    return text;
}

QByteArray extensionKeyId(const QSslCertificate &certificate, const char *name)
{
    for (const QSslCertificateExtension &extension : certificate.extensions()) {
        if (extension.name() == QLatin1String(name))
            return keyIdentifier(extension.value());
    }
    return {};
}

// The same root: the same certificate, or a re-issue of it (same name, same key).
bool isSameRoot(const QSslCertificate &a, const QSslCertificate &b)
{
    return a == b || (a.subjectDisplayName() == b.subjectDisplayName() && a.publicKey() == b.publicKey());
}

bool contains(const QList<QSslCertificate> &list, const QSslCertificate &certificate)
{
    return std::any_of(list.cbegin(), list.cend(),
                       [&certificate](const QSslCertificate &c) { return isSameRoot(c, certificate); });
}

} // namespace

QString TrustAnchors::defaultPublicRootsDirectory()
{
    return QStringLiteral("/usr/share/ca-certificates/mozilla");
}

QList<QSslCertificate> TrustAnchors::publicRoots(const QString &directory)
{
    static QMutex mutex;
    static QHash<QString, QList<QSslCertificate>> cache;
    const QMutexLocker locker(&mutex);
    const auto it = cache.constFind(directory);
    if (it != cache.cend())
        return *it;
    QList<QSslCertificate> roots;
    const QDir dir(directory);
    for (const QString &name : dir.entryList({QStringLiteral("*.crt"), QStringLiteral("*.pem")}, QDir::Files))
        roots += QSslCertificate::fromPath(dir.filePath(name), QSsl::Pem);
    cache.insert(directory, roots);
    return roots;
}

QList<QSslCertificate> TrustAnchors::systemCertificates()
{
    static const QList<QSslCertificate> certificates = QSslConfiguration::systemCaCertificates();
    return certificates;
}

QString TrustAnchors::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Public:
        return QStringLiteral("public");
    case Kind::CaFile:
        return QStringLiteral("ca-file");
    case Kind::System:
        return QStringLiteral("system");
    case Kind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

std::optional<TrustAnchors::Kind> TrustAnchors::kindFromName(const QString &name)
{
    for (const Kind kind : {Kind::Unknown, Kind::Public, Kind::CaFile, Kind::System}) {
        if (kindName(kind) == name)
            return kind;
    }
    return std::nullopt;
}

bool TrustAnchors::isIssuedBy(const QSslCertificate &certificate, const QSslCertificate &issuer)
{
    QList<QByteArray> attributes = certificate.issuerInfoAttributes();
    if (attributes.isEmpty() || attributes.size() != issuer.subjectInfoAttributes().size())
        return false;
    for (const QByteArray &attribute : attributes) {
        if (certificate.issuerInfo(attribute) != issuer.subjectInfo(attribute))
            return false;
    }
    const QByteArray authorityKey = extensionKeyId(certificate, "authorityKeyIdentifier");
    const QByteArray subjectKey = extensionKeyId(issuer, "subjectKeyIdentifier");
    return authorityKey.isEmpty() || subjectKey.isEmpty() || authorityKey == subjectKey;
}

TrustAnchors::Anchor TrustAnchors::classify(const QList<QSslCertificate> &chain,
                                            const QList<QSslCertificate> &caFile,
                                            const QList<QSslCertificate> &system,
                                            const QList<QSslCertificate> &publicRoots)
{
    Anchor anchor;
    if (chain.isEmpty())
        return anchor;
    const QSslCertificate &top = chain.last();
    QList<QSslCertificate> candidates;
    if (top.isSelfSigned()) {
        candidates.append(top);
    } else {
        for (const QList<QSslCertificate> *store : {&caFile, &system}) {
            for (const QSslCertificate &ca : *store) {
                if (isIssuedBy(top, ca))
                    candidates.append(ca);
            }
        }
    }
    if (candidates.isEmpty())
        return anchor;
    // A root found both in the user's file and in the store counts as named by the user; one
    // that is public in any of its copies counts as public.
    for (const QSslCertificate &candidate : std::as_const(candidates)) {
        if (contains(caFile, candidate))
            return {candidate, Kind::CaFile};
    }
    anchor.certificate = candidates.first();
    if (publicRoots.isEmpty())
        return anchor; // no list to tell public from private: Unknown
    for (const QSslCertificate &candidate : std::as_const(candidates)) {
        if (contains(publicRoots, candidate))
            return {candidate, Kind::Public};
    }
    anchor.kind = Kind::System;
    return anchor;
}
