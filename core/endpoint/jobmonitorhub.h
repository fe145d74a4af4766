#pragma once

#include "subscriberstats.h"

#include <QObject>

#include <memory>

class QWebSocket;

namespace flowscope {

class Engine;
class JobMonitorSocket;

// Accepts the endpoint's WebSocket connections: /api/ws/jobs/{id}/monitor gets a
// JobMonitorSocket, /api/ws/jobs/{id}/debug a JobDebugSocket; an unknown job or any other path is
// closed with 1008 (policy violated) and a reason, as Routilux clients expect.
class JobMonitorHub : public QObject
{
    Q_OBJECT
public:
    explicit JobMonitorHub(Engine *engine, QObject *parent = nullptr);
    ~JobMonitorHub() override;

    void accept(std::unique_ptr<QWebSocket> socket);
    int monitorCount() const;
    int debuggerCount() const;
    SubscriberStatsList subscriberStats() const;

private:
    void refuse(std::unique_ptr<QWebSocket> socket, const QString &reason);

    Engine *m_engine;
};

} // namespace flowscope
