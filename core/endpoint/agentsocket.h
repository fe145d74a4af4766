#pragma once

#include "runtime/externalagent.h"

#include <QObject>

#include <memory>

class QWebSocket;

namespace flowscope {

class Engine;
class ExternalAgentHandlers;

// One external agent on the WebSocket channel /api/ws/agents. It sends the batches of
// POST /api/ingest as text frames (the first names the agent, which the connection then belongs
// to) and hears, besides an answer to each frame, every change of its control pushed at once:
//   {"type":"ack","accepted":n,"control":{...},"heartbeat_interval_ms":1000}
//   {"type":"control","command":"pause|resume|cancel|breakpoints","control":{...}}
//   {"type":"error","status":400,"message":"events[0].value: ..."}
class AgentSocket : public QObject
{
    Q_OBJECT
public:
    AgentSocket(Engine *engine, const ExternalAgentHandlers *handlers,
                std::unique_ptr<QWebSocket> socket, QObject *parent = nullptr);
    ~AgentSocket() override;

    QString agent() const { return m_agent; }
    void pushControl(const AgentControl &control);

Q_SIGNALS:
    void closed(flowscope::AgentSocket *socket);

private:
    void receive(const QString &text);
    void send(const QJsonObject &message);

    Engine *m_engine;
    const ExternalAgentHandlers *m_handlers;
    std::unique_ptr<QWebSocket> m_socket;
    QString m_agent;
    AgentControl m_lastSent;
};

} // namespace flowscope
