#include "ssehub.h"

#include "endpointrouter.h"
#include "jsonshapes.h"
#include "sseparsing.h"
#include "ssestream.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace flowscope {

namespace {

QJsonValue listOrNull(const QStringList &list)
{
    return list.isEmpty() ? QJsonValue() : QJsonValue(QJsonArray::fromStringList(list));
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

} // namespace

SseHub::SseHub(Engine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{}

SseHub::~SseHub()
{
    // Streams unsubscribe from the bus while the engine is still there.
    const QList<SseStream *> streams = m_streams;
    m_streams.clear();
    qDeleteAll(streams);
}

void SseHub::open(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (m_streams.size() >= m_maxClients) {
        const QString message = QStringLiteral("%1 event streams are open, the most this endpoint "
                                               "serves: retry later")
                                    .arg(m_streams.size());
        responder.write(
            QJsonDocument(EndpointJson::error(503, message)).toJson(QJsonDocument::Compact),
            {{"Content-Type", "application/json"}, {"Retry-After", "5"}},
            QHttpServerResponder::StatusCode::ServiceUnavailable);
        return;
    }
    const SseRequest parsed
        = parseSseRequest(request.query(), EndpointRouter::header(request, "last-event-id"));
    if (!parsed.error.isEmpty()) {
        responder.write(
            QJsonDocument(EndpointJson::error(400, parsed.error)).toJson(QJsonDocument::Compact),
            "application/json", QHttpServerResponder::StatusCode::BadRequest);
        return;
    }
    auto *stream = new SseStream(m_engine, parsed, std::move(responder), m_heartbeatMs, this);
    if (!stream->isOpen()) {
        stream->deleteLater();
        return;
    }
    m_streams.append(stream);
    connect(stream, &SseStream::closed, this, &SseHub::forget);
}

void SseHub::forget(SseStream *stream)
{
    if (m_streams.removeOne(stream))
        stream->deleteLater();
}

SubscriberStatsList SseHub::subscriberStats() const
{
    SubscriberStatsList stats;
    for (const SseStream *stream : m_streams)
        stats.append({QStringLiteral("sse"), stream->clientId(), stream->sentCount(),
                      stream->droppedCount()});
    return stats;
}

QJsonObject SseHub::status() const
{
    QJsonArray clients;
    for (const SseStream *stream : m_streams) {
        const SseRequest &request = stream->request();
        const QJsonObject filters{{QStringLiteral("msg_types"), listOrNull(request.msgTypes)},
                                  {QStringLiteral("agents"), listOrNull(request.agents)},
                                  {QStringLiteral("job"), textOrNull(request.job)},
                                  {QStringLiteral("routine"), textOrNull(request.routine)}};
        clients.append(QJsonObject{{QStringLiteral("client_id"), stream->clientId()},
                                   {QStringLiteral("filters"), filters},
                                   {QStringLiteral("sent"), double(stream->sentCount())},
                                   {QStringLiteral("dropped"), double(stream->droppedCount())}});
    }
    return {{QStringLiteral("clients"), clients}, {QStringLiteral("count"), clients.size()}};
}

} // namespace flowscope
