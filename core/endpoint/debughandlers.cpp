#include "debughandlers.h"

#include "debugjson.h"
#include "debugparsing.h"
#include "requestparsing.h"
#include "runtime/engine.h"

#include <QJsonArray>
#include <QUrlQuery>

namespace flowscope {

DebugHandlers::DebugHandlers(Engine *engine)
    : m_engine(engine)
{}

std::optional<JobId> DebugHandlers::knownJob(const QString &jobId, ApiReply *notFound) const
{
    bool ok = false;
    const JobId id = JobId::fromString(jobId, &ok);
    if (!ok || id.isNull() || !m_engine->job(id)) {
        *notFound = ApiHandlers::error(404, QStringLiteral("no job '%1'").arg(jobId));
        return std::nullopt;
    }
    return id;
}

std::optional<DebugHandlers::Scope> DebugHandlers::jobScope(const QString &jobId,
                                                            ApiReply *notFound) const
{
    const std::optional<JobId> id = knownJob(jobId, notFound);
    if (!id)
        return std::nullopt;
    const std::optional<JobInfo> info = m_engine->job(*id);
    if (!info) { // retired between the two calls
        *notFound = ApiHandlers::error(404, QStringLiteral("no job '%1'").arg(jobId));
        return std::nullopt;
    }
    return Scope{*id, info->flowId, QStringLiteral("job '%1'").arg(jobId)};
}

std::optional<DebugHandlers::Scope> DebugHandlers::flowScope(const QString &flowId,
                                                             ApiReply *notFound) const
{
    if (!m_engine->flow(flowId)) {
        *notFound = ApiHandlers::error(404, QStringLiteral("no flow '%1'").arg(flowId));
        return std::nullopt;
    }
    return Scope{JobId(), flowId, QStringLiteral("flow '%1'").arg(flowId)};
}

ApiReply DebugHandlers::addBreakpoint(const Scope &scope, const QByteArray &body) const
{
    QJsonObject object;
    Breakpoint bp;
    RequestError requestError;
    if (!RequestParsing::jsonObjectBody(body, &object, &requestError)
        || !DebugParsing::breakpoint(object, &bp, &requestError)) {
        return ApiHandlers::error(requestError);
    }
    bp.job = scope.job;
    bp.flowId = scope.flowId;
    // The engine refuses an unknown routine, slot or event and a condition that does not
    // compile (Invalid: 400 with its message).
    const Status status = m_engine->addBreakpoint(&bp);
    if (!status.ok())
        return ApiHandlers::error(status);
    return {201, DebugJson::breakpoint(bp)};
}

ApiReply DebugHandlers::listBreakpoints(const Scope &scope) const
{
    const QVector<Breakpoint> all = scope.job.isNull() ? m_engine->flowBreakpoints(scope.flowId)
                                                       : m_engine->breakpoints(scope.job);
    QJsonArray list;
    for (const Breakpoint &bp : all)
        list.append(DebugJson::breakpoint(bp));
    return {200, {{QStringLiteral("breakpoints"), list}, {QStringLiteral("total"), list.size()}}};
}

std::optional<Breakpoint> DebugHandlers::findBreakpoint(const Scope &scope, const QString &bpId,
                                                        ApiReply *notFound) const
{
    const QVector<Breakpoint> all = scope.job.isNull() ? m_engine->flowBreakpoints(scope.flowId)
                                                       : m_engine->breakpoints(scope.job);
    for (const Breakpoint &bp : all) {
        if (bp.id == bpId)
            return bp;
    }
    *notFound = ApiHandlers::error(
        404, QStringLiteral("no breakpoint '%1' for %2").arg(bpId, scope.name));
    return std::nullopt;
}

ApiReply DebugHandlers::enableBreakpoint(const Scope &scope, const QString &bpId,
                                         const QUrlQuery &query) const
{
    bool enabled = true;
    RequestError requestError;
    if (!DebugParsing::enabledQuery(query, &enabled, &requestError))
        return ApiHandlers::error(requestError);
    ApiReply reply;
    if (!findBreakpoint(scope, bpId, &reply))
        return reply;
    const Status status = m_engine->setBreakpointEnabled(bpId, enabled);
    if (!status.ok())
        return ApiHandlers::error(status);
    const std::optional<Breakpoint> changed = m_engine->breakpoint(bpId);
    if (!changed) // removed meanwhile
        return ApiHandlers::error(404, QStringLiteral("no breakpoint '%1'").arg(bpId));
    return {200, DebugJson::breakpoint(*changed)};
}

ApiReply DebugHandlers::removeBreakpoint(const Scope &scope, const QString &bpId) const
{
    ApiReply reply;
    if (!findBreakpoint(scope, bpId, &reply))
        return reply;
    const Status status = m_engine->removeBreakpoint(bpId);
    if (!status.ok())
        return ApiHandlers::error(status);
    return {200, {{QStringLiteral("deleted"), true}, {QStringLiteral("breakpoint_id"), bpId}}};
}

ApiReply DebugHandlers::addJobBreakpoint(const QString &jobId, const QByteArray &body) const
{
    ApiReply reply;
    const std::optional<Scope> scope = jobScope(jobId, &reply);
    return scope ? addBreakpoint(*scope, body) : reply;
}

ApiReply DebugHandlers::jobBreakpoints(const QString &jobId) const
{
    ApiReply reply;
    const std::optional<Scope> scope = jobScope(jobId, &reply);
    return scope ? listBreakpoints(*scope) : reply;
}

ApiReply DebugHandlers::enableJobBreakpoint(const QString &jobId, const QString &bpId,
                                            const QUrlQuery &query) const
{
    ApiReply reply;
    const std::optional<Scope> scope = jobScope(jobId, &reply);
    return scope ? enableBreakpoint(*scope, bpId, query) : reply;
}

ApiReply DebugHandlers::removeJobBreakpoint(const QString &jobId, const QString &bpId) const
{
    ApiReply reply;
    const std::optional<Scope> scope = jobScope(jobId, &reply);
    return scope ? removeBreakpoint(*scope, bpId) : reply;
}

ApiReply DebugHandlers::addFlowBreakpoint(const QString &flowId, const QByteArray &body) const
{
    ApiReply reply;
    const std::optional<Scope> scope = flowScope(flowId, &reply);
    return scope ? addBreakpoint(*scope, body) : reply;
}

ApiReply DebugHandlers::flowBreakpoints(const QString &flowId) const
{
    ApiReply reply;
    const std::optional<Scope> scope = flowScope(flowId, &reply);
    return scope ? listBreakpoints(*scope) : reply;
}

ApiReply DebugHandlers::enableFlowBreakpoint(const QString &flowId, const QString &bpId,
                                             const QUrlQuery &query) const
{
    ApiReply reply;
    const std::optional<Scope> scope = flowScope(flowId, &reply);
    return scope ? enableBreakpoint(*scope, bpId, query) : reply;
}

ApiReply DebugHandlers::removeFlowBreakpoint(const QString &flowId, const QString &bpId) const
{
    ApiReply reply;
    const std::optional<Scope> scope = flowScope(flowId, &reply);
    return scope ? removeBreakpoint(*scope, bpId) : reply;
}

ApiReply DebugHandlers::sessionReply(JobId job) const
{
    const std::optional<DebugSession> session = m_engine->debugSession(job);
    if (!session)
        return ApiHandlers::error(404, QStringLiteral("no job '%1'").arg(job.toString()));
    return {200, DebugJson::session(*session)};
}

ApiReply DebugHandlers::session(const QString &jobId) const
{
    ApiReply reply;
    const std::optional<JobId> id = knownJob(jobId, &reply);
    return id ? sessionReply(*id) : reply;
}

ApiReply DebugHandlers::control(const QString &jobId, Control control) const
{
    ApiReply reply;
    const std::optional<JobId> id = knownJob(jobId, &reply);
    if (!id)
        return reply;
    Status status;
    switch (control) {
    case Control::Continue:
        status = m_engine->resumeJob(*id);
        break;
    case Control::StepOver:
        status = m_engine->step(*id, StepMode::Over);
        break;
    case Control::StepInto:
        status = m_engine->step(*id, StepMode::Into);
        break;
    case Control::StepOut:
        status = m_engine->step(*id, StepMode::Out);
        break;
    case Control::Pause:
        status = m_engine->pauseJob(*id);
        break;
    }
    if (!status.ok())
        return ApiHandlers::error(status);
    return sessionReply(*id);
}

ApiReply DebugHandlers::variables(const QString &jobId, const QUrlQuery &query) const
{
    int frame = 0;
    RequestError requestError;
    if (!DebugParsing::frameQuery(query, &frame, &requestError))
        return ApiHandlers::error(requestError);
    return variables(jobId, frame);
}

ApiReply DebugHandlers::variables(const QString &jobId, int frame) const
{
    ApiReply reply;
    const std::optional<JobId> id = knownJob(jobId, &reply);
    if (!id)
        return reply;
    FrameVariables vars;
    const Status status = m_engine->variables(*id, frame, &vars);
    if (!status.ok())
        return ApiHandlers::error(status);
    return {200, DebugJson::variables(*id, frame, vars)};
}

ApiReply DebugHandlers::setVariable(const QString &jobId, const QString &name,
                                    const QByteArray &body) const
{
    QJsonObject object;
    RequestError requestError;
    if (!RequestParsing::jsonObjectBody(body, &object, &requestError))
        return ApiHandlers::error(requestError);
    return setVariable(jobId, name, object);
}

ApiReply DebugHandlers::setVariable(const QString &jobId, const QString &name,
                                    const QJsonObject &params) const
{
    ApiReply reply;
    const std::optional<JobId> id = knownJob(jobId, &reply);
    if (!id)
        return reply;
    VariableRequest request;
    RequestError requestError;
    if (!DebugParsing::variable(params, &request, &requestError))
        return ApiHandlers::error(requestError);
    const Status status = m_engine->setVariable(*id, request.scope, name, request.value);
    if (!status.ok())
        return ApiHandlers::error(status);
    return variables(jobId, 0);
}

ApiReply DebugHandlers::callStack(const QString &jobId) const
{
    ApiReply reply;
    const std::optional<JobId> id = knownJob(jobId, &reply);
    if (!id)
        return reply;
    QVector<StackFrame> frames;
    const Status status = m_engine->callStack(*id, &frames);
    if (!status.ok())
        return ApiHandlers::error(status);
    QJsonArray list;
    for (int i = 0; i < frames.size(); ++i)
        list.append(DebugJson::frame(frames.at(i), i));
    return {200,
            {{QStringLiteral("job_id"), id->toString()},
             {QStringLiteral("frames"), list},
             {QStringLiteral("total"), list.size()}}};
}

ApiReply DebugHandlers::evaluate(const QString &jobId, const QByteArray &body) const
{
    QJsonObject object;
    RequestError requestError;
    if (!RequestParsing::jsonObjectBody(body, &object, &requestError))
        return ApiHandlers::error(requestError);
    return evaluate(jobId, object);
}

ApiReply DebugHandlers::evaluate(const QString &jobId, const QJsonObject &params) const
{
    ApiReply reply;
    const std::optional<JobId> id = knownJob(jobId, &reply);
    if (!id)
        return reply;
    EvaluateRequest request;
    RequestError requestError;
    if (!DebugParsing::evaluate(params, &request, &requestError))
        return ApiHandlers::error(requestError);
    EvaluationResult result;
    const Status status = m_engine->evaluate(*id, request.expression, request.frame, &result);
    if (!status.ok())
        return ApiHandlers::error(status);
    return {200, DebugJson::evaluation(result)};
}

} // namespace flowscope
