#pragma once

#include "apihandlers.h"
#include "debughandlers.h"
#include "runtime/jobid.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

class QWebSocket;

namespace flowscope {

class BusWakeRelay;

class Engine;
class Subscription;

// One WebSocket client debugging one job (/api/ws/jobs/{id}/debug). The client sends commands
// {id, command, ...params}; each gets exactly one {type:"reply", id, ok, result | error}, computed
// by the same DebugHandlers as the REST routes. The socket also pushes the job's debug events
// (paused, resumed, breakpoint hit, finished, breakpoint logs) as {type:"event", event}. It has its
// own bus subscription; the bus wakes it from worker threads and the wake only posts to this
// object's thread.
class JobDebugSocket : public QObject
{
    Q_OBJECT
public:
    static constexpr int queueCapacity = 10000;
    static constexpr qint64 maxIncomingBytes = 64 * 1024;

    JobDebugSocket(Engine *engine, JobId job, std::unique_ptr<QWebSocket> socket,
                   QObject *parent = nullptr);
    ~JobDebugSocket() override;

    JobId job() const { return m_job; }

Q_SIGNALS:
    // The client went away; the owner may delete this object.
    void closed(flowscope::JobDebugSocket *debugger);

private:
    void handleMessage(const QString &text);
    ApiReply run(const QString &command, const QJsonObject &message) const;
    void sendPending();
    void sendText(const QJsonObject &message);
    void stopWatching();

    Engine *m_engine;
    JobId m_job;
    QString m_jobText;
    DebugHandlers m_handlers;
    std::unique_ptr<QWebSocket> m_socket;
    std::shared_ptr<BusWakeRelay> m_relay;
    std::shared_ptr<Subscription> m_subscription;
};

} // namespace flowscope
