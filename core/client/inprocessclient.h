#pragma once

#include "client/engineclient.h"

namespace flowscope {

class Engine;
class InProcessPump;

// EngineClient over an Engine in this process. Requests run in the engine's thread; events and
// state changes are gathered there and posted to the client's thread as one ClientUpdate per
// frame (about 30 per second), never one signal per event.
class InProcessClient : public EngineClient
{
    Q_OBJECT
public:
    explicit InProcessClient(Engine *engine, QObject *parent = nullptr);
    ~InProcessClient() override;

    QString displayName() const override;
    ConnectionState connectionState() const override;

    void refreshFlows() override;
    void addFlowFile(const QString &path) override;
    void addFlowJson(const QByteArray &json, const QString &source) override;
    void startJob(const QString &flowId, const QString &entry, const QVariantMap &params) override;
    void pauseJob(JobId id) override;
    void resumeJob(JobId id) override;
    void cancelJob(JobId id) override;
    void setMonitoring(bool enabled) override;

    void refreshBreakpoints() override;
    void addBreakpoint(const Breakpoint &breakpoint) override;
    void removeBreakpoint(const QString &id) override;
    void setBreakpointEnabled(const QString &id, bool enabled) override;
    void step(JobId job, StepMode mode) override;
    void refreshDebugState(JobId job, int frame) override;
    void setVariable(JobId job, const QString &scope, const QString &name,
                     const QVariant &value) override;
    void evaluate(JobId job, const QString &expression, int frame, int requestId) override;

    void requestMetrics(int requestId, MetricScope scope, const QString &key, qint64 fromMs,
                        qint64 toMs, int stepMs) override;
    void refreshInterruptedJobs() override;
    void resumeInterruptedJob(JobId id) override;
    void refreshCheckpoints(JobId job) override;
    void resumeFromCheckpoint(JobId job, quint64 checkpointId) override;
    void forkJob(quint64 checkpointId, const QVariantMap &variables) override;

    // Events this client may hold before dropping the oldest (default 1,000,000).
    static constexpr int eventBufferCapacity = 1000000;

private:
    Engine *m_engine;
    InProcessPump *m_pump; // lives in the engine thread
};

} // namespace flowscope
