#include "benchmark.h"

#include "timelinedata.h"
#include "timelineview.h"

#include <QImage>
#include <QRandomGenerator>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace flowscope::bench {

namespace {

using Clock = std::chrono::steady_clock;

constexpr int agentCount = 10;
constexpr int flowCount = 4;
constexpr int routinesPerFlow = 10;
constexpr int activationsPerJob = 100;
constexpr qint64 flushPeriodNs = 5'000'000; // an agent hands its buffer over every 5 ms ...
constexpr int flushEvents = 512;            // ... or at 512 events, as EventSink does
constexpr int batchEvents = 33'000;         // what the console's pump delivers in 33 ms at 1 M/s

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double percentile(QVector<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = qsizetype(std::ceil(p * double(values.size()))) - 1;
    return values[std::clamp<qsizetype>(rank, 0, values.size() - 1)];
}

// A swarm's event stream as the console receives it: ten agents (eight pool workers, a planner
// and a probe) run activations of 40 routines in four flows, jobs of ~100 activations spread
// over the agents; durations are mixed (60 % 2–50 µs, 30 % 50 µs–2 ms, 9 % 2–50 ms, 1 % 50–500 ms).
// Each activation brings four events (slot_called, routine_started, event_emitted,
// routine_ended; 0.2 % end in routine_error), jobs their start and end, and now and then a
// breakpoint hit, a pause or an alert. Agents hand their events over in their own buffers, so
// batches arrive in order per agent but only nearly in time order overall.
class SwarmStream
{
public:
    SwarmStream()
        : m_random(20261204)
    {
        for (int f = 0; f < flowCount; ++f) {
            m_flows.push_back(Symbol::intern(QStringLiteral("flow-%1").arg(f)));
            for (int r = 0; r < routinesPerFlow; ++r)
                m_routines.push_back(
                    Symbol::intern(QStringLiteral("f%1-routine-%2").arg(f).arg(r)));
        }
        const qint64 origin = 1'733'300'000'000'000'000;
        for (int a = 0; a < agentCount; ++a) {
            Agent agent;
            agent.name = Symbol::intern(a < 8    ? QStringLiteral("worker-%1").arg(a + 1)
                                        : a == 8 ? QStringLiteral("planner")
                                                 : QStringLiteral("probe"));
            agent.clockNs = origin + qint64(m_random.bounded(1'000'000));
            agent.nextFlushNs = agent.clockNs + qint64(m_random.bounded(int(flushPeriodNs)));
            m_agents.push_back(agent);
        }
    }

    // The next batch of at least batchEvents events, numbered.
    QVector<Event> nextBatch()
    {
        QVector<Event> batch;
        batch.reserve(batchEvents + flushEvents * 2);
        while (batch.size() < batchEvents) {
            Agent &agent = *std::min_element(
                m_agents.begin(), m_agents.end(),
                [](const Agent &a, const Agent &b) { return a.clockNs < b.clockNs; });
            runActivation(agent);
            if (agent.clockNs >= agent.nextFlushNs || agent.pending.size() >= flushEvents) {
                for (Event &e : agent.pending) {
                    e.seq = ++m_seq;
                    batch.push_back(std::move(e));
                }
                agent.pending.clear();
                while (agent.nextFlushNs <= agent.clockNs)
                    agent.nextFlushNs += flushPeriodNs;
            }
        }
        m_events += quint64(batch.size());
        return batch;
    }

    quint64 events() const { return m_events; }

private:
    struct Agent
    {
        Symbol name;
        qint64 clockNs = 0;
        qint64 nextFlushNs = 0;
        QVector<Event> pending;
    };

    qint64 logUniform(double from, double to)
    {
        return qint64(from * std::pow(to / from, m_random.generateDouble()));
    }

    qint64 duration()
    {
        const double u = m_random.generateDouble();
        if (u < 0.6)
            return logUniform(2e3, 50e3);
        if (u < 0.9)
            return logUniform(50e3, 2e6);
        if (u < 0.99)
            return logUniform(2e6, 50e6);
        return logUniform(50e6, 500e6);
    }

