#include "agentsocket.h"

#include "externalagenthandlers.h"
#include "ingestparsing.h"
#include "runtime/engine.h"

#include <QJsonDocument>
#include <QWebSocket>

namespace flowscope {

namespace {

QString commandFor(const AgentControl &before, const AgentControl &now)
{
    if (now.cancelled && !before.cancelled)
        return QStringLiteral("cancel");
    if (now.paused != before.paused)
        return now.paused ? QStringLiteral("pause") : QStringLiteral("resume");
    return QStringLiteral("breakpoints");
}

} // namespace

AgentSocket::AgentSocket(Engine *engine, const ExternalAgentHandlers *handlers,
                         std::unique_ptr<QWebSocket> socket, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_handlers(handlers)
    , m_socket(std::move(socket))
{
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &AgentSocket::receive);
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this, [this] {
        send({{QStringLiteral("type"), QStringLiteral("error")},
              {QStringLiteral("status"), 400},
              {QStringLiteral("message"), QStringLiteral("binary frames are not understood: send "
                                                         "JSON text frames")}});
    });
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        if (!m_agent.isEmpty())
            m_engine->setExternalAgentConnected(m_agent, false);
        Q_EMIT closed(this);
    });
}

AgentSocket::~AgentSocket()
{
    // Destroying the socket emits disconnected(): this half-destroyed object must not hear it.
    m_socket->disconnect(this);
    if (!m_agent.isEmpty())
        m_engine->setExternalAgentConnected(m_agent, false);
}

void AgentSocket::receive(const QString &text)
{
    const ApiReply reply = m_handlers->ingest(text.toUtf8(), m_agent, QStringLiteral("websocket"));
    if (reply.httpStatus != 200) {
        send({{QStringLiteral("type"), QStringLiteral("error")},
              {QStringLiteral("status"), reply.httpStatus},
              {QStringLiteral("message"), reply.body.value(QStringLiteral("error"))
                                              .toObject()
                                              .value(QStringLiteral("message"))}});
        return;
    }
    if (m_agent.isEmpty()) {
        m_agent = reply.body.value(QStringLiteral("agent")).toString();
        m_engine->setExternalAgentConnected(m_agent, true);
    }
    if (const std::optional<ExternalAgentInfo> info = m_engine->externalAgent(m_agent))
        m_lastSent = info->control;
    QJsonObject ack = reply.body;
    ack.insert(QStringLiteral("type"), QStringLiteral("ack"));
    send(ack);
}

void AgentSocket::pushControl(const AgentControl &control)
{
    if (control.version <= m_lastSent.version)
        return; // the agent has it already (an answer carried it)
    const QString command = commandFor(m_lastSent, control);
    m_lastSent = control;
    send({{QStringLiteral("type"), QStringLiteral("control")},
          {QStringLiteral("command"), command},
          {QStringLiteral("control"), IngestParsing::controlJson(control)}});
}

void AgentSocket::send(const QJsonObject &message)
{
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

} // namespace flowscope
