#include "client/inprocesspump.h"

#include "client/engineclient.h"
#include "events/eventbus.h"
#include "runtime/engine.h"

#include <QTimer>

namespace flowscope {

namespace {

bool sameAgents(const QVector<AgentInfo> &a, const QVector<AgentInfo> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].state != b[i].state
            || a[i].currentRoutine != b[i].currentRoutine || a[i].completed != b[i].completed
            || a[i].failed != b[i].failed || a[i].lastHeartbeatMs != b[i].lastHeartbeatMs)
            return false;
    }
    return true;
}

bool sameHealth(const QVector<AgentHealth> &a, const QVector<AgentHealth> &b)
{
    if (a.size() != b.size())
        return false;
    for (int i = 0; i < a.size(); ++i) {
        if (a[i].agent != b[i].agent || a[i].state != b[i].state || a[i].diagnosis != b[i].diagnosis
            || a[i].lastBeatMs != b[i].lastBeatMs || a[i].stuckRoutine != b[i].stuckRoutine)
            return false;
    }
    return true;
}

constexpr qint64 healthPeriodNs = 250'000'000;

} // namespace

InProcessPump::InProcessPump(Engine *engine, EngineClient *client, int capacity)
    : m_engine(engine)
    , m_client(client)
    , m_subscription(engine->bus().subscribe(EventFilter{}, capacity))
    , m_inFlight(std::make_shared<std::atomic<bool>>(false))
{}

InProcessPump::~InProcessPump()
{
    m_engine->bus().unsubscribe(m_subscription);
}

void InProcessPump::start()
{
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &InProcessPump::frame);
    m_timer->start(frameMs);
    m_lastFrameNs = EventSink::nowNs();
    frame();
}

void InProcessPump::frame()
{
    if (m_inFlight->load())
        return; // the client has not taken the last update yet
    ClientUpdate update;
    for (Event &e : m_subscription->takeAll())
        update.events.push_back(std::move(e));
    update.jobs = m_engine->jobsChangedSince(m_jobsVersion, &m_jobsVersion);
    QVector<AgentInfo> agents = m_engine->agents();
    if (!sameAgents(agents, m_lastAgents)) {
        update.agents = agents;
        m_lastAgents = std::move(agents);
    }
    const qint64 now = EventSink::nowNs();
    if (now - m_lastHealthNs >= healthPeriodNs) {
        m_lastHealthNs = now;
        QVector<AgentHealth> health = m_engine->agentHealth();
        if (!sameHealth(health, m_lastHealth)) {
            update.health = health;
            m_lastHealth = std::move(health);
        }
    }
    // Alerts are few: the engine's log, newest first, down to the last one sent.
    for (const Alert &alert : m_engine->alerts(100)) {
        if (alert.id <= m_lastAlertId)
            break;
        update.alerts.prepend(alert);
    }
    if (!update.alerts.isEmpty())
        m_lastAlertId = update.alerts.last().id;
    const HealthPolicy policy = m_engine->healthPolicy();
    update.engineStartedMs = m_engine->startedMs();
    update.heartbeatIntervalMs = policy.intervalMs;
    update.failedAfterMs = policy.failedAfterMs();
    const quint64 published = m_engine->bus().publishedCount();
    const double seconds = double(now - m_lastFrameNs) / 1e9;
    if (seconds >= 0.25) {
        // Smoothed over a quarter second so the status bar does not flicker.
        m_rate = double(published - m_lastPublished) / seconds;
        m_lastPublished = published;
        m_lastFrameNs = now;
    }
    update.eventsPerSecond = m_rate;
    update.publishedEvents = published;
    update.droppedEvents = m_subscription->droppedCount();
    if (update.events.isEmpty() && update.jobs.isEmpty() && update.agents.isEmpty()
        && update.health.isEmpty() && update.alerts.isEmpty() && m_rate == 0)
        return;
    deliver(std::move(update));
}

void InProcessPump::deliver(ClientUpdate &&update)
{
    if (!m_client)
        return;
    m_inFlight->store(true);
    QPointer<EngineClient> client = m_client;
    auto inFlight = m_inFlight;
    QMetaObject::invokeMethod(
        client.data(),
        [client, inFlight, update = std::move(update)] {
            inFlight->store(false);
            if (client)
                Q_EMIT client->updateReceived(update);
        },
        Qt::QueuedConnection);
}

} // namespace flowscope
