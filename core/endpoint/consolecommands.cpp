#include "consolecommands.h"

#include "events/eventbus.h"
#include "metrics/metricsquery.h"
#include "protocol/valuecodec.h"
#include "runtime/engine.h"

namespace flowscope {

namespace {

QString codeOf(Status::Kind kind)
{
    switch (kind) {
    case Status::Kind::NotFound:
        return Protocol::ErrorCode::notFound;
    case Status::Kind::Conflict:
        return Protocol::ErrorCode::conflict;
    case Status::Kind::Invalid:
    case Status::Kind::Ok:
        break;
    }
    return Protocol::ErrorCode::invalid;
}

QCborMap flowsResult(const Engine *engine)
{
    return {{QStringLiteral("flows"), ValueCodec::encodeList(engine->flows())}};
}

QCborMap breakpointsResult(const Engine *engine)
{
    return {{QStringLiteral("breakpoints"), ValueCodec::encodeList(engine->allBreakpoints())}};
}

} // namespace

ConsoleCommands::ConsoleCommands(Engine *engine)
    : m_engine(engine)
{
    addJobCommands();
    addDebugCommands();
    addHealthCommands();
}

void ConsoleCommands::add(const char *name, bool control, Handler handler)
{
    m_commands.insert(QLatin1String(name), Entry{control, std::move(handler)});
}

bool ConsoleCommands::needsControl(const QString &name) const
{
    const auto it = m_commands.constFind(name);
    return it == m_commands.cend() || it->control;
}

Protocol::Reply ConsoleCommands::run(const Protocol::Command &command, AccessRole role) const
{
    Protocol::Reply reply;
    reply.id = command.id;
    reply.ok = false;
    const auto it = m_commands.constFind(command.name);
    if (it == m_commands.cend()) {
        reply.errorCode = Protocol::ErrorCode::unknownCommand;
        reply.errorMessage = QStringLiteral("no command '%1'").arg(command.name.left(60));
        return reply;
    }
    if (it->control && role != AccessRole::Control) {
        reply.errorCode = Protocol::ErrorCode::forbidden;
        reply.errorMessage
            = QStringLiteral("'%1' changes the engine: it needs a control token").arg(command.name);
        return reply;
    }
    const FieldReader args(command.args, command.name);
    Failure failure;
    // Handlers return false for bad arguments (recorded in args) or the engine's refusal.
    if (!it->handler(args, &reply.result, &failure) || !args.ok()) {
        reply.result = QCborMap();
        if (!args.ok()) {
            reply.errorCode = Protocol::ErrorCode::invalid;
            reply.errorMessage = args.error();
        } else {
            reply.errorCode = failure.code;
            reply.errorMessage = failure.message;
        }
        return reply;
    }
    reply.ok = true;
    return reply;
}

namespace {

// The engine's answer as a handler's outcome: true when it succeeded.
template<class Failure>
bool succeeded(const Status &status, Failure *failure)
{
    if (status.ok())
        return true;
    failure->code = codeOf(status.kind);
    failure->message = status.message;
    return false;
}

} // namespace

void ConsoleCommands::addJobCommands()
{
    Engine *engine = m_engine;
    add("flows", false, [engine](const FieldReader &, QCborMap *result, Failure *) {
        *result = flowsResult(engine);
        return true;
    });
    add("add_flow", true, [engine](const FieldReader &args, QCborMap *result, Failure *failure) {
        const QString json = args.string("json", true);
        const QString source = args.string("source");
        if (!args.ok())
            return false;
        QString flowId;
        if (!succeeded(engine->addFlowJson(json.toUtf8(), source, &flowId), failure))
            return false;
        *result = flowsResult(engine);
        result->insert(QStringLiteral("flow_id"), flowId);
        return true;
    });
    add("start_job", true, [engine](const FieldReader &args, QCborMap *result, Failure *failure) {
        JobRequest request;
        request.flowId = args.string("flow_id", true);
        const QString entry = args.string("entry");
        request.params = args.variantMap("params");
        request.timeoutSeconds = args.number("timeout_s");
        if (!args.ok())
            return false;
        if (!entry.isEmpty()) {
            const int dot = entry.lastIndexOf(QLatin1Char('.'));
            request.entryRoutine = dot < 0 ? entry : entry.left(dot);
            request.entrySlot = dot < 0 ? QString() : entry.mid(dot + 1);
        }
        JobId id;
        if (!succeeded(engine->startJob(request, &id), failure))
            return false;
        *result = {{QStringLiteral("job_id"), id.toString()},
                   {QStringLiteral("flow_id"), request.flowId}};
        return true;
    });
    using JobCall = Status (Engine::*)(JobId);
    const auto jobControl = [engine](JobCall call) {
        return [engine, call](const FieldReader &args, QCborMap *, Failure *failure) {
            const JobId job = args.jobId("job_id", true);
            return args.ok() && succeeded((engine->*call)(job), failure);
        };
    };
    add("pause_job", true, jobControl(&Engine::pauseJob));
    add("resume_job", true, jobControl(&Engine::resumeJob));
    add("cancel_job", true, jobControl(&Engine::cancelJob));
    add("set_monitoring", true, [engine](const FieldReader &args, QCborMap *result, Failure *) {
        const bool enabled = args.boolean("enabled", true);
        if (!args.ok())
            return false;
        engine->bus().setEnabled(enabled);
        *result = {{QStringLiteral("enabled"), enabled}};
        return true;
    });
}

void ConsoleCommands::addDebugCommands()
{
    Engine *engine = m_engine;
    add("breakpoints", false, [engine](const FieldReader &, QCborMap *result, Failure *) {
        *result = breakpointsResult(engine);
        return true;
    });
    add("add_breakpoint", true,
        [engine](const FieldReader &args, QCborMap *result, Failure *failure) {
            Breakpoint breakpoint;
            ValueCodec::decode(args.child("breakpoint", true), &breakpoint);
            if (!args.ok() || !succeeded(engine->addBreakpoint(&breakpoint), failure))
                return false;
            *result = breakpointsResult(engine);
            result->insert(QStringLiteral("breakpoint_id"), breakpoint.id);
            return true;
        });
    add("remove_breakpoint", true,
        [engine](const FieldReader &args, QCborMap *result, Failure *failure) {
            const QString id = args.string("id", true);
            if (!args.ok() || !succeeded(engine->removeBreakpoint(id), failure))
                return false;
            *result = breakpointsResult(engine);
            return true;
        });
    add("enable_breakpoint", true,
        [engine](const FieldReader &args, QCborMap *result, Failure *failure) {
            const QString id = args.string("id", true);
            const bool enabled = args.boolean("enabled", true);
            if (!args.ok() || !succeeded(engine->setBreakpointEnabled(id, enabled), failure))
                return false;
            *result = breakpointsResult(engine);
            return true;
        });
    add("step", true, [engine](const FieldReader &args, QCborMap *, Failure *failure) {
        const JobId job = args.jobId("job_id", true);
        StepMode mode = StepMode::Over;
        const QString name = args.string("mode", true);
        if (args.ok() && !ValueCodec::stepModeFromName(name, &mode))
            args.fail("mode", QStringLiteral("expected \"into\", \"over\" or \"out\""));
        return args.ok() && succeeded(engine->step(job, mode), failure);
    });
    add("debug_state", false, [engine](const FieldReader &args, QCborMap *result, Failure *) {
        const JobId job = args.jobId("job_id", true);
        const int frame = int(std::min<quint64>(args.unsignedInt("frame"), 1u << 20));
        if (!args.ok())
            return false;
        *result
            = {{QStringLiteral("state"), ValueCodec::encode(debugStateOf(*engine, job, frame))}};
        return true;
    });
    add("set_variable", true,
        [engine](const FieldReader &args, QCborMap *result, Failure *failure) {
            const JobId job = args.jobId("job_id", true);
            const QString scope = args.string("scope");
            const QString name = args.string("name", true);
            const QVariant value = args.variant("value");
            if (!args.ok() || !succeeded(engine->setVariable(job, scope, name, value), failure))
                return false;
            *result
                = {{QStringLiteral("state"), ValueCodec::encode(debugStateOf(*engine, job, 0))}};
            return true;
        });
    // Answers a failed evaluation as a result of type "error", as the debugger shows it.
    add("evaluate", true, [engine](const FieldReader &args, QCborMap *result, Failure *) {
        const JobId job = args.jobId("job_id", true);
        const QString expression = args.string("expression", true);
        const int frame = int(std::min<quint64>(args.unsignedInt("frame"), 1u << 20));
        if (!args.ok())
            return false;
        EvaluationResult value;
        const Status status = engine->evaluate(job, expression, frame, &value);
        if (!status.ok()) {
            value.type = QStringLiteral("error");
            value.error = status.message;
        }
        *result = {{QStringLiteral("result"), ValueCodec::encode(value)}};
        return true;
    });
}

void ConsoleCommands::addHealthCommands()
{
    Engine *engine = m_engine;
    add("metrics", false, [engine](const FieldReader &args, QCborMap *result, Failure *) {
        MetricScope scope = MetricScope::Engine;
        const QString scopeName = args.string("scope");
        if (!scopeName.isEmpty() && !metricScopeFromName(scopeName, &scope))
            args.fail("scope", QStringLiteral("unknown metric scope '%1'").arg(scopeName.left(40)));
        const QString key = args.string("key");
        const qint64 fromMs = args.integer("from_ms");
        const qint64 toMs = args.integer("to_ms");
        const int stepMs = int(std::min<quint64>(args.unsignedInt("step_ms"), 86'400'000));
        if (!args.ok())
            return false;
        const MetricsAnswer answer
            = queryMetrics(engine->metrics(), engine->journal(), scope, key, fromMs, toMs, stepMs);
        *result = {{QStringLiteral("summary"), ValueCodec::encode(answer.summary)},
                   {QStringLiteral("series"), ValueCodec::encodeList(answer.series)},
                   {QStringLiteral("routines"), ValueCodec::encodeList(answer.routines)},
                   {QStringLiteral("found"), answer.found}};
        return true;
    });
    add("interrupted_jobs", false, [engine](const FieldReader &, QCborMap *result, Failure *) {
        *result = {{QStringLiteral("jobs"), ValueCodec::encodeList(engine->interruptedJobs())}};
        return true;
    });
    add("resume_interrupted", true,
        [engine](const FieldReader &args, QCborMap *result, Failure *failure) {
            const JobId job = args.jobId("job_id", true);
            if (!args.ok() || !succeeded(engine->resumeInterrupted(job), failure))
                return false;
            *result = {{QStringLiteral("jobs"), ValueCodec::encodeList(engine->interruptedJobs())}};
            return true;
        });
    add("checkpoints", false, [engine](const FieldReader &args, QCborMap *result, Failure *) {
        const JobId job = args.jobId("job_id", true);
        if (!args.ok())
            return false;
        *result
            = {{QStringLiteral("job_id"), job.toString()},
               {QStringLiteral("checkpoints"), ValueCodec::encodeList(engine->checkpoints(job))}};
        return true;
    });
    add("resume_from", true, [engine](const FieldReader &args, QCborMap *, Failure *failure) {
        const JobId job = args.jobId("job_id", true);
        const quint64 checkpoint = args.unsignedInt("checkpoint_id", true);
        return args.ok() && succeeded(engine->resumeFrom(job, checkpoint), failure);
    });
    add("fork", true, [engine](const FieldReader &args, QCborMap *result, Failure *failure) {
        const quint64 checkpoint = args.unsignedInt("checkpoint_id", true);
        const QVariantMap variables = args.variantMap("variables");
        JobId id;
        if (!args.ok() || !succeeded(engine->forkJob(checkpoint, variables, &id), failure))
            return false;
        const QString flowId = engine->job(id).value_or(JobInfo()).flowId;
        *result = {{QStringLiteral("job_id"), id.toString()}, {QStringLiteral("flow_id"), flowId}};
        return true;
    });
}

} // namespace flowscope
