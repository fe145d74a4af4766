#include "metrics/metricscollector.h"

#include "metrics/metricsseries.h"
#include "metrics/metricsstats.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace flowscope {

namespace {

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

// The metrics of one scope key: totals since the start, and for the scopes that have them the
// per-second series and the rollup intervals not yet handed to the journal.
struct ScopeEntry
{
    MetricScope scope = MetricScope::Engine;
    QString key;
    MetricsStats totals;
    FieldMap fields;
    std::unique_ptr<MetricsSeries> series;
    struct Open
    {
        qint64 startMs;
        MetricsStats stats;
        FieldMap fields;
    };
    std::vector<Open> open;

    void add(const MetricsDelta &delta)
    {
        totals.add(delta);
        if (delta.fields)
            addFields(&fields, *delta.fields);
    }
};

struct JobEntry
{
    ScopeEntry scope;
    quint64 lastActive = 0;
    QHash<quint32, ScopeEntry *> routines; // routine symbol id → entry
    std::vector<std::unique_ptr<ScopeEntry>> owned;
};

constexpr int scopeCount = int(MetricScope::Agent) + 1;

} // namespace

struct MetricsCollector::Data
{
    explicit Data(const MetricsCollector::Config &c)
        : config(c)
    {
        engine.series = std::make_unique<MetricsSeries>(config.seriesSeconds);
        maxOpenIntervals = size_t(
            std::max<qint64>(8, qint64(config.seriesSeconds) * 1000 / config.rollupSpanMs + 1));
    }

    MetricsCollector::Config config;
    size_t maxOpenIntervals = 8;
    bool seenAny = false;
    quint64 tick = 0;
    qint64 maxEventMs = 0;
    std::vector<std::pair<QString, double>> fieldScratch;

    QHash<quint32, QString> names; // symbol id → text
    ScopeEntry engine;
    QHash<quint32, ScopeEntry *> flows;
    QHash<quint64, ScopeEntry *> routines; // flow id << 32 | routine id
    QHash<quint32, ScopeEntry *> agents;
    std::vector<std::unique_ptr<ScopeEntry>> owned; // flows, routines, agents: never evicted
    std::unordered_map<quint64, std::unique_ptr<JobEntry>> jobs;
    QHash<QString, ScopeEntry *> byKey[scopeCount];

    const QString &name(Symbol symbol)
    {
        auto it = names.find(symbol.id());
        if (it == names.end())
            it = names.insert(symbol.id(), symbol.toString());
        return *it;
    }

    ScopeEntry *create(MetricScope scope, QString key)
    {
        owned.push_back(std::make_unique<ScopeEntry>());
        ScopeEntry *entry = owned.back().get();
        entry->scope = scope;
        entry->key = std::move(key);
        if (scope != MetricScope::Agent)
            entry->series = std::make_unique<MetricsSeries>(config.seriesSeconds);
        byKey[int(scope)].insert(entry->key, entry);
        return entry;
    }

    ScopeEntry *flow(Symbol flow)
    {
        ScopeEntry *&slot = flows[flow.id()];
        if (!slot)
            slot = create(MetricScope::Flow, name(flow));
        return slot;
    }

    ScopeEntry *routine(Symbol flow, Symbol routine)
    {
        ScopeEntry *&slot = routines[(quint64(flow.id()) << 32) | routine.id()];
        if (!slot) {
            slot = create(MetricScope::Routine, name(flow) + QLatin1Char('/') + name(routine));
        }
        return slot;
    }

    ScopeEntry *agent(Symbol agent)
    {
        ScopeEntry *&slot = agents[agent.id()];
        if (!slot)
            slot = create(MetricScope::Agent, name(agent));
        return slot;
    }

    JobEntry *job(JobId id)
    {
        std::unique_ptr<JobEntry> &slot = jobs[id.value()];
        if (!slot) {
            slot = std::make_unique<JobEntry>();
            slot->scope.scope = MetricScope::Job;
            slot->scope.key = id.toString();
            byKey[int(MetricScope::Job)].insert(slot->scope.key, &slot->scope);
        }
        slot->lastActive = ++tick;
        return slot.get();
    }

    ScopeEntry *jobRoutine(JobEntry *job, Symbol routine)
    {
        ScopeEntry *&slot = job->routines[routine.id()];
        if (!slot) {
            job->owned.push_back(std::make_unique<ScopeEntry>());
            slot = job->owned.back().get();
            slot->key = name(routine);
        }
        return slot;
    }

