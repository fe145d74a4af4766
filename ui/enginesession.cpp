#include "enginesession.h"

#include "agenthealthmodel.h"
#include "agenttablemodel.h"
#include "alertlogmodel.h"
#include "disconnectedclient.h"
#include "eventlogmodel.h"
#include "jobtablemodel.h"
#include "timelinedata.h"

#include <algorithm>
#include <cmath>

namespace flowscope {

namespace {
quint64 localEventCapacity = EventLogModel::defaultCapacity;
// Several engines at full speed still fit in memory: the in-process one keeps the most.
quint64 remoteEventCapacity()
{
    return std::max<quint64>(1, localEventCapacity / 2);
}
constexpr qint64 remoteTimelineCapacity = TimelineData::defaultCapacity / 2;
} // namespace

void EngineSession::setEventCapacity(quint64 capacity)
{
    localEventCapacity = std::max<quint64>(1, capacity);
}

quint64 EngineSession::eventCapacity()
{
    return localEventCapacity;
}

EngineSession::EngineSession(EngineClient *localClient, QObject *parent)
    : QObject(parent)
    , m_local(true)
    , m_open(true)
    , m_client(localClient)
    , m_jobs(new JobTableModel(this))
    , m_events(new EventLogModel(localEventCapacity, this))
    , m_agents(new AgentTableModel(this))
    , m_health(new AgentHealthModel(this))
    , m_alerts(new AlertLogModel(AlertLogModel::defaultCapacity, this))
    , m_timeline(new TimelineData(TimelineData::defaultCapacity, this))
{
    attachClient();
}

EngineSession::EngineSession(const EngineProfile &profile, QObject *parent)
    : QObject(parent)
    , m_local(false)
    , m_open(false)
    , m_profile(profile)
    , m_jobs(new JobTableModel(this))
    , m_events(new EventLogModel(remoteEventCapacity(), this))
    , m_agents(new AgentTableModel(this))
    , m_health(new AgentHealthModel(this))
    , m_alerts(new AlertLogModel(AlertLogModel::defaultCapacity, this))
    , m_timeline(new TimelineData(remoteTimelineCapacity, this))
{
    m_client = new DisconnectedClient(name(), this);
    attachClient();
}

EngineSession::~EngineSession() = default;

void EngineSession::setClient(EngineClient *client)
{
    EngineClient *old = m_client;
    if (client == old)
        return;
    if (old)
        disconnect(old, nullptr, this, nullptr);
    m_open = client != nullptr;
    m_client = client ? client : new DisconnectedClient(name(), this);
    if (m_client->parent() != this && !m_local)
        m_client->setParent(this);
    m_lastError.clear();
    attachClient();
    m_client->refreshFlows();
    Q_EMIT clientChanged(this);
    Q_EMIT connectionStateChanged(this, m_client->connectionState());
    Q_EMIT changed(this);
    // Later: the old client may be the sender of the signal that led here.
    if (old && !m_local)
        old->deleteLater();
}

void EngineSession::attachClient()
{
    connect(m_client, &EngineClient::updateReceived, this, &EngineSession::applyUpdate);
    connect(m_client, &EngineClient::flowsChanged, this,
            [this](const QVector<FlowDefinition> &flows) { m_flows = flows; });
    connect(m_client, &EngineClient::connectionStateChanged, this,
            &EngineSession::followConnectionState);
}

void EngineSession::setProfile(const EngineProfile &profile)
{
    m_profile = profile;
    if (!m_open) // the placeholder names the engine in its "not connected" answers
        static_cast<DisconnectedClient *>(m_client.data())->setName(name());
    Q_EMIT changed(this);
}

QString EngineSession::name() const
{
    if (m_local)
        return m_client ? m_client->displayName() : QString();
    return m_profile.displayName();
}

EngineClient::ConnectionState EngineSession::connectionState() const
{
    return m_client ? m_client->connectionState() : EngineClient::ConnectionState::Disconnected;
}

int EngineSession::jobCount() const
{
    return m_jobs->rowCount();
}

void EngineSession::applyUpdate(const ClientUpdate &update)
{
    const int jobsBefore = m_jobs->rowCount();
    const long long rateBefore = std::llround(m_eventsPerSecond);
    m_jobs->applyJobs(update.jobs);
    m_agents->setAgents(update.agents);
    m_events->appendEvents(update.events);
    m_timeline->appendEvents(update.events);
    m_health->applyUpdate(update);
    m_alerts->appendAlerts(update.alerts);
    m_eventsPerSecond = update.eventsPerSecond;
    m_droppedEvents = update.droppedEvents;
    Q_EMIT updateApplied(update);
    if (m_jobs->rowCount() != jobsBefore || std::llround(m_eventsPerSecond) != rateBefore)
        Q_EMIT changed(this);
}

void EngineSession::followConnectionState(EngineClient::ConnectionState state)
{
    if (state == EngineClient::ConnectionState::Connected)
        m_lastError.clear();
    else if (state == EngineClient::ConnectionState::Disconnected && m_errorReader && m_open
             && !m_local) // only clients from the factory: those the reader knows
        m_lastError = m_errorReader(m_client);
    if (state == EngineClient::ConnectionState::Connected)
        m_client->refreshFlows(); // the engine may have changed while we were away
    else
        m_eventsPerSecond = 0;
    Q_EMIT connectionStateChanged(this, state);
    Q_EMIT changed(this);
}

} // namespace flowscope
