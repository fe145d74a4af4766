#include "runtime/externalagents.h"

#include "events/eventbus.h"
#include "runtime/enginecore.h"
#include "runtime/enginehealth.h"
#include "runtime/flowruntime.h"
#include "runtime/jobstate.h"

#include <QDateTime>

#include <algorithm>

namespace flowscope::Internal {

namespace {

using Kind = ExternalMessage::Kind;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// What the health monitor hears, applied after the registry's lock is released.
struct HealthStep
{
    enum { Add, Beat, Remove } what;
    QString agent;
    QVariantMap metadata;
};

bool isFinal(const QString &state)
{
    return state == QLatin1String("completed") || state == QLatin1String("failed")
           || state == QLatin1String("cancelled");
}

} // namespace

ExternalAgents::ExternalAgents(EngineCore *core)
    : m_core(core)
    , m_sink(core->bus().createSink())
{}

ExternalAgents::~ExternalAgents()
{
    std::lock_guard lock(m_sinkMutex);
    m_sink->flush();
}

Status ExternalAgents::report(const QString &agent, const QVector<ExternalMessage> &messages,
                              AgentControl *control)
{
    const qint64 now = nowMs();
    std::vector<Event> events;
    Changes changes;
    std::vector<HealthStep> health;
    {
        std::lock_guard lock(m_mutex);
        // All or nothing: every message is checked against the state the earlier ones leave.
        const auto existing = m_agents.constFind(agent);
        bool registered = existing != m_agents.cend() && existing->info.registered;
        const Record fresh;
        const Record *base = existing != m_agents.cend() ? &*existing : &fresh;
        for (int i = 0; i < messages.size(); ++i) {
            const ExternalMessage &m = messages[i];
            if (m.kind == Kind::Register) {
                if (const Status s = checkRegister(agent, m); !s.ok())
                    return Status{s.kind, QStringLiteral("events[%1].%2").arg(i).arg(s.message)};
                registered = true;
                base = &fresh; // registering starts afresh
                continue;
            }
            if (!registered)
                return Status::notFound(
                    QStringLiteral("events[%1]: agent '%2' is not registered: send a register "
                                   "message first")
                        .arg(i)
                        .arg(agent));
            if (const Status s = check(*base, m); !s.ok())
                return Status{s.kind, QStringLiteral("events[%1].%2").arg(i).arg(s.message)};
            if (m.kind == Kind::Unregister)
                registered = false;
        }
        for (const ExternalMessage &m : messages) {
            if (m.kind == Kind::Register) {
                registerAgent(agent, m, now, &events);
                health.push_back({HealthStep::Add, agent, {}});
                continue;
            }
            Record &record = m_agents[agent];
            apply(record, m, now, &events, &changes);
            if (m.kind == Kind::Heartbeat) {
                QVariantMap metadata = m.data;
                metadata.insert(QStringLiteral("state"), record.info.state);
                metadata.insert(QStringLiteral("routine"), record.info.node);
                metadata.insert(QStringLiteral("completed"), record.info.completed);
                metadata.insert(QStringLiteral("failed"), record.info.failed);
                metadata.insert(QStringLiteral("external"), true);
                if (!record.info.job.isNull())
                    metadata.insert(QStringLiteral("job_id"), record.info.job.toString());
                health.push_back({HealthStep::Beat, agent, metadata});
                // As the engine's agents do: at most one heartbeat event per interval.
                if (now - record.lastBeatEventMs >= m_core->config.heartbeatIntervalMs) {
                    record.lastBeatEventMs = now;
                    Event beat = eventFor(record, m, now);
                    beat.job = {}; // a heartbeat belongs to the agent, not to a job's trace
                    beat.flow = {};
                    beat.payload = metadata;
                    events.push_back(std::move(beat));
                }
            } else if (m.kind == Kind::Unregister) {
                health.push_back({HealthStep::Remove, agent, {}});
            }
        }
        if (control)
            *control = m_agents.value(agent).info.control;
    }
    for (const HealthStep &step : health) {
        if (step.what == HealthStep::Add)
            m_core->health().externalAgentStarted(step.agent, now);
        else if (step.what == HealthStep::Beat)
            m_core->health().beat(step.agent, now, step.metadata);
        else
            m_core->health().agentStopped(step.agent);
    }
    publish(std::move(events), changes);
    return Status::success();
}

Status ExternalAgents::checkRegister(const QString &agent, const ExternalMessage &message) const
{
    if (m_core->isOwnAgent(agent))
        return Status::conflict(
            QStringLiteral("agent: '%1' is one of the engine's own agents: choose another name")
                .arg(agent));
    if (!message.job.isNull()) {
        const std::shared_ptr<JobState> job = m_core->findJob(message.job);
        if (!job)
            return Status::notFound(
                QStringLiteral("job_id: no job '%1'").arg(message.job.toString()));
        if (job->finished())
            return Status::conflict(
                QStringLiteral("job_id: job %1 is %2")
                    .arg(message.job.toString(), jobStatusName(job->currentStatus())));
    }
    if (!m_agents.contains(agent) && m_agents.size() >= maxAgents) {
        const bool evictable = std::any_of(m_agents.cbegin(), m_agents.cend(),
                                           [](const Record &r) { return !r.info.registered; });
        if (!evictable)
            return Status::conflict(
                QStringLiteral("%1 external agents are registered: unregister some first")
                    .arg(maxAgents));
    }
    return Status::success();
}

void ExternalAgents::registerAgent(const QString &agent, const ExternalMessage &message, qint64 now,
                                   std::vector<Event> *events)
{
    const std::shared_ptr<JobState> job
        = message.job.isNull() ? nullptr : m_core->findJob(message.job);
    auto it = m_agents.find(agent);
    if (it == m_agents.end()) {
        if (m_agents.size() >= maxAgents)
            evictOne();
        it = m_agents.insert(agent, Record{});
    }
    Record &record = *it;
    if (!record.info.job.isNull() && record.info.registered)
        m_withJob.fetch_sub(1);
    // A new registration starts afresh (the agent may have restarted); versions only grow.
    record = Record{};
    record.info.name = agent;
    record.info.kind = message.name;
    record.info.job = message.job;
    record.info.state = QStringLiteral("registered");
    record.info.metadata = message.data;
    record.info.registeredMs = record.info.lastSeenMs = now;
    record.info.messages = 1;
    if (job) {
        m_withJob.fetch_add(1);
        record.pausedByJob = job->currentStatus() == JobStatus::Paused;
    }
    // The answer carries the new control: no listener needs to hear of it.
    updateControl(record,
                  record.pausedByJob ? QStringLiteral("job %1 is paused").arg(job->id.toString())
                                     : QStringLiteral("registered"),
                  nullptr);
    events->push_back(eventFor(record, message, now));
}

Status ExternalAgents::check(const Record &record, const ExternalMessage &message) const
{
    if (message.kind == Kind::Variables) {
        int added = 0;
        for (auto it = message.data.cbegin(); it != message.data.cend(); ++it)
            added += record.info.variables.contains(it.key()) ? 0 : 1;
        if (record.info.variables.size() + added > maxVariables)
            return Status::invalid(
                QStringLiteral("values: the agent would hold more than %1 variables")
                    .arg(maxVariables));
    }
    return Status::success();
}

void ExternalAgents::apply(Record &record, const ExternalMessage &m, qint64 now,
                           std::vector<Event> *events, Changes *changes)
{
    ExternalAgentInfo &info = record.info;
    info.lastSeenMs = now;
    ++info.messages;
    if (!m.node.isEmpty() && m.node != info.node) {
        info.node = m.node;
        record.nodeSinceMs = now;
    }
    switch (m.kind) {
    case Kind::Register:
        break;
    case Kind::Heartbeat:
        if (!m.state.isEmpty())
            info.state = m.state;
        for (auto it = m.data.cbegin(); it != m.data.cend(); ++it)
            info.metadata.insert(it.key(), it.value());
        if (!m.checkpoint.isEmpty()) {
            info.lastCheckpoint = m.checkpoint;
            record.lastCheckpointMs = now;
        }
        if (!m.breakpoint.isEmpty() && !info.control.paused) {
            // It stopped at one of its breakpoints: it stays paused until resumed.
            record.pausedByAgent = true;
            updateControl(record, QStringLiteral("breakpoint %1").arg(m.breakpoint), changes);
            ExternalMessage hit = m;
            hit.name = QStringLiteral("breakpoint_hit");
            Event e = eventFor(record, hit, now);
            e.type = EventType::BreakpointHit;
            e.payload = QVariantMap{{QStringLiteral("reason"), QStringLiteral("breakpoint")},
                                    {QStringLiteral("breakpoint"), m.breakpoint}};
            events->push_back(std::move(e));
        }
        break;
    case Kind::Event:
        if (m.name == QLatin1String("node_exit") || m.durationMs >= 0)
            ++info.completed;
        break;
    case Kind::Progress:
        info.progress = m.value;
        if (info.state == QLatin1String("registered"))
            info.state = QStringLiteral("running");
        break;
    case Kind::Variables:
        for (auto it = m.data.cbegin(); it != m.data.cend(); ++it)
            info.variables.insert(it.key(), it.value());
        break;
    case Kind::Error:
        ++info.failed;
        break;
    case Kind::Metric:
    case Kind::Log:
        break;
    case Kind::Unregister:
        info.registered = false;
        info.state = m.state.isEmpty() ? QStringLiteral("completed") : m.state;
        if (!info.job.isNull())
            m_withJob.fetch_sub(1);
        break;
    }
    if (m.kind != Kind::Heartbeat)
        events->push_back(eventFor(record, m, now));
}

Event ExternalAgents::eventFor(const Record &record, const ExternalMessage &m, qint64 now) const
{
    Event e;
    e.timeNs = (m.timeMs > 0 ? m.timeMs : now) * 1'000'000;
    e.agent = Symbol::intern(record.info.name);
    e.job = record.info.job;
    if (!e.job.isNull()) {
        if (const std::shared_ptr<JobState> job = m_core->findJob(e.job))
            e.flow = job->flow->symbol;
    }
    if (!m.node.isEmpty())
        e.routine = Symbol::intern(m.node);
    QVariantMap payload = m.data;
    if (!m.message.isEmpty())
        payload.insert(QStringLiteral("message"), m.message);
    switch (m.kind) {
    case Kind::Register:
        e.type = EventType::Log;
        payload = {{QStringLiteral("message"),
                    QStringLiteral("external agent %1 registered").arg(record.info.name)},
                   {QStringLiteral("level"), QStringLiteral("info")},
                   {QStringLiteral("kind"), m.name},
                   {QStringLiteral("metadata"), m.data}};
        break;
    case Kind::Event: {
        EventType type = EventType::EventEmitted;
        // Seed names map onto what they mean (node_exit ends a node); job events stay the
        // engine's own, so an agent's "scan_complete" is just its event.
        if (eventTypeFromName(m.name, &type)
            && (type == EventType::RoutineStarted || type == EventType::RoutineEnded
                || type == EventType::RoutineError || type == EventType::Progress
                || type == EventType::Log)) {
            e.type = type;
        } else {
            e.type = EventType::EventEmitted;
        }
        e.port = Symbol::intern(m.name);
        if (m.durationMs >= 0)
            e.durationNs = qint64(m.durationMs * 1'000'000);
        if (e.type == EventType::RoutineError)
            e.status = EventStatus::Error;
        break;
    }
    case Kind::Progress:
        e.type = EventType::Progress;
        payload.insert(QStringLiteral("progress"), m.value);
        break;
    case Kind::Metric:
        e.type = EventType::Metric;
        break;
    case Kind::Variables:
        e.type = EventType::EventEmitted;
        e.port = Symbol::intern(QStringLiteral("variables"));
        payload = {{QStringLiteral("variables"), m.data}};
        break;
    case Kind::Log:
        e.type = EventType::Log;
        payload.insert(QStringLiteral("level"),
                       m.level.isEmpty() ? QStringLiteral("info") : m.level);
        break;
    case Kind::Error:
        e.type = EventType::RoutineError;
        e.status = EventStatus::Error;
        payload.insert(QStringLiteral("fatal"), m.fatal);
        break;
    case Kind::Unregister:
        e.type = EventType::Log;
        payload = {{QStringLiteral("message"), QStringLiteral("external agent %1 left (%2)")
                                                   .arg(record.info.name, record.info.state)},
                   {QStringLiteral("level"), QStringLiteral("info")},
                   {QStringLiteral("state"), record.info.state}};
        break;
    case Kind::Heartbeat:
        e.type = EventType::Heartbeat;
        break;
    }
    e.payload = payload;
    return e;
}

void ExternalAgents::updateControl(Record &record, const QString &reason, Changes *changes)
{
    AgentControl &control = record.info.control;
    control.paused = (record.pausedByAgent || record.pausedByJob) && !control.cancelled;
    control.reason = reason;
    control.version = ++m_version;
    if (changes)
        changes->push_back({record.info.name, control});
}

Status ExternalAgents::command(const QString &agent, Command command)
{
    Changes changes;
    std::vector<Event> events;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_agents.find(agent);
        if (it == m_agents.end())
            return Status::notFound(QStringLiteral("no external agent '%1'").arg(agent));
        Record &record = *it;
        if (!record.info.registered)
            return Status::conflict(
                QStringLiteral("agent %1 has left (%2)").arg(agent, record.info.state));
        AgentControl &control = record.info.control;
        if (control.cancelled)
            return Status::conflict(QStringLiteral("agent %1 is cancelled").arg(agent));
        QString what;
        switch (command) {
        case Command::Pause:
            if (control.paused)
                return Status::conflict(QStringLiteral("agent %1 is paused already").arg(agent));
            record.pausedByAgent = true;
            what = QStringLiteral("paused");
            break;
        case Command::Resume:
            if (!control.paused)
                return Status::conflict(QStringLiteral("agent %1 is not paused").arg(agent));
            // Resuming the agent releases it whatever held it, its job's pause included.
            record.pausedByAgent = record.pausedByJob = false;
            what = QStringLiteral("resumed");
            break;
        case Command::Cancel:
            control.cancelled = true;
            what = QStringLiteral("cancelled");
            break;
        }
        updateControl(record, QStringLiteral("agent %1").arg(what), &changes);
        ExternalMessage note;
        note.kind = Kind::Log;
        note.message = QStringLiteral("external agent %1 %2").arg(agent, what);
        events.push_back(eventFor(record, note, nowMs()));
    }
    publish(std::move(events), changes);
    return Status::success();
}

