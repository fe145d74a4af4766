#pragma once

#include "events/event.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QVector>

#include <memory>

class QWebSocket;

namespace flowscope {

class BusWakeRelay;
class Engine;
class Subscription;

// What the Routilux monitor WebSockets share: one client with its own bus subscription (its own
// copy of every event that matches), sent one text frame per batch
//   {"type":"events",<scope>,"events":[...],"dropped":N}
// where <scope> names what is watched ("job_id" or "flow_id") and N counts the events this client
// missed since the last message. A client that stops reading holds at most maxPendingBytes
// unsent; beyond that its events wait in its bounded queue (which drops the oldest) until it
// catches up, so a stalled reader never slows the engine or grows memory without bound.
// The bus wakes it from worker threads; the wake only posts to this object's thread.
class MonitorSocket : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 maxIncomingBytes = 64 * 1024;
    static constexpr qint64 maxPendingBytes = 4 * 1024 * 1024;

    ~MonitorSocket() override;

    quint64 sentCount() const { return m_sent; }
    quint64 droppedCount() const { return m_droppedReported; }

Q_SIGNALS:
    // The client went away; the owner may delete this object.
    void closed(flowscope::MonitorSocket *monitor);

protected:
    MonitorSocket(Engine *engine, const QString &scopeKey, const QString &scopeValue,
                  std::unique_ptr<QWebSocket> socket, QObject *parent);

    // Call once, before reading any history, so that nothing falls between the two.
    void subscribe(const EventFilter &filter, int queueCapacity);
    // Held events the client should see before the live ones (those are then not repeated).
    void sendHistory(const QVector<Event> &history);
    // Sends what the queue holds, unless the client already has enough unsent.
    void sendPending();
    void sendText(const QJsonObject &message);

private:
    template<typename Events>
    QJsonArray takeUnsent(const Events &events);
    void sendEvents(const QJsonArray &events, quint64 dropped);
    void stopWatching();

    Engine *m_engine;
    QString m_scopeKey;
    QString m_scopeValue;
    std::unique_ptr<QWebSocket> m_socket;
    std::shared_ptr<BusWakeRelay> m_relay;
    std::shared_ptr<Subscription> m_subscription;
    quint64 m_lastSentSeq = 0; // history and live batches overlap: skip what was sent
    quint64 m_droppedReported = 0;
    quint64 m_sent = 0;
    bool m_waitingForReader = false;
};

} // namespace flowscope