    void runActivation(Agent &agent)
    {
        const quint64 n = m_activations++;
        const quint64 job = n / activationsPerJob + 1;
        const int flow = int(job % flowCount);
        Event e;
        e.job = JobId(job);
        e.flow = m_flows[flow];
        e.agent = agent.name;
        e.routine = m_routines[flow * routinesPerFlow + int(m_random.bounded(routinesPerFlow))];
        e.activation = n + 1;
        const qint64 gap = logUniform(1e3, 20e3);
        const qint64 start = agent.clockNs + gap;
        const qint64 length = duration();
        if (n % activationsPerJob == 0)
            push(agent, e, EventType::JobStarted, start - gap);
        push(agent, e, EventType::SlotCalled, start - gap / 2);
        push(agent, e, EventType::RoutineStarted, start);
        if (n % 20'000 == 7)
            push(agent, e, EventType::BreakpointHit, start);
        push(agent, e, EventType::EventEmitted, start + length / 2);
        Event &end
            = push(agent, e,
                   m_random.bounded(500) == 0 ? EventType::RoutineError : EventType::RoutineEnded,
                   start + length);
        end.durationNs = length;
        if (end.type == EventType::RoutineError) {
            end.status = EventStatus::Error;
            end.payload = QVariantMap{{QStringLiteral("message"), QStringLiteral("bad input")}};
        }
        if (n % 5'000 == 2500) {
            Event pause = e;
            pause.agent = Symbol();
            push(agent, pause, EventType::JobPaused, start + length);
        }
        if (n % 50'000 == 100)
            push(agent, e, EventType::Alert, start + length);
        if (n % activationsPerJob == activationsPerJob - 1)
            push(agent, e, EventType::JobCompleted, start + length);
        agent.clockNs = start + length;
    }

    Event &push(Agent &agent, const Event &base, EventType type, qint64 timeNs)
    {
        agent.pending.push_back(base);
        Event &e = agent.pending.back();
        e.type = type;
        e.timeNs = timeNs;
        return e;
    }

    QRandomGenerator m_random;
    QVector<Symbol> m_flows;
    QVector<Symbol> m_routines;
    std::vector<Agent> m_agents;
    quint64 m_seq = 0;
    quint64 m_activations = 0;
    quint64 m_events = 0;
};

struct FrameTimes
{
    QVector<double> wallMs;
    QVector<double> cpuMs;
};

void renderFrame(TimelineView &view, QImage &image, FrameTimes *times)
{
    const double cpu = threadCpuMs();
    const auto start = Clock::now();
    // As on screen: the view is opaque and paints every pixel, no background is filled first.
    view.render(&image, QPoint(), QRegion(), QWidget::DrawChildren);
    times->wallMs.push_back(msSince(start));
    times->cpuMs.push_back(threadCpuMs() - cpu);
}

// Frames at one zoom level: the view spans `visibleNs`, placed at several points of the data
// and dragged back and forth from each (up to a quarter of its width either way), as a user does.
void renderLevel(TimelineView &view, QImage &image, const TimelineData &data, qint64 visibleNs,
                 int places, int pansPerPlace, FrameTimes *times)
{
    const double width = view.plotRect().width();
    const int before = int(times->wallMs.size());
    double primitives = 0;
    const qint64 first = data.firstNs();
    const qint64 length = std::max<qint64>(data.nowNs() - first, visibleNs);
    for (int p = 0; p < places; ++p) {
        const qint64 start = first + (length - visibleNs) * (2 * p + 1) / (2 * places);
        const TimelineViewport place = TimelineViewport::fromRange(start, start + visibleNs, width);
        for (int i = 0; i < pansPerPlace; ++i) {
            TimelineViewport viewport = place;
            viewport.panByPixels(width / 20 * (i % 10 < 5 ? i % 5 : 5 - i % 5)
                                 * (i / 10 % 2 ? 1 : -1));
            view.setViewport(viewport);
            renderFrame(view, image, times);
            primitives += view.lastFrame().primitives + view.lastFrame().marks;
        }
    }
    const QVector<double> level = times->wallMs.mid(before);
    const QVector<double> cpu = times->cpuMs.mid(before);
    std::printf("  %-10s visible %12.6f s: median %6.2f ms (CPU %5.2f), max %6.2f ms (CPU %5.2f), "
                "%6.0f primitives a frame\n",
                data.grouping() == TimelineData::Grouping::Agent ? "by agent" : "by routine",
                double(visibleNs) / 1e9, median(level), median(cpu), percentile(level, 1.0),
                percentile(cpu, 1.0), primitives / double(level.size()));
}

QVector<double> timelineFrames(const Options &options)
{
    const quint64 target = options.quick ? 1'000'000 : 10'000'000;
    TimelineData data(TimelineData::defaultCapacity);
    SwarmStream stream;
    double ingestMs = 0;
    while (stream.events() < target) {
        const QVector<Event> batch = stream.nextBatch();
        const auto start = Clock::now();
        data.appendEvents(batch);
        ingestMs += msSince(start);
    }
    if (data.droppedSpans() > 0)
        qFatal("the timeline dropped activations: the capacity is too small for the benchmark");

    TimelineView view;
    view.resize(1600, 900);
    view.setFollowLive(false);
    view.setData(&data);
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);

    const qint64 whole = data.nowNs() - data.firstNs();
    FrameTimes frames;
    renderFrame(view, image, &frames); // warm-up: fonts, caches
    frames = {};
    const int places = options.quick ? 3 : 5;
    const int pans = options.quick ? 8 : 20;
    renderLevel(view, image, data, whole, 1, pans, &frames);            // everything
    renderLevel(view, image, data, whole / 100, places, pans, &frames); // a hundredth
    renderLevel(view, image, data, 200'000'000, places, pans, &frames); // 200 ms
    renderLevel(view, image, data, 2'000'000, places, pans, &frames);   // 2 ms
    // Every lane's rows drawn (routine lanes have several rows each).
    const auto regroupStart = Clock::now();
    data.setGrouping(TimelineData::Grouping::Routine);
    const double regroupMs = msSince(regroupStart);
    renderLevel(view, image, data, whole, 1, pans, &frames);
    renderLevel(view, image, data, whole / 100, places, pans, &frames);
    data.setGrouping(TimelineData::Grouping::Agent);

    // Baselines in the same run: the widget with nothing to draw, and everything drawn without
    // folding (the whole range; a few frames, they are slow).
    FrameTimes unfolded;
    view.setFoldWidth(0);
    renderLevel(view, image, data, whole, 1, 3, &unfolded);
    view.setFoldWidth(TimelineView::defaultFoldPx);
    TimelineData nothing;
    view.setData(&nothing);
    FrameTimes empty;
    for (int i = 0; i < 20; ++i)
        renderFrame(view, image, &empty);

    std::printf("timeline: %lld events, %lld activations, %lld instants, %d frames; "
                "median %.2f ms, p99 %.2f ms (CPU %.2f ms), max %.2f ms; regrouping %.0f ms\n",
                qint64(stream.events()), data.spanCount(), data.instantCount(),
                int(frames.wallMs.size()), median(frames.wallMs), percentile(frames.wallMs, 0.99),
                percentile(frames.cpuMs, 0.99), percentile(frames.wallMs, 1.0), regroupMs);
    return {percentile(frames.wallMs, 0.99),
            percentile(frames.cpuMs, 0.99),
            median(frames.wallMs),
            median(empty.wallMs),
            median(unfolded.wallMs),
            double(data.memoryBytes()) / double(data.spanCount()),
            ingestMs * 1e6 / double(stream.events())};
}

const Registrar timeline{
    {QStringLiteral("timeline"),
     QStringLiteral(
         "the timeline painted offscreen (1600x900) over 10 M events, zoomed and panned"),
     {{QStringLiteral("timeline_frame_p99_ms"), QStringLiteral("ms"), 16, true},
      {QStringLiteral("timeline_frame_cpu_p99_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("timeline_frame_median_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("timeline_frame_empty_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("timeline_frame_unfolded_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("timeline_bytes_per_activation"), QStringLiteral("bytes"), 0, true},
      {QStringLiteral("timeline_ingest_ns_per_event"), QStringLiteral("ns"), 0, true}},
     timelineFrames,
     true}};

} // namespace

} // namespace flowscope::bench