Status ExternalAgents::setBreakpoints(const QString &agent, const QStringList &checkpoints)
{
    Changes changes;
    {
        std::lock_guard lock(m_mutex);
        auto it = m_agents.find(agent);
        if (it == m_agents.end())
            return Status::notFound(QStringLiteral("no external agent '%1'").arg(agent));
        it->info.control.breakpoints = checkpoints;
        it->info.control.version = ++m_version;
        changes.push_back({agent, it->info.control});
    }
    publish({}, changes);
    return Status::success();
}

void ExternalAgents::setConnected(const QString &agent, bool connected)
{
    std::lock_guard lock(m_mutex);
    auto it = m_agents.find(agent);
    if (it != m_agents.end())
        it->info.connected = connected;
}

void ExternalAgents::changeJobAgents(JobId job, const std::function<void(Record &)> &change,
                                     const QString &reason)
{
    if (m_withJob.load() == 0)
        return;
    Changes changes;
    {
        std::lock_guard lock(m_mutex);
        for (Record &record : m_agents) {
            if (record.info.registered && record.info.job == job) {
                change(record);
                updateControl(record, reason, &changes);
            }
        }
    }
    publish({}, changes);
}

void ExternalAgents::jobPaused(JobId job, const QString &why)
{
    changeJobAgents(
        job, [](Record &r) { r.pausedByJob = true; },
        QStringLiteral("job %1 %2").arg(job.toString(), why));
}

