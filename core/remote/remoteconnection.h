#pragma once

#include "client/clientupdate.h"
#include "client/engineclient.h"
#include "protocol/eventcodec.h"
#include "protocol/messages.h"
#include "remote/remoteendpoint.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QUrl>

#include <atomic>
#include <memory>

class QTimer;
class QWebSocket;

namespace flowscope {

// What a RemoteClient and its connection share across their threads.
struct RemoteShared
{
    mutable QMutex mutex;
    QString lastError;                 // under mutex
    std::atomic<quint64> lastSeq{0};   // the last event received
    std::atomic<bool> inFlight{false}; // an update posted and not yet taken
};

// The console protocol's client side, in a thread of its own so that decoding never runs in the
// GUI thread: connects (and reconnects with a backoff of 0.5 s doubling to 10 s), says hello,
// subscribes from where it left off, turns frames into ClientUpdates (the frames that arrived
// together make one; the server sends at most ~30 events frames a second), and carries commands
// and replies.
// Events wait here, at most maxPendingEvents of them, while the receiver has not taken the
// previous update; beyond that the oldest are dropped and counted.
class RemoteConnection : public QObject
{
    Q_OBJECT
public:
    static constexpr int maxPendingEvents = 1000000;
    static constexpr int firstBackoffMs = 500;
    static constexpr int maxBackoffMs = 10000;
    static constexpr int connectTimeoutMs = 10000;
    static constexpr int pingMs = 5000;
    static constexpr int silenceMs = 20000; // no frame nor pong for this long: the link is dead

    RemoteConnection(const RemoteEndpoint &endpoint, std::shared_ptr<RemoteShared> shared);
    ~RemoteConnection() override;

    // In the connection's thread:
    void open();
    void close();
    void sendCommand(quint64 id, const QString &name, const QCborMap &args);
    // Reads a flow file here (not in the GUI thread) and sends it as add_flow.
    void sendFlowFile(quint64 id, const QString &path);
    // The receiver took the last update: the next may go.
    void taken();

Q_SIGNALS:
    void stateChanged(flowscope::EngineClient::ConnectionState state);
    // A command's answer (or its failure: not sent, connection lost, refused).
    void replied(quint64 id, bool ok, const QCborMap &result, const QString &message);
    void updateReady(const flowscope::ClientUpdate &update);

private:
    void connectNow();
    void dropped(const QString &why);
    void scheduleReconnect();
    void setState(EngineClient::ConnectionState state);
    void setLastError(const QString &error);
    void receive(const QByteArray &bytes, bool binary);
    void welcome(const Frame &frame);
    void events(const Frame &frame);
    void stateFrame(const Frame &frame);
    void send(const QCborMap &message);
    void failUnanswered(const QString &why);
    void scheduleDelivery();
    void deliver();

    RemoteEndpoint m_endpoint;
    QUrl m_url;
    std::shared_ptr<RemoteShared> m_shared;
    QWebSocket *m_socket = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_deliveryTimer = nullptr;
    QTimer *m_pingTimer = nullptr;
    QElapsedTimer m_sinceHeard;
    EventDecoder m_decoder;
    Frame m_frame; // decoded into again and again: its rows' memory stays
    EngineClient::ConnectionState m_state = EngineClient::ConnectionState::Disconnected;
    bool m_wanted = false; // open() called and not close()
    bool m_welcomed = false;
    bool m_serverError = false; // the server said why (an error frame) on this connection
    int m_backoffMs = firstBackoffMs;
    qint64 m_engineStartedMs = 0; // of the engine last connected to
    quint64 m_resumeAfter = 0;    // the last sequence number seen or declared lost
    QSet<quint64> m_unanswered;   // commands sent on this connection
    ClientUpdate m_pending;
    bool m_pendingNews = false;
    quint64 m_dropped = 0;
};

} // namespace flowscope
