#include "monitorsocket.h"

#include "buswakerelay.h"
#include "events/eventbus.h"
#include "events/eventjson.h"
#include "runtime/engine.h"

#include <QJsonDocument>
#include <QWebSocket>

namespace flowscope {

MonitorSocket::MonitorSocket(Engine *engine, const QString &scopeKey, const QString &scopeValue,
                             std::unique_ptr<QWebSocket> socket, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_scopeKey(scopeKey)
    , m_scopeValue(scopeValue)
    , m_socket(std::move(socket))
    , m_relay(std::make_shared<BusWakeRelay>())
{
    m_socket->setMaxAllowedIncomingFrameSize(maxIncomingBytes);
    m_socket->setMaxAllowedIncomingMessageSize(maxIncomingBytes);
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        stopWatching();
        Q_EMIT closed(this);
    });
    connect(m_socket.get(), &QWebSocket::bytesWritten, this, [this] {
        // Half the cap: resume once the reader has made real room, not at every frame it takes.
        if (m_waitingForReader && m_socket->bytesToWrite() <= maxPendingBytes / 2) {
            m_waitingForReader = false;
            sendPending();
        }
    });
    m_relay->attach(this, [this] { sendPending(); });
}

MonitorSocket::~MonitorSocket()
{
    // Destroying the socket below emits disconnected(): this half-destroyed monitor must not
    // hear it.
    m_socket->disconnect(this);
    stopWatching();
}

void MonitorSocket::subscribe(const EventFilter &filter, int queueCapacity)
{
    std::shared_ptr<BusWakeRelay> relay = m_relay;
    m_subscription = m_engine->bus().subscribe(filter, queueCapacity, [relay] { relay->post(); });
}

void MonitorSocket::stopWatching()
{
    m_relay->detach();
    if (m_subscription) {
        m_engine->bus().unsubscribe(m_subscription);
        m_subscription.reset();
    }
}

template<typename Events>
QJsonArray MonitorSocket::takeUnsent(const Events &events)
{
    QJsonArray unsent;
    for (const Event &event : events) {
        if (event.seq <= m_lastSentSeq)
            continue;
        unsent.append(eventToJson(event));
        m_lastSentSeq = event.seq;
    }
    return unsent;
}

void MonitorSocket::sendHistory(const QVector<Event> &history)
{
    const QJsonArray events = takeUnsent(history);
    if (!events.isEmpty())
        sendEvents(events, 0);
}

void MonitorSocket::sendPending()
{
    if (!m_subscription)
        return;
    if (m_socket->bytesToWrite() > maxPendingBytes) {
        m_waitingForReader = true;
        return;
    }
    const QJsonArray events = takeUnsent(m_subscription->takeAll());
    const quint64 droppedTotal = m_subscription->droppedCount();
    const quint64 dropped = droppedTotal - m_droppedReported;
    if (events.isEmpty() && dropped == 0)
        return;
    m_droppedReported = droppedTotal;
    sendEvents(events, dropped);
}

void MonitorSocket::sendEvents(const QJsonArray &events, quint64 dropped)
{
    m_sent += quint64(events.size());
    sendText({{QStringLiteral("type"), QStringLiteral("events")},
              {m_scopeKey, m_scopeValue},
              {QStringLiteral("events"), events},
              {QStringLiteral("dropped"), double(dropped)}});
}

void MonitorSocket::sendText(const QJsonObject &message)
{
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

} // namespace flowscope
