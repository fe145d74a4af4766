#pragma once

#include <QObject>

class QTcpSocket;

namespace flowscope {

// Watches the bytes of one connection before the HTTP server parses them, so an oversized request
// is refused as soon as its headers say so instead of after its body has been buffered: 413 for a
// Content-Length over the limit, 431 for a header block over 64 KiB, 411 for a chunked body (its
// size is unknown up front). Installed on every accepted socket, connected before the server's
// own readyRead handler.
class RequestGuard : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 maxHeaderBytes = 64 * 1024;
    // How long a refused connection is drained before it is closed.
    static constexpr int lingerMs = 3000;

    static void install(QTcpSocket *socket, qint64 maxBodyBytes);

private:
    RequestGuard(QTcpSocket *socket, qint64 maxBodyBytes);
    void inspect();
    // Feeds new bytes through the per-request state; false once the request was refused.
    bool consume(const QByteArray &bytes);
    bool headersComplete();
    void refuse(int status, const QByteArray &reason, const QString &message);

    QTcpSocket *m_socket;
    qint64 m_maxBodyBytes;
    QByteArray m_header;        // the current request's header bytes so far
    qint64 m_bodyRemaining = 0; // body bytes of the current request still to come
};

} // namespace flowscope
