// The value codec for breakpoints, debug states and evaluations.
#include "protocol/codechelpers.h"
#include "protocol/valuecodec.h"

namespace flowscope {
namespace ValueCodec {

namespace {

const char *const stepModeNames[] = {"into", "over", "out"};

QCborMap encodeFrame(const StackFrame &frame)
{
    QCborMap m;
    put(m, "activation", unsignedValue(frame.activation));
    put(m, "parent", unsignedValue(frame.parent));
    put(m, "routine", frame.routine);
    put(m, "slot", frame.slot);
    put(m, "data", encodeVariant(frame.data));
    put(m, "routine_variables", encodeVariantMap(frame.routineVariables));
    put(m, "known", frame.known);
    return m;
}

StackFrame decodeFrame(const FieldReader &r)
{
    StackFrame frame;
    frame.activation = r.unsignedInt("activation", true);
    frame.parent = r.unsignedInt("parent");
    frame.routine = r.string("routine");
    frame.slot = r.string("slot");
    frame.data = r.variant("data");
    frame.routineVariables = r.variantMap("routine_variables");
    frame.known = r.boolean("known", false, true);
    return frame;
}

} // namespace

QString stepModeName(StepMode mode)
{
    return QString::fromLatin1(stepModeNames[int(mode)]);
}

bool stepModeFromName(QStringView name, StepMode *mode)
{
    for (int i = 0; i < 3; ++i) {
        if (name == QLatin1String(stepModeNames[i])) {
            *mode = StepMode(i);
            return true;
        }
    }
    return false;
}

QCborMap encode(const Breakpoint &breakpoint)
{
    QCborMap m;
    put(m, "id", breakpoint.id);
    put(m, "kind", breakpointKindName(breakpoint.kind));
    put(m, "flow_id", breakpoint.flowId);
    put(m, "job", jobIdValue(breakpoint.job));
    put(m, "routine", breakpoint.routine);
    put(m, "port", breakpoint.port);
    put(m, "condition", breakpoint.condition);
    put(m, "hit_condition", breakpoint.hitCondition);
    put(m, "log_message", breakpoint.logMessage);
    put(m, "enabled", breakpoint.enabled);
    put(m, "hits", unsignedValue(breakpoint.hits));
    put(m, "last_error", breakpoint.lastError);
    return m;
}

void decode(const FieldReader &r, Breakpoint *breakpoint)
{
    breakpoint->id = r.string("id");
    readEnum(r, "kind", breakpointKindFromName, &breakpoint->kind, "breakpoint kind");
    breakpoint->flowId = r.string("flow_id");
    breakpoint->job = r.jobId("job");
    breakpoint->routine = r.string("routine");
    breakpoint->port = r.string("port");
    breakpoint->condition = r.string("condition");
    breakpoint->hitCondition = r.string("hit_condition");
    breakpoint->logMessage = r.string("log_message");
    breakpoint->enabled = r.boolean("enabled", false, true);
    breakpoint->hits = r.unsignedInt("hits");
    breakpoint->lastError = r.string("last_error");
}

QCborMap encode(const DebugState &state)
{
    const DebugSession &s = state.session;
    QCborMap session;
    put(session, "job", jobIdValue(s.job));
    put(session, "flow_id", s.flowId);
    put(session, "status", s.status);
    put(session, "stopped", s.stopped);
    put(session, "reason", s.reason);
    put(session, "breakpoint_id", s.breakpointId);
    put(session, "activation", unsignedValue(s.activation));
    put(session, "routine", s.routine);
    put(session, "slot", s.slot);
    QCborArray frames;
    for (const StackFrame &frame : state.frames)
        frames.append(encodeFrame(frame));
    QCborMap variables;
    put(variables, "data", encodeVariant(state.variables.data));
    put(variables, "routine", encodeVariantMap(state.variables.routine));
    put(variables, "job", encodeVariantMap(state.variables.job));
    QCborMap m;
    put(m, "session", session);
    put(m, "frames", frames);
    put(m, "frame", state.frame);
    put(m, "variables", variables);
    return m;
}

void decode(const FieldReader &r, DebugState *state)
{
    const FieldReader session = r.child("session", true);
    DebugSession &s = state->session;
    s.job = session.jobId("job");
    s.flowId = session.string("flow_id");
    s.status = session.string("status");
    s.stopped = session.boolean("stopped");
    s.reason = session.string("reason");
    s.breakpointId = session.string("breakpoint_id");
    s.activation = session.unsignedInt("activation");
    s.routine = session.string("routine");
    s.slot = session.string("slot");
    state->frames = r.list<StackFrame>("frames", decodeFrame);
    state->frame = int(r.unsignedInt("frame"));
    const FieldReader variables = r.child("variables");
    state->variables.data = variables.variant("data");
    state->variables.routine = variables.variantMap("routine");
    state->variables.job = variables.variantMap("job");
}

QCborMap encode(const EvaluationResult &result)
{
    QCborMap m;
    put(m, "value", encodeVariant(result.value));
    put(m, "type", result.type);
    if (!result.error.isEmpty())
        put(m, "error", result.error);
    return m;
}

void decode(const FieldReader &r, EvaluationResult *result)
{
    result->value = r.variant("value");
    result->type = r.string("type");
    result->error = r.string("error");
}

} // namespace ValueCodec
} // namespace flowscope
