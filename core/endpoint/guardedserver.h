#pragma once

#include "requestguard.h"

#include <QTcpSocket>

namespace flowscope {

// A listening server (QTcpServer or QSslServer) that puts a RequestGuard on each connection
// before handing it to the HTTP server, which connects its own handlers after that.
// Every connection sends without Nagle's algorithm: answers, stream events and WebSocket frames
// are written whole, and a small one must not wait for the acknowledgement of the one before
// (which the peer may delay by 40 ms) — a pong followed by an events frame did.
template<class Server>
class GuardedServer : public Server
{
public:
    explicit GuardedServer(qint64 maxBodyBytes, QObject *parent = nullptr)
        : Server(parent)
        , m_maxBodyBytes(maxBodyBytes)
    {}

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Server::nextPendingConnection();
        if (socket) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            RequestGuard::install(socket, m_maxBodyBytes);
        }
        return socket;
    }

private:
    qint64 m_maxBodyBytes;
};

} // namespace flowscope
