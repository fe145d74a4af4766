#include "benchmark.h"

#include "debug/expression.h"
#include "debug/scriptwatchdog.h"
#include "runtime/engine.h"

#include <QJSEngine>
#include <QThread>

#include <algorithm>
#include <chrono>

namespace flowscope::bench {

namespace {

using Clock = std::chrono::steady_clock;

// A breakpoint condition as an agent evaluates it at each hit: compiled once, then called with
// the activation's input and the job's variables.
double conditionEvalNs(int hits)
{
    QJSEngine engine;
    const QJSValue pinned = engine.newObject(); // as agents hold one (see Agent)
    ExpressionCache cache(&engine);
    ScriptWatchdog watchdog;
    const QString condition = QStringLiteral("data.index % 7 == 3 && job.limit > data.count");
    ExpressionScope scope;
    scope.job = {{QStringLiteral("limit"), 100}, {QStringLiteral("target"), QStringLiteral("x")}};
    scope.routine = QStringLiteral("probe");
    scope.slot = QStringLiteral("in");
    int truthy = 0;
    Expression::evaluate(cache, watchdog, condition, scope); // compile outside the timing
    const auto start = Clock::now();
    for (int i = 0; i < hits; ++i) {
        scope.data = QVariantMap{{QStringLiteral("index"), i}, {QStringLiteral("count"), 50}};
        truthy += Expression::isTruthy(Expression::evaluate(cache, watchdog, condition, scope));
    }
    const auto end = Clock::now();
    if (truthy == 0)
        qFatal("condition never held");
    return double(std::chrono::duration_cast<std::chrono::nanoseconds>(end - start).count()) / hits;
}

bool allParked(const Engine &engine, JobId job)
{
    for (const AgentInfo &agent : engine.agents()) {
        if (agent.currentJob == job && agent.state == AgentState::Busy)
            return false;
    }
    return true;
}

// From pauseJob until none of the job's agents runs its code any more: each is idle (its
// activations parked) or waiting in a checkpoint. Work handlers check every 5 ms.
double pauseToParkedMs(int samples)
{
    EngineConfig config;
    config.workers = 2;
    Engine engine(config);
    const QByteArray flow = R"({"flow_id": "busy", "entry": "fan.in",
        "routines": {"fan": {"class": "flowscope.FanOut", "config": {"count": 400}},
                     "work": {"class": "flowscope.Work", "config": {"duration_ms": 40, "steps": 4}}},
        "connections": [{"from": "fan.out", "to": "work.in"}]})";
    if (!engine.addFlowJson(flow, QStringLiteral("busy")).ok())
        qFatal("flow refused");
    QVector<double> ms;
    for (int i = 0; i < samples; ++i) {
        JobRequest request;
        request.flowId = QStringLiteral("busy");
        JobId id;
        engine.startJob(request, &id);
        // Both agents inside a work activation, at varying points of it.
        const auto busyAgents = [&engine, id] {
            const QVector<AgentInfo> agents = engine.agents();
            return std::count_if(agents.cbegin(), agents.cend(), [id](const AgentInfo &a) {
                return a.currentJob == id && a.state == AgentState::Busy;
            });
        };
        while (busyAgents() < 2)
            QThread::usleep(200);
        QThread::usleep(1000 + 1700 * (i % 7));
        const auto start = Clock::now();
        engine.pauseJob(id);
        while (!allParked(engine, id))
            ;
        ms << std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        engine.cancelJob(id);
        engine.waitForJob(id, 10000);
    }
    return median(ms);
}

const Registrar condition{
    {QStringLiteral("condition"),
     QStringLiteral("a breakpoint condition evaluated per hit, as an agent does"),
     {{QStringLiteral("condition_eval_ns"), QStringLiteral("ns"), 2000, true}},
     [](const Options &options) {
         return QVector<double>{conditionEvalNs(options.quick ? 20000 : 100000)};
     }}};

const Registrar pause{
    {QStringLiteral("pause"),
     QStringLiteral("from a pause request until the job's agents are parked (2 agents busy)"),
     {{QStringLiteral("pause_to_parked_ms"), QStringLiteral("ms"), 5, true}},
     [](const Options &options) {
         return QVector<double>{pauseToParkedMs(options.quick ? 10 : 30)};
     }}};

} // namespace

} // namespace flowscope::bench
