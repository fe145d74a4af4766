#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

class QUrlQuery;

namespace flowscope {

// What a caller may do: watch (every GET, streams, monitor sockets) or also drive the engine
// (start, pause, breakpoints, variables, flows, ingest from external agents).
enum class AccessRole { None, Read, Control };

// The endpoint's tokens and the role each grants. Without any token every caller has Control
// (allowed only on loopback, see mayListenOn). Credentials are read from
// "Authorization: Bearer <t>", "Authorization: Token <t>" (the SWF monitor clients) or the
// "token" query item (browser EventSource and WebSocket clients cannot set headers). Tokens are
// compared in constant time and never appear in messages or logs.
class AccessPolicy
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    void setReadToken(const QByteArray &token);
    void setControlToken(const QByteArray &token);
    bool requiresToken() const;

    // The role the credentials grant: Control without tokens; None for missing or wrong ones.
    AccessRole roleFor(const Headers &headers, const QUrlQuery &query) const;

    // Binding a non-loopback address without a token is refused; *why says so.
    bool mayListenOn(const QString &addressText, bool loopback, QString *why) const;

    // Constant-time equality (time depends on the lengths only).
    static bool sameToken(const QByteArray &a, const QByteArray &b);

private:
    QByteArray m_readToken;
    QByteArray m_controlToken;
};

} // namespace flowscope
