#include "runtime/enginepersistence.h"

#include "flow/flowloader.h"
#include "journal/journal.h"
#include "runtime/activation.h"
#include "runtime/checkpointer.h"
#include "runtime/enginecore.h"
#include "runtime/flowruntime.h"
#include "runtime/jobstate.h"

#include <QDateTime>
#include <QJsonDocument>

namespace flowscope::Internal {

EnginePersistence::EnginePersistence(EngineCore *core, std::unique_ptr<Journal> journal,
                                     int checkpointIntervalMs)
    : m_core(core)
    , m_journal(std::move(journal))
    , m_checkpointer(std::make_unique<Checkpointer>(core, m_journal.get(), checkpointIntervalMs))
{}

std::unique_ptr<EnginePersistence> EnginePersistence::open(EngineCore *core, const QString &path,
                                                           int retentionDays, QString *error)
{
    Journal::Config config;
    config.retentionDays = retentionDays;
    auto journal = std::make_unique<Journal>(config);
    if (!journal->open(path, error))
        return nullptr;
    return std::make_unique<EnginePersistence>(core, std::move(journal),
                                               core->config.checkpointIntervalMs);
}

EnginePersistence::~EnginePersistence()
{
    m_checkpointer.reset();
    m_journal->flush();
}

void EnginePersistence::recordJob(const JobState &job)
{
    if (m_suspended || !job.checkpointed)
        return;
    JobRecord record;
    record.id = job.id;
    record.flowId = job.flow->definition.flowId;
    record.flowDsl = QJsonDocument(job.flow->definition.toDsl()).toJson(QJsonDocument::Compact);
    {
        std::lock_guard lock(job.mutex);
        record.status = job.status;
        record.error = job.error;
        record.createdMs = job.createdMs;
        record.finishedMs = job.finishedMs;
        record.lastCheckpoint = job.lastCheckpoint;
        record.forkedFrom = job.forkedFrom;
        record.forkedCheckpoint = job.forkedCheckpoint;
    }
    record.updatedMs = QDateTime::currentMSecsSinceEpoch();
    m_journal->recordJob(record);
}

void EnginePersistence::suspendAll()
{
    for (const std::shared_ptr<JobState> &job : m_core->liveJobs()) {
        if (job->checkpointed && !job->finished())
            m_checkpointer->take(job, QStringLiteral("shutdown"), 1000);
    }
    m_checkpointer.reset();
    m_journal->detach();
    m_suspended = true;
    m_journal->flush();
}

QVector<JobRecord> EnginePersistence::interruptedJobs() const
{
    m_journal->flush();
    QVector<JobRecord> list;
    for (const JobRecord &record : m_journal->interruptedJobs()) {
        // A job this engine knows is not interrupted: it runs, or ended here.
        if (!m_core->findJob(record.id))
            list.push_back(record);
    }
    return list;
}

Status EnginePersistence::ensureFlow(const QString &flowId, JobId job)
{
    if (m_core->flowRuntime(flowId))
        return Status::success();
    const std::optional<JobRecord> record = m_journal->job(job);
    if (!record || record->flowDsl.isEmpty())
        return Status::notFound(
            QStringLiteral("no flow '%1', and the journal keeps none for job %2")
                .arg(flowId, job.toString()));
    QVector<FlowIssue> issues;
    const std::optional<FlowDefinition> flow
        = FlowLoader(m_core->registry).parse(record->flowDsl, QStringLiteral("journal"), &issues);
    if (!flow)
        return Status::invalid(FlowLoader::describe(issues));
    return m_core->addFlow(*flow);
}

Status EnginePersistence::restore(const JobCheckpoint &checkpoint, bool fork,
                                  const QVariantMap &variables, JobId *id)
{
    if (const Status status = ensureFlow(checkpoint.flowId, checkpoint.job); !status.ok())
        return status;
    const std::shared_ptr<const FlowRuntime> flow = m_core->flowRuntime(checkpoint.flowId);
    // Every pending activation must still name a routine and slot of the flow.
    std::vector<ActivationPtr> activations;
    for (const PendingActivation &p : checkpoint.pending) {
        const int routine = flow->nodeIndex(p.routine);
        if (routine < 0 || !flow->nodes[size_t(routine)].slotSymbols.contains(p.slot))
            return Status::invalid(
                QStringLiteral("checkpoint %1: flow '%2' has no slot %3.%4 any more")
                    .arg(checkpoint.id)
                    .arg(checkpoint.flowId, p.routine, p.slot));
        auto a = std::make_shared<Activation>();
        // A resumed job keeps its activations' ids, so the journal shows which ran again.
        a->id = fork ? m_core->nextActivationId() : p.id;
        a->parent = p.parent;
        a->routine = routine;
        a->slot = p.slot;
        a->slotSymbol = flow->nodes[size_t(routine)].slotSymbols.value(p.slot);
        a->data = p.data;
        activations.push_back(std::move(a));
    }
    if (!fork) {
        const std::shared_ptr<JobState> live = m_core->findJob(checkpoint.job);
        if (live && !live->finished())
            return Status::conflict(
                QStringLiteral("job %1 is %2: cancel it first")
                    .arg(checkpoint.job.toString(), jobStatusName(live->currentStatus())));
    }
    const JobId jobId = fork ? m_core->newJobId() : checkpoint.job;
    auto job = std::make_shared<JobState>(jobId, flow);
    {
        std::lock_guard lock(job->mutex);
        job->entryRoutine = checkpoint.entryRoutine;
        job->entrySlot = checkpoint.entrySlot;
        job->params = checkpoint.params;
        job->variables = checkpoint.variables;
        for (auto it = variables.begin(); it != variables.end(); ++it)
            job->variables.insert(it.key(), it.value());
        for (auto it = checkpoint.routineVariables.begin(); it != checkpoint.routineVariables.end();
             ++it) {
            const int routine = flow->nodeIndex(it.key());
            if (routine >= 0)
                job->routineVariables[size_t(routine)] = it.value();
        }
        job->progress = checkpoint.progress;
        job->createdMs = job->startedMs = QDateTime::currentMSecsSinceEpoch();
        job->setStatus(JobStatus::Running);
        job->outstanding.store(activations.size());
        job->done.store(checkpoint.activationsDone);
        job->checkpointedDone = checkpoint.activationsDone;
        job->checkpointed = true;
        job->lastCheckpoint = checkpoint.id;
        if (fork) {
            job->forkedFrom = checkpoint.job;
            job->forkedCheckpoint = checkpoint.id;
        }
        job->debugging = m_core->debugger().breakpoints().anyFor(jobId, flow->definition.flowId);
        m_core->touch(*job);
    }
    for (ActivationPtr &a : activations)
        a->job = job;
    m_core->insertJob(job);
    recordJob(*job);
    const QVariantMap payload{{QStringLiteral("checkpoint_id"), checkpoint.id},
                              {QStringLiteral("pending"), int(activations.size())},
                              {fork ? QStringLiteral("forked_from") : QStringLiteral("restored"),
                               fork ? QVariant(checkpoint.job.toString()) : QVariant(true)}};
    m_core->emitJobEvent(*job, fork ? EventType::JobStarted : EventType::JobResumed, nullptr,
                         payload);
    if (activations.empty())
        m_core->finishJob(job, JobStatus::Completed, {}, nullptr);
    for (ActivationPtr &a : activations)
        m_core->enqueue(std::move(a), nullptr);
    if (id)
        *id = jobId;
    return Status::success();
}

} // namespace flowscope::Internal
