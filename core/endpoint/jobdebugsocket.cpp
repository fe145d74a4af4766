#include "jobdebugsocket.h"

#include "buswakerelay.h"

#include "debugparsing.h"
#include "events/eventbus.h"
#include "events/eventjson.h"
#include "runtime/engine.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QWebSocket>

namespace flowscope {

namespace {

// What a debugger client follows; log events only when a breakpoint (a logpoint, or a condition
// that failed) wrote them.
constexpr quint32 debugEventTypes
    = eventTypeBit(EventType::JobPaused) | eventTypeBit(EventType::JobResumed)
      | eventTypeBit(EventType::BreakpointHit) | eventTypeBit(EventType::JobCompleted)
      | eventTypeBit(EventType::JobFailed) | eventTypeBit(EventType::JobCancelled)
      | eventTypeBit(EventType::Log);

bool isDebugEvent(const Event &event)
{
    return event.type != EventType::Log
           || event.payload.toMap().contains(QStringLiteral("breakpoint_id"));
}

QJsonObject reply(const QJsonValue &id, const ApiReply &answer)
{
    const bool ok = answer.httpStatus < 300;
    QJsonObject message{{QStringLiteral("type"), QStringLiteral("reply")},
                        {QStringLiteral("id"), id.isUndefined() ? QJsonValue() : id},
                        {QStringLiteral("ok"), ok}};
    if (ok)
        message.insert(QStringLiteral("result"), answer.body);
    else
        message.insert(QStringLiteral("error"), answer.body.value(QStringLiteral("error")));
    return message;
}

const QString commandList = QStringLiteral("step_over, step_into, step_out, continue, pause, "
                                           "get_session, get_variables, set_variable, "
                                           "get_call_stack, evaluate");

} // namespace

JobDebugSocket::JobDebugSocket(Engine *engine, JobId job, std::unique_ptr<QWebSocket> socket,
                               QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_job(job)
    , m_jobText(job.toString())
    , m_handlers(engine)
    , m_socket(std::move(socket))
    , m_relay(std::make_shared<BusWakeRelay>())
{
    m_socket->setMaxAllowedIncomingFrameSize(maxIncomingBytes);
    m_socket->setMaxAllowedIncomingMessageSize(maxIncomingBytes);
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        stopWatching();
        Q_EMIT closed(this);
    });
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this, &JobDebugSocket::handleMessage);

    m_relay->attach(this, [this] { sendPending(); });
    EventFilter filter;
    filter.job = job;
    filter.typeMask = debugEventTypes;
    std::shared_ptr<BusWakeRelay> relay = m_relay;
    m_subscription = m_engine->bus().subscribe(filter, queueCapacity, [relay] { relay->post(); });
    // Where the job stands now, so a client that connects to a stopped job knows without asking.
    sendText({{QStringLiteral("type"), QStringLiteral("hello")},
              {QStringLiteral("job_id"), m_jobText},
              {QStringLiteral("session"), m_handlers.session(m_jobText).body}});
}

JobDebugSocket::~JobDebugSocket()
{
    // Destroying the socket below emits disconnected(): this half-destroyed object must not
    // hear it.
    m_socket->disconnect(this);
    stopWatching();
}

void JobDebugSocket::stopWatching()
{
    m_relay->detach();
    if (m_subscription) {
        m_engine->bus().unsubscribe(m_subscription);
        m_subscription.reset();
    }
}

void JobDebugSocket::handleMessage(const QString &text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const QString message = QStringLiteral("message is not valid JSON at offset %1: %2")
                                    .arg(parseError.offset)
                                    .arg(parseError.errorString());
        sendText(reply(QJsonValue(), ApiHandlers::error(400, message)));
        return;
    }
    if (!document.isObject()) {
        sendText(reply(QJsonValue(),
                       ApiHandlers::error(400, QStringLiteral("message must be a JSON object"))));
        return;
    }
    const QJsonObject message = document.object();
    const QJsonValue id = message.value(QStringLiteral("id"));
    const QJsonValue command = message.value(QStringLiteral("command"));
    if (!command.isString()) {
        sendText(reply(
            id, ApiHandlers::error(
                    400, QStringLiteral("command: required string (one of %1)").arg(commandList))));
        return;
    }
    sendText(reply(id, run(command.toString(), message)));
    // Events the command caused follow its reply.
    sendPending();
}

ApiReply JobDebugSocket::run(const QString &command, const QJsonObject &message) const
{
    using Control = DebugHandlers::Control;
    if (command == QLatin1String("step_over"))
        return m_handlers.control(m_jobText, Control::StepOver);
    if (command == QLatin1String("step_into"))
        return m_handlers.control(m_jobText, Control::StepInto);
    if (command == QLatin1String("step_out"))
        return m_handlers.control(m_jobText, Control::StepOut);
    if (command == QLatin1String("continue") || command == QLatin1String("resume"))
        return m_handlers.control(m_jobText, Control::Continue);
    if (command == QLatin1String("pause"))
        return m_handlers.control(m_jobText, Control::Pause);
    if (command == QLatin1String("get_session"))
        return m_handlers.session(m_jobText);
    if (command == QLatin1String("get_call_stack"))
        return m_handlers.callStack(m_jobText);
    if (command == QLatin1String("evaluate"))
        return m_handlers.evaluate(m_jobText, message);
    RequestError requestError;
    if (command == QLatin1String("get_variables")) {
        int frame = 0;
        if (!DebugParsing::frameField(message, QStringLiteral("frame"), &frame, &requestError))
            return ApiHandlers::error(requestError);
        return m_handlers.variables(m_jobText, frame);
    }
    if (command == QLatin1String("set_variable")) {
        const QJsonValue name = message.value(QStringLiteral("name"));
        if (!name.isString() || name.toString().isEmpty())
            return ApiHandlers::error(400, QStringLiteral("name: required string"));
        return m_handlers.setVariable(m_jobText, name.toString(), message);
    }
    return ApiHandlers::error(
        400, QStringLiteral("unknown command '%1' (commands: %2)").arg(command, commandList));
}

void JobDebugSocket::sendPending()
{
    if (!m_subscription)
        return;
    const std::vector<Event> batch = m_subscription->takeAll();
    for (const Event &event : batch) {
        if (isDebugEvent(event)) {
            sendText({{QStringLiteral("type"), QStringLiteral("event")},
                      {QStringLiteral("event"), eventToJson(event)}});
        }
    }
}

void JobDebugSocket::sendText(const QJsonObject &message)
{
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

} // namespace flowscope
