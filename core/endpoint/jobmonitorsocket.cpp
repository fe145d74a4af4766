#include "jobmonitorsocket.h"

#include "buswakerelay.h"
#include "events/eventbus.h"
#include "events/eventjson.h"
#include "runtime/engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

namespace flowscope {

namespace {

QJsonObject eventsMessage(JobId job, const QJsonArray &events, quint64 dropped)
{
    return {{QStringLiteral("type"), QStringLiteral("events")},
            {QStringLiteral("job_id"), job.toString()},
            {QStringLiteral("events"), events},
            {QStringLiteral("dropped"), double(dropped)}};
}

} // namespace

JobMonitorSocket::JobMonitorSocket(Engine *engine, JobId job, std::unique_ptr<QWebSocket> socket,
                                   QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_job(job)
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
        if (m_waitingForReader && m_socket->bytesToWrite() <= maxPendingBytes / 2) {
            m_waitingForReader = false;
            sendPending();
        }
    });

    m_relay->attach(this, [this] { sendPending(); });
    EventFilter filter;
    filter.job = job;
    std::shared_ptr<BusWakeRelay> relay = m_relay;
    // Subscribe before reading the history so that nothing falls between the two.
    m_subscription = m_engine->bus().subscribe(filter, queueCapacity, [relay] { relay->post(); });
    sendHelloAndHistory();
}

JobMonitorSocket::~JobMonitorSocket()
{
    // Destroying the socket below emits disconnected(): this half-destroyed monitor must not
    // hear it.
    m_socket->disconnect(this);
    stopWatching();
}

void JobMonitorSocket::stopWatching()
{
    m_relay->detach();
    if (m_subscription) {
        m_engine->bus().unsubscribe(m_subscription);
        m_subscription.reset();
    }
}

void JobMonitorSocket::sendHelloAndHistory()
{
    const std::optional<JobInfo> info = m_engine->job(m_job);
    sendText({{QStringLiteral("type"), QStringLiteral("hello")},
              {QStringLiteral("job_id"), m_job.toString()},
              {QStringLiteral("status"),
               info ? jobStatusName(info->status) : QStringLiteral("unknown")}});

    QJsonArray events;
    const QVector<Event> history = m_engine->trace(m_job);
    for (const Event &event : history) {
        events.append(eventToJson(event));
        m_lastSentSeq = std::max(m_lastSentSeq, event.seq);
    }
    if (!events.isEmpty())
        sendText(eventsMessage(m_job, events, 0));
    m_sent += quint64(events.size());
    sendPending();
}

void JobMonitorSocket::sendPending()
{
    if (!m_subscription)
        return;
    if (m_socket->bytesToWrite() > maxPendingBytes) {
        m_waitingForReader = true;
        return;
    }
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
    m_sent += quint64(events.size());
    sendText(eventsMessage(m_job, events, dropped));
}

void JobMonitorSocket::sendText(const QJsonObject &message)
{
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

} // namespace flowscope
