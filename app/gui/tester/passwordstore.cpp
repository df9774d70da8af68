#include "passwordstore.h"

#include <QTimer>

#ifdef PORTOLAN_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace {
#ifdef PORTOLAN_HAVE_KEYCHAIN
const QString Service = QStringLiteral("Portolan");
#endif
} // namespace

PasswordStore::PasswordStore(QObject *parent)
    : QObject(parent)
{ }

bool PasswordStore::isSupported()
{
#ifdef PORTOLAN_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

void PasswordStore::read(const QString &key)
{
#ifdef PORTOLAN_HAVE_KEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain-text file
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        if (job->error() != QKeychain::NoError)
            emit readFinished(key, {}, job->errorString());
        else
            emit readFinished(key, job->textData(), {});
    });
    job->start();
#else
    QTimer::singleShot(
            0, this, [this, key] { emit readFinished(key, {}, tr("This build has no keychain support.")); });
#endif
}

void PasswordStore::write(const QString &key, const QString &password)
{
#ifdef PORTOLAN_HAVE_KEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(password);
    connect(job, &QKeychain::Job::finished, this, [this, job, key] {
        emit writeFinished(key, job->error() != QKeychain::NoError ? job->errorString() : QString());
    });
    job->start();
#else
    Q_UNUSED(password)
    QTimer::singleShot(0, this,
                       [this, key] { emit writeFinished(key, tr("This build has no keychain support.")); });
#endif
}

void PasswordStore::remove(const QString &key)
{
#ifdef PORTOLAN_HAVE_KEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->start();
#else
    Q_UNUSED(key)
#endif
}
