#include "client/inprocessclient.h"

#include "client/inprocesspump.h"
#include "events/eventbus.h"
#include "journal/journal.h"
#include "metrics/metricscollector.h"
#include "metrics/metricsquery.h"
#include "runtime/engine.h"

#include <QFile>
#include <QPointer>

namespace flowscope {

namespace {

// Runs work in the engine thread and hands its answer back to the client's thread.
template<class Work>
void inEngineThread(Engine *engine, Work work)
{
    QMetaObject::invokeMethod(engine->threadContext(), std::move(work), Qt::QueuedConnection);
}

template<class Reply>
void toClient(const QPointer<InProcessClient> &client, Reply reply)
{
    if (client)
        QMetaObject::invokeMethod(client.data(), std::move(reply), Qt::QueuedConnection);
}

} // namespace

InProcessClient::InProcessClient(Engine *engine, QObject *parent)
    : EngineClient(parent)
    , m_engine(engine)
    , m_pump(new InProcessPump(engine, this, eventBufferCapacity))
{
    registerMetaTypes();
    m_pump->moveToThread(engine->threadContext()->thread());
    QMetaObject::invokeMethod(m_pump, &InProcessPump::start, Qt::QueuedConnection);
    refreshFlows();
}

InProcessClient::~InProcessClient()
{
    m_pump->deleteLater();
}

QString InProcessClient::displayName() const
{
    return tr("In-process engine");
}

EngineClient::ConnectionState InProcessClient::connectionState() const
{
    return ConnectionState::Connected;
}

void InProcessClient::refreshFlows()
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self] {
        const QVector<FlowDefinition> flows = engine->flows();
        toClient(self, [self, flows] { Q_EMIT self->flowsChanged(flows); });
    });
}

void InProcessClient::addFlowFile(const QString &path)
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self, path] {
        QString flowId;
        const Status status = engine->addFlowFile(path, &flowId);
        const QVector<FlowDefinition> flows = engine->flows();
        toClient(self, [self, status, flowId, flows] {
            if (!status.ok()) {
                Q_EMIT self->requestFailed(tr("Open flow"), status.message);
                return;
            }
            Q_EMIT self->flowsChanged(flows);
            Q_EMIT self->flowAdded(flowId);
        });
    });
}

void InProcessClient::addFlowJson(const QByteArray &json, const QString &source)
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self, json, source] {
        QString flowId;
        const Status status = engine->addFlowJson(json, source, &flowId);
        const QVector<FlowDefinition> flows = engine->flows();
        toClient(self, [self, status, flowId, flows] {
            if (!status.ok()) {
                Q_EMIT self->requestFailed(tr("Add flow"), status.message);
                return;
            }
            Q_EMIT self->flowsChanged(flows);
            Q_EMIT self->flowAdded(flowId);
        });
    });
}

void InProcessClient::startJob(const QString &flowId, const QString &entry,
                               const QVariantMap &params)
{
    JobRequest request;
    request.flowId = flowId;
    request.params = params;
    if (!entry.isEmpty()) {
        const int dot = entry.lastIndexOf(QLatin1Char('.'));
        request.entryRoutine = dot < 0 ? entry : entry.left(dot);
        request.entrySlot = dot < 0 ? QString() : entry.mid(dot + 1);
    }
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self, request] {
        JobId id;
        const Status status = engine->startJob(request, &id);
        toClient(self, [self, status, id, flowId = request.flowId] {
            if (status.ok())
                Q_EMIT self->jobStarted(id, flowId);
            else
                Q_EMIT self->requestFailed(tr("Start job"), status.message);
        });
    });
}

namespace {

template<class Call>
void control(Engine *engine, const QPointer<InProcessClient> &self, const QString &what, Call call)
{
    inEngineThread(engine, [engine, self, what, call] {
        const Status status = call(engine);
        if (!status.ok()) {
            toClient(self,
                     [self, what, status] { Q_EMIT self->requestFailed(what, status.message); });
        }
    });
}

} // namespace

void InProcessClient::pauseJob(JobId id)
{
    control(m_engine, this, tr("Pause job"), [id](Engine *e) { return e->pauseJob(id); });
}

void InProcessClient::resumeJob(JobId id)
{
    control(m_engine, this, tr("Resume job"), [id](Engine *e) { return e->resumeJob(id); });
}

void InProcessClient::cancelJob(JobId id)
{
    control(m_engine, this, tr("Cancel job"), [id](Engine *e) { return e->cancelJob(id); });
}

void InProcessClient::setMonitoring(bool enabled)
{
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, enabled] { engine->bus().setEnabled(enabled); });
}

namespace {

// Runs a breakpoint change and answers with the whole list, or the failure.
template<class Change>
void changeBreakpoints(Engine *engine, const QPointer<InProcessClient> &self, const QString &what,
                       Change change)
{
    inEngineThread(engine, [engine, self, what, change] {
        const Status status = change(engine);
        const QVector<Breakpoint> all = engine->allBreakpoints();
        toClient(self, [self, what, status, all] {
            if (!status.ok())
                Q_EMIT self->requestFailed(what, status.message);
            Q_EMIT self->breakpointsChanged(all);
        });
    });
}

} // namespace

