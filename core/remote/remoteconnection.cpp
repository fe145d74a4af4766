#include "remote/remoteconnection.h"

#include "protocol/valuecodec.h"

#include <QFile>
#include <QNetworkRequest>
#include <QTimer>
#include <QWebSocket>

namespace flowscope {

namespace {

using State = EngineClient::ConnectionState;

constexpr qint64 maxFlowFileBytes = 1 << 20; // the endpoint refuses larger messages

} // namespace

RemoteConnection::RemoteConnection(const RemoteEndpoint &endpoint,
                                   std::shared_ptr<RemoteShared> shared)
    : m_endpoint(endpoint)
    , m_shared(std::move(shared))
{}

RemoteConnection::~RemoteConnection()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void RemoteConnection::open()
{
    if (!m_reconnectTimer) {
        // Created here, in the connection's thread.
        m_reconnectTimer = new QTimer(this);
        m_reconnectTimer->setSingleShot(true);
        connect(m_reconnectTimer, &QTimer::timeout, this, &RemoteConnection::connectNow);
        m_deliveryTimer = new QTimer(this);
        m_deliveryTimer->setSingleShot(true);
        connect(m_deliveryTimer, &QTimer::timeout, this, &RemoteConnection::deliver);
        m_pingTimer = new QTimer(this);
        connect(m_pingTimer, &QTimer::timeout, this, [this] {
            if (!m_socket)
                return;
            if (m_sinceHeard.elapsed() > (m_welcomed ? silenceMs : connectTimeoutMs))
                dropped(QStringLiteral("no answer from %1 for %2 s")
                            .arg(m_url.authority())
                            .arg(m_sinceHeard.elapsed() / 1000));
            else if (m_welcomed)
                m_socket->ping();
        });
    }
    QString error;
    m_url = consoleChannelUrl(m_endpoint.url, &error);
    if (m_url.isEmpty()) {
        setLastError(error);
        setState(State::Disconnected);
        return;
    }
    m_wanted = true;
    if (!m_socket && !m_reconnectTimer->isActive())
        connectNow();
}

void RemoteConnection::close()
{
    m_wanted = false;
    if (m_reconnectTimer)
        m_reconnectTimer->stop();
    if (m_pingTimer)
        m_pingTimer->stop();
    if (m_socket) {
        QWebSocket *socket = m_socket;
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    m_welcomed = false;
    failUnanswered(QStringLiteral("the connection was closed"));
    setState(State::Disconnected);
}

void RemoteConnection::connectNow()
{
    if (!m_wanted || m_socket)
        return;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    // Events frames can be large; the server splits batches at 32,768 events.
    m_socket->setMaxAllowedIncomingMessageSize(256 << 20);
    m_socket->setMaxAllowedIncomingFrameSize(256 << 20);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_sinceHeard.start();
        // Commands are small frames: send each at once (no Nagle delay behind the last).
        if (auto *tcp = m_socket->findChild<QAbstractSocket *>())
            tcp->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Protocol::Hello hello;
        hello.encoding = m_endpoint.cbor ? FrameCodec::Encoding::Cbor : FrameCodec::Encoding::Json;
        hello.token = m_endpoint.token;
        hello.client
            = QStringLiteral("flowscope-console %1").arg(QStringLiteral(FLOWSCOPE_VERSION));
        send(Protocol::toCbor(hello));
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this,
            [this](const QString &text) { receive(text.toUtf8(), false); });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this,
            [this](const QByteArray &bytes) { receive(bytes, true); });
    connect(m_socket, &QWebSocket::pong, this, [this] { m_sinceHeard.start(); });
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        const QString reason = m_socket ? m_socket->closeReason() : QString();
        dropped(reason.isEmpty() ? QStringLiteral("%1 closed the connection").arg(m_url.authority())
                                 : reason);
    });
    connect(m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
            [this](QAbstractSocket::SocketError) {
                if (m_socket)
                    dropped(
                        QStringLiteral("%1: %2").arg(m_url.authority(), m_socket->errorString()));
            });
    QNetworkRequest request(m_url);
    if (!m_endpoint.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_endpoint.token.toUtf8());
    m_decoder = EventDecoder();
    m_welcomed = false;
    m_serverError = false;
    m_sinceHeard.start();
    m_pingTimer->start(pingMs);
    setState(State::Connecting);
    m_socket->open(request);
}

