#pragma once

#include "apihandlers.h"
#include "runtime/jobid.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

class QUrlQuery;

namespace flowscope {

class Engine;
struct Breakpoint;

// The debugger routes' logic (breakpoints, session, stepping, frames, variables, evaluate), free
// of any HTTP server type so that the debug WebSocket answers its commands with the same code.
// Every method calls the thread-safe Engine API; a job that is not stopped gives the engine's
// Conflict, answered 409.
class DebugHandlers
{
public:
    enum class Control { Continue, StepOver, StepInto, StepOut, Pause };

    explicit DebugHandlers(Engine *engine);

    // A job's breakpoints are its own and its flow's; a flow's are those for all of its jobs.
    ApiReply addJobBreakpoint(const QString &jobId, const QByteArray &body) const;
    ApiReply jobBreakpoints(const QString &jobId) const;
    ApiReply enableJobBreakpoint(const QString &jobId, const QString &bpId,
                                 const QUrlQuery &query) const;
    ApiReply removeJobBreakpoint(const QString &jobId, const QString &bpId) const;
    ApiReply addFlowBreakpoint(const QString &flowId, const QByteArray &body) const;
    ApiReply flowBreakpoints(const QString &flowId) const;
    ApiReply enableFlowBreakpoint(const QString &flowId, const QString &bpId,
                                  const QUrlQuery &query) const;
    ApiReply removeFlowBreakpoint(const QString &flowId, const QString &bpId) const;

    ApiReply session(const QString &jobId) const;
    ApiReply control(const QString &jobId, Control control) const;
    ApiReply variables(const QString &jobId, const QUrlQuery &query) const;
    ApiReply variables(const QString &jobId, int frame) const;
    ApiReply setVariable(const QString &jobId, const QString &name, const QByteArray &body) const;
    ApiReply setVariable(const QString &jobId, const QString &name,
                         const QJsonObject &params) const;
    ApiReply callStack(const QString &jobId) const;
    ApiReply evaluate(const QString &jobId, const QByteArray &body) const;
    ApiReply evaluate(const QString &jobId, const QJsonObject &params) const;

private:
    // Where a breakpoint route acts: a job (and its flow) or a flow alone.
    struct Scope
    {
        JobId job;
        QString flowId;
        QString name; // for messages: "job '…'" or "flow '…'"
    };

    std::optional<Scope> jobScope(const QString &jobId, ApiReply *notFound) const;
    std::optional<Scope> flowScope(const QString &flowId, ApiReply *notFound) const;
    ApiReply addBreakpoint(const Scope &scope, const QByteArray &body) const;
    ApiReply listBreakpoints(const Scope &scope) const;
    // The scope's breakpoint of that id, or a 404 in *notFound.
    std::optional<Breakpoint> findBreakpoint(const Scope &scope, const QString &bpId,
                                             ApiReply *notFound) const;
    ApiReply enableBreakpoint(const Scope &scope, const QString &bpId,
                              const QUrlQuery &query) const;
    ApiReply removeBreakpoint(const Scope &scope, const QString &bpId) const;
    // The job's id, or a 404 in *notFound (a malformed id names no job).
    std::optional<JobId> knownJob(const QString &jobId, ApiReply *notFound) const;
    ApiReply sessionReply(JobId job) const;

    Engine *m_engine;
};

} // namespace flowscope
