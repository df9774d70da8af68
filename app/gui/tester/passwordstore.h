#pragma once

#include <QObject>
#include <QString>

// The proxy password in the system keychain (QtKeychain), asynchronously. Without QtKeychain at
// build time, or without a keychain service at run time, nothing is stored anywhere: every
// request reports its error instead.
class PasswordStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordStore)

public:
    explicit PasswordStore(QObject *parent = nullptr);

    // Whether the build has keychain support (the service may still be missing at run time).
    static bool isSupported();

    void read(const QString &key);
    void write(const QString &key, const QString &password);
    void remove(const QString &key);

signals:
    // error is empty on success; password is empty on error.
    void readFinished(const QString &key, const QString &password, const QString &error);
    void writeFinished(const QString &key, const QString &error);
};
