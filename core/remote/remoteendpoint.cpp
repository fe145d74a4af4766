#include "remote/remoteendpoint.h"

namespace flowscope {

QUrl consoleChannelUrl(const QUrl &url, QString *error)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty()) {
        *error = QStringLiteral("'%1' is not a URL with a host").arg(url.toString());
        return {};
    }
    QUrl out = url;
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        out.setScheme(scheme == QLatin1String("https") ? QStringLiteral("wss")
                                                       : QStringLiteral("ws"));
        out.setPath(QStringLiteral("/api/ws/console"));
        out.setQuery(QString());
        out.setFragment(QString());
    } else if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss")) {
        *error
            = QStringLiteral("'%1': the scheme must be http, https, ws or wss").arg(url.toString());
        return {};
    } else if (out.path().isEmpty() || out.path() == QLatin1String("/")) {
        out.setPath(QStringLiteral("/api/ws/console"));
    }
    return out;
}

} // namespace flowscope
