#pragma once

#include "apihandlers.h"

#include <QByteArray>
#include <QString>

namespace flowscope {

class Engine;
struct ExternalAgentInfo;

// The external agents' routes, free of any HTTP server type (docs/agents.md):
//   POST /api/ingest                        a batch from one agent -> its control state
//   GET  /api/external-agents[/{name}]      what the engine knows of them
//   POST /api/agents/{name}/pause|resume|cancel
//   PUT  /api/agents/{name}/breakpoints     {checkpoints: [...]}
class ExternalAgentHandlers
{
public:
    enum class Command { Pause, Resume, Cancel };

    explicit ExternalAgentHandlers(Engine *engine);

    // transport: "http" or "websocket", kept in the agent's metadata at registration.
    ApiReply ingest(const QByteArray &body, const QString &boundAgent = {},
                    const QString &transport = QStringLiteral("http")) const;
    ApiReply list() const;
    ApiReply agent(const QString &name) const;
    ApiReply command(const QString &name, Command command) const;
    ApiReply breakpoints(const QString &name, const QByteArray &body) const;

    static QJsonObject agentJson(const ExternalAgentInfo &info);

private:
    Engine *m_engine;
};

} // namespace flowscope
