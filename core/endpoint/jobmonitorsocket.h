#pragma once

#include "runtime/jobid.h"

#include <QObject>

#include <memory>

class QWebSocket;

namespace flowscope {

class BusWakeRelay;

class Engine;
class Subscription;

// One WebSocket client watching one job. It has its own bus subscription (its own copy of every
// event of the job) and sends one text frame per batch:
//   {"type":"hello","job_id","status"}                 once, on open
//   {"type":"events","job_id","events":[...],"dropped"} the history, then each batch
// The bus wakes it from worker threads; the wake only posts to this object's thread.
class JobMonitorSocket : public QObject
{
    Q_OBJECT
public:
    static constexpr int queueCapacity = 20000;
    static constexpr qint64 maxIncomingBytes = 64 * 1024;
    // Unsent bytes at most; beyond, events wait in the bounded queue (which drops the oldest and
    // says how many in the next message) until the reader catches up.
    static constexpr qint64 maxPendingBytes = 4 * 1024 * 1024;

    JobMonitorSocket(Engine *engine, JobId job, std::unique_ptr<QWebSocket> socket,
                     QObject *parent = nullptr);
    ~JobMonitorSocket() override;

    JobId job() const { return m_job; }
    quint64 sentCount() const { return m_sent; }
    quint64 droppedCount() const { return m_droppedReported; }

Q_SIGNALS:
    // The client went away; the owner may delete this object.
    void closed(flowscope::JobMonitorSocket *monitor);

private:
    void sendHelloAndHistory();
    void sendPending();
    void sendText(const QJsonObject &message);
    void stopWatching();

    Engine *m_engine;
    JobId m_job;
    std::unique_ptr<QWebSocket> m_socket;
    std::shared_ptr<BusWakeRelay> m_relay;
    std::shared_ptr<Subscription> m_subscription;
    quint64 m_lastSentSeq = 0; // history and live batches overlap: skip what was sent
    quint64 m_droppedReported = 0;
    bool m_waitingForReader = false;
    quint64 m_sent = 0;
};

} // namespace flowscope
