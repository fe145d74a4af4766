#pragma once

#include "client/engineclient.h"
#include "remote/remoteendpoint.h"

#include <QHash>
#include <QThread>

#include <functional>
#include <memory>

class QCborMap;

namespace flowscope {

class FieldReader;
class RemoteConnection;
struct RemoteShared;

// EngineClient over the console protocol (docs/protocol.md) to an engine's endpoint. The socket
// and the decoding live in a thread of their own (RemoteConnection); this object, in the caller's
// thread, turns each request into a command with its own id and each reply into the signal
// InProcessClient would emit. Events arrive in ClientUpdate batches, never one signal per event.
// A lost engine never blocks: requests fail at once with requestFailed while disconnected, and
// the connection comes back by itself, resuming the events where it left off.
class RemoteClient : public EngineClient
{
    Q_OBJECT
public:
    explicit RemoteClient(const RemoteEndpoint &endpoint, QObject *parent = nullptr);
    ~RemoteClient() override;

    void
    open(); // connect; reconnects by itself with backoff (0.5 s doubling to 10 s) until close()
    void close();
    QString lastError() const; // why the last attempt failed or the connection dropped
    quint64 lastSequence() const;

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

private:
    using OnResult = std::function<void(const FieldReader &result)>;
    using OnFailure = std::function<void(const QString &message)>;
    struct Pending
    {
        QString what;
        OnResult onResult;
        OnFailure onFailure; // after requestFailed(what, message); may be empty
        bool quiet = false;  // onFailure only, no requestFailed
    };
    enum class Quiet { No, Yes };

    // Sends a command; onResult runs with the reply's result, or requestFailed(what, ...) is
    // emitted (then onFailure runs, when given).
    void request(const QString &what, const QString &name, const QCborMap &args,
                 OnResult onResult = {}, OnFailure onFailure = {}, Quiet quiet = Quiet::No);
    quint64 remember(const QString &what, OnResult onResult, OnFailure onFailure);
    void replied(quint64 id, bool ok, const QCborMap &result, const QString &message);
    void stateChanged(ConnectionState state);
    void answerFlowAdded(const FieldReader &result);
    void answerBreakpoints(const FieldReader &result);
    void changeBreakpoints(const QString &what, const QString &name, const QCborMap &args);

    RemoteEndpoint m_endpoint;
    std::shared_ptr<RemoteShared> m_shared;
    QThread m_thread;
    RemoteConnection *m_connection; // lives in m_thread
    ConnectionState m_state = ConnectionState::Disconnected;
    quint64 m_nextId = 1;
    QHash<quint64, Pending> m_pending;
};

} // namespace flowscope
