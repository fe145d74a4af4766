// Fuzzes the REST handlers (core/endpoint/apihandlers.h) without sockets, on a real engine with
// the demo flows. The input is "body \0 query \0 job-id": the body goes to POST /api/jobs, the
// query to GET /api/jobs and the trace, the id to the per-job routes.
#include "endpoint/apihandlers.h"
#include "runtime/engine.h"

#include <QCoreApplication>
#include <QJsonDocument>
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
    const bool known = s == 200 || s == 201 || s == 400 || s == 404 || s == 409 || s == 413;
    const bool errorHasMessage
        = s < 400 || !reply.body.value(QLatin1String("detail")).toString().isEmpty();
    if (known && errorHasMessage)
        return;
    std::fprintf(stderr, "%s answered %d: %s\ninput: %s\n", route, s,
                 QJsonDocument(reply.body).toJson(QJsonDocument::Compact).constData(),
                 input.toPercentEncoding().constData());
    std::abort();
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

    const ApiReply created = api.createJob(body);
    checkReply(created, "POST /api/jobs", input);
    const QString createdId = created.body.value(QLatin1String("job_id")).toString();
    if (created.httpStatus == 201) {
        checkReply(api.job(createdId), "GET /api/jobs/{id}", input);
        checkReply(api.trace(createdId, query), "GET /api/jobs/{id}/trace", input);
        liveJobs.push_back(createdId);
        while (liveJobs.size() > maxLiveJobs) {
            // 409 when it has finished already.
            checkReply(api.controlJob(liveJobs.front(), ApiHandlers::JobAction::Cancel),
                       "POST /api/jobs/{id}/cancel", input);
            liveJobs.pop_front();
        }
    }

    checkReply(api.jobs(query), "GET /api/jobs", input);
    checkReply(api.job(idText), "GET /api/jobs/{id}", input);
    checkReply(api.jobStatus(idText), "GET /api/jobs/{id}/status", input);
    checkReply(api.trace(idText, query), "GET /api/jobs/{id}/trace", input);
    checkReply(api.flow(idText), "GET /api/flows/{id}", input);
    // Only pause and resume by a fuzzed id: a cancel could end a job another input is using.
    const auto action = size % 2 ? ApiHandlers::JobAction::Pause : ApiHandlers::JobAction::Resume;
    checkReply(api.controlJob(idText, action), "POST /api/jobs/{id}/pause|resume", input);
    return 0;
}
