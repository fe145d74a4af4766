#include "tokenstore.h"

#include <QPointer>
#include <QSettings>
#include <QTimer>

#ifdef FLOWSCOPE_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace flowscope {

namespace {
const QString keychainService = QStringLiteral("Flowscope engine tokens");

QString settingsKey(const QString &profileId)
{
    return QStringLiteral("engines/tokens/%1").arg(profileId);
}
} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
    , m_backend(defaultBackend())
{}

bool TokenStore::keychainAvailable()
{
#ifdef FLOWSCOPE_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

TokenStore::Backend TokenStore::defaultBackend()
{
    return keychainAvailable() ? Backend::Keychain : Backend::Settings;
}

QString TokenStore::settingsLocation()
{
    return QSettings().fileName();
}

void TokenStore::read(const QString &profileId, QObject *context, ReadDone done)
{
    const QPointer<QObject> guard(context);
#ifdef FLOWSCOPE_HAVE_KEYCHAIN
    if (m_backend == Backend::Keychain) {
        auto *job = new QKeychain::ReadPasswordJob(keychainService, this);
        job->setKey(profileId);
        connect(job, &QKeychain::Job::finished, this, [guard, done](QKeychain::Job *finished) {
            if (!guard)
                return;
            const auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finished);
            if (finished->error() == QKeychain::NoError)
                done(readJob->textData(), QString());
            else if (finished->error() == QKeychain::EntryNotFound)
                done(QString(), QString());
            else
                done(QString(),
                     tr("The keychain did not give the token: %1").arg(finished->errorString()));
        });
        job->start();
        return;
    }
#endif
    const QString token = QSettings().value(settingsKey(profileId)).toString();
    QTimer::singleShot(0, this, [guard, done, token] {
        if (guard)
            done(token, QString());
    });
}

void TokenStore::write(const QString &profileId, const QString &token)
{
#ifdef FLOWSCOPE_HAVE_KEYCHAIN
    if (m_backend == Backend::Keychain) {
        auto *job = new QKeychain::WritePasswordJob(keychainService, this);
        job->setKey(profileId);
        job->setTextData(token);
        connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
            if (finished->error() != QKeychain::NoError)
                Q_EMIT failed(
                    tr("The keychain did not keep the token: %1").arg(finished->errorString()));
        });
        job->start();
        return;
    }
#endif
    QSettings().setValue(settingsKey(profileId), token);
}

void TokenStore::remove(const QString &profileId)
{
#ifdef FLOWSCOPE_HAVE_KEYCHAIN
    if (m_backend == Backend::Keychain) {
        auto *job = new QKeychain::DeletePasswordJob(keychainService, this);
        job->setKey(profileId);
        connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job *finished) {
            const QKeychain::Error error = finished->error();
            if (error != QKeychain::NoError && error != QKeychain::EntryNotFound)
                Q_EMIT failed(
                    tr("The keychain did not forget the token: %1").arg(finished->errorString()));
        });
        job->start();
    }
#endif
    // Also where an older run without a keychain may have put it.
    QSettings().remove(settingsKey(profileId));
}

} // namespace flowscope
