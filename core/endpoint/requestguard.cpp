#include "requestguard.h"

#include "jsonshapes.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTimer>

namespace flowscope {

void RequestGuard::install(QTcpSocket *socket, qint64 maxBodyBytes)
{
    new RequestGuard(socket, maxBodyBytes);
}

RequestGuard::RequestGuard(QTcpSocket *socket, qint64 maxBodyBytes)
    : QObject(socket)
    , m_socket(socket)
    , m_scanner(maxBodyBytes)
{
    connect(socket, &QIODevice::readyRead, this, &RequestGuard::inspect);
}

void RequestGuard::inspect()
{
    // The server's handler runs after this one on the same signal and reads what is buffered.
    const RequestRefusal refusal = m_scanner.feed(m_socket->peek(m_socket->bytesAvailable()));
    if (refusal.status)
        refuse(refusal);
}

void RequestGuard::refuse(const RequestRefusal &refusal)
{
    // Nothing more of this connection reaches the server's parser.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    m_socket->readAll();
    const QByteArray body = QJsonDocument(EndpointJson::error(refusal.status, refusal.message))
                                .toJson(QJsonDocument::Compact);
    const QByteArray head = "HTTP/1.1 " + QByteArray::number(refusal.status) + ' ' + refusal.reason
                            + "\r\nContent-Type: application/json\r\nContent-Length: "
                            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n";
    m_socket->write(head + body);
    // Closing with unread input would reset the connection and the client would never read the
    // answer: discard what it still sends (memory stays flat) until it closes, for a few seconds
    // at most.
    connect(m_socket, &QIODevice::readyRead, this, [this] { m_socket->readAll(); });
    QTimer::singleShot(lingerMs, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
}

} // namespace flowscope
