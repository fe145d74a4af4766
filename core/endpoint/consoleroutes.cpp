#include "consoleroutes.h"

#include "accesspolicy.h"
#include "consolehub.h"
#include "websocketrouter.h"

#include <QUrlQuery>
#include <QWebSocket>

namespace flowscope {

ConsoleHub *addConsoleChannel(WebSocketRouter &router, Engine *engine, const AccessPolicy *policy,
                              QObject *parent)
{
    ConsoleChannel::TokenCheck tokenCheck;
    if (policy) {
        tokenCheck = [policy](const QString &token) {
            if (!policy->requiresToken())
                return AccessRole::Control;
            const AccessPolicy::Headers headers{
                {QByteArrayLiteral("Authorization"), "Bearer " + token.toUtf8()}};
            return policy->roleFor(headers, QUrlQuery());
        };
    }
    auto *hub = new ConsoleHub(engine, std::move(tokenCheck), parent);
    router.add(QStringLiteral("^/api/ws/console$"), AccessRole::Read,
               [hub](std::unique_ptr<QWebSocket> socket, const QStringList &, AccessRole granted) {
                   hub->accept(std::move(socket), granted);
               });
    return hub;
}

} // namespace flowscope
