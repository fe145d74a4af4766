#include "engineprofile.h"

#include <QUuid>

namespace flowscope {

QString EngineProfile::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString EngineProfile::displayName() const
{
    if (!name.trimmed().isEmpty())
        return name.trimmed();
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

QString EngineProfile::checkUrl(const QString &text, QUrl *result)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return tr("Enter the engine's address, for example http://127.0.0.1:8765.");
    const QString withScheme
        = trimmed.contains(QLatin1String("://")) ? trimmed : QStringLiteral("http://") + trimmed;
    const QUrl url(withScheme, QUrl::StrictMode);
    if (!url.isValid())
        return tr("“%1” is not a valid URL: %2").arg(trimmed, url.errorString());
    const QString scheme = url.scheme().toLower();
    const bool known = scheme == QLatin1String("http") || scheme == QLatin1String("https")
                       || scheme == QLatin1String("ws") || scheme == QLatin1String("wss");
    if (!known)
        return tr("“%1” is not an engine URL: it must start with http://, https://, ws:// or "
                  "wss://, not %2://.")
            .arg(trimmed, url.scheme());
    if (url.host().isEmpty())
        return tr("“%1” has no host name.").arg(trimmed);
    if (!url.userInfo().isEmpty())
        return tr("“%1” has a user name in it: give the token in its own field.").arg(trimmed);
    if (result)
        *result = url;
    return QString();
}

bool operator==(const EngineProfile &a, const EngineProfile &b)
{
    return a.id == b.id && a.name == b.name && a.url == b.url && a.token == b.token
           && a.saveToken == b.saveToken && a.connectAtStartup == b.connectAtStartup;
}

} // namespace flowscope
