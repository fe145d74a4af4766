#pragma once

#include "client/engineclient.h"
#include "engineprofile.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace flowscope {

class AgentHealthModel;
class AgentTableModel;
class AlertLogModel;
class EventLogModel;
class JobTableModel;
class TimelineData;

// One engine the console watches: its client and what the console learned from it (jobs,
// events, agents, health, alerts, flows). The models are fed whether or not the engine is the one
// the window shows, so switching between engines loses nothing; they outlive the client, so an
// engine that is lost or disconnected keeps its history on screen.
class EngineSession : public QObject
{
    Q_OBJECT
public:
    using ErrorReader = std::function<QString(const EngineClient *)>;

    // Events the event log of each engine keeps (other engines keep half); for sessions made
    // after the call.
    static void setEventCapacity(quint64 capacity);
    static quint64 eventCapacity();

    // The engine in this process: its client belongs to the application.
    EngineSession(EngineClient *localClient, QObject *parent = nullptr);
    // An engine known by its profile, not connected until setClient gives it a client.
    EngineSession(const EngineProfile &profile, QObject *parent = nullptr);
    ~EngineSession() override;

    bool isLocal() const { return m_local; }
    EngineClient *client() const { return m_client; }
    // Replaces the client and takes it over; the previous one, if the session owned it, is
    // deleted once the current signal handlers are done. Null: disconnected.
    void setClient(EngineClient *client);
    void setErrorReader(ErrorReader reader) { m_errorReader = std::move(reader); }
    // True while the session has a real client (connected or trying to be); false after
    // "Disconnect" and before the first connect.
    bool isOpen() const { return m_open; }

    const EngineProfile &profile() const { return m_profile; }
    void setProfile(const EngineProfile &profile);
    QString name() const;

    EngineClient::ConnectionState connectionState() const;
    // Why the connection was last refused or lost; empty when nothing went wrong.
    QString lastError() const { return m_lastError; }
    double eventsPerSecond() const { return m_eventsPerSecond; }
    quint64 droppedEvents() const { return m_droppedEvents; }
    int jobCount() const;
    const QVector<FlowDefinition> &flows() const { return m_flows; }

    JobTableModel *jobModel() const { return m_jobs; }
    EventLogModel *eventModel() const { return m_events; }
    AgentTableModel *agentModel() const { return m_agents; }
    AgentHealthModel *healthModel() const { return m_health; }
    AlertLogModel *alertModel() const { return m_alerts; }
    TimelineData *timelineData() const { return m_timeline; }

Q_SIGNALS:
    // The client object was replaced: whoever talks to client() must reconnect.
    void clientChanged(flowscope::EngineSession *session);
    // The models took an update; for the window, which shows the rest of it.
    void updateApplied(const flowscope::ClientUpdate &update);
    // Name, connection state, rate or job count changed (for the Engines tree).
    void changed(flowscope::EngineSession *session);
    void connectionStateChanged(flowscope::EngineSession *session,
                                flowscope::EngineClient::ConnectionState state);

private:
    void attachClient();
    void applyUpdate(const ClientUpdate &update);
    void followConnectionState(EngineClient::ConnectionState state);

    bool m_local;
    bool m_open;
    EngineProfile m_profile;
    QPointer<EngineClient> m_client;
    ErrorReader m_errorReader;
    QString m_lastError;
    double m_eventsPerSecond = 0;
    quint64 m_droppedEvents = 0;
    QVector<FlowDefinition> m_flows;

    JobTableModel *m_jobs;
    EventLogModel *m_events;
    AgentTableModel *m_agents;
    AgentHealthModel *m_health;
    AlertLogModel *m_alerts;
    TimelineData *m_timeline;
};

} // namespace flowscope
