#include "tlsfiles.h"

#include <QFile>
#include <QSslSocket>

namespace flowscope {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool TlsFiles::load(const QString &certificatePath, const QString &keyPath, QString *error)
{
    if (!QSslSocket::supportsSsl())
        return fail(error, QStringLiteral("TLS is not available: no SSL backend (%1)")
                               .arg(QSslSocket::sslLibraryVersionString()));
    QFile certificateFile(certificatePath);
    if (!certificateFile.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("--tls-cert %1: %2")
                               .arg(certificatePath, certificateFile.errorString()));
    m_chain = QSslCertificate::fromData(certificateFile.readAll(), QSsl::Pem);
    if (m_chain.isEmpty() || m_chain.first().isNull())
        return fail(
            error,
            QStringLiteral("--tls-cert %1: no PEM certificate in the file").arg(certificatePath));

    QFile keyFile(keyPath);
    if (!keyFile.open(QIODevice::ReadOnly))
        return fail(error, QStringLiteral("--tls-key %1: %2").arg(keyPath, keyFile.errorString()));
    const QByteArray pem = keyFile.readAll();
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        m_key = QSslKey(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!m_key.isNull())
            return true;
    }
    return fail(error, QStringLiteral("--tls-key %1: no unencrypted RSA or EC private key in PEM "
                                      "form")
                           .arg(keyPath));
}

QSslConfiguration TlsFiles::configuration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(m_chain);
    configuration.setPrivateKey(m_key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate by token
    return configuration;
}

} // namespace flowscope
