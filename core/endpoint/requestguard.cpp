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
    , m_maxBodyBytes(maxBodyBytes)
{
    connect(socket, &QIODevice::readyRead, this, &RequestGuard::inspect);
}

void RequestGuard::inspect()
{
    // The server's handler runs after this one on the same signal and reads what is buffered.
    consume(m_socket->peek(m_socket->bytesAvailable()));
}

bool RequestGuard::consume(const QByteArray &bytes)
{
    qsizetype at = 0;
    while (at < bytes.size()) {
        if (m_bodyRemaining > 0) {
            const qint64 step = qMin<qint64>(m_bodyRemaining, bytes.size() - at);
            m_bodyRemaining -= step;
            at += step;
            continue;
        }
        const qsizetype before = m_header.size();
        m_header.append(bytes.constData() + at, bytes.size() - at);
        const qsizetype end = m_header.indexOf("\r\n\r\n");
        const qsizetype headerBytes = end < 0 ? m_header.size() : end + 4;
        if (headerBytes > maxHeaderBytes) {
            refuse(431, "Request Header Fields Too Large",
                   QStringLiteral("request headers over %1 bytes").arg(maxHeaderBytes));
            return false;
        }
        if (end < 0)
            return true;
        m_header.truncate(end + 4);
        at += m_header.size() - before;
        if (!headersComplete())
            return false;
        m_header.clear();
    }
    return true;
}

bool RequestGuard::headersComplete()
{
    const QList<QByteArray> lines = m_header.split('\n');
    for (const QByteArray &rawLine : lines) {
        const int colon = rawLine.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = rawLine.left(colon).trimmed().toLower();
        const QByteArray value = rawLine.mid(colon + 1).trimmed();
        if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            refuse(411, "Length Required",
                   QStringLiteral("chunked request bodies are not accepted: send Content-Length"));
            return false;
        }
        if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (ok && length > m_maxBodyBytes) {
                refuse(413, "Payload Too Large",
                       QStringLiteral("request body of %1 bytes is over the limit of %2 bytes")
                           .arg(length)
                           .arg(m_maxBodyBytes));
                return false;
            }
            if (ok && length > 0)
                m_bodyRemaining = length;
        }
    }
    return true;
}

void RequestGuard::refuse(int status, const QByteArray &reason, const QString &message)
{
    // Nothing more of this connection reaches the server's parser.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    m_socket->readAll();
    const QByteArray body
        = QJsonDocument(EndpointJson::error(status, message)).toJson(QJsonDocument::Compact);
    const QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
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
