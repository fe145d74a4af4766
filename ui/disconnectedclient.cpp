#include "disconnectedclient.h"

#include <QTimer>

namespace flowscope {

DisconnectedClient::DisconnectedClient(const QString &name, QObject *parent)
    : EngineClient(parent)
    , m_name(name)
{}

void DisconnectedClient::fail(const QString &request)
{
    QTimer::singleShot(0, this, [this, request] {
        Q_EMIT requestFailed(request, tr("not connected to %1").arg(m_name));
    });
}

void DisconnectedClient::addFlowFile(const QString &)
{
    fail(tr("Add flow"));
}

void DisconnectedClient::addFlowJson(const QByteArray &, const QString &)
{
    fail(tr("Add flow"));
}

void DisconnectedClient::startJob(const QString &, const QString &, const QVariantMap &)
{
    fail(tr("Start job"));
}

void DisconnectedClient::pauseJob(JobId)
{
    fail(tr("Pause job"));
}

void DisconnectedClient::resumeJob(JobId)
{
    fail(tr("Continue job"));
}

void DisconnectedClient::cancelJob(JobId)
{
    fail(tr("Cancel job"));
}

void DisconnectedClient::setMonitoring(bool)
{
    fail(tr("Monitoring"));
}

void DisconnectedClient::addBreakpoint(const Breakpoint &)
{
    fail(tr("Breakpoint"));
}

void DisconnectedClient::removeBreakpoint(const QString &)
{
    fail(tr("Breakpoint"));
}

void DisconnectedClient::setBreakpointEnabled(const QString &, bool)
{
    fail(tr("Breakpoint"));
}

void DisconnectedClient::step(JobId, StepMode)
{
    fail(tr("Step"));
}

void DisconnectedClient::setVariable(JobId, const QString &, const QString &, const QVariant &)
{
    fail(tr("Set variable"));
}

void DisconnectedClient::evaluate(JobId, const QString &, int, int requestId)
{
    QTimer::singleShot(0, this, [this, requestId] {
        EvaluationResult result;
        result.type = QStringLiteral("error");
        result.error = tr("not connected to %1").arg(m_name);
        Q_EMIT evaluated(requestId, result);
    });
}

void DisconnectedClient::resumeInterruptedJob(JobId)
{
    fail(tr("Resume job"));
}

void DisconnectedClient::resumeFromCheckpoint(JobId, quint64)
{
    fail(tr("Resume from checkpoint"));
}

void DisconnectedClient::forkJob(quint64, const QVariantMap &)
{
    fail(tr("Fork job"));
}

} // namespace flowscope
