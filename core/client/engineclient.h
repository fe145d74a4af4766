#pragma once

#include "client/clientupdate.h"
#include "client/debugstate.h"
#include "debug/breakpoint.h"
#include "flow/flowdefinition.h"
#include "journal/jobcheckpoint.h"
#include "metrics/metricssummary.h"

#include <QObject>
#include <QVariantMap>

namespace flowscope {

// The console's only way to an engine. Every request is asynchronous: it returns at once, and
// the answer arrives as a signal in the caller's thread. Everything crossing is a value (no
// pointers into engine memory), so the same widgets work on the in-process engine and on a
// remote one.
class EngineClient : public QObject
{
    Q_OBJECT
public:
    enum class ConnectionState { Disconnected, Connecting, Connected };
    Q_ENUM(ConnectionState)

    using QObject::QObject;

    // The types the signals carry, for queued connections; implementations call it once.
    static void registerMetaTypes();

    virtual QString displayName() const = 0;
    virtual ConnectionState connectionState() const = 0;

    virtual void refreshFlows() = 0;
    // Reads a flow file on the client side and registers it with the engine.
    virtual void addFlowFile(const QString &path) = 0;
    virtual void addFlowJson(const QByteArray &json, const QString &source) = 0;
    // entry: "routine.slot", or empty for the flow's entry.
    virtual void startJob(const QString &flowId, const QString &entry, const QVariantMap &params)
        = 0;
    virtual void pauseJob(JobId id) = 0;
    virtual void resumeJob(JobId id) = 0;
    virtual void cancelJob(JobId id) = 0;
    virtual void setMonitoring(bool enabled) = 0;

    // Debugging (docs/debugging.md). Changes to breakpoints answer with breakpointsChanged (every
    // breakpoint of the engine); debug requests on a job that is not stopped fail with the
    // engine's message.
    virtual void refreshBreakpoints() = 0;
    // breakpoint.job set: that job only; else every job of breakpoint.flowId.
    virtual void addBreakpoint(const Breakpoint &breakpoint) = 0;
    virtual void removeBreakpoint(const QString &id) = 0;
    virtual void setBreakpointEnabled(const QString &id, bool enabled) = 0;
    virtual void step(JobId job, StepMode mode) = 0;
    // Answers with debugStateReceived for that job and frame.
    virtual void refreshDebugState(JobId job, int frame) = 0;
    // scope: "data", "routine", "job", or empty for the innermost with the name. Answers with a
    // fresh debugStateReceived.
    virtual void setVariable(JobId job, const QString &scope, const QString &name,
                             const QVariant &value)
        = 0;
    // Answers with evaluated(requestId, ...).
    virtual void evaluate(JobId job, const QString &expression, int frame, int requestId) = 0;

    // Metrics (docs/health.md). fromMs = toMs = 0: since the engine started, without a series.
    // Otherwise the range, with a series of stepMs points. Answers with metricsReceived: the
    // scope's summary and, for the Engine, Flow and Job scopes, one summary per routine.
    virtual void requestMetrics(int requestId, MetricScope scope, const QString &key, qint64 fromMs,
                                qint64 toMs, int stepMs)
        = 0;

    // Persistence (docs/persistence.md). Without a journal these fail with the engine's message.
    virtual void refreshInterruptedJobs() = 0; // answers interruptedJobsReceived
    virtual void resumeInterruptedJob(JobId id) = 0;
    virtual void refreshCheckpoints(JobId job) = 0; // answers checkpointsReceived
    virtual void resumeFromCheckpoint(JobId job, quint64 checkpointId) = 0;
    // A new job from the checkpoint, with job variables overridden; answers jobStarted.
    virtual void forkJob(quint64 checkpointId, const QVariantMap &variables) = 0;

Q_SIGNALS:
    void connectionStateChanged(flowscope::EngineClient::ConnectionState state);
    void flowsChanged(const QVector<flowscope::FlowDefinition> &flows);
    void flowAdded(const QString &flowId);
    void jobStarted(flowscope::JobId id, const QString &flowId);
    void updateReceived(const flowscope::ClientUpdate &update);
    void breakpointsChanged(const QVector<flowscope::Breakpoint> &breakpoints);
    void debugStateReceived(const flowscope::DebugState &state);
    void evaluated(int requestId, const flowscope::EvaluationResult &result);
    void metricsReceived(int requestId, const flowscope::MetricsSummary &summary,
                         const QVector<flowscope::MetricsPoint> &series,
                         const QVector<flowscope::MetricsSummary> &routines);
    void interruptedJobsReceived(const QVector<flowscope::JobRecord> &jobs);
    void checkpointsReceived(flowscope::JobId job,
                             const QVector<flowscope::JobCheckpoint> &checkpoints);
    // A request failed: what was asked (e.g. "Start job"), and why.
    void requestFailed(const QString &request, const QString &message);
};

} // namespace flowscope