void RemoteConnection::dropped(const QString &why)
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
    m_pingTimer->stop();
    // An error frame that came first says more than the close.
    if (!m_serverError)
        setLastError(why);
    m_welcomed = false;
    failUnanswered(QStringLiteral("the connection was lost (%1)").arg(why));
    setState(State::Disconnected);
    scheduleReconnect();
}

void RemoteConnection::scheduleReconnect()
{
    if (!m_wanted)
        return;
    m_reconnectTimer->start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, maxBackoffMs);
}

void RemoteConnection::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void RemoteConnection::setLastError(const QString &error)
{
    QMutexLocker locker(&m_shared->mutex);
    m_shared->lastError = error;
}

void RemoteConnection::send(const QCborMap &message)
{
    if (!m_socket)
        return;
    const FrameCodec::Encoding encoding
        = m_endpoint.cbor ? FrameCodec::Encoding::Cbor : FrameCodec::Encoding::Json;
    const QByteArray bytes = FrameCodec::encode(message, encoding);
    if (encoding == FrameCodec::Encoding::Cbor)
        m_socket->sendBinaryMessage(bytes);
    else
        m_socket->sendTextMessage(QString::fromUtf8(bytes));
}

void RemoteConnection::sendCommand(quint64 id, const QString &name, const QCborMap &args)
{
    if (!m_socket || !m_welcomed) {
        QString why;
        {
            QMutexLocker locker(&m_shared->mutex);
            why = m_shared->lastError;
        }
        Q_EMIT replied(id, false, {},
                       why.isEmpty() ? QStringLiteral("not connected to the engine")
                                     : QStringLiteral("not connected to the engine (%1)").arg(why));
        return;
    }
    m_unanswered.insert(id);
    send(Protocol::toCbor(Protocol::Command{id, name, args}));
}

void RemoteConnection::sendFlowFile(quint64 id, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Q_EMIT replied(id, false, {}, QStringLiteral("%1: %2").arg(path, file.errorString()));
        return;
    }
    if (file.size() > maxFlowFileBytes) {
        Q_EMIT replied(id, false, {},
                       QStringLiteral("%1: larger than %2 bytes").arg(path).arg(maxFlowFileBytes));
        return;
    }
    sendCommand(id, QStringLiteral("add_flow"),
                {{QStringLiteral("json"), QString::fromUtf8(file.readAll())},
                 {QStringLiteral("source"), path}});
}

void RemoteConnection::failUnanswered(const QString &why)
{
    const QSet<quint64> unanswered = std::exchange(m_unanswered, {});
    for (quint64 id : unanswered)
        Q_EMIT replied(id, false, {}, why);
}

void RemoteConnection::receive(const QByteArray &bytes, bool binary)
{
    m_sinceHeard.start();
    Frame &frame = m_frame;
    QString error;
    if (!FrameCodec::decode(bytes, binary, &frame, &error)) {
        m_serverError = true;
        setLastError(QStringLiteral("a frame from the engine did not decode: %1").arg(error));
        dropped(error);
        return;
    }
    if (frame.type == QLatin1String("events")) {
        events(frame);
    } else if (frame.type == QLatin1String("reply")) {
        Protocol::Reply reply;
        if (!Protocol::parse(frame, &reply, &error)) {
            m_serverError = true;
            setLastError(QStringLiteral("a reply from the engine did not decode: %1").arg(error));
            dropped(error);
            return;
        }
        m_unanswered.remove(reply.id);
        Q_EMIT replied(reply.id, reply.ok, reply.result, reply.ok ? QString() : reply.errorMessage);
    } else if (frame.type == QLatin1String("error")) {
        Protocol::Error message;
        if (Protocol::parse(frame, &message, &error)) {
            m_serverError = true;
            setLastError(QStringLiteral("%1: %2").arg(message.code, message.message));
            if (message.request && m_unanswered.remove(message.request))
                Q_EMIT replied(message.request, false, {}, message.message);
        }
    } else if (frame.type == QLatin1String("welcome")) {
        welcome(frame);
    } else {
        stateFrame(frame);
    }
}