void ExternalAgents::jobResumed(JobId job, const QString &why)
{
    changeJobAgents(
        job, [](Record &r) { r.pausedByJob = false; },
        QStringLiteral("job %1 %2").arg(job.toString(), why));
}

void ExternalAgents::jobEnded(JobId job, JobStatus status)
{
    if (status == JobStatus::Completed)
        return; // agents still working for it finish on their own
    changeJobAgents(
        job, [](Record &r) { r.info.control.cancelled = true; },
        QStringLiteral("job %1 %2").arg(job.toString(), jobStatusName(status)));
}

bool ExternalAgents::contains(const QString &agent) const
{
    std::lock_guard lock(m_mutex);
    return m_agents.contains(agent);
}

std::optional<AgentLiveness> ExternalAgents::liveness(const QString &agent) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_agents.constFind(agent);
    if (it == m_agents.cend())
        return std::nullopt;
    AgentLiveness live;
    const ExternalAgentInfo &info = it->info;
    // Over HTTP the engine cannot see the process; over the WebSocket a closed socket means gone.
    live.alive
        = info.registered
          && (info.connected
              || info.metadata.value(QStringLiteral("transport")) != QLatin1String("websocket"));
    live.busy = info.state == QLatin1String("running") && !info.node.isEmpty();
    live.routine = info.node;
    live.busySinceMs = it->nodeSinceMs;
    live.lastCheckpointMs = it->lastCheckpointMs;
    return live;
}