void InProcessClient::refreshBreakpoints()
{
    changeBreakpoints(m_engine, this, tr("Breakpoints"),
                      [](Engine *) { return Status::success(); });
}

void InProcessClient::addBreakpoint(const Breakpoint &breakpoint)
{
    changeBreakpoints(m_engine, this, tr("Add breakpoint"), [breakpoint](Engine *e) {
        Breakpoint copy = breakpoint;
        return e->addBreakpoint(&copy);
    });
}

void InProcessClient::removeBreakpoint(const QString &id)
{
    changeBreakpoints(m_engine, this, tr("Remove breakpoint"),
                      [id](Engine *e) { return e->removeBreakpoint(id); });
}

void InProcessClient::setBreakpointEnabled(const QString &id, bool enabled)
{
    changeBreakpoints(m_engine, this, tr("Enable breakpoint"),
                      [id, enabled](Engine *e) { return e->setBreakpointEnabled(id, enabled); });
}

void InProcessClient::step(JobId job, StepMode mode)
{
    control(m_engine, this, tr("Step"), [job, mode](Engine *e) { return e->step(job, mode); });
}

void InProcessClient::refreshDebugState(JobId job, int frame)
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self, job, frame] {
        const DebugState state = debugStateOf(*engine, job, frame);
        toClient(self, [self, state] { Q_EMIT self->debugStateReceived(state); });
    });
}

void InProcessClient::setVariable(JobId job, const QString &scope, const QString &name,
                                  const QVariant &value)
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self, job, scope, name, value] {
        const Status status = engine->setVariable(job, scope, name, value);
        const DebugState state = debugStateOf(*engine, job, 0);
        toClient(self, [self, status, state] {
            if (!status.ok())
                Q_EMIT self->requestFailed(tr("Set variable"), status.message);
            Q_EMIT self->debugStateReceived(state);
        });
    });
}

void InProcessClient::evaluate(JobId job, const QString &expression, int frame, int requestId)
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self, job, expression, frame, requestId] {
        EvaluationResult result;
        const Status status = engine->evaluate(job, expression, frame, &result);
        if (!status.ok()) {
            result.type = QStringLiteral("error");
            result.error = status.message;
        }
        toClient(self, [self, requestId, result] { Q_EMIT self->evaluated(requestId, result); });
    });
}

void InProcessClient::requestMetrics(int requestId, MetricScope scope, const QString &key,
                                     qint64 fromMs, qint64 toMs, int stepMs)
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [=] {
        const MetricsAnswer answer
            = queryMetrics(engine->metrics(), engine->journal(), scope, key, fromMs, toMs, stepMs);
        toClient(self, [self, requestId, answer] {
            Q_EMIT self->metricsReceived(requestId, answer.summary, answer.series, answer.routines);
        });
    });
}

void InProcessClient::refreshInterruptedJobs()
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self] {
        const QVector<JobRecord> jobs = engine->interruptedJobs();
        toClient(self, [self, jobs] { Q_EMIT self->interruptedJobsReceived(jobs); });
    });
}

void InProcessClient::resumeInterruptedJob(JobId id)
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self, id] {
        const Status status = engine->resumeInterrupted(id);
        const QVector<JobRecord> jobs = engine->interruptedJobs();
        toClient(self, [self, status, jobs] {
            if (!status.ok())
                Q_EMIT self->requestFailed(tr("Resume job"), status.message);
            Q_EMIT self->interruptedJobsReceived(jobs);
        });
    });
}

void InProcessClient::refreshCheckpoints(JobId job)
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self, job] {
        const QVector<JobCheckpoint> checkpoints = engine->checkpoints(job);
        toClient(self,
                 [self, job, checkpoints] { Q_EMIT self->checkpointsReceived(job, checkpoints); });
    });
}

void InProcessClient::resumeFromCheckpoint(JobId job, quint64 checkpointId)
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self, job, checkpointId] {
        const Status status = engine->resumeFrom(job, checkpointId);
        toClient(self, [self, status] {
            if (!status.ok())
                Q_EMIT self->requestFailed(tr("Resume from checkpoint"), status.message);
        });
    });
}

void InProcessClient::forkJob(quint64 checkpointId, const QVariantMap &variables)
{
    QPointer<InProcessClient> self(this);
    Engine *engine = m_engine;
    inEngineThread(engine, [engine, self, checkpointId, variables] {
        JobId id;
        const Status status = engine->forkJob(checkpointId, variables, &id);
        const QString flowId = status.ok() ? engine->job(id).value_or(JobInfo()).flowId : QString();
        toClient(self, [self, status, id, flowId] {
            if (status.ok())
                Q_EMIT self->jobStarted(id, flowId);
            else
                Q_EMIT self->requestFailed(tr("Fork job"), status.message);
        });
    });
}

} // namespace flowscope
