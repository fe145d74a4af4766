#pragma once

#include "sseparsing.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServerResponder;
class QJsonObject;
class QTcpSocket;
class QTimer;
QT_END_NAMESPACE

namespace flowscope {

class BusWakeRelay;
class Engine;
class Subscription;

// One client of GET /api/events/stream. QtHttpServer 6.4 cannot stream a response, so this
// object keeps the request's responder and writes the status line, the headers and then an
// open-ended text/event-stream body on its socket (Connection: close ends the body). A bounded bus
// subscription feeds it; the bus wakes it through a BusWakeRelay, and each wake writes the whole
// pending batch at once. A client that stops reading is closed once maxBufferedBytes are queued.
class SseStream : public QObject
{
    Q_OBJECT
public:
    static constexpr int queueCapacity = 20000;
    static constexpr qint64 maxBufferedBytes = 8 * 1024 * 1024;
    static constexpr int historyLimit = 100000;

    SseStream(Engine *engine, const SseRequest &request, QHttpServerResponder &&responder,
              int heartbeatMs, QObject *parent = nullptr);
    ~SseStream() override;

    QString clientId() const { return m_clientId; }
    const SseRequest &request() const { return m_request; }
    quint64 sentCount() const { return m_sent; }
    quint64 droppedCount() const;
    bool isOpen() const;
    // Closes the connection (the server or a stalled reader); closed() follows.
    void close();

Q_SIGNALS:
    void closed(flowscope::SseStream *stream);

private:
    void start();
    void sendPending();
    void sendHeartbeat();
    void appendFrame(QByteArray *out, const QByteArray &type, const QJsonObject &data,
                     quint64 id = 0);
    void writeOut(const QByteArray &bytes);
    void stopWatching();

    Engine *m_engine;
    SseRequest m_request;
    std::unique_ptr<QHttpServerResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    QString m_clientId;
    std::shared_ptr<BusWakeRelay> m_relay;
    std::shared_ptr<Subscription> m_subscription;
    QTimer *m_heartbeat;
    quint64 m_lastSentSeq = 0; // history and live batches overlap: skip what was sent
    quint64 m_sent = 0;
    quint64 m_stalledDrops = 0;
    bool m_closing = false;
};

} // namespace flowscope
