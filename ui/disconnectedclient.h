#pragma once

#include "client/engineclient.h"

namespace flowscope {

// Stands for an engine the console knows but is not connected to (never connected, or
// disconnected by the user), so that every view always has a client to talk to. Requests the user
// makes fail with "not connected"; the ones views make on their own (refreshes) go unanswered.
class DisconnectedClient : public EngineClient
{
    Q_OBJECT
public:
    explicit DisconnectedClient(const QString &name, QObject *parent = nullptr);

    QString displayName() const override { return m_name; }
    void setName(const QString &name) { m_name = name; }
    ConnectionState connectionState() const override { return ConnectionState::Disconnected; }

    void refreshFlows() override {}
    void addFlowFile(const QString &path) override;
    void addFlowJson(const QByteArray &json, const QString &source) override;
    void startJob(const QString &flowId, const QString &entry, const QVariantMap &params) override;
    void pauseJob(JobId id) override;
    void resumeJob(JobId id) override;
    void cancelJob(JobId id) override;
    void setMonitoring(bool enabled) override;

    void refreshBreakpoints() override {}
    void addBreakpoint(const Breakpoint &breakpoint) override;
    void removeBreakpoint(const QString &id) override;
    void setBreakpointEnabled(const QString &id, bool enabled) override;
    void step(JobId job, StepMode mode) override;
    void refreshDebugState(JobId, int) override {}
    void setVariable(JobId job, const QString &scope, const QString &name,
                     const QVariant &value) override;
    void evaluate(JobId job, const QString &expression, int frame, int requestId) override;

    void requestMetrics(int, MetricScope, const QString &, qint64, qint64, int) override {}
    void refreshInterruptedJobs() override {}
    void resumeInterruptedJob(JobId id) override;
    void refreshCheckpoints(JobId) override {}
    void resumeFromCheckpoint(JobId job, quint64 checkpointId) override;
    void forkJob(quint64 checkpointId, const QVariantMap &variables) override;

private:
    // Answers later, as a real client would: callers never see a signal inside their request.
    void fail(const QString &request);

    QString m_name;
};

} // namespace flowscope