std::optional<ExternalAgentInfo> ExternalAgents::find(const QString &agent) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_agents.constFind(agent);
    if (it == m_agents.cend())
        return std::nullopt;
    return it->info;
}

QVector<ExternalAgentInfo> ExternalAgents::list() const
{
    QVector<ExternalAgentInfo> all;
    {
        std::lock_guard lock(m_mutex);
        for (const Record &record : m_agents)
            all.push_back(record.info);
    }
    std::sort(all.begin(), all.end(), [](const ExternalAgentInfo &a, const ExternalAgentInfo &b) {
        return a.name < b.name;
    });
    return all;
}

QVector<AgentInfo> ExternalAgents::agentInfos() const
{
    QVector<AgentInfo> infos;
    std::lock_guard lock(m_mutex);
    for (const Record &record : m_agents) {
        const ExternalAgentInfo &x = record.info;
        AgentInfo info;
        info.name = x.name;
        info.pooled = false;
        info.external = true;
        if (!x.registered || isFinal(x.state) || x.control.cancelled)
            info.state = AgentState::Stopped;
        else if (x.control.paused || x.state == QLatin1String("paused"))
            info.state = AgentState::Waiting;
        else if (x.state == QLatin1String("running"))
            info.state = AgentState::Busy;
        info.currentRoutine = x.node;
        info.currentJob = x.job;
        info.busySinceMs = record.nodeSinceMs;
        info.completed = x.completed;
        info.failed = x.failed;
        info.lastHeartbeatMs = x.lastSeenMs;
        info.lastCheckpointMs = record.lastCheckpointMs;
        infos.push_back(info);
    }
    return infos;
}

