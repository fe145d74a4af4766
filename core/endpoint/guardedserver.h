#pragma once

#include "requestguard.h"

#include <QTcpSocket>

namespace flowscope {

// A listening server (QTcpServer or QSslServer) that puts a RequestGuard on each connection
// before handing it to the HTTP server, which connects its own handlers after that.
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
        if (socket)
            RequestGuard::install(socket, m_maxBodyBytes);
        return socket;
    }

private:
    qint64 m_maxBodyBytes;
};

} // namespace flowscope
