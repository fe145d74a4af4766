#pragma once

#include "runtime/externalagent.h"

#include <QObject>

#include <memory>

class QWebSocket;

namespace flowscope {

class AgentSocket;
class Engine;
class ExternalAgentHandlers;

// The external agents' WebSocket channel: owns one AgentSocket per connection and pushes each
// control change (from REST, the console or job control, in whatever thread) to the sockets of
// that agent, through this object's thread.
class AgentChannel : public QObject
{
    Q_OBJECT
public:
    AgentChannel(Engine *engine, std::shared_ptr<const ExternalAgentHandlers> handlers,
                 QObject *parent = nullptr);
    ~AgentChannel() override;

    void accept(std::unique_ptr<QWebSocket> socket);
    int connectionCount() const;

private:
    void deliver(const QString &agent, const AgentControl &control);

    Engine *m_engine;
    std::shared_ptr<const ExternalAgentHandlers> m_handlers;
    int m_listener = 0;
};

} // namespace flowscope
