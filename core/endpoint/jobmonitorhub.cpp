#include "jobmonitorhub.h"

#include "jobdebugsocket.h"
#include "jobmonitorsocket.h"
#include "runtime/engine.h"

#include <QRegularExpression>
#include <QWebSocket>

namespace flowscope {

JobMonitorHub::JobMonitorHub(Engine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{}

// Children (monitors and sockets being refused) go with the hub; monitors unsubscribe then.
JobMonitorHub::~JobMonitorHub() = default;

void JobMonitorHub::accept(std::unique_ptr<QWebSocket> socket)
{
    static const QRegularExpression jobPath(
        QStringLiteral("^/api/ws/jobs/([^/]+)/(monitor|debug)$"));
    // Limits before anything is read, whatever the socket turns out to be.
    socket->setMaxAllowedIncomingFrameSize(JobMonitorSocket::maxIncomingBytes);
    socket->setMaxAllowedIncomingMessageSize(JobMonitorSocket::maxIncomingBytes);

    const QString path = socket->requestUrl().path();
    const QRegularExpressionMatch match = jobPath.match(path);
    if (!match.hasMatch()) {
        refuse(std::move(socket), QStringLiteral("no WebSocket endpoint at %1").arg(path));
        return;
    }
    const QString idText = match.captured(1);
    bool ok = false;
    const JobId id = JobId::fromString(idText, &ok);
    if (!ok || id.isNull() || !m_engine->job(id)) {
        refuse(std::move(socket), QStringLiteral("no job '%1'").arg(idText));
        return;
    }
    if (match.captured(2) == QLatin1String("debug")) {
        auto *debugger = new JobDebugSocket(m_engine, id, std::move(socket), this);
        connect(debugger, &JobDebugSocket::closed, this,
                [](JobDebugSocket *closed) { closed->deleteLater(); });
        return;
    }
    auto *monitor = new JobMonitorSocket(m_engine, id, std::move(socket), this);
    connect(monitor, &MonitorSocket::closed, this,
            [](MonitorSocket *closed) { closed->deleteLater(); });
}

int JobMonitorHub::monitorCount() const
{
    return int(findChildren<JobMonitorSocket *>(Qt::FindDirectChildrenOnly).size());
}

SubscriberStatsList JobMonitorHub::subscriberStats() const
{
    SubscriberStatsList stats;
    const auto monitors = findChildren<JobMonitorSocket *>(Qt::FindDirectChildrenOnly);
    for (const JobMonitorSocket *monitor : monitors) {
        // Several clients may watch one job: the address tells them apart while they are open.
        const QString id
            = monitor->job().toString() + QLatin1Char('@') + QString::number(quintptr(monitor), 16);
        stats.append(
            {QStringLiteral("job_monitor"), id, monitor->sentCount(), monitor->droppedCount()});
    }
    return stats;
}

int JobMonitorHub::debuggerCount() const
{
    return int(findChildren<JobDebugSocket *>(Qt::FindDirectChildrenOnly).size());
}

void JobMonitorHub::refuse(std::unique_ptr<QWebSocket> socket, const QString &reason)
{
    // The socket must outlive the closing handshake; it deletes itself once disconnected.
    QWebSocket *closing = socket.release();
    closing->setParent(this);
    connect(closing, &QWebSocket::disconnected, closing, &QObject::deleteLater);
    closing->close(QWebSocketProtocol::CloseCodePolicyViolated, reason);
}

} // namespace flowscope
