#pragma once

#include "accesspolicy.h"
#include "client/updatecollector.h"
#include "events/event.h"
#include "protocol/eventcodec.h"
#include "protocol/messages.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <vector>

class QTimer;
class QWebSocket;

namespace flowscope {

class BusWakeRelay;
class ConsoleCommands;
class Engine;
class Subscription;

// One console connection on /api/ws/console (docs/protocol.md). Waits for hello, answers welcome,
// then streams what it subscribed to: events in batched frames (leading edge at once, then at
// most one frame per frameMs unless a large batch is waiting), and jobs, agents, health, alerts
// and status as they change; runs commands with the connection's role.
// A reader that stops reading never holds the engine back nor grows memory without bound: the
// bus subscription is bounded, and while the socket holds more than maxPendingBytes unsent the
// channel takes events and discards them, then sends one gap for all it skipped.
class ConsoleChannel : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        int frameMs = 16;                 // events: a frame within the GUI's 60 Hz
        int stateMs = 33;                 // jobs, agents, health: as often as the console redraws
        int largeBatch = 16384;           // events waiting that are sent without waiting a frame
        int eventsPerFrame = 32768;       // bigger batches are split
        int queueCapacity = 262144;       // the bus subscription's bound
        qint64 maxPendingBytes = 8 << 20; // unsent bytes on the socket before skipping ahead
        int helloTimeoutMs = 10000;
    };

    // The role a token sent in hello grants (None: not valid). Empty: tokens are not checked
    // in hello, the role granted at the upgrade stays.
    using TokenCheck = std::function<AccessRole(const QString &token)>;

    ConsoleChannel(Engine *engine, const ConsoleCommands *commands, TokenCheck tokenCheck,
                   std::unique_ptr<QWebSocket> socket, AccessRole granted, const Limits &limits,
                   QObject *parent = nullptr);
    ~ConsoleChannel() override;

    AccessRole role() const { return m_role; }
    quint64 sentEvents() const { return m_sentEvents; }
    quint64 skippedEvents() const { return m_skippedEvents; }
    bool isSubscribed() const { return bool(m_subscription); }

Q_SIGNALS:
    // The client went away or was sent away; the owner may delete this object.
    void closed(flowscope::ConsoleChannel *channel);

private:
    void receive(const QByteArray &bytes, bool binary);
    void hello(const Frame &frame);
    void subscribe(const Frame &frame);
    void command(const Frame &frame);
    void replayHistory(const Protocol::Subscribe &request);

    void wake();
    void tick();
    void sendEvents();
    // Whether anything was sent.
    bool sendBatch(const Event *events, size_t count, quint64 dropped);
    void sendState();
    void sendGap(quint64 from, quint64 to);
    bool wanted(const Event &event) const;

    void send(const QCborMap &message);
    void sendCbor(const QByteArray &cbor);
    // Sends an error; with closeCode the connection ends after it.
    void fail(const QString &code, const QString &message, quint64 request = 0, int closeCode = 0);
    void stopWatching();

    Engine *m_engine;
    const ConsoleCommands *m_commands;
    TokenCheck m_tokenCheck;
    std::unique_ptr<QWebSocket> m_socket;
    AccessRole m_role;
    Limits m_limits;
    FrameCodec::Encoding m_encoding = FrameCodec::Encoding::Json;
    bool m_welcomed = false;
    bool m_closing = false;

    std::shared_ptr<BusWakeRelay> m_relay;
    std::shared_ptr<Subscription> m_subscription;
    QSet<quint64> m_jobs;   // empty: every job
    QSet<quint32> m_agents; // agent symbol ids; empty: every agent
    // The batch being sent; emptied after, its capacity goes back to the subscription as the next
    // queue (two buffers in turn instead of fresh memory for every batch).
    std::vector<Event> m_batch;
    EventEncoder m_encoder;
    UpdateCollector m_collector;
    QTimer *m_helloTimer;
    QTimer *m_frameTimer; // the next events frame, when one waits
    QTimer *m_stateTimer;
    QElapsedTimer m_sinceFrame;
    quint64 m_lastSentSeq = 0;
    quint64 m_droppedReported = 0;
    quint64 m_skipFrom = 0; // events skipped while the socket was full: [from, to]
    quint64 m_skipTo = 0;
    quint64 m_sentEvents = 0;
    quint64 m_skippedEvents = 0;
    quint64 m_lastStatusPublished = ~quint64(0);
    qint64 m_lastStatusMs = 0;
};

} // namespace flowscope
