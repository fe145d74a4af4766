#include "externalagentroutes.h"

#include "agentchannel.h"
#include "endpointrouter.h"
#include "externalagenthandlers.h"
#include "websocketrouter.h"

#include <QPointer>
#include <QWebSocket>

namespace flowscope {

void addExternalAgentRoutes(EndpointRouter &router, WebSocketRouter &sockets, Engine *engine,
                            QObject *owner)
{
    using Method = EndpointRouter::Method;
    using Request = EndpointRouter::Request;
    using Command = ExternalAgentHandlers::Command;
    auto handlers = std::make_shared<const ExternalAgentHandlers>(engine);

    router.route(Method::Post, QStringLiteral("/api/ingest"), AccessRole::Control,
                 [handlers](Request request) { return handlers->ingest(request.body()); });
    router.route(Method::Get, QStringLiteral("/api/external-agents"), AccessRole::Read,
                 [handlers](Request) { return handlers->list(); });
    router.route(Method::Get, QStringLiteral("/api/external-agents/<arg>"), AccessRole::Read,
                 [handlers](const QString &name, Request) { return handlers->agent(name); });
    const auto addCommand = [&router, handlers](const char *action, Command command) {
        router.route(Method::Post,
                     QStringLiteral("/api/agents/<arg>/%1").arg(QLatin1String(action)),
                     AccessRole::Control, [handlers, command](const QString &name, Request) {
                         return handlers->command(name, command);
                     });
    };
    addCommand("pause", Command::Pause);
    addCommand("resume", Command::Resume);
    addCommand("cancel", Command::Cancel);
    router.route(Method::Put, QStringLiteral("/api/agents/<arg>/breakpoints"), AccessRole::Control,
                 [handlers](const QString &name, Request request) {
                     return handlers->breakpoints(name, request.body());
                 });

    auto *channel = new AgentChannel(engine, handlers, owner);
    QPointer<AgentChannel> guard(channel);
    sockets.add(QStringLiteral("^/api/ws/agents$"), AccessRole::Control,
                [guard](std::unique_ptr<QWebSocket> socket, const QStringList &, AccessRole) {
                    if (guard)
                        guard->accept(std::move(socket));
                });
}

} // namespace flowscope
