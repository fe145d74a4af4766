#include "externalagenthandlers.h"

#include "ingestparsing.h"
#include "runtime/engine.h"

#include <QDateTime>
#include <QJsonArray>

namespace flowscope {

ExternalAgentHandlers::ExternalAgentHandlers(Engine *engine)
    : m_engine(engine)
{}

ApiReply ExternalAgentHandlers::ingest(const QByteArray &body, const QString &boundAgent,
                                       const QString &transport) const
{
    QJsonObject object;
    RequestError error;
    IngestBatch batch;
    if (!RequestParsing::jsonObjectBody(body, &object, &error)
        || !IngestParsing::batch(object, &batch, &error, QDateTime::currentMSecsSinceEpoch(),
                                 boundAgent))
        return ApiHandlers::error(error);
    for (ExternalMessage &m : batch.messages) {
        if (m.kind == ExternalMessage::Kind::Register)
            m.data.insert(QStringLiteral("transport"), transport);
    }
    AgentControl control;
    if (const Status status = m_engine->reportExternal(batch.agent, batch.messages, &control);
        !status.ok())
        return ApiHandlers::error(status);
    return {200,
            {{QStringLiteral("agent"), batch.agent},
             {QStringLiteral("accepted"), batch.messages.size()},
             {QStringLiteral("control"), IngestParsing::controlJson(control)},
             {QStringLiteral("heartbeat_interval_ms"), m_engine->healthPolicy().intervalMs}}};
}

ApiReply ExternalAgentHandlers::list() const
{
    QJsonArray agents;
    for (const ExternalAgentInfo &info : m_engine->externalAgents())
        agents.append(agentJson(info));
    return {200, {{QStringLiteral("agents"), agents}, {QStringLiteral("total"), agents.size()}}};
}

ApiReply ExternalAgentHandlers::agent(const QString &name) const
{
    const std::optional<ExternalAgentInfo> info = m_engine->externalAgent(name);
    if (!info)
        return ApiHandlers::error(404, QStringLiteral("no external agent '%1'").arg(name));
    return {200, agentJson(*info)};
}

ApiReply ExternalAgentHandlers::command(const QString &name, Command command) const
{
    Status status;
    switch (command) {
    case Command::Pause:
        status = m_engine->pauseAgent(name);
        break;
    case Command::Resume:
        status = m_engine->resumeAgent(name);
        break;
    case Command::Cancel:
        status = m_engine->cancelAgent(name);
        break;
    }
    if (!status.ok())
        return ApiHandlers::error(status);
    return agent(name);
}

ApiReply ExternalAgentHandlers::breakpoints(const QString &name, const QByteArray &body) const
{
    QJsonObject object;
    RequestError error;
    QStringList checkpoints;
    if (!RequestParsing::jsonObjectBody(body, &object, &error)
        || !IngestParsing::breakpoints(object, &checkpoints, &error))
        return ApiHandlers::error(error);
    if (const Status status = m_engine->setAgentBreakpoints(name, checkpoints); !status.ok())
        return ApiHandlers::error(status);
    return agent(name);
}

QJsonObject ExternalAgentHandlers::agentJson(const ExternalAgentInfo &info)
{
    return {{QStringLiteral("name"), info.name},
            {QStringLiteral("kind"), info.kind},
            {QStringLiteral("job_id"), info.job.isNull() ? QJsonValue() : info.job.toString()},
            {QStringLiteral("state"), info.state},
            {QStringLiteral("node"), info.node},
            {QStringLiteral("last_checkpoint"), info.lastCheckpoint},
            {QStringLiteral("progress"), info.progress},
            {QStringLiteral("registered"), info.registered},
            {QStringLiteral("connected"), info.connected},
            {QStringLiteral("registered_ms"), info.registeredMs},
            {QStringLiteral("last_seen_ms"), info.lastSeenMs},
            {QStringLiteral("messages"), qint64(info.messages)},
            {QStringLiteral("completed"), qint64(info.completed)},
            {QStringLiteral("failed"), qint64(info.failed)},
            {QStringLiteral("metadata"), QJsonObject::fromVariantMap(info.metadata)},
            {QStringLiteral("variables"), QJsonObject::fromVariantMap(info.variables)},
            {QStringLiteral("control"), IngestParsing::controlJson(info.control)}};
}

} // namespace flowscope