int ExternalAgents::addControlListener(ControlListener listener)
{
    std::lock_guard lock(m_listenersMutex);
    const int id = m_nextListener++;
    m_listeners.emplace(id, std::move(listener));
    return id;
}

void ExternalAgents::removeControlListener(int id)
{
    std::lock_guard lock(m_listenersMutex);
    m_listeners.erase(id);
}

void ExternalAgents::publish(std::vector<Event> events, const Changes &changes)
{
    if (!events.empty()) {
        std::lock_guard lock(m_sinkMutex);
        for (Event &e : events)
            m_sink->emit(std::move(e));
        m_sink->flush();
    }
    if (changes.isEmpty())
        return;
    std::lock_guard lock(m_listenersMutex);
    for (const auto &change : changes) {
        for (const auto &listener : m_listeners)
            listener.second(change.first, change.second);
    }
}

bool ExternalAgents::evictOne()
{
    auto oldest = m_agents.end();
    for (auto it = m_agents.begin(); it != m_agents.end(); ++it) {
        if (!it->info.registered
            && (oldest == m_agents.end() || it->info.lastSeenMs < oldest->info.lastSeenMs))
            oldest = it;
    }
    if (oldest == m_agents.end())
        return false;
    m_agents.erase(oldest);
    return true;
}

} // namespace flowscope::Internal
