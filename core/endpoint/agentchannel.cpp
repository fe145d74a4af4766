#include "agentchannel.h"

#include "agentsocket.h"
#include "externalagenthandlers.h"
#include "runtime/engine.h"

#include <QWebSocket>

namespace flowscope {

AgentChannel::AgentChannel(Engine *engine, std::shared_ptr<const ExternalAgentHandlers> handlers,
                           QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_handlers(std::move(handlers))
{
    // Control changes are rare (a click, a REST call): one queued call each is fine.
    m_listener
        = m_engine->watchAgentControl([this](const QString &agent, const AgentControl &control) {
              QMetaObject::invokeMethod(
                  this, [this, agent, control] { deliver(agent, control); }, Qt::QueuedConnection);
          });
}

AgentChannel::~AgentChannel()
{
    // Waits for a listener call in flight; what it posted dies with this object.
    m_engine->unwatchAgentControl(m_listener);
    qDeleteAll(findChildren<AgentSocket *>(QString(), Qt::FindDirectChildrenOnly));
}

void AgentChannel::accept(std::unique_ptr<QWebSocket> socket)
{
    auto *agentSocket = new AgentSocket(m_engine, m_handlers.get(), std::move(socket), this);
    connect(agentSocket, &AgentSocket::closed, this,
            [](AgentSocket *closed) { closed->deleteLater(); });
}

int AgentChannel::connectionCount() const
{
    return int(findChildren<AgentSocket *>(QString(), Qt::FindDirectChildrenOnly).size());
}

void AgentChannel::deliver(const QString &agent, const AgentControl &control)
{
    for (AgentSocket *socket : findChildren<AgentSocket *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (socket->agent() == agent)
            socket->pushControl(control);
    }
}

} // namespace flowscope
