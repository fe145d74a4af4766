#include "flowmonitorsocket.h"

#include "buswakerelay.h"
#include "events/eventbus.h"
#include "events/eventjson.h"
#include "runtime/engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

namespace flowscope {

FlowMonitorSocket::FlowMonitorSocket(Engine *engine, const QString &flowId, quint64 sinceSeq,
                                     std::unique_ptr<QWebSocket> socket, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_flowId(flowId)
    , m_socket(std::move(socket))
    , m_relay(std::make_shared<BusWakeRelay>())
{
    m_socket->setMaxAllowedIncomingFrameSize(maxIncomingBytes);
    m_socket->setMaxAllowedIncomingMessageSize(maxIncomingBytes);
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        stopWatching();
        Q_EMIT closed(this);
    });

    m_relay->attach(this, [this] { sendPending(); });
    EventFilter filter;
    filter.flow = Symbol::intern(flowId);
    std::shared_ptr<BusWakeRelay> relay = m_relay;
    // Subscribe before reading the history so that nothing falls between the two.
    m_subscription = m_engine->bus().subscribe(filter, queueCapacity, [relay] { relay->post(); });
    sendHello(sinceSeq);
}

FlowMonitorSocket::~FlowMonitorSocket()
{
    // Destroying the socket below emits disconnected(): this half-destroyed monitor must not
    // hear it.
    m_socket->disconnect(this);
    stopWatching();
}

void FlowMonitorSocket::stopWatching()
{
    m_relay->detach();
    if (m_subscription) {
        m_engine->bus().unsubscribe(m_subscription);
        m_subscription.reset();
    }
}

void FlowMonitorSocket::sendHello(quint64 sinceSeq)
{
    QJsonArray jobs;
    const QVector<JobInfo> all = m_engine->jobs();
    for (const JobInfo &info : all) {
        if (info.flowId == m_flowId && !isFinished(info.status)) {
            jobs.append(QJsonObject{{QStringLiteral("job_id"), info.id.toString()},
                                    {QStringLiteral("status"), jobStatusName(info.status)}});
        }
    }
    sendText({{QStringLiteral("type"), QStringLiteral("hello")},
              {QStringLiteral("flow_id"), m_flowId},
              {QStringLiteral("jobs"), jobs}});
    if (sinceSeq > 0) {
        QJsonArray events;
        const QVector<Event> history = m_engine->bus().history(m_subscription->filter(), sinceSeq);
        for (const Event &event : history) {
            events.append(eventToJson(event));
            m_lastSentSeq = std::max(m_lastSentSeq, event.seq);
        }
        if (!events.isEmpty()) {
            sendText({{QStringLiteral("type"), QStringLiteral("events")},
                      {QStringLiteral("flow_id"), m_flowId},
                      {QStringLiteral("events"), events},
                      {QStringLiteral("dropped"), 0}});
        }
    }
    sendPending();
}

void FlowMonitorSocket::sendPending()
{
    if (!m_subscription)
        return;
    const std::vector<Event> batch = m_subscription->takeAll();
    const quint64 droppedTotal = m_subscription->droppedCount();
    const quint64 dropped = droppedTotal - m_droppedReported;
    QJsonArray events;
    for (const Event &event : batch) {
        if (event.seq <= m_lastSentSeq)
            continue;
        events.append(eventToJson(event));
        m_lastSentSeq = event.seq;
    }
    if (events.isEmpty() && dropped == 0)
        return;
    m_droppedReported = droppedTotal;
    sendText({{QStringLiteral("type"), QStringLiteral("events")},
              {QStringLiteral("flow_id"), m_flowId},
              {QStringLiteral("events"), events},
              {QStringLiteral("dropped"), double(dropped)}});
}

void FlowMonitorSocket::sendText(const QJsonObject &message)
{
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

} // namespace flowscope
