#include "consolechannel.h"

#include "buswakerelay.h"
#include "consolecommands.h"
#include "events/eventbus.h"
#include "protocol/valuecodec.h"
#include "runtime/engine.h"

#include <QDateTime>
#include <QTimer>
#include <QWebSocket>

namespace flowscope {

namespace {

constexpr int statusPeriodMs = 250;

QString roleName(AccessRole role)
{
    return role == AccessRole::Control ? QStringLiteral("control") : QStringLiteral("read");
}

template<class T>
QCborMap listMessage(const char *type, const char *key, const QVector<T> &values)
{
    return {{QStringLiteral("type"), QLatin1String(type)},
            {QLatin1String(key), ValueCodec::encodeList(values)}};
}

} // namespace

ConsoleChannel::ConsoleChannel(Engine *engine, const ConsoleCommands *commands,
                               TokenCheck tokenCheck, std::unique_ptr<QWebSocket> socket,
                               AccessRole granted, const Limits &limits, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_commands(commands)
    , m_tokenCheck(std::move(tokenCheck))
    , m_socket(std::move(socket))
    , m_role(granted)
    , m_limits(limits)
    , m_relay(std::make_shared<BusWakeRelay>())
    , m_collector(engine)
    , m_helloTimer(new QTimer(this))
    , m_frameTimer(new QTimer(this))
    , m_stateTimer(new QTimer(this))
{
    connect(m_socket.get(), &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { receive(text.toUtf8(), false); });
    connect(m_socket.get(), &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &bytes) { receive(bytes, true); });
    connect(m_socket.get(), &QWebSocket::disconnected, this, [this] {
        stopWatching();
        Q_EMIT closed(this);
    });
    m_helloTimer->setSingleShot(true);
    connect(m_helloTimer, &QTimer::timeout, this, [this] {
        fail(Protocol::ErrorCode::unexpected,
             QStringLiteral("no hello within %1 ms").arg(m_limits.helloTimeoutMs), 0,
             QWebSocketProtocol::CloseCodePolicyViolated);
    });
    m_helloTimer->start(m_limits.helloTimeoutMs);
    m_frameTimer->setSingleShot(true);
    connect(m_frameTimer, &QTimer::timeout, this, &ConsoleChannel::sendEvents);
    connect(m_stateTimer, &QTimer::timeout, this, &ConsoleChannel::tick);
    m_relay->attach(this, [this] { wake(); });
    m_sinceFrame.start();
}

ConsoleChannel::~ConsoleChannel()
{
    // Destroying the socket emits disconnected(): this half-destroyed channel must not hear it.
    m_socket->disconnect(this);
    stopWatching();
}

void ConsoleChannel::stopWatching()
{
    m_relay->detach();
    if (m_subscription) {
        m_engine->bus().unsubscribe(m_subscription);
        m_subscription.reset();
    }
    m_helloTimer->stop();
    m_frameTimer->stop();
    m_stateTimer->stop();
}

void ConsoleChannel::receive(const QByteArray &bytes, bool binary)
{
    if (m_closing)
        return;
    Frame frame;
    QString error;
    if (!FrameCodec::decode(bytes, binary, &frame, &error)) {
        // Before hello the peer may not speak this protocol at all: end the connection.
        fail(Protocol::ErrorCode::badFrame, error, 0,
             m_welcomed ? 0 : int(QWebSocketProtocol::CloseCodeProtocolError));
        return;
    }
    if (!m_welcomed) {
        if (frame.type == QLatin1String("hello"))
            hello(frame);
        else
            fail(Protocol::ErrorCode::unexpected,
                 QStringLiteral("expected hello first, got '%1'").arg(frame.type.left(40)), 0,
                 QWebSocketProtocol::CloseCodePolicyViolated);
    } else if (frame.type == QLatin1String("subscribe")) {
        subscribe(frame);
    } else if (frame.type == QLatin1String("command")) {
        command(frame);
    } else {
        fail(Protocol::ErrorCode::unexpected,
             QStringLiteral("unknown message type '%1'").arg(frame.type.left(40)));
    }
}

void ConsoleChannel::hello(const Frame &frame)
{
    Protocol::Hello message;
    QString error;
    if (!Protocol::parse(frame, &message, &error)) {
        fail(Protocol::ErrorCode::badFrame, error, 0, QWebSocketProtocol::CloseCodeProtocolError);
        return;
    }
    if (message.protocol != Protocol::version) {
        fail(Protocol::ErrorCode::unsupportedProtocol,
             QStringLiteral("protocol %1 is not supported: this server speaks protocol %2")
                 .arg(message.protocol)
                 .arg(Protocol::version),
             0, QWebSocketProtocol::CloseCodeProtocolError);
        return;
    }
    // A token in hello decides the role (clients that cannot set headers on the upgrade).
    if (!message.token.isEmpty() && m_tokenCheck) {
        const AccessRole role = m_tokenCheck(message.token);
        if (role == AccessRole::None) {
            fail(Protocol::ErrorCode::unauthorized, QStringLiteral("hello.token: not valid"), 0,
                 QWebSocketProtocol::CloseCodePolicyViolated);
            return;
        }
        m_role = role;
    }
    m_encoding = message.encoding;
    m_welcomed = true;
    m_helloTimer->stop();
    Protocol::Welcome welcome;
    welcome.server = QStringLiteral("flowscope %1").arg(QStringLiteral(FLOWSCOPE_VERSION));
    welcome.engineStartedMs = m_engine->startedMs();
    welcome.lastSeq = m_engine->bus().lastSequence();
    welcome.role = roleName(m_role);
    send(Protocol::toCbor(welcome));
}

void ConsoleChannel::subscribe(const Frame &frame)
{
    Protocol::Subscribe request;
    QString error;
    if (!Protocol::parse(frame, &request, &error)) {
        fail(Protocol::ErrorCode::badFrame, error);
        return;
    }
    if (m_subscription)
        m_engine->bus().unsubscribe(m_subscription);
    EventFilter filter;
    if (!request.types.isEmpty()) {
        filter.typeMask = 0;
        for (const QString &name : request.types) {
            EventType type;
            if (eventTypeFromName(name, &type))
                filter.typeMask |= eventTypeBit(type);
        }
    }
    m_jobs.clear();
    for (JobId job : request.jobs)
        m_jobs.insert(job.value());
    m_agents.clear();
    for (const QString &agent : request.agents)
        m_agents.insert(Symbol::intern(agent).id());
    // The bus filters one job or agent itself; several are checked here.
    if (request.jobs.size() == 1)
        filter.job = request.jobs.first();
    if (request.agents.size() == 1)
        filter.agent = Symbol::intern(request.agents.first());

    // Read before subscribing: every event the subscription gets is numbered after it.
    const quint64 last = m_engine->bus().lastSequence();
    if (request.hasSince && request.since > last + 1) {
        fail(Protocol::ErrorCode::invalid,
             QStringLiteral("subscribe.since: %1 is past the engine's next sequence number %2; "
                            "streaming from %2")
                 .arg(request.since)
                 .arg(last + 1));
        request.hasSince = false;
    }
    std::shared_ptr<BusWakeRelay> relay = m_relay;
    // Subscribe before reading the history so that nothing falls between the two.
    m_subscription
        = m_engine->bus().subscribe(filter, m_limits.queueCapacity, [relay] { relay->post(); });
    m_droppedReported = 0;
    m_lastSentSeq = last;
    if (request.hasSince)
        replayHistory(request);
    m_stateTimer->start(m_limits.stateMs);
    sendState();
    sendEvents();
}

void ConsoleChannel::replayHistory(const Protocol::Subscribe &request)
{
    const EventBus &bus = m_engine->bus();
    const quint64 after = request.since > 0 ? request.since - 1 : 0;
    quint64 oldest = 0;
    if (bus.lostAfter(after, &oldest))
        sendGap(after + 1, oldest > 0 ? oldest - 1 : bus.lastSequence());
    const QVector<Event> held = bus.history(m_subscription->filter(), after);
    m_lastSentSeq = after;
    sendBatch(held.constData(), size_t(held.size()), 0);
}

void ConsoleChannel::command(const Frame &frame)
{
    Protocol::Command request;
    QString error;
    if (!Protocol::parse(frame, &request, &error)) {
        fail(Protocol::ErrorCode::badFrame, error,
             quint64(std::max<qint64>(0, frame.body.value(QStringLiteral("id")).toInteger())));
        return;
    }
    send(Protocol::toCbor(m_commands->run(request, m_role)));
}

void ConsoleChannel::wake()
{
    if (!m_subscription)
        return;
    const qint64 elapsed = m_sinceFrame.elapsed();
    if (elapsed >= m_limits.frameMs
        || m_subscription->pendingCount() >= quint64(m_limits.largeBatch)) {
        sendEvents();
    } else if (!m_frameTimer->isActive()) {
        m_frameTimer->start(int(m_limits.frameMs - elapsed));
    }
}

void ConsoleChannel::tick()
{
    // Also retries events held back while the socket was full.
    if (m_subscription && !m_frameTimer->isActive() && m_sinceFrame.elapsed() >= m_limits.frameMs)
        sendEvents();
    sendState();
}

void ConsoleChannel::sendEvents()
{
    if (!m_subscription || m_closing)
        return;
    m_frameTimer->stop();
    m_batch = m_subscription->takeAll(std::move(m_batch));
    const std::vector<Event> &events = m_batch;
    const quint64 droppedTotal = m_subscription->droppedCount();
    const quint64 dropped = droppedTotal - m_droppedReported;
    m_droppedReported = droppedTotal;
    if (m_socket->bytesToWrite() > m_limits.maxPendingBytes) {
        // Skip ahead: what the reader cannot take now is let go, and told as one gap later.
        if (!events.empty() && events.back().seq > m_lastSentSeq) {
            if (m_skipFrom == 0)
                m_skipFrom = m_lastSentSeq + 1;
            m_skipTo = events.back().seq;
            m_skippedEvents += events.size();
            m_lastSentSeq = events.back().seq;
        }
        m_batch.clear();
        return;
    }
    if (m_skipFrom != 0) {
        sendGap(m_skipFrom, m_skipTo);
        m_skipFrom = m_skipTo = 0;
    }
    if (dropped > 0 && !events.empty() && events.front().seq > m_lastSentSeq + 1)
        sendGap(m_lastSentSeq + 1, events.front().seq - 1);
    if (sendBatch(events.data(), events.size(), dropped))
        m_sinceFrame.restart(); // the pace counts frames sent, not looks at an empty queue
    m_batch.clear();
}

bool ConsoleChannel::wanted(const Event &event) const
{
    return event.seq > m_lastSentSeq && (m_jobs.isEmpty() || m_jobs.contains(event.job.value()))
           && (m_agents.isEmpty() || m_agents.contains(event.agent.id()));
}

bool ConsoleChannel::sendBatch(const Event *events, size_t count, quint64 dropped)
{
    std::vector<Event> kept;
    const bool filtered
        = !m_jobs.isEmpty() || !m_agents.isEmpty() || (count > 0 && events[0].seq <= m_lastSentSeq);
    if (filtered) {
        for (size_t i = 0; i < count; ++i) {
            if (wanted(events[i]))
                kept.push_back(events[i]);
        }
        events = kept.data();
        count = kept.size();
    }
    const size_t chunk = size_t(std::max(1, m_limits.eventsPerFrame));
    for (size_t start = 0; start < count; start += chunk) {
        const size_t n = std::min(chunk, count - start);
        sendCbor(m_encoder.encode(events + start, n, start == 0 ? dropped : 0));
        m_lastSentSeq = events[start + n - 1].seq;
        m_sentEvents += n;
    }
    return count > 0;
}

void ConsoleChannel::sendState()
{
    if (m_closing)
        return;
    ClientUpdate update;
    m_collector.collect(&update);
    if (!update.jobs.isEmpty())
        send(listMessage("jobs", "jobs", update.jobs));
    if (!update.agents.isEmpty())
        send(listMessage("agents", "agents", update.agents));
    if (!update.health.isEmpty())
        send(listMessage("health", "health", update.health));
    if (!update.alerts.isEmpty())
        send(listMessage("alerts", "alerts", update.alerts));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (update.publishedEvents != m_lastStatusPublished && now - m_lastStatusMs >= statusPeriodMs) {
        m_lastStatusPublished = update.publishedEvents;
        m_lastStatusMs = now;
        const quint64 lost = m_droppedReported + m_skippedEvents;
        send({{QStringLiteral("type"), QStringLiteral("status")},
              {QStringLiteral("published"), qint64(update.publishedEvents)},
              {QStringLiteral("events_per_s"), update.eventsPerSecond},
              {QStringLiteral("dropped"), qint64(lost)},
              {QStringLiteral("engine_started"), update.engineStartedMs},
              {QStringLiteral("heartbeat_interval_ms"), update.heartbeatIntervalMs},
              {QStringLiteral("failed_after_ms"), update.failedAfterMs}});
    }
}

void ConsoleChannel::sendGap(quint64 from, quint64 to)
{
    if (from <= to)
        send(Protocol::toCbor(Protocol::Gap{from, to}));
}

void ConsoleChannel::send(const QCborMap &message)
{
    if (m_closing)
        return;
    if (m_encoding == FrameCodec::Encoding::Cbor)
        m_socket->sendBinaryMessage(FrameCodec::encode(message, m_encoding));
    else
        m_socket->sendTextMessage(QString::fromUtf8(FrameCodec::encode(message, m_encoding)));
}

void ConsoleChannel::sendCbor(const QByteArray &cbor)
{
    if (m_closing)
        return;
    if (m_encoding == FrameCodec::Encoding::Cbor)
        m_socket->sendBinaryMessage(cbor);
    else
        m_socket->sendTextMessage(QString::fromUtf8(FrameCodec::cborToJson(cbor)));
}

void ConsoleChannel::fail(const QString &code, const QString &message, quint64 request,
                          int closeCode)
{
    send(Protocol::toCbor(Protocol::Error{code, message, request}));
    if (closeCode == 0)
        return;
    m_closing = true;
    stopWatching();
    m_socket->close(QWebSocketProtocol::CloseCode(closeCode), message.left(120));
}

} // namespace flowscope
