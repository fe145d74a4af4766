#include "runtime/jobstate.h"

#include "runtime/activation.h"
#include "runtime/flowruntime.h"

namespace flowscope::Internal {

JobState::JobState(JobId jobId, std::shared_ptr<const FlowRuntime> flowRuntime)
    : id(jobId)
    , flow(std::move(flowRuntime))
{
    routineVariables.resize(flow->nodes.size());
}

JobState::~JobState() = default;

JobInfo JobState::snapshot() const
{
    JobInfo info;
    info.id = id;
    info.flowId = flow->definition.flowId;
    info.status = status;
    info.progress = progress;
    info.error = error;
    info.entryRoutine = entryRoutine;
    info.entrySlot = entrySlot;
    info.params = params;
    info.variables = variables;
    info.createdMs = createdMs;
    info.startedMs = startedMs;
    info.finishedMs = finishedMs;
    info.activationsDone = done.load(std::memory_order_relaxed);
    info.activationsPending = outstanding.load(std::memory_order_relaxed);
    info.version = version;
    return info;
}

} // namespace flowscope::Internal
