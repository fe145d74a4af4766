// Fuzzes the REST handlers (core/endpoint/apihandlers.h, healthhandlers.h, checkpointhandlers.h,
// flowhandlers.h, jobstatehandlers.h, tracehandlers.h) without sockets, on a real engine with the
// demo flows and a journal. The input is "body \0 query \0 job-id": the body goes to POST
// /api/jobs, to the flow create and validate routes and to the checkpoint, resume-from and fork
// routes, the query to GET /api/jobs, the trace (JSON or Chrome), the logs, the export, the
// alerts, the metrics and the report, the id to the per-job, per-flow and per-agent routes.
#include "endpoint/apihandlers.h"
#include "endpoint/checkpointhandlers.h"
#include "endpoint/flowhandlers.h"
#include "endpoint/healthhandlers.h"
#include "endpoint/jobstatehandlers.h"
#include "endpoint/tracehandlers.h"
#include "runtime/engine.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <cstdio>
#include <cstdlib>
#include <deque>

using namespace flowscope;

namespace {

Engine *engine = nullptr;
// Jobs started by earlier inputs, still live: a few run on while later inputs are tried, so
// their handlers see the fuzzed parameters; older ones are cancelled to bound memory and CPU.
std::deque<QString> liveJobs;
constexpr size_t maxLiveJobs = 4;

void checkReply(const ApiReply &reply, const char *route, const QByteArray &input)
{
    const int s = reply.httpStatus;
    const bool known
        = s == 200 || s == 201 || s == 204 || s == 400 || s == 404 || s == 409 || s == 413;
    const bool errorHasMessage
        = s < 400 || !reply.object().value(QLatin1String("detail")).toString().isEmpty();
    if (known && errorHasMessage)
        return;
    std::fprintf(stderr, "%s answered %d: %s\ninput: %s\n", route, s, reply.text().constData(),
                 input.toPercentEncoding().constData());
    std::abort();
}

// Reports: 200 with the format's type, or a JSON error (501 for PDF: no QGuiApplication here).
void checkReport(const RawReply &reply, const QByteArray &input)
{
    const int s = reply.httpStatus;
    const bool ok = (s == 200 && !reply.body.isEmpty() && !reply.contentType.isEmpty())
                    || ((s == 400 || s == 501) && reply.contentType == "application/json"
                        && !QJsonDocument::fromJson(reply.body)
                                .object()
                                .value(QLatin1String("detail"))
                                .toString()
                                .isEmpty());
    if (ok)
        return;
    std::fprintf(stderr, "GET /api/reports/health answered %d (%s)\ninput: %s\n", s,
                 reply.contentType.constData(), input.toPercentEncoding().constData());
    std::abort();
}

void keepLive(const QString &id, const ApiHandlers &api, const QByteArray &input)
{
    liveJobs.push_back(id);
    while (liveJobs.size() > maxLiveJobs) {
        // 409 when it has finished already.
        checkReply(api.controlJob(liveJobs.front(), ApiHandlers::JobAction::Cancel),
                   "POST /api/jobs/{id}/cancel", input);
        liveJobs.pop_front();
    }
}

// The health and metrics routes, and the checkpoint routes on a fuzzed id and body.
void fuzzHealth(const QByteArray &body, const QUrlQuery &query, const QString &idText,
                const QByteArray &input)
{
    const HealthHandlers health(engine);
    checkReply(health.agents(), "GET /api/agents", input);
    checkReply(health.agent(idText), "GET /api/agents/{name}", input);
    checkReply(health.alerts(query), "GET /api/alerts", input);
    checkReply(health.jobMetrics(idText, query), "GET /api/jobs/{id}/metrics", input);
    checkReply(health.flowMetrics(idText, query), "GET /api/flows/{id}/metrics", input);
    checkReply(health.metricsSummary(query), "GET /api/metrics/summary", input);
    checkReport(health.report(query), input);

    const CheckpointHandlers checkpoints(engine);
    checkReply(checkpoints.checkpoints(idText), "GET /api/jobs/{id}/checkpoints", input);
    checkReply(checkpoints.takeCheckpoint(idText, body), "POST /api/jobs/{id}/checkpoints", input);
    checkReply(checkpoints.resumeFrom(idText, body), "POST /api/jobs/{id}/resume-from", input);
    checkReply(checkpoints.fork(idText, body), "POST /api/jobs/{id}/fork", input);
    checkReply(checkpoints.interruptedJobs(), "GET /api/jobs/interrupted", input);
}

// A checkpoint of a job just started, then a fork from it with the fuzzed body's variables.
void fuzzFork(const QString &jobId, const QByteArray &body, const ApiHandlers &api,
              const QByteArray &input)
{
    const CheckpointHandlers checkpoints(engine);
    const ApiReply taken
        = checkpoints.takeCheckpoint(jobId, QByteArrayLiteral(R"({"timeout_ms": 50})"));
    checkReply(taken, "POST /api/jobs/{id}/checkpoints", input);
    if (taken.httpStatus != 201)
        return;
    QJsonObject fork = QJsonDocument::fromJson(body).object();
    fork.insert(QLatin1String("checkpoint_id"), taken.body.value(QLatin1String("checkpoint_id")));
    const ApiReply forked
        = checkpoints.fork(jobId, QJsonDocument(fork).toJson(QJsonDocument::Compact));
    checkReply(forked, "POST /api/jobs/{id}/fork", input);
    if (forked.httpStatus == 201)
        keepLive(forked.body.value(QLatin1String("job_id")).toString(), api, input);
}

void checkRaw(const RawReply &reply, const char *route, const QByteArray &input)
{
    const int s = reply.httpStatus;
    const bool ok = (s == 200 && !reply.body.isEmpty())
                    || ((s == 400 || s == 404) && reply.contentType == "application/json");
    if (ok)
        return;
    std::fprintf(stderr, "%s answered %d (%s)\ninput: %s\n", route, s,
                 reply.contentType.constData(), input.toPercentEncoding().constData());
    std::abort();
}

// A trace answered is JSON, whatever its format (a Chrome trace is written without a document).
void checkTrace(const RawReply &reply, const QByteArray &input)
{
    checkRaw(reply, "GET /api/jobs/{id}/trace", input);
    if (reply.httpStatus != 200 || QJsonDocument::fromJson(reply.body).isObject())
        return;
    std::fprintf(stderr,
                 "GET /api/jobs/{id}/trace answered 200 with a body that is not JSON\n"
                 "input: %s\n",
                 input.toPercentEncoding().constData());
    std::abort();
}

// The flow routes with the fuzzed body as a flow; a flow it creates is run once and removed, so
// the demo flows stay and the engine's flows do not pile up. The job state and log routes.
void fuzzFlowsAndState(const QByteArray &body, const QUrlQuery &query, const QString &idText,
                       const QString &createdJob, const QByteArray &input)
{
    const FlowHandlers flows(engine);
    checkReply(flows.validateBody(body), "POST /api/flows/validate", input);
    checkReply(flows.validateBody(body, FlowFormat::Yaml), "POST /api/flows/validate (YAML)",
               input);
    const ApiReply created = flows.createFlow(body);
    checkReply(created, "POST /api/flows", input);
    if (created.httpStatus == 201) {
        const QString flowId = created.body.value(QLatin1String("flow_id")).toString();
        checkReply(flows.validateFlow(flowId), "POST /api/flows/{id}/validate", input);
        checkRaw(flows.exportFlow(flowId, query), "GET /api/flows/{id}/export", input);
        checkReply(flows.flowDsl(flowId, query), "GET /api/flows/{id}/dsl", input);
        // Removed unless a job of it still runs (409); a later input's create then gets a 409.
        checkReply(flows.deleteFlow(flowId), "DELETE /api/flows/{id}", input);
    }
    checkReply(flows.validateFlow(idText), "POST /api/flows/{id}/validate", input);
    checkRaw(flows.exportFlow(idText, query), "GET /api/flows/{id}/export", input);
    checkReply(flows.flowDsl(idText, query), "GET /api/flows/{id}/dsl", input);

    const JobStateHandlers jobs(engine);
    checkReply(jobs.jobState(idText), "GET /api/jobs/{id}/state", input);
    checkReply(jobs.jobLogs(idText, query), "GET /api/jobs/{id}/logs", input);
    if (!createdJob.isEmpty()) {
        checkReply(jobs.jobState(createdJob), "GET /api/jobs/{id}/state", input);
        checkReply(jobs.jobLogs(createdJob, query), "GET /api/jobs/{id}/logs", input);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    static QCoreApplication app(*argc, *argv);
    EngineConfig config;
    config.workers = 1;
    config.maxFinishedJobs = 32;
    config.finishedJobTtlSeconds = 5;
    config.eventHistory = 5000;
    // Never deleted: libFuzzer exits without unwinding, and a job's handler may still be running.
    engine = new Engine(config);
    engine->addDemoFlows();
    // Checkpoints, resume-from and fork need a journal; the folder goes with the process.
    static QTemporaryDir journalDir;
    const Status opened = engine->openJournal(journalDir.filePath(QStringLiteral("fuzz.db")));
    if (!opened.ok()) {
        std::fprintf(stderr, "cannot open the journal: %s\n", qPrintable(opened.message));
        std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const QList<QByteArray> parts = input.split('\0');
    const QByteArray body = parts.value(0);
    const QUrlQuery query(QString::fromUtf8(parts.value(1)));
    const QString idText = QString::fromUtf8(parts.value(2));

    const ApiHandlers api(engine);
    const TraceHandlers traces(engine);

    const ApiReply created = api.createJob(body);
    checkReply(created, "POST /api/jobs", input);
    const QString createdId = created.object().value(QLatin1String("job_id")).toString();
    if (created.httpStatus == 201) {
        checkReply(api.job(createdId), "GET /api/jobs/{id}", input);
        checkTrace(traces.trace(createdId, query), input);
        keepLive(createdId, api, input);
        fuzzFork(createdId, body, api, input);
    }

    checkReply(api.jobs(query), "GET /api/jobs", input);
    checkReply(api.job(idText), "GET /api/jobs/{id}", input);
    checkReply(api.jobStatus(idText), "GET /api/jobs/{id}/status", input);
    checkTrace(traces.trace(idText, query), input);
    checkReply(api.flow(idText), "GET /api/flows/{id}", input);
    // Only pause and resume by a fuzzed id: a cancel could end a job another input is using.
    const auto action = size % 2 ? ApiHandlers::JobAction::Pause : ApiHandlers::JobAction::Resume;
    checkReply(api.controlJob(idText, action), "POST /api/jobs/{id}/pause|resume", input);
    fuzzHealth(body, query, idText, input);
    fuzzFlowsAndState(body, query, idText, created.httpStatus == 201 ? createdId : QString(),
                      input);
    return 0;
}
