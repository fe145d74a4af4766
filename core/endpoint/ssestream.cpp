#include "ssestream.h"

#include "buswakerelay.h"
#include "events/eventbus.h"
#include "events/eventjson.h"
#include "runtime/engine.h"

#include <QDateTime>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

namespace flowscope {

SseStream::SseStream(Engine *engine, const SseRequest &request, QHttpServerResponder &&responder,
                     int heartbeatMs, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_request(request)
    , m_responder(std::make_unique<QHttpServerResponder>(std::move(responder)))
    , m_socket(m_responder->socket())
    , m_clientId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_relay(std::make_shared<BusWakeRelay>())
    , m_heartbeat(new QTimer(this))
{
    if (m_socket) {
        connect(m_socket, &QTcpSocket::disconnected, this, [this] {
            stopWatching();
            Q_EMIT closed(this);
        });
    }
    m_heartbeat->setInterval(std::max(heartbeatMs, 10));
    connect(m_heartbeat, &QTimer::timeout, this, &SseStream::sendHeartbeat);
    m_heartbeat->start();
    start();
}

SseStream::~SseStream()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->disconnectFromHost();
    }
    stopWatching();
}

quint64 SseStream::droppedCount() const
{
    return (m_subscription ? m_subscription->droppedCount() : 0) + m_stalledDrops;
}

bool SseStream::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState && !m_closing;
}

void SseStream::close()
{
    if (m_closing)
        return;
    m_closing = true;
    stopWatching();
    m_heartbeat->stop();
    if (m_socket) {
        // abort, not disconnectFromHost: a stalled reader would never drain the queued bytes.
        m_socket->disconnect(this);
        m_socket->abort();
    }
    Q_EMIT closed(this);
}

void SseStream::stopWatching()
{
    m_relay->detach();
    if (m_subscription) {
        m_engine->bus().unsubscribe(m_subscription);
        m_subscription.reset();
    }
}

void SseStream::start()
{
    writeOut(QByteArrayLiteral("HTTP/1.1 200 OK\r\n"
                               "Content-Type: text/event-stream; charset=utf-8\r\n"
                               "Cache-Control: no-cache\r\n"
                               "Connection: close\r\n"
                               "X-Accel-Buffering: no\r\n"
                               "\r\n"));
    QByteArray out;
    appendFrame(&out, "connected",
                {{QStringLiteral("client_id"), m_clientId},
                 {QStringLiteral("status"), QStringLiteral("connected")}});

    m_relay->attach(this, [this] { sendPending(); });
    std::shared_ptr<BusWakeRelay> relay = m_relay;
    EventBus &bus = m_engine->bus();
    // Subscribe before reading the history so that nothing falls between the two.
    m_subscription = bus.subscribe(m_request.filter, queueCapacity, [relay] { relay->post(); });
    if (m_request.resume) {
        quint64 oldest = 0;
        // The client missed something the history no longer holds: say so before resuming.
        if (bus.lostAfter(m_request.resumeAfter, &oldest)) {
            appendFrame(&out, "gap",
                        {{QStringLiteral("requested_after"), double(m_request.resumeAfter)},
                         {QStringLiteral("oldest_held"), double(oldest)}});
        }
        const QVector<Event> held
            = bus.history(m_request.filter, m_request.resumeAfter, historyLimit);
        for (const Event &event : held) {
            if (!m_request.matchesNames(event))
                continue;
            appendFrame(&out, eventTypeName(event.type).toUtf8(), eventToJson(event), event.seq);
            m_lastSentSeq = event.seq;
            ++m_sent;
        }
    }
    writeOut(out);
    sendPending();
}

void SseStream::sendPending()
{
    if (!m_subscription)
        return;
    const std::vector<Event> batch = m_subscription->takeAll();
    QByteArray out;
    for (const Event &event : batch) {
        if (event.seq <= m_lastSentSeq || !m_request.matchesNames(event))
            continue;
        appendFrame(&out, eventTypeName(event.type).toUtf8(), eventToJson(event), event.seq);
        m_lastSentSeq = event.seq;
        ++m_sent;
    }
    if (!out.isEmpty())
        writeOut(out);
}

void SseStream::sendHeartbeat()
{
    QByteArray out;
    appendFrame(&out, "heartbeat",
                {{QStringLiteral("timestamp"), double(QDateTime::currentSecsSinceEpoch())}});
    writeOut(out);
}

void SseStream::appendFrame(QByteArray *out, const QByteArray &type, const QJsonObject &data,
                            quint64 id)
{
    QJsonObject payload = data;
    if (!payload.contains(QStringLiteral("msg_type")))
        payload.insert(QStringLiteral("msg_type"), QString::fromUtf8(type));
    if (id > 0)
        *out += "id: " + QByteArray::number(id) + '\n';
    // Compact JSON has no raw newline, so the event is always a single data: line.
    *out += "event: " + type + "\ndata: " + QJsonDocument(payload).toJson(QJsonDocument::Compact)
            + "\n\n";
}

void SseStream::writeOut(const QByteArray &bytes)
{
    if (m_closing || !m_socket || bytes.isEmpty())
        return;
    m_socket->write(bytes);
    if (m_socket->bytesToWrite() > maxBufferedBytes) {
        ++m_stalledDrops;
        close();
    }
}

} // namespace flowscope