    // Totals, series and the open rollup interval of a scope that has them.
    void addWithHistory(ScopeEntry *entry, const MetricsDelta &delta)
    {
        entry->add(delta);
        if (entry->series && delta.counter != MetricsDelta::NoCounter)
            entry->series->add(delta);
        ScopeEntry::Open &open = openInterval(entry, delta.ms);
        open.stats.add(delta);
        if (delta.fields)
            addFields(&open.fields, *delta.fields);
    }

    // The scope's rollup interval that holds ms, opened when missing.
    ScopeEntry::Open &openInterval(ScopeEntry *entry, qint64 ms)
    {
        const qint64 span = config.rollupSpanMs;
        const qint64 start = floorDiv(ms, span) * span;
        auto it = std::find_if(entry->open.rbegin(), entry->open.rend(),
                               [start](const ScopeEntry::Open &o) { return o.startMs == start; });
        if (it != entry->open.rend())
            return *it;
        // Nobody taking rollups (no journal) must not grow memory without bound.
        if (entry->open.size() >= maxOpenIntervals)
            entry->open.erase(entry->open.begin());
        entry->open.push_back({start, {}, {}});
        return entry->open.back();
    }

    // Activations (or slot calls, or emits) of one job, routine and agent within one second.
    struct Group
    {
        JobId job;
        Symbol flow;
        Symbol routine;
        Symbol agent;
        qint64 secondMs = 0;
        int counter = MetricsDelta::Activations;
        MetricsStats stats;
    };
    void addStatsWithHistory(ScopeEntry *entry, qint64 secondMs, const MetricsStats &stats)
    {
        entry->totals.merge(stats);
        if (entry->series)
            entry->series->addStats(secondMs, stats);
        openInterval(entry, secondMs).stats.merge(stats);
    }
    void consumeBatch(const std::vector<Event> &batch);
    void applyGroup(const Group &group);
    void consume(const Event &e);
    void evictJobs();

    std::unordered_map<quint64, size_t> groupIndex; // scratch, reused between batches
    std::vector<Group> groups;
};

// An activation's end touches six scopes, each with totals, a series and a rollup: recording
// every event in all of them cost more than running the activation. Activations of a batch are
// first grouped by job, routine, agent and second, and each group is merged once per scope.
void MetricsCollector::Data::consumeBatch(const std::vector<Event> &batch)
{
    if (config.rollupSpanMs % 1000 != 0) { // groups of a second would straddle rollups
        for (const Event &e : batch)
            consume(e);
        return;
    }
    groupIndex.clear();
    groups.clear();
    for (const Event &e : batch) {
        int counter = MetricsDelta::Activations;
        if (e.type == EventType::SlotCalled)
            counter = MetricsDelta::SlotCalls;
        else if (e.type == EventType::EventEmitted)
            counter = MetricsDelta::EventEmits;
        else if (e.type != EventType::RoutineEnded && e.type != EventType::RoutineError) {
            consume(e);
            continue;
        }
        const qint64 ms = floorDiv(e.timeNs, 1000000);
        const qint64 secondMs = floorDiv(ms, 1000) * 1000;
        // A hash of the group's identity; a collision only costs a group of its own.
        const quint64 key = (e.job.value() * 0x9E3779B97F4A7C15ull)
                            ^ (quint64(e.routine.id()) << 40) ^ (quint64(e.agent.id()) << 20)
                            ^ quint64(e.flow.id()) ^ (quint64(secondMs / 1000) << 50)
                            ^ (quint64(counter) << 60);
        auto [it, added] = groupIndex.try_emplace(key, groups.size());
        Group *group = added ? nullptr : &groups[it->second];
        if (group
            && (group->job != e.job || group->flow != e.flow || group->routine != e.routine
                || group->agent != e.agent || group->secondMs != secondMs
                || group->counter != counter)) {
            consume(e); // a collision: recorded on its own
            continue;
        }
        if (!group) {
            groups.push_back({e.job, e.flow, e.routine, e.agent, secondMs, counter, {}});
            group = &groups.back();
        }
        MetricsDelta delta;
        delta.counter = counter;
        delta.error = counter == MetricsDelta::Activations
                      && (e.type == EventType::RoutineError || e.status == EventStatus::Error);
        delta.ms = ms;
        delta.durationNs = e.durationNs;
        group->stats.add(delta);
    }
    for (const Group &group : groups)
        applyGroup(group);
}

