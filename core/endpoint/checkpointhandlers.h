#pragma once

#include "apihandlers.h"
#include "runtime/jobid.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace flowscope {

class Engine;

// The routes of job checkpoints in the journal: list, take one now, resume a job from one, fork a
// new job from one, and the jobs a previous process left interrupted. Without a journal they
// answer 409 with the engine's message.
class CheckpointHandlers
{
public:
    explicit CheckpointHandlers(Engine *engine);

    ApiReply checkpoints(const QString &jobId) const;
    ApiReply takeCheckpoint(const QString &jobId, const QByteArray &body) const;
    // Body {checkpoint_id?}: without one, an interrupted job resumes from its last checkpoint.
    ApiReply resumeFrom(const QString &jobId, const QByteArray &body) const;
    // Body {checkpoint_id, variables?}: 201 with the new job.
    ApiReply fork(const QString &jobId, const QByteArray &body) const;
    ApiReply interruptedJobs() const;

private:
    // The 409 of an engine without a journal, or nothing when it has one.
    std::optional<ApiReply> noJournal() const;
    // The job's id when it names a job this engine or its journal knows, or a 404 in *notFound.
    std::optional<JobId> knownJob(const QString &jobId, ApiReply *notFound) const;
    // The job as it runs now, or {job_id} when the engine no longer holds it.
    ApiReply jobReply(int httpStatus, JobId id) const;

    Engine *m_engine;
};

} // namespace flowscope
