#pragma once

#include <QString>
#include <QUrl>

namespace flowscope {

// Where a remote engine is and how to talk to it. url: http(s)://host:port (the console channel's
// ws(s)://host:port/api/ws/console is derived from it) or a ws(s):// URL, used as given (a URL
// without a path gets /api/ws/console).
struct RemoteEndpoint
{
    QUrl url;
    QString token;
    bool cbor = true;
};

// The WebSocket URL of the endpoint's console channel, or an empty URL with *error set.
QUrl consoleChannelUrl(const QUrl &url, QString *error);

} // namespace flowscope
