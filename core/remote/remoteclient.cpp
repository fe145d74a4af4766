#include "remote/remoteclient.h"

#include "protocol/valuecodec.h"
#include "remote/remoteconnection.h"

#include <QCborMap>

namespace flowscope {

namespace {

QCborMap jobArgs(JobId id)
{
    return {{QStringLiteral("job_id"), id.toString()}};
}

} // namespace

RemoteClient::RemoteClient(const RemoteEndpoint &endpoint, QObject *parent)
    : EngineClient(parent)
    , m_endpoint(endpoint)
    , m_shared(std::make_shared<RemoteShared>())
    , m_connection(new RemoteConnection(endpoint, m_shared))
{
    registerMetaTypes();
    m_thread.setObjectName(QStringLiteral("flowscope-remote"));
    m_connection->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_connection, &QObject::deleteLater);
    connect(m_connection, &RemoteConnection::stateChanged, this, &RemoteClient::stateChanged);
    connect(m_connection, &RemoteConnection::replied, this, &RemoteClient::replied);
    connect(m_connection, &RemoteConnection::updateReady, this, [this](const ClientUpdate &update) {
        // Taken: what arrived meanwhile may come (at most one update waits in this thread's
        // queue). Told before the receivers run, which may even delete this client.
        m_shared->inFlight.store(false);
        QMetaObject::invokeMethod(m_connection, &RemoteConnection::taken, Qt::QueuedConnection);
        Q_EMIT updateReceived(update);
    });
    m_thread.start();
}

RemoteClient::~RemoteClient()
{
    QMetaObject::invokeMethod(m_connection, &RemoteConnection::close, Qt::QueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void RemoteClient::open()
{
    QMetaObject::invokeMethod(m_connection, &RemoteConnection::open, Qt::QueuedConnection);
}

void RemoteClient::close()
{
    QMetaObject::invokeMethod(m_connection, &RemoteConnection::close, Qt::QueuedConnection);
}

QString RemoteClient::lastError() const
{
    QMutexLocker locker(&m_shared->mutex);
    return m_shared->lastError;
}

quint64 RemoteClient::lastSequence() const
{
    return m_shared->lastSeq.load(std::memory_order_relaxed);
}

QString RemoteClient::displayName() const
{
    return m_endpoint.url.authority();
}

EngineClient::ConnectionState RemoteClient::connectionState() const
{
    return m_state;
}

void RemoteClient::stateChanged(ConnectionState state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT connectionStateChanged(state);
    if (state == ConnectionState::Connected)
        refreshFlows(); // as the in-process client does when it starts
}

quint64 RemoteClient::remember(const QString &what, OnResult onResult, OnFailure onFailure)
{
    const quint64 id = m_nextId++;
    m_pending.insert(id, Pending{what, std::move(onResult), std::move(onFailure)});
    return id;
}

void RemoteClient::request(const QString &what, const QString &name, const QCborMap &args,
                           OnResult onResult, OnFailure onFailure, Quiet quiet)
{
    const quint64 id = remember(what, std::move(onResult), std::move(onFailure));
    m_pending[id].quiet = quiet == Quiet::Yes;
    RemoteConnection *connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection, id, name, args] { connection->sendCommand(id, name, args); },
        Qt::QueuedConnection);
}

void RemoteClient::replied(quint64 id, bool ok, const QCborMap &result, const QString &message)
{
    const Pending pending = m_pending.take(id);
    if (pending.what.isEmpty())
        return; // not ours (or answered twice)
    QString failure = message;
    if (ok) {
        const FieldReader reader(result, QStringLiteral("result"));
        if (pending.onResult)
            pending.onResult(reader);
        if (reader.ok())
            return;
        failure = tr("the engine's answer did not decode: %1").arg(reader.error());
    }
    if (!pending.quiet)
        Q_EMIT requestFailed(pending.what, failure);
    if (pending.onFailure)
        pending.onFailure(failure);
}

void RemoteClient::refreshFlows()
{
    request(tr("Flows"), QStringLiteral("flows"), {}, [this](const FieldReader &r) {
        const QVector<FlowDefinition> flows = ValueCodec::decodeList<FlowDefinition>(r, "flows");
        if (r.ok())
            Q_EMIT flowsChanged(flows);
    });
}

void RemoteClient::answerFlowAdded(const FieldReader &r)
{
    const QVector<FlowDefinition> flows = ValueCodec::decodeList<FlowDefinition>(r, "flows");
    const QString flowId = r.string("flow_id", true);
    if (!r.ok())
        return;
    Q_EMIT flowsChanged(flows);
    Q_EMIT flowAdded(flowId);
}

