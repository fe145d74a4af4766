#pragma once

#include "accesspolicy.h"

#include <QList>
#include <QRegularExpression>

#include <functional>
#include <memory>

class QObject;
class QWebSocket;

namespace flowscope {

// Hands each accepted WebSocket to the channel registered for its path, after setting the frame
// and message size limits (over them the socket closes with 1009) and checking the caller's role
// (credentials of the upgrade request: header or ?token=). A path nobody serves, or a caller
// without the role, is closed with 1008 and a reason.
class WebSocketRouter
{
public:
    // captures: the path pattern's capture groups; granted: the caller's role (>= needed).
    using Acceptor = std::function<void(std::unique_ptr<QWebSocket> socket,
                                        const QStringList &captures, AccessRole granted)>;

    static constexpr qint64 defaultMaxIncomingBytes = 1024 * 1024;

    // owner: parent of sockets being refused while they close.
    explicit WebSocketRouter(const AccessPolicy *policy, QObject *owner = nullptr);

    // pattern: anchored regular expression over the path, e.g. "^/api/ws/console$".
    void add(const QString &pattern, AccessRole needed, Acceptor acceptor,
             qint64 maxIncomingBytes = defaultMaxIncomingBytes);
    void accept(std::unique_ptr<QWebSocket> socket) const;
    // The role a path needs (None when nothing serves it), for refusing the upgrade early.
    bool serves(const QString &path, AccessRole *needed = nullptr) const;

private:
    struct Entry
    {
        QRegularExpression path;
        AccessRole needed;
        Acceptor acceptor;
        qint64 maxIncomingBytes;
    };
    const AccessPolicy *m_policy;
    QObject *m_owner;
    QList<Entry> m_entries;
};

} // namespace flowscope