void RemoteConnection::welcome(const Frame &frame)
{
    Protocol::Welcome message;
    QString error;
    if (!Protocol::parse(frame, &message, &error)) {
        m_serverError = true;
        setLastError(error);
        dropped(error);
        return;
    }
    // Another engine (or the first): start from its present. The same engine: from where the
    // last connection left off, so nothing it still holds is missed.
    if (message.engineStartedMs != m_engineStartedMs) {
        m_engineStartedMs = message.engineStartedMs;
        m_resumeAfter = message.lastSeq;
    }
    m_welcomed = true;
    m_serverError = false;
    m_backoffMs = firstBackoffMs;
    setLastError(QString());
    Protocol::Subscribe subscribe;
    subscribe.hasSince = true;
    subscribe.since = m_resumeAfter + 1;
    send(Protocol::toCbor(subscribe));
    m_pending.engineStartedMs = message.engineStartedMs;
    setState(State::Connected);
}

void RemoteConnection::events(const Frame &frame)
{
    quint64 lost = 0; // also announced by a gap frame, counted there
    QString error;
    const qsizetype before = m_pending.events.size();
    if (!m_decoder.decode(frame, &m_pending.events, &lost, &error)) {
        m_serverError = true;
        setLastError(
            QStringLiteral("an events frame from the engine did not decode: %1").arg(error));
        dropped(error);
        return;
    }
    if (m_pending.events.size() > before) {
        m_resumeAfter = std::max(m_resumeAfter, m_pending.events.last().seq);
        m_shared->lastSeq.store(m_resumeAfter, std::memory_order_relaxed);
    }
    if (m_pending.events.size() > maxPendingEvents) {
        // The receiver is not taking updates: the oldest go, counted.
        const qsizetype excess = m_pending.events.size() - maxPendingEvents;
        m_pending.events.remove(0, excess);
        m_dropped += quint64(excess);
    }
    scheduleDelivery();
}

void RemoteConnection::stateFrame(const Frame &frame)
{
    const FieldReader r(frame.body, frame.type);
    ClientUpdate &u = m_pending;
    if (frame.type == QLatin1String("jobs")) {
        u.jobs += ValueCodec::decodeList<JobInfo>(r, "jobs", true);
    } else if (frame.type == QLatin1String("agents")) {
        u.agents = ValueCodec::decodeList<AgentInfo>(r, "agents", true);
    } else if (frame.type == QLatin1String("health")) {
        u.health = ValueCodec::decodeList<AgentHealth>(r, "health", true);
    } else if (frame.type == QLatin1String("alerts")) {
        u.alerts += ValueCodec::decodeList<Alert>(r, "alerts", true);
    } else if (frame.type == QLatin1String("status")) {
        u.publishedEvents = r.unsignedInt("published");
        u.eventsPerSecond = r.number("events_per_s");
        u.engineStartedMs = r.integer("engine_started");
        u.heartbeatIntervalMs = int(r.integer("heartbeat_interval_ms"));
        u.failedAfterMs = int(r.integer("failed_after_ms"));
    } else if (frame.type == QLatin1String("gap")) {
        const quint64 from = r.unsignedInt("from", true);
        const quint64 to = r.unsignedInt("to", true);
        if (r.ok() && to >= from) {
            m_dropped += to - from + 1;
            m_resumeAfter = std::max(m_resumeAfter, to);
        }
    } else {
        return; // a frame type of a later version: ignored
    }
    if (!r.ok()) {
        m_serverError = true;
        setLastError(QStringLiteral("a %1 frame from the engine did not decode: %2")
                         .arg(frame.type, r.error()));
        dropped(r.error());
        return;
    }
    m_pendingNews = true;
    scheduleDelivery();
}

void RemoteConnection::scheduleDelivery()
{
    // The server already paces its frames; a zero timer gathers those that came together. While
    // an update is in flight, taken() schedules the next.
    if (!m_deliveryTimer->isActive() && !m_shared->inFlight.load())
        m_deliveryTimer->start(0);
}

void RemoteConnection::taken()
{
    scheduleDelivery();
}

void RemoteConnection::deliver()
{
    if (m_pending.events.isEmpty() && !m_pendingNews)
        return;
    if (m_shared->inFlight.load())
        return; // taken() comes back here
    ClientUpdate update = std::move(m_pending);
    update.droppedEvents = m_dropped;
    // What stays from one update to the next: the engine's figures.
    m_pending = ClientUpdate();
    m_pending.publishedEvents = update.publishedEvents;
    m_pending.eventsPerSecond = update.eventsPerSecond;
    m_pending.engineStartedMs = update.engineStartedMs;
    m_pending.heartbeatIntervalMs = update.heartbeatIntervalMs;
    m_pending.failedAfterMs = update.failedAfterMs;
    m_pendingNews = false;
    m_shared->inFlight.store(true);
    Q_EMIT updateReady(update);
}

} // namespace flowscope