void RemoteClient::answerBreakpoints(const FieldReader &r)
{
    const QVector<Breakpoint> all = ValueCodec::decodeList<Breakpoint>(r, "breakpoints");
    if (r.ok())
        Q_EMIT breakpointsChanged(all);
}

void RemoteClient::addFlowFile(const QString &path)
{
    const quint64 id
        = remember(tr("Open flow"), [this](const FieldReader &r) { answerFlowAdded(r); }, {});
    RemoteConnection *connection = m_connection;
    QMetaObject::invokeMethod(
        connection, [connection, id, path] { connection->sendFlowFile(id, path); },
        Qt::QueuedConnection);
}

void RemoteClient::addFlowJson(const QByteArray &json, const QString &source)
{
    request(tr("Add flow"), QStringLiteral("add_flow"),
            {{QStringLiteral("json"), QString::fromUtf8(json)}, {QStringLiteral("source"), source}},
            [this](const FieldReader &r) { answerFlowAdded(r); });
}

void RemoteClient::startJob(const QString &flowId, const QString &entry, const QVariantMap &params)
{
    QCborMap args{{QStringLiteral("flow_id"), flowId},
                  {QStringLiteral("params"), ValueCodec::encodeVariantMap(params)}};
    if (!entry.isEmpty())
        args.insert(QStringLiteral("entry"), entry);
    request(tr("Start job"), QStringLiteral("start_job"), args, [this](const FieldReader &r) {
        const JobId id = r.jobId("job_id", true);
        const QString flow = r.string("flow_id");
        if (r.ok())
            Q_EMIT jobStarted(id, flow);
    });
}

void RemoteClient::pauseJob(JobId id)
{
    request(tr("Pause job"), QStringLiteral("pause_job"), jobArgs(id));
}

void RemoteClient::resumeJob(JobId id)
{
    request(tr("Resume job"), QStringLiteral("resume_job"), jobArgs(id));
}

void RemoteClient::cancelJob(JobId id)
{
    request(tr("Cancel job"), QStringLiteral("cancel_job"), jobArgs(id));
}

void RemoteClient::setMonitoring(bool enabled)
{
    request(tr("Monitoring"), QStringLiteral("set_monitoring"),
            {{QStringLiteral("enabled"), enabled}});
}

void RemoteClient::changeBreakpoints(const QString &what, const QString &name, const QCborMap &args)
{
    // As in-process: every change answers with the whole list, a failed one too.
    request(
        what, name, args, [this](const FieldReader &r) { answerBreakpoints(r); },
        [this](const QString &) {
            request(tr("Breakpoints"), QStringLiteral("breakpoints"), {},
                    [this](const FieldReader &r) { answerBreakpoints(r); });
        });
}

void RemoteClient::refreshBreakpoints()
{
    changeBreakpoints(tr("Breakpoints"), QStringLiteral("breakpoints"), {});
}

void RemoteClient::addBreakpoint(const Breakpoint &breakpoint)
{
    changeBreakpoints(tr("Add breakpoint"), QStringLiteral("add_breakpoint"),
                      {{QStringLiteral("breakpoint"), ValueCodec::encode(breakpoint)}});
}

void RemoteClient::removeBreakpoint(const QString &id)
{
    changeBreakpoints(tr("Remove breakpoint"), QStringLiteral("remove_breakpoint"),
                      {{QStringLiteral("id"), id}});
}

void RemoteClient::setBreakpointEnabled(const QString &id, bool enabled)
{
    changeBreakpoints(tr("Enable breakpoint"), QStringLiteral("enable_breakpoint"),
                      {{QStringLiteral("id"), id}, {QStringLiteral("enabled"), enabled}});
}

void RemoteClient::step(JobId job, StepMode mode)
{
    QCborMap args = jobArgs(job);
    args.insert(QStringLiteral("mode"), ValueCodec::stepModeName(mode));
    request(tr("Step"), QStringLiteral("step"), args);
}

void RemoteClient::refreshDebugState(JobId job, int frame)
{
    QCborMap args = jobArgs(job);
    args.insert(QStringLiteral("frame"), frame);
    request(tr("Debug state"), QStringLiteral("debug_state"), args, [this](const FieldReader &r) {
        DebugState state;
        ValueCodec::decode(r.child("state", true), &state);
        if (r.ok())
            Q_EMIT debugStateReceived(state);
    });
}

