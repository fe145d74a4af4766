#pragma once

#include "runtime/jobid.h"

#include <QJsonValue>
#include <QString>
#include <QVariant>
#include <QVariantMap>

#include <functional>
#include <memory>

class QJSEngine;

namespace flowscope {

namespace Internal {
class Agent;
class Activation;
class JobState;
class EngineCore;
} // namespace Internal

// What a handler sees of its activation: send data on, read and write variables, report progress,
// and cooperate with pause and cancel. Valid only during the handler call.
class Context
{
public:
    JobId jobId() const;
    QString flowId() const;
    QString routineId() const;
    QString slot() const;
    QString agentName() const;
    quint64 activationId() const;

    // Sends data out on one of the routine's events, to every connected slot.
    void emit(const QString &event, const QVariant &data = {});

    // Routine-local variables: per job and routine, shared by that routine's activations.
    QVariant variable(const QString &name, const QVariant &fallback = {}) const;
    void setVariable(const QString &name, const QVariant &value);
    QVariantMap variables() const;
    // Read-modify-write of the routine's variables under its lock; returns what update returns.
    QVariant updateVariables(const std::function<QVariant(QVariantMap &)> &update);

    // Job variables: shared by every routine of the job (start parameters land here).
    QVariant jobVariable(const QString &name, const QVariant &fallback = {}) const;
    void setJobVariable(const QString &name, const QVariant &value);
    // Read-modify-write of the job's variables under the job's lock.
    QVariant updateJobVariables(const std::function<QVariant(QVariantMap &)> &update);

    // The job's progress, 0..1.
    void setProgress(double progress);
    void log(const QString &message);
    // Numeric fields for metrics (tokens used, files changed, bytes...): summed and averaged per
    // routine, agent, job and flow.
    void reportMetric(const QString &name, double value);
    void reportMetrics(const QVariantMap &fields);

    // Cooperative control point: blocks while the job is paused; returns false once the job is
    // cancelled or failed, and the handler should then return promptly.
    bool checkpoint();
    bool isCancelled() const;

    // Fails the activation (and so the job) with a message, after the handler returns.
    void fail(const QString &message);
    bool hasFailed() const { return !m_failure.isEmpty(); }
    QString failure() const { return m_failure; }

    // A config value that may name a job variable: "$name" reads it, anything else is itself.
    QVariant resolve(const QJsonValue &configValue) const;

    // The JavaScript engine of the agent thread running this activation (created on first use).
    QJSEngine *scriptEngine();

private:
    friend class Internal::Agent;
    Context(Internal::EngineCore *core, Internal::Agent *agent,
            const std::shared_ptr<Internal::Activation> &activation);

    Internal::EngineCore *m_core;
    Internal::Agent *m_agent;
    Internal::Activation *m_activation;
    const std::shared_ptr<Internal::Activation> &m_self; // outlives the context (the agent's)
    QString m_failure;
};

} // namespace flowscope
