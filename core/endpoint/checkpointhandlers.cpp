#include "checkpointhandlers.h"

#include "healthjson.h"
#include "healthparsing.h"
#include "journal/journal.h"
#include "jsonshapes.h"
#include "runtime/engine.h"

#include <QJsonArray>

namespace flowscope {

CheckpointHandlers::CheckpointHandlers(Engine *engine)
    : m_engine(engine)
{}

std::optional<ApiReply> CheckpointHandlers::noJournal() const
{
    if (m_engine->journal())
        return std::nullopt;
    // Without a journal the engine refuses any resume before looking at its arguments: its
    // refusal carries the wording every journal route shares.
    const Status refused = m_engine->resumeFrom(JobId(), 0);
    return ApiHandlers::error(refused.ok() ? Status::conflict(QStringLiteral("no journal"))
                                           : refused);
}

std::optional<JobId> CheckpointHandlers::knownJob(const QString &jobId, ApiReply *notFound) const
{
    bool ok = false;
    const JobId id = JobId::fromString(jobId, &ok);
    if (ok && !id.isNull()) {
        const Journal *journal = m_engine->journal();
        if (m_engine->job(id) || (journal && journal->job(id)))
            return id;
    }
    *notFound = ApiHandlers::error(404, QStringLiteral("no job '%1'").arg(jobId));
    return std::nullopt;
}

ApiReply CheckpointHandlers::jobReply(int httpStatus, JobId id) const
{
    const std::optional<JobInfo> info = m_engine->job(id);
    if (!info)
        return {httpStatus, {{QStringLiteral("job_id"), id.toString()}}};
    return {httpStatus, EndpointJson::job(*info)};
}

ApiReply CheckpointHandlers::checkpoints(const QString &jobId) const
{
    if (const std::optional<ApiReply> refused = noJournal())
        return *refused;
    ApiReply notFound;
    const std::optional<JobId> id = knownJob(jobId, &notFound);
    if (!id)
        return notFound;
    QJsonArray list;
    for (const JobCheckpoint &checkpoint : m_engine->checkpoints(*id))
        list.append(HealthJson::checkpoint(checkpoint));
    return {200,
            {{QStringLiteral("job_id"), id->toString()},
             {QStringLiteral("checkpoints"), list},
             {QStringLiteral("total"), list.size()}}};
}

ApiReply CheckpointHandlers::takeCheckpoint(const QString &jobId, const QByteArray &body) const
{
    int timeoutMs = 0;
    RequestError requestError;
    if (!HealthParsing::checkpointBody(body, &timeoutMs, &requestError))
        return ApiHandlers::error(requestError);
    if (const std::optional<ApiReply> refused = noJournal())
        return *refused;
    ApiReply notFound;
    const std::optional<JobId> id = knownJob(jobId, &notFound);
    if (!id)
        return notFound;
    quint64 taken = 0;
    const Status status = m_engine->checkpointJob(*id, timeoutMs, &taken);
    if (!status.ok())
        return ApiHandlers::error(status);
    for (const JobCheckpoint &checkpoint : m_engine->checkpoints(*id)) {
        if (checkpoint.id == taken)
            return {201, HealthJson::checkpoint(checkpoint)};
    }
    return {201,
            {{QStringLiteral("checkpoint_id"), double(taken)},
             {QStringLiteral("job_id"), id->toString()}}};
}

ApiReply CheckpointHandlers::resumeFrom(const QString &jobId, const QByteArray &body) const
{
    std::optional<quint64> checkpointId;
    RequestError requestError;
    if (!HealthParsing::resumeFromBody(body, &checkpointId, &requestError))
        return ApiHandlers::error(requestError);
    if (const std::optional<ApiReply> refused = noJournal())
        return *refused;
    ApiReply notFound;
    const std::optional<JobId> id = knownJob(jobId, &notFound);
    if (!id)
        return notFound;
    const Status status = checkpointId ? m_engine->resumeFrom(*id, *checkpointId)
                                       : m_engine->resumeInterrupted(*id);
    if (!status.ok())
        return ApiHandlers::error(status);
    return jobReply(200, *id);
}

ApiReply CheckpointHandlers::fork(const QString &jobId, const QByteArray &body) const
{
    ForkRequest request;
    RequestError requestError;
    if (!HealthParsing::forkBody(body, &request, &requestError))
        return ApiHandlers::error(requestError);
    if (const std::optional<ApiReply> refused = noJournal())
        return *refused;
    ApiReply notFound;
    const std::optional<JobId> id = knownJob(jobId, &notFound);
    if (!id)
        return notFound;
    // The engine forks from any checkpoint; the path names the job it must belong to.
    Journal *journal = m_engine->journal();
    journal->flush(); // a checkpoint just taken is queued, not yet readable
    const std::optional<JobCheckpoint> checkpoint = journal->checkpoint(request.checkpointId);
    if (checkpoint && checkpoint->job != *id) {
        return ApiHandlers::error(400, QStringLiteral("checkpoint_id: checkpoint %1 belongs to "
                                                      "job %2, not %3")
                                           .arg(request.checkpointId)
                                           .arg(checkpoint->job.toString(), id->toString()));
    }
    JobId forked;
    const Status status = m_engine->forkJob(request.checkpointId, request.variables, &forked);
    if (!status.ok())
        return ApiHandlers::error(status);
    return jobReply(201, forked);
}

ApiReply CheckpointHandlers::interruptedJobs() const
{
    if (const std::optional<ApiReply> refused = noJournal())
        return *refused;
    QJsonArray list;
    for (const JobRecord &record : m_engine->interruptedJobs())
        list.append(HealthJson::jobRecord(record));
    return {200, {{QStringLiteral("jobs"), list}, {QStringLiteral("total"), list.size()}}};
}

} // namespace flowscope