void MetricsCollector::Data::applyGroup(const Group &group)
{
    seenAny = true;
    maxEventMs = std::max(maxEventMs, group.stats.lastMs);
    addStatsWithHistory(&engine, group.secondMs, group.stats);
    if (!group.flow.isNull())
        addStatsWithHistory(flow(group.flow), group.secondMs, group.stats);
    if (!group.job.isNull()) {
        JobEntry *j = job(group.job);
        j->scope.totals.merge(group.stats);
        if (!group.routine.isNull())
            jobRoutine(j, group.routine)->totals.merge(group.stats);
    }
    if (!group.routine.isNull())
        addStatsWithHistory(routine(group.flow, group.routine), group.secondMs, group.stats);
    if (!group.agent.isNull())
        addStatsWithHistory(agent(group.agent), group.secondMs, group.stats);
}

void MetricsCollector::Data::consume(const Event &e)
{
    MetricsDelta delta;
    switch (e.type) {
    case EventType::RoutineEnded:
        delta.counter = MetricsDelta::Activations;
        delta.error = e.status == EventStatus::Error;
        break;
    case EventType::RoutineError:
        delta.counter = MetricsDelta::Activations;
        delta.error = true;
        break;
    case EventType::SlotCalled:
        delta.counter = MetricsDelta::SlotCalls;
        break;
    case EventType::EventEmitted:
        delta.counter = MetricsDelta::EventEmits;
        break;
    case EventType::JobStarted:
        delta.counter = MetricsDelta::JobsStarted;
        break;
    case EventType::JobCompleted:
        delta.counter = MetricsDelta::JobsCompleted;
        break;
    case EventType::JobFailed:
        delta.counter = MetricsDelta::JobsFailed;
        break;
    case EventType::JobCancelled:
        delta.counter = MetricsDelta::JobsCancelled;
        break;
    case EventType::Metric: {
        fieldScratch.clear();
        const QVariantMap map = e.payload.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            bool ok = false;
            const double value = it.value().toDouble(&ok);
            if (ok && std::isfinite(value))
                fieldScratch.emplace_back(it.key(), value);
        }
        if (fieldScratch.empty())
            return;
        delta.fields = &fieldScratch;
        break;
    }
    default:
        return;
    }
    delta.ms = floorDiv(e.timeNs, 1000000);
    delta.durationNs = e.durationNs;
    seenAny = true;
    maxEventMs = std::max(maxEventMs, delta.ms);

    const bool jobEvent = delta.counter >= MetricsDelta::JobsStarted
                          && delta.counter <= MetricsDelta::JobsCancelled;
    addWithHistory(&engine, delta);
    if (!e.flow.isNull())
        addWithHistory(flow(e.flow), delta);
    if (!e.job.isNull()) {
        JobEntry *j = job(e.job);
        j->scope.add(delta);
        if (!jobEvent && !e.routine.isNull())
            jobRoutine(j, e.routine)->add(delta);
    }
    if (jobEvent)
        return; // job counters belong to the engine, flow and job scopes only
    if (!e.routine.isNull())
        addWithHistory(routine(e.flow, e.routine), delta);
    if (!e.agent.isNull())
        addWithHistory(agent(e.agent), delta);
}

void MetricsCollector::Data::evictJobs()
{
    const size_t limit = size_t(std::max(0, config.maxJobs));
    if (jobs.size() <= limit)
        return;
    std::vector<std::pair<quint64, quint64>> byAge; // last active, job id
    byAge.reserve(jobs.size());
    for (const auto &[id, entry] : jobs)
        byAge.emplace_back(entry->lastActive, id);
    const size_t excess = jobs.size() - limit;
    std::nth_element(byAge.begin(), byAge.begin() + std::ptrdiff_t(excess - 1), byAge.end());
    for (size_t i = 0; i < excess; ++i) {
        auto it = jobs.find(byAge[i].second);
        byKey[int(MetricScope::Job)].remove(it->second->scope.key);
        jobs.erase(it);
    }
}

MetricsCollector::MetricsCollector()
    : MetricsCollector(Config())
{}

MetricsCollector::MetricsCollector(const Config &config)
    : m_config(config)
{
    m_config.rollupSpanMs = std::max(1, m_config.rollupSpanMs);
    m_config.seriesSeconds = std::max(1, m_config.seriesSeconds);
    d = std::make_unique<Data>(m_config);
}

MetricsCollector::~MetricsCollector() = default;

void MetricsCollector::consume(const std::vector<Event> &batch)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    d->consumeBatch(batch);
    d->evictJobs();
}

MetricsSummary MetricsCollector::summary(MetricScope scope, const QString &key, bool *found) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const ScopeEntry *entry = nullptr;
    if (scope == MetricScope::Engine)
        entry = d->seenAny && key.isEmpty() ? &d->engine : nullptr;
    else
        entry = d->byKey[int(scope)].value(key);
    if (found)
        *found = entry != nullptr;
    if (!entry) {
        MetricsSummary empty;
        empty.scope = scope;
        empty.key = key;
        return empty;
    }
    return makeSummary(scope, key, entry->totals, entry->fields);
}

