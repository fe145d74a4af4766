#pragma once

#include "subscriberstats.h"

#include <QJsonObject>
#include <QList>
#include <QObject>

QT_BEGIN_NAMESPACE
class QHttpServerRequest;
class QHttpServerResponder;
QT_END_NAMESPACE

namespace flowscope {

class Engine;
class SseStream;

// The open event streams of an endpoint: opens one SseStream per GET /api/events/stream (or the
// SWF path), forgets it when its client goes, and describes them for the status route.
class SseHub : public QObject
{
    Q_OBJECT
public:
    static constexpr int defaultHeartbeatMs = 15000;
    // Streams open at once; one more is answered 503 with Retry-After.
    static constexpr int defaultMaxClients = 256;

    explicit SseHub(Engine *engine, QObject *parent = nullptr);
    ~SseHub() override;

    // Answers 400 (JSON) for a bad query, else takes the responder's socket over.
    void open(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    // {"clients":[{client_id, filters, sent, dropped}], "count"}
    QJsonObject status() const;
    int clientCount() const { return m_streams.size(); }
    SubscriberStatsList subscriberStats() const;
    void setHeartbeatInterval(int ms) { m_heartbeatMs = ms; }
    void setMaxClients(int count) { m_maxClients = count; }

private:
    void forget(SseStream *stream);

    Engine *m_engine;
    QList<SseStream *> m_streams;
    int m_heartbeatMs = defaultHeartbeatMs;
    int m_maxClients = defaultMaxClients;
};

} // namespace flowscope
