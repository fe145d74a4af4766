#include "websocketrouter.h"

#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

namespace flowscope {

namespace {

AccessPolicy::Headers headersOf(const QNetworkRequest &request)
{
    AccessPolicy::Headers headers;
    const QList<QByteArray> names = request.rawHeaderList();
    for (const QByteArray &name : names)
        headers.append({name, request.rawHeader(name)});
    return headers;
}

// 1008 (policy violated) with the reason, then the socket goes once closed (or after a second
// if the peer never answers the close).
void refuse(std::unique_ptr<QWebSocket> socket, QObject *owner, const QString &reason)
{
    QWebSocket *raw = socket.release();
    raw->setParent(owner);
    QObject::connect(raw, &QWebSocket::disconnected, raw, &QObject::deleteLater);
    QTimer::singleShot(1000, raw, &QObject::deleteLater);
    raw->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
}

} // namespace

WebSocketRouter::WebSocketRouter(const AccessPolicy *policy, QObject *owner)
    : m_policy(policy)
    , m_owner(owner)
{}

void WebSocketRouter::add(const QString &pattern, AccessRole needed, Acceptor acceptor,
                          qint64 maxIncomingBytes)
{
    m_entries.append({QRegularExpression(pattern), needed, std::move(acceptor), maxIncomingBytes});
}

bool WebSocketRouter::serves(const QString &path, AccessRole *needed) const
{
    for (const Entry &entry : m_entries) {
        if (entry.path.match(path).hasMatch()) {
            if (needed)
                *needed = entry.needed;
            return true;
        }
    }
    if (needed)
        *needed = AccessRole::None;
    return false;
}

void WebSocketRouter::accept(std::unique_ptr<QWebSocket> socket) const
{
    // Limits before anything is read, whatever the socket turns out to be.
    socket->setMaxAllowedIncomingFrameSize(defaultMaxIncomingBytes);
    socket->setMaxAllowedIncomingMessageSize(defaultMaxIncomingBytes);

    const QString path = socket->requestUrl().path();
    for (const Entry &entry : m_entries) {
        const QRegularExpressionMatch match = entry.path.match(path);
        if (!match.hasMatch())
            continue;
        socket->setMaxAllowedIncomingFrameSize(entry.maxIncomingBytes);
        socket->setMaxAllowedIncomingMessageSize(entry.maxIncomingBytes);
        const AccessRole role
            = m_policy->roleFor(headersOf(socket->request()), QUrlQuery(socket->requestUrl()));
        if (role < entry.needed) {
            refuse(std::move(socket), m_owner,
                   role == AccessRole::None ? QStringLiteral("a valid token is required")
                                            : QStringLiteral("this channel needs a control token"));
            return;
        }
        QStringList captures = match.capturedTexts();
        captures.removeFirst();
        entry.acceptor(std::move(socket), captures, role);
        return;
    }
    refuse(std::move(socket), m_owner, QStringLiteral("no WebSocket endpoint at %1").arg(path));
}

} // namespace flowscope
