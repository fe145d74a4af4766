#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

namespace flowscope {

// The endpoint's TLS identity from PEM files: a certificate (chain, leaf first) and its private
// key (RSA or EC, unencrypted). Loading says which file is wrong and why.
class TlsFiles
{
public:
    bool load(const QString &certificatePath, const QString &keyPath, QString *error);
    QSslConfiguration configuration() const;

private:
    QList<QSslCertificate> m_chain;
    QSslKey m_key;
};

} // namespace flowscope
