#pragma once

#include "requestsizescanner.h"

#include <QObject>

class QTcpSocket;

namespace flowscope {

// Watches the bytes of one connection before the HTTP server parses them, so an oversized request
// is refused as soon as its headers say so instead of after its body has been buffered (see
// RequestSizeScanner for the rules). Installed on every accepted socket, connected before the
// server's own readyRead handler.
class RequestGuard : public QObject
{
    Q_OBJECT
public:
    // How long a refused connection is drained before it is closed.
    static constexpr int lingerMs = 3000;

    static void install(QTcpSocket *socket, qint64 maxBodyBytes);

private:
    RequestGuard(QTcpSocket *socket, qint64 maxBodyBytes);
    void inspect();
    void refuse(const RequestRefusal &refusal);

    QTcpSocket *m_socket;
    RequestSizeScanner m_scanner;
};

} // namespace flowscope