void RemoteClient::setVariable(JobId job, const QString &scope, const QString &name,
                               const QVariant &value)
{
    QCborMap args = jobArgs(job);
    args.insert(QStringLiteral("scope"), scope);
    args.insert(QStringLiteral("name"), name);
    args.insert(QStringLiteral("value"), ValueCodec::encodeVariant(value));
    request(
        tr("Set variable"), QStringLiteral("set_variable"), args,
        [this](const FieldReader &r) {
            DebugState state;
            ValueCodec::decode(r.child("state", true), &state);
            if (r.ok())
                Q_EMIT debugStateReceived(state);
        },
        [this, job](const QString &) { refreshDebugState(job, 0); });
}

void RemoteClient::evaluate(JobId job, const QString &expression, int frame, int requestId)
{
    QCborMap args = jobArgs(job);
    args.insert(QStringLiteral("expression"), expression);
    args.insert(QStringLiteral("frame"), frame);
    // As in-process: a failure is an evaluation of type "error", not a failed request.
    const auto failed = [this, requestId](const QString &message) {
        EvaluationResult result;
        result.type = QStringLiteral("error");
        result.error = message;
        Q_EMIT evaluated(requestId, result);
    };
    request(
        tr("Evaluate"), QStringLiteral("evaluate"), args,
        [this, requestId](const FieldReader &r) {
            EvaluationResult result;
            ValueCodec::decode(r.child("result", true), &result);
            if (r.ok())
                Q_EMIT evaluated(requestId, result);
        },
        failed, Quiet::Yes);
}

void RemoteClient::requestMetrics(int requestId, MetricScope scope, const QString &key,
                                  qint64 fromMs, qint64 toMs, int stepMs)
{
    const QCborMap args{{QStringLiteral("scope"), metricScopeName(scope)},
                        {QStringLiteral("key"), key},
                        {QStringLiteral("from_ms"), fromMs},
                        {QStringLiteral("to_ms"), toMs},
                        {QStringLiteral("step_ms"), stepMs}};
    request(
        tr("Metrics"), QStringLiteral("metrics"), args, [this, requestId](const FieldReader &r) {
            MetricsSummary summary;
            ValueCodec::decode(r.child("summary", true), &summary);
            const QVector<MetricsPoint> series = ValueCodec::decodeList<MetricsPoint>(r, "series");
            const QVector<MetricsSummary> routines
                = ValueCodec::decodeList<MetricsSummary>(r, "routines");
            if (r.ok())
                Q_EMIT metricsReceived(requestId, summary, series, routines);
        });
}

void RemoteClient::refreshInterruptedJobs()
{
    request(tr("Interrupted jobs"), QStringLiteral("interrupted_jobs"), {},
            [this](const FieldReader &r) {
                const QVector<JobRecord> jobs = ValueCodec::decodeList<JobRecord>(r, "jobs");
                if (r.ok())
                    Q_EMIT interruptedJobsReceived(jobs);
            });
}

void RemoteClient::resumeInterruptedJob(JobId id)
{
    request(
        tr("Resume job"), QStringLiteral("resume_interrupted"), jobArgs(id),
        [this](const FieldReader &r) {
            const QVector<JobRecord> jobs = ValueCodec::decodeList<JobRecord>(r, "jobs");
            if (r.ok())
                Q_EMIT interruptedJobsReceived(jobs);
        },
        [this](const QString &) { refreshInterruptedJobs(); });
}

void RemoteClient::refreshCheckpoints(JobId job)
{
    request(tr("Checkpoints"), QStringLiteral("checkpoints"), jobArgs(job),
            [this, job](const FieldReader &r) {
                const QVector<JobCheckpoint> checkpoints
                    = ValueCodec::decodeList<JobCheckpoint>(r, "checkpoints");
                if (r.ok())
                    Q_EMIT checkpointsReceived(job, checkpoints);
            });
}

void RemoteClient::resumeFromCheckpoint(JobId job, quint64 checkpointId)
{
    QCborMap args = jobArgs(job);
    args.insert(QStringLiteral("checkpoint_id"), qint64(checkpointId));
    request(tr("Resume from checkpoint"), QStringLiteral("resume_from"), args);
}

void RemoteClient::forkJob(quint64 checkpointId, const QVariantMap &variables)
{
    request(tr("Fork job"), QStringLiteral("fork"),
            {{QStringLiteral("checkpoint_id"), qint64(checkpointId)},
             {QStringLiteral("variables"), ValueCodec::encodeVariantMap(variables)}},
            [this](const FieldReader &r) {
                const JobId id = r.jobId("job_id", true);
                const QString flowId = r.string("flow_id");
                if (r.ok())
                    Q_EMIT jobStarted(id, flowId);
            });
}

} // namespace flowscope
