#pragma once

#include <QByteArray>
#include <QString>

namespace flowscope {

// How an endpoint is protected, as given on the command line: tokens for the two roles and an
// optional TLS identity (both files or neither).
struct EndpointSecurity
{
    QByteArray controlToken; // may watch and drive the engine
    QByteArray readToken;    // may only watch
    QString tlsCertificate;  // PEM file; empty: plain HTTP
    QString tlsKey;          // PEM file

    bool usesTls() const { return !tlsCertificate.isEmpty(); }
};

} // namespace flowscope
