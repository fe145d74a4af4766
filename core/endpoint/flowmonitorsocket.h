#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QWebSocket;

namespace flowscope {

class BusWakeRelay;
class Engine;
class Subscription;

// One WebSocket client watching every job of one flow (/api/ws/flows/{id}/monitor), the jobs
// started later included. It has its own bus subscription, so every subscriber gets its own copy
// of every event, and sends one text frame per batch:
//   {"type":"hello","flow_id","jobs":[{job_id,status}]}   once, on open: the unfinished jobs
//   {"type":"events","flow_id","events":[...],"dropped"}  each batch (after ?since=N: the held
//                                                          events of the flow past N first)
// The bus wakes it from worker threads; the wake only posts to this object's thread.
class FlowMonitorSocket : public QObject
{
    Q_OBJECT
public:
    static constexpr int queueCapacity = 50000;
    static constexpr qint64 maxIncomingBytes = 64 * 1024;

    // sinceSeq: replay the flow's events still in history after it; 0 for live events only.
    FlowMonitorSocket(Engine *engine, const QString &flowId, quint64 sinceSeq,
                      std::unique_ptr<QWebSocket> socket, QObject *parent = nullptr);
    ~FlowMonitorSocket() override;

    QString flowId() const { return m_flowId; }

Q_SIGNALS:
    // The client went away; the owner may delete this object.
    void closed(flowscope::FlowMonitorSocket *monitor);

private:
    void sendHello(quint64 sinceSeq);
    void sendPending();
    void sendText(const QJsonObject &message);
    void stopWatching();

    Engine *m_engine;
    QString m_flowId;
    std::unique_ptr<QWebSocket> m_socket;
    std::shared_ptr<BusWakeRelay> m_relay;
    std::shared_ptr<Subscription> m_subscription;
    quint64 m_lastSentSeq = 0; // replayed history and live batches overlap: skip what was sent
    quint64 m_droppedReported = 0;
};

} // namespace flowscope
