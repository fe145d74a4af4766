#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QUrl>

namespace flowscope {

// An engine the console reaches over the network, as the user described it in the connect
// dialog. Kept in QSettings by EngineProfileStore; the token only where the user allowed it.
struct EngineProfile
{
    Q_DECLARE_TR_FUNCTIONS(EngineProfile)

public:
    QString id; // stable key in the settings and the keychain
    QString name;
    QUrl url; // http(s)://host:port or ws(s)://host:port/...
    QString token;
    bool saveToken = false;
    bool connectAtStartup = true;

    // A fresh profile id.
    static QString newId();
    // "name" or, when it has none, the URL's host and port.
    QString displayName() const;
    // Empty when text is an engine URL the console can use; else what is wrong with it. Text
    // without a scheme ("host:port") is taken as http://.
    static QString checkUrl(const QString &text, QUrl *url = nullptr);
};

bool operator==(const EngineProfile &a, const EngineProfile &b);
inline bool operator!=(const EngineProfile &a, const EngineProfile &b)
{
    return !(a == b);
}

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::EngineProfile)