// Ranged summaries come from the per-second series, so they exist for the Engine, Flow and
// Routine scopes over the last seriesSeconds, and carry no fields (the journal's rollups do).
MetricsSummary MetricsCollector::summary(MetricScope scope, const QString &key, qint64 fromMs,
                                         qint64 toMs) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const ScopeEntry *entry
        = scope == MetricScope::Engine ? &d->engine : d->byKey[int(scope)].value(key);
    if (!entry || !entry->series)
        return makeSummary(scope, key, MetricsStats());
    return makeSummary(scope, key, entry->series->range(fromMs, toMs));
}

Histogram MetricsCollector::durations(MetricScope scope, const QString &key) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const ScopeEntry *entry = nullptr;
    if (scope == MetricScope::Engine)
        entry = d->seenAny && key.isEmpty() ? &d->engine : nullptr;
    else
        entry = d->byKey[int(scope)].value(key);
    return entry ? entry->totals.durations : Histogram();
}

QStringList MetricsCollector::keys(MetricScope scope) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QStringList out;
    if (scope == MetricScope::Engine) {
        if (d->seenAny)
            out << QString();
        return out;
    }
    out = d->byKey[int(scope)].keys();
    out.sort();
    return out;
}

QVector<MetricsSummary> MetricsCollector::jobRoutines(JobId job) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    QVector<MetricsSummary> out;
    const auto it = d->jobs.find(job.value());
    if (it == d->jobs.end())
        return out;
    for (const auto &entry : it->second->owned)
        out.push_back(makeSummary(MetricScope::Routine, entry->key, entry->totals, entry->fields));
    std::sort(out.begin(), out.end(),
              [](const MetricsSummary &a, const MetricsSummary &b) { return a.key < b.key; });
    return out;
}

QVector<MetricsPoint> MetricsCollector::series(MetricScope scope, const QString &key, qint64 fromMs,
                                               qint64 toMs, int stepMs) const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    const ScopeEntry *entry
        = scope == MetricScope::Engine ? &d->engine : d->byKey[int(scope)].value(key);
    if (!entry || !entry->series)
        return {};
    // The series has one-second resolution: shorter steps would only show empty points.
    return entry->series->points(fromMs, toMs, std::max(stepMs, 1000));
}

namespace {

void closeIntervals(ScopeEntry *entry, qint64 cutoffMs, int spanMs, std::vector<MetricsRollup> *out)
{
    auto &open = entry->open;
    for (auto it = open.begin(); it != open.end();) {
        if (it->startMs + spanMs > cutoffMs) {
            ++it;
            continue;
        }
        out->push_back(
            makeRollup(entry->scope, entry->key, it->startMs, spanMs, it->stats, it->fields));
        it = open.erase(it);
    }
}

} // namespace

std::vector<MetricsRollup> MetricsCollector::takeRollups(qint64 nowMs)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    std::vector<MetricsRollup> out;
    const qint64 cutoff = std::max(nowMs, d->maxEventMs);
    const int span = m_config.rollupSpanMs;
    closeIntervals(&d->engine, cutoff, span, &out);
    for (const auto &entry : d->owned)
        closeIntervals(entry.get(), cutoff, span, &out);
    std::sort(out.begin(), out.end(), [](const MetricsRollup &a, const MetricsRollup &b) {
        if (a.startMs != b.startMs)
            return a.startMs < b.startMs;
        if (a.scope != b.scope)
            return a.scope < b.scope;
        return a.key < b.key;
    });
    return out;
}

MetricsSummary MetricsCollector::mergeRollups(MetricScope scope, const QString &key,
                                              const std::vector<MetricsRollup> &rollups)
{
    MetricsStats stats;
    FieldMap fields;
    qint64 fromMs = 0, toMs = 0;
    bool any = false;
    for (const MetricsRollup &r : rollups) {
        if (r.scope != scope || r.key != key)
            continue;
        addRollup(r, &stats, &fields);
        if (!any || r.startMs < fromMs)
            fromMs = r.startMs;
        toMs = std::max(toMs, r.startMs + r.spanMs);
        any = true;
    }
    MetricsSummary s = makeSummary(scope, key, stats, fields);
    if (any) {
        s.fromMs = fromMs;
        s.toMs = toMs;
    }
    return s;
}

} // namespace flowscope
