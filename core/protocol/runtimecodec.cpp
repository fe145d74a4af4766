// The value codec for jobs, agents, health, alerts, flows and journal records.
#include "protocol/codechelpers.h"
#include "protocol/valuecodec.h"

#include <QCborStreamReader>

namespace flowscope {
namespace ValueCodec {

QCborValue encodeVariant(const QVariant &value)
{
    return QCborValue::fromVariant(value);
}

QCborValue encodeVariantMap(const QVariantMap &map)
{
    return QCborMap::fromVariantMap(map);
}

bool agentStateFromName(QStringView name, AgentState *state)
{
    for (AgentState s :
         {AgentState::Idle, AgentState::Busy, AgentState::Stopped, AgentState::Waiting}) {
        if (name == agentStateName(s)) {
            *state = s;
            return true;
        }
    }
    return false;
}

QCborMap encode(const JobInfo &job)
{
    QCborMap m;
    put(m, "id", jobIdValue(job.id));
    put(m, "flow_id", job.flowId);
    put(m, "status", jobStatusName(job.status));
    put(m, "progress", job.progress);
    if (!job.error.isEmpty())
        put(m, "error", job.error);
    put(m, "entry_routine", job.entryRoutine);
    put(m, "entry_slot", job.entrySlot);
    put(m, "params", encodeVariantMap(job.params));
    put(m, "variables", encodeVariantMap(job.variables));
    put(m, "created_ms", job.createdMs);
    put(m, "started_ms", job.startedMs);
    put(m, "finished_ms", job.finishedMs);
    put(m, "activations_done", unsignedValue(job.activationsDone));
    put(m, "activations_pending", unsignedValue(job.activationsPending));
    put(m, "version", unsignedValue(job.version));
    if (job.removed)
        put(m, "removed", true);
    return m;
}

void decode(const FieldReader &r, JobInfo *job)
{
    job->id = r.jobId("id", true);
    job->flowId = r.string("flow_id");
    readEnum(r, "status", jobStatusFromName, &job->status, "job status");
    job->progress = r.number("progress");
    job->error = r.string("error");
    job->entryRoutine = r.string("entry_routine");
    job->entrySlot = r.string("entry_slot");
    job->params = r.variantMap("params");
    job->variables = r.variantMap("variables");
    job->createdMs = r.integer("created_ms");
    job->startedMs = r.integer("started_ms");
    job->finishedMs = r.integer("finished_ms");
    job->activationsDone = r.unsignedInt("activations_done");
    job->activationsPending = r.unsignedInt("activations_pending");
    job->version = r.unsignedInt("version");
    job->removed = r.boolean("removed");
}

QCborMap encode(const AgentInfo &agent)
{
    QCborMap m;
    put(m, "name", agent.name);
    put(m, "pooled", agent.pooled);
    put(m, "state", agentStateName(agent.state));
    if (!agent.currentRoutine.isEmpty())
        put(m, "routine", agent.currentRoutine);
    put(m, "job", jobIdValue(agent.currentJob));
    put(m, "busy_since_ms", agent.busySinceMs);
    put(m, "completed", unsignedValue(agent.completed));
    put(m, "failed", unsignedValue(agent.failed));
    put(m, "last_heartbeat_ms", agent.lastHeartbeatMs);
    put(m, "last_checkpoint_ms", agent.lastCheckpointMs);
    return m;
}

void decode(const FieldReader &r, AgentInfo *agent)
{
    agent->name = r.string("name", true);
    agent->pooled = r.boolean("pooled", false, true);
    readEnum(r, "state", agentStateFromName, &agent->state, "agent state");
    agent->currentRoutine = r.string("routine");
    agent->currentJob = r.jobId("job");
    agent->busySinceMs = r.integer("busy_since_ms");
    agent->completed = r.unsignedInt("completed");
    agent->failed = r.unsignedInt("failed");
    agent->lastHeartbeatMs = r.integer("last_heartbeat_ms");
    agent->lastCheckpointMs = r.integer("last_checkpoint_ms");
}

QCborMap encode(const AgentHealth &health)
{
    QCborMap m;
    put(m, "agent", health.agent);
    put(m, "external", health.external);
    put(m, "state", healthStateName(health.state));
    put(m, "state_since_ms", health.stateSinceMs);
    put(m, "registered_ms", health.registeredMs);
    put(m, "last_beat_ms", health.lastBeatMs);
    put(m, "beat_age_ms", health.beatAgeMs);
    put(m, "beats", unsignedValue(health.beats));
    put(m, "diagnosis", health.diagnosis);
    put(m, "stuck_routine", health.stuckRoutine);
    put(m, "stuck_for_ms", health.stuckForMs);
    put(m, "metadata", encodeVariantMap(health.metadata));
    return m;
}

void decode(const FieldReader &r, AgentHealth *health)
{
    health->agent = r.string("agent", true);
    health->external = r.boolean("external");
    readEnum(r, "state", healthStateFromName, &health->state, "health state");
    health->stateSinceMs = r.integer("state_since_ms");
    health->registeredMs = r.integer("registered_ms");
    health->lastBeatMs = r.integer("last_beat_ms");
    health->beatAgeMs = r.integer("beat_age_ms");
    health->beats = r.unsignedInt("beats");
    health->diagnosis = r.string("diagnosis");
    health->stuckRoutine = r.string("stuck_routine");
    health->stuckForMs = r.integer("stuck_for_ms");
    health->metadata = r.variantMap("metadata");
}

QCborMap encode(const Alert &alert)
{
    QCborMap m;
    put(m, "id", unsignedValue(alert.id));
    put(m, "time_ms", alert.timeMs);
    put(m, "level", alertLevelName(alert.level));
    put(m, "agent", alert.agent);
    put(m, "from", healthStateName(alert.from));
    put(m, "to", healthStateName(alert.to));
    put(m, "message", alert.message);
    put(m, "diagnosis", alert.diagnosis);
    put(m, "routine", alert.routine);
    put(m, "last_beat_ms", alert.lastBeatMs);
    return m;
}

void decode(const FieldReader &r, Alert *alert)
{
    alert->id = r.unsignedInt("id", true);
    alert->timeMs = r.integer("time_ms");
    readEnum(r, "level", alertLevelFromName, &alert->level, "alert level");
    alert->agent = r.string("agent");
    readEnum(r, "from", healthStateFromName, &alert->from, "health state");
    readEnum(r, "to", healthStateFromName, &alert->to, "health state");
    alert->message = r.string("message");
    alert->diagnosis = r.string("diagnosis");
    alert->routine = r.string("routine");
    alert->lastBeatMs = r.integer("last_beat_ms");
}

QCborMap encode(const FlowDefinition &flow)
{
    QCborArray routines;
    for (const RoutineSpec &spec : flow.routines) {
        QCborMap routine;
        put(routine, "id", spec.id);
        put(routine, "class", spec.className);
        put(routine, "config", QCborMap::fromJsonObject(spec.config));
        if (!spec.agent.isEmpty())
            put(routine, "agent", spec.agent);
        put(routine, "slots", QCborArray::fromStringList(spec.slotNames));
        put(routine, "events", QCborArray::fromStringList(spec.eventNames));
        routines.append(routine);
    }
    QCborArray connections;
    for (const ConnectionSpec &c : flow.connections) {
        connections.append(QCborMap{{QStringLiteral("from_routine"), c.fromRoutine},
                                    {QStringLiteral("from_event"), c.fromEvent},
                                    {QStringLiteral("to_routine"), c.toRoutine},
                                    {QStringLiteral("to_slot"), c.toSlot}});
    }
    QCborMap m;
    put(m, "flow_id", flow.flowId);
    put(m, "description", flow.description);
    put(m, "routines", routines);
    put(m, "connections", connections);
    put(m, "max_workers", flow.maxWorkers);
    put(m, "timeout_s", flow.timeoutSeconds);
    put(m, "entry_routine", flow.entryRoutine);
    put(m, "entry_slot", flow.entrySlot);
    put(m, "variables", QCborMap::fromJsonObject(flow.variables));
    put(m, "source", flow.source);
    return m;
}

void decode(const FieldReader &r, FlowDefinition *flow)
{
    flow->flowId = r.string("flow_id", true);
    flow->description = r.string("description");
    flow->routines = r.list<RoutineSpec>("routines", [](const FieldReader &item) {
        RoutineSpec spec;
        spec.id = item.string("id", true);
        spec.className = item.string("class", true);
        spec.config = item.child("config").map().toJsonObject();
        spec.agent = item.string("agent");
        spec.slotNames = item.stringList("slots");
        spec.eventNames = item.stringList("events");
        return spec;
    });
    flow->connections = r.list<ConnectionSpec>("connections", [](const FieldReader &item) {
        return ConnectionSpec{item.string("from_routine", true), item.string("from_event", true),
                              item.string("to_routine", true), item.string("to_slot", true)};
    });
    flow->maxWorkers = int(r.integer("max_workers"));
    flow->timeoutSeconds = r.number("timeout_s");
    flow->entryRoutine = r.string("entry_routine");
    flow->entrySlot = r.string("entry_slot");
    flow->variables = r.child("variables").map().toJsonObject();
    flow->source = r.string("source");
}

QCborMap encode(const JobRecord &record)
{
    QCborMap m;
    put(m, "id", jobIdValue(record.id));
    put(m, "flow_id", record.flowId);
    put(m, "flow_dsl", QString::fromUtf8(record.flowDsl));
    put(m, "status", jobStatusName(record.status));
    put(m, "error", record.error);
    put(m, "created_ms", record.createdMs);
    put(m, "updated_ms", record.updatedMs);
    put(m, "finished_ms", record.finishedMs);
    put(m, "last_checkpoint", unsignedValue(record.lastCheckpoint));
    put(m, "forked_from", jobIdValue(record.forkedFrom));
    put(m, "forked_checkpoint", unsignedValue(record.forkedCheckpoint));
    return m;
}

void decode(const FieldReader &r, JobRecord *record)
{
    record->id = r.jobId("id", true);
    record->flowId = r.string("flow_id");
    record->flowDsl = r.string("flow_dsl").toUtf8();
    readEnum(r, "status", jobStatusFromName, &record->status, "job status");
    record->error = r.string("error");
    record->createdMs = r.integer("created_ms");
    record->updatedMs = r.integer("updated_ms");
    record->finishedMs = r.integer("finished_ms");
    record->lastCheckpoint = r.unsignedInt("last_checkpoint");
    record->forkedFrom = r.jobId("forked_from");
    record->forkedCheckpoint = r.unsignedInt("forked_checkpoint");
}

QCborMap encode(const JobCheckpoint &checkpoint)
{
    QCborMap routineVariables;
    for (auto it = checkpoint.routineVariables.cbegin(); it != checkpoint.routineVariables.cend();
         ++it)
        routineVariables.insert(it.key(), encodeVariantMap(it.value()));
    QCborArray pending;
    for (const PendingActivation &p : checkpoint.pending) {
        pending.append(QCborMap{{QStringLiteral("id"), unsignedValue(p.id)},
                                {QStringLiteral("parent"), unsignedValue(p.parent)},
                                {QStringLiteral("routine"), p.routine},
                                {QStringLiteral("slot"), p.slot},
                                {QStringLiteral("data"), encodeVariant(p.data)}});
    }
    QCborMap m;
    put(m, "id", unsignedValue(checkpoint.id));
    put(m, "job", jobIdValue(checkpoint.job));
    put(m, "flow_id", checkpoint.flowId);
    put(m, "time_ms", checkpoint.timeMs);
    put(m, "reason", checkpoint.reason);
    put(m, "status", jobStatusName(checkpoint.status));
    put(m, "progress", checkpoint.progress);
    put(m, "entry_routine", checkpoint.entryRoutine);
    put(m, "entry_slot", checkpoint.entrySlot);
    put(m, "params", encodeVariantMap(checkpoint.params));
    put(m, "variables", encodeVariantMap(checkpoint.variables));
    put(m, "routine_variables", routineVariables);
    put(m, "pending", pending);
    put(m, "activations_done", unsignedValue(checkpoint.activationsDone));
    put(m, "last_seq", unsignedValue(checkpoint.lastSeq));
    return m;
}

void decode(const FieldReader &r, JobCheckpoint *checkpoint)
{
    checkpoint->id = r.unsignedInt("id", true);
    checkpoint->job = r.jobId("job", true);
    checkpoint->flowId = r.string("flow_id");
    checkpoint->timeMs = r.integer("time_ms");
    checkpoint->reason = r.string("reason");
    readEnum(r, "status", jobStatusFromName, &checkpoint->status, "job status");
    checkpoint->progress = r.number("progress");
    checkpoint->entryRoutine = r.string("entry_routine");
    checkpoint->entrySlot = r.string("entry_slot");
    checkpoint->params = r.variantMap("params");
    checkpoint->variables = r.variantMap("variables");
    const FieldReader routines = r.child("routine_variables");
    for (auto it = routines.map().cbegin(); it != routines.map().cend() && r.ok(); ++it) {
        const QString routine = it.key().toString();
        if (!it.value().isMap()) {
            routines.failHere(QStringLiteral("'%1': expected a map").arg(routine.left(40)));
            break;
        }
        checkpoint->routineVariables.insert(routine, it.value().toMap().toVariantMap());
    }
    checkpoint->pending = r.list<PendingActivation>("pending", [](const FieldReader &item) {
        PendingActivation p;
        p.id = item.unsignedInt("id", true);
        p.parent = item.unsignedInt("parent");
        p.routine = item.string("routine", true);
        p.slot = item.string("slot");
        p.data = item.variant("data");
        return p;
    });
    checkpoint->activationsDone = r.unsignedInt("activations_done");
    checkpoint->lastSeq = r.unsignedInt("last_seq");
}

} // namespace ValueCodec
} // namespace flowscope
