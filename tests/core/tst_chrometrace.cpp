#include "testflows.h"

#include "debug/breakpoint.h"
#include "journal/journal.h"
#include "trace/chrometrace.h"
#include "trace/jobtracesource.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace flowscope;
using namespace flowscope::testing;

namespace {

// A parsed trace, with its events by phase and its lanes by name.
struct ParsedTrace
{
    QJsonObject root;
    QVector<QJsonObject> complete, open, instants, counters, metadata;
    QHash<int, QString> laneNames; // tid -> thread_name
    QString processName;

    QStringList instantNames() const
    {
        QStringList names;
        for (const QJsonObject &e : instants)
            names << e.value(QStringLiteral("name")).toString();
        return names;
    }
    QString laneOf(const QJsonObject &event) const
    {
        return laneNames.value(event.value(QStringLiteral("tid")).toInt());
    }
    // The last sample of the activations counter.
    QJsonObject lastCounter() const
    {
        QJsonObject last;
        double lastTs = -1;
        for (const QJsonObject &c : counters) {
            if (c.value(QStringLiteral("name")) == QLatin1String("activations")
                && c.value(QStringLiteral("ts")).toDouble() >= lastTs) {
                lastTs = c.value(QStringLiteral("ts")).toDouble();
                last = c.value(QStringLiteral("args")).toObject();
            }
        }
        return last;
    }
};

bool parseTrace(const QByteArray &bytes, ParsedTrace *trace)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning("trace is not JSON: %s at %d", qPrintable(error.errorString()), error.offset);
        return false;
    }
    trace->root = doc.object();
    const QJsonArray events = trace->root.value(QStringLiteral("traceEvents")).toArray();
    for (const QJsonValue &value : events) {
        const QJsonObject e = value.toObject();
        const QString phase = e.value(QStringLiteral("ph")).toString();
        if (phase == QLatin1String("X"))
            trace->complete << e;
        else if (phase == QLatin1String("B"))
            trace->open << e;
        else if (phase == QLatin1String("i"))
            trace->instants << e;
        else if (phase == QLatin1String("C"))
            trace->counters << e;
        else if (phase == QLatin1String("M"))
            trace->metadata << e;
        else
            qWarning("unexpected phase %s", qPrintable(phase));
        if (e.value(QStringLiteral("pid")).toInt() != 1)
            return false;
        const QString name = e.value(QStringLiteral("args")).toObject().value("name").toString();
        if (e.value(QStringLiteral("name")) == QLatin1String("thread_name"))
            trace->laneNames.insert(e.value(QStringLiteral("tid")).toInt(), name);
        if (e.value(QStringLiteral("name")) == QLatin1String("process_name"))
            trace->processName = name;
    }
    return true;
}

// The trace of what a source found; false when it found nothing or the trace is not JSON.
bool parseSource(const std::optional<JobTrace> &source, ParsedTrace *trace)
{
    return source && parseTrace(ChromeTrace::toJson(source->events, source->info), trace);
}

struct EventFactory
{
    JobId job = JobId(42);
    Symbol flow = Symbol::intern(u"demo");
    qint64 originNs = 1'700'000'000'000'000'000;
    quint64 seq = 0;

    Event make(EventType type, qint64 atUs, const char *agent = nullptr,
               const char *routine = nullptr, quint64 activation = 0)
    {
        Event e;
        e.seq = ++seq;
        e.type = type;
        e.job = job;
        e.flow = flow;
        e.timeNs = originNs + atUs * 1000;
        if (agent)
            e.agent = Symbol::intern(QString::fromLatin1(agent));
        if (routine)
            e.routine = Symbol::intern(QString::fromLatin1(routine));
        e.port = Symbol::intern(u"in");
        e.activation = activation;
        return e;
    }
    Event end(EventType type, qint64 atUs, qint64 durationUs, const char *agent,
              const char *routine, quint64 activation)
    {
        Event e = make(type, atUs, agent, routine, activation);
        e.durationNs = durationUs * 1000;
        if (type == EventType::RoutineError) {
            e.status = EventStatus::Error;
            e.payload
                = QVariantMap{{QStringLiteral("message"), QStringLiteral("disk \"on\" fire")}};
        }
        return e;
    }
};

} // namespace

class TestChromeTrace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void activationsBecomeSlicesOnTheirAgentsLanes();
    void trimmedHistoryStillMakesATrace();
    void anEmptyJobIsAValidTrace();
    void theCounterEndsOnTheLastChangeWhenEventsArriveLate();
    void aRefusingDeviceIsReported();
    void engineJobWithBreakpointAndError();
    void journalKeepsTheTraceAfterTheHistoryMovedOn();
    void aLargeJobIsWrittenInChunks();
};

void TestChromeTrace::activationsBecomeSlicesOnTheirAgentsLanes()
{
    EventFactory f;
    QVector<Event> events;
    events << f.make(EventType::JobStarted, 0);
    events << f.make(EventType::RoutineStarted, 10, "worker-1", "fetch", 1);
    events << f.make(EventType::SlotCalled, 300, "worker-1", "parse", 2);
    events << f.make(EventType::SlotCalled, 301, "worker-1", "store", 3);
    events << f.end(EventType::RoutineEnded, 500, 480, "worker-1", "fetch", 1);
    events << f.make(EventType::RoutineStarted, 600, "planner", "parse", 2);
    Event bp = f.make(EventType::BreakpointHit, 650, nullptr, "parse", 2);
    bp.payload = QVariantMap{{QStringLiteral("breakpoint_id"), QStringLiteral("bp-1")}};
    events << bp << f.make(EventType::JobPaused, 651) << f.make(EventType::JobResumed, 2000);
    events << f.end(EventType::RoutineEnded, 2500, 1900, "planner", "parse", 2);
    events << f.make(EventType::RoutineStarted, 2600, "worker-1", "store", 3);
    events << f.end(EventType::RoutineError, 2700, 95, "worker-1", "store", 3);
    Event progress = f.make(EventType::Progress, 2650, "worker-1", "store", 3);
    progress.payload = QVariantMap{{QStringLiteral("progress"), 0.5}};
    events << progress;
    Event alert = f.make(EventType::Alert, 2650, "planner");
    alert.job = JobId();
    alert.payload = QVariantMap{{QStringLiteral("from"), QStringLiteral("healthy")},
                                {QStringLiteral("to"), QStringLiteral("degraded")}};
    events << alert << f.make(EventType::JobFailed, 2800);
    events << f.make(EventType::Heartbeat, 2900, "worker-1"); // not part of a timeline

    ChromeTraceStats stats;
    const QByteArray bytes
        = ChromeTrace::toJson(events, {f.job, QString(), QStringLiteral("test")}, &stats);
    ParsedTrace trace;
    QVERIFY(parseTrace(bytes, &trace));
    QCOMPARE(stats.bytes, qint64(bytes.size()));

    const QJsonObject other = trace.root.value(QStringLiteral("otherData")).toObject();
    QCOMPARE(other.value(QStringLiteral("job_id")).toString(), f.job.toString());
    QCOMPARE(other.value(QStringLiteral("flow_id")).toString(), QStringLiteral("demo"));
    QCOMPARE(other.value(QStringLiteral("origin_time_ns")).toDouble(), double(f.originNs));
    QCOMPARE(trace.processName, QStringLiteral("job %1 (demo)").arg(f.job.toString()));
    QCOMPARE(trace.laneNames.value(0), QStringLiteral("job"));
    QCOMPARE(QSet<QString>(trace.laneNames.cbegin(), trace.laneNames.cend()),
             (QSet<QString>{"job", "worker-1", "planner"}));

    // One slice per finished activation: on its agent's lane, from its start, its duration.
    QCOMPARE(trace.complete.size(), 3);
    QCOMPARE(stats.completeEvents, qint64(3));
    QVERIFY(trace.open.isEmpty());
    QHash<QString, QJsonObject> byName;
    for (const QJsonObject &e : trace.complete)
        byName.insert(e.value(QStringLiteral("name")).toString(), e);
    QCOMPARE(trace.laneOf(byName.value("fetch")), QStringLiteral("worker-1"));
    QCOMPARE(byName.value("fetch").value("ts").toDouble(), 10.0);
    QCOMPARE(byName.value("fetch").value("dur").toDouble(), 480.0);
    QCOMPARE(trace.laneOf(byName.value("parse")), QStringLiteral("planner"));
    QCOMPARE(byName.value("parse").value("dur").toDouble(), 1900.0);
    const QJsonObject store = byName.value("store");
    QCOMPARE(trace.laneOf(store), QStringLiteral("worker-1"));
    QCOMPARE(store.value("cat").toString(), QStringLiteral("routine,error"));
    QCOMPARE(store.value("args").toObject().value("message").toString(),
             QStringLiteral("disk \"on\" fire"));
    QCOMPARE(store.value("args").toObject().value("slot").toString(), QStringLiteral("in"));
    QCOMPARE(store.value("args").toObject().value("activation").toInt(), 3);

    // Instants: the breakpoint, the pause and resume, the error on its lane, the alert on the
    // agent's lane, and the job's start and end.
    const QStringList instants = trace.instantNames();
    for (const char *name : {"breakpoint bp-1", "paused", "resumed", "error",
                             "alert healthy → degraded", "job started", "job failed"})
        QVERIFY2(instants.contains(name), qPrintable(instants.join(", ")));
    for (const QJsonObject &e : trace.instants) {
        if (e.value("name") == QLatin1String("error"))
            QCOMPARE(trace.laneOf(e), QStringLiteral("worker-1"));
        if (e.value("name").toString().startsWith(QLatin1String("alert")))
            QCOMPARE(trace.laneOf(e), QStringLiteral("planner"));
    }

    // The activations counter ends with all three completed and none pending.
    QVERIFY(trace.counters.size() >= 2);
    const QJsonObject last = trace.lastCounter();
    QCOMPARE(last.value("completed").toInt(), 3);
    QCOMPARE(last.value("pending").toInt(), 0);
    bool progressSeen = false;
    for (const QJsonObject &c : trace.counters)
        progressSeen |= c.value("name") == QLatin1String("progress")
                        && c.value("args").toObject().value("progress").toDouble() == 0.5;
    QVERIFY(progressSeen);
}

void TestChromeTrace::trimmedHistoryStillMakesATrace()
{
    EventFactory f;
    QVector<Event> events;
    // The history begins after fetch started and ends while store runs.
    events << f.end(EventType::RoutineEnded, 1000, 700, "worker-1", "fetch", 7);
    events << f.make(EventType::RoutineStarted, 1200, "worker-2", "store", 8);

    ChromeTraceStats stats;
    ParsedTrace trace;
    QVERIFY(parseTrace(ChromeTrace::toJson(events, {}, &stats), &trace));
    QCOMPARE(trace.complete.size(), 1);
    const QJsonObject fetch = trace.complete.first();
    // Placed from its end and duration; the origin is that start.
    QCOMPARE(fetch.value("ts").toDouble(), 0.0);
    QCOMPARE(fetch.value("dur").toDouble(), 700.0);
    QVERIFY(fetch.value("args").toObject().value("start_missing").toBool());
    QCOMPARE(trace.open.size(), 1);
    QCOMPARE(stats.unfinishedEvents, qint64(1));
    QCOMPARE(trace.laneOf(trace.open.first()), QStringLiteral("worker-2"));
    QCOMPARE(trace.open.first().value("ts").toDouble(), 900.0);
    // The job's id came from the events.
    QCOMPARE(trace.root.value("otherData").toObject().value("job_id").toString(), f.job.toString());
    const QJsonObject last = trace.lastCounter();
    QCOMPARE(last.value("completed").toInt(), 1);
    QCOMPARE(last.value("pending").toInt(), 1);
}

// Agents hand their events over in batches: one agent's end can arrive after another's later
// events. The counter's last sample still counts it.
void TestChromeTrace::theCounterEndsOnTheLastChangeWhenEventsArriveLate()
{
    EventFactory f;
    QVector<Event> events;
    events << f.make(EventType::JobStarted, 0);
    events << f.make(EventType::RoutineStarted, 10, "worker-1", "a", 1);
    events << f.make(EventType::RoutineStarted, 20, "worker-2", "b", 2);
    events << f.end(EventType::RoutineEnded, 5000, 4990, "worker-1", "a", 1);
    events << f.make(EventType::RoutineStarted, 6000, "worker-1", "c", 3);
    events << f.end(EventType::RoutineEnded, 7000, 1000, "worker-1", "c", 3);
    events << f.end(EventType::RoutineEnded, 6500, 6480, "worker-2", "b", 2); // arrives last
    ParsedTrace trace;
    QVERIFY(parseTrace(ChromeTrace::toJson(events, {}), &trace));
    const QJsonObject last = trace.lastCounter();
    QCOMPARE(last.value("completed").toInt(), 3);
    QCOMPARE(last.value("pending").toInt(), 0);
}

void TestChromeTrace::anEmptyJobIsAValidTrace()
{
    ParsedTrace trace;
    QVERIFY(parseTrace(ChromeTrace::toJson({}, {JobId(9), QStringLiteral("f"), {}}), &trace));
    QVERIFY(trace.complete.isEmpty());
    QCOMPARE(trace.processName, QStringLiteral("job %1 (f)").arg(JobId(9).toString()));
}

void TestChromeTrace::aRefusingDeviceIsReported()
{
    QByteArray bytes;
    QBuffer readOnly(&bytes);
    QVERIFY(readOnly.open(QIODevice::ReadOnly));
    EventFactory f;
    QString error;
    QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): ReadOnly device");
    QVERIFY(!ChromeTrace::write({f.make(EventType::JobStarted, 0)}, {}, &readOnly, &error));
    QVERIFY2(error.startsWith(QLatin1String("could not write the trace: ")), qPrintable(error));
}

void TestChromeTrace::engineJobWithBreakpointAndError()
{
    Engine engine;
    registerTestRoutines(engine);
    const QByteArray flow = R"({"flow_id": "broken", "entry": "a.in",
        "routines": {"a": {"class": "test.Path"}, "b": {"class": "test.Path"},
                     "boom": {"class": "flowscope.Fail", "config": {"message": "disk on fire"}}},
        "connections": [{"from": "a.out", "to": "b.in"}, {"from": "b.out", "to": "boom.in"}]})";
    QVERIFY(engine.addFlowJson(flow, {}).ok());
    Breakpoint bp;
    bp.flowId = QStringLiteral("broken");
    bp.routine = QStringLiteral("b");
    QVERIFY(engine.addBreakpoint(&bp).ok());
    const JobId id = startOrFail(engine, QStringLiteral("broken"));
    QTRY_VERIFY_WITH_TIMEOUT(engine.debugSession(id) && engine.debugSession(id)->stopped, 5000);
    QVERIFY(engine.resumeJob(id).ok());
    QVERIFY(engine.waitForJob(id, 10000));
    QCOMPARE(statusOf(engine, id), JobStatus::Failed);

    // What the engine's own trace says: each finished activation and the agent that ran it. An
    // agent other than the one that failed the job may still hold its last events for up to its
    // hand-over interval (5 ms) after the job settled.
    QMultiHash<QString, QString> agentsByRoutine;
    QHash<QString, double> durationByRoutine;
    const auto readEnds = [&] {
        agentsByRoutine.clear();
        durationByRoutine.clear();
        for (const Event &e : engine.trace(id)) {
            if (e.type == EventType::RoutineEnded || e.type == EventType::RoutineError) {
                agentsByRoutine.insert(e.routine.toString(), e.agent.toString());
                durationByRoutine.insert(e.routine.toString(), double(e.durationNs) / 1000.0);
            }
        }
        return agentsByRoutine.size();
    };
    QTRY_COMPARE_WITH_TIMEOUT(readEnds(), 3, 5000);
    const std::optional<JobTrace> source = JobTraceSource::fromEngine(engine, id);
    QVERIFY(source);
    QCOMPARE(source->info.source, QStringLiteral("engine"));
    QCOMPARE(source->info.flowId, QStringLiteral("broken"));

    ParsedTrace trace;
    QVERIFY(parseTrace(ChromeTrace::toJson(source->events, source->info), &trace));
    QCOMPARE(trace.complete.size(), 3);
    for (const QJsonObject &e : trace.complete) {
        const QString routine = e.value("name").toString();
        QCOMPARE(trace.laneOf(e), agentsByRoutine.value(routine));
        QCOMPARE(e.value("dur").toDouble(), durationByRoutine.value(routine));
    }
    const QStringList instants = trace.instantNames();
    QVERIFY2(instants.contains(QStringLiteral("breakpoint ") + bp.id),
             qPrintable(instants.join(",")));
    QVERIFY(instants.contains(QStringLiteral("paused")));
    QVERIFY(instants.contains(QStringLiteral("error")));
    QVERIFY(instants.contains(QStringLiteral("job failed")));
    QCOMPARE(trace.lastCounter().value("completed").toInt(), 3);
    QVERIFY(trace.processName.contains(QLatin1String("broken")));
}

void TestChromeTrace::journalKeepsTheTraceAfterTheHistoryMovedOn()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("trace.db"));
    JobId first;
    {
        EngineConfig config;
        config.eventHistory = 64; // the second job pushes the first out of the history
        Engine engine(config);
        registerTestRoutines(engine);
        QVERIFY(engine.openJournal(db).ok());
        QVERIFY(engine.addFlowJson(chainFlow(QStringLiteral("chain"), 6), {}).ok());
        first = startOrFail(engine, QStringLiteral("chain"));
        QVERIFY(engine.waitForJob(first, 10000));
        for (int i = 0; i < 5; ++i)
            QVERIFY(engine.waitForJob(startOrFail(engine, QStringLiteral("chain")), 10000));
        QVERIFY(engine.trace(first).isEmpty());

        const std::optional<JobTrace> source = JobTraceSource::fromEngine(engine, first);
        ParsedTrace trace;
        QVERIFY(parseSource(source, &trace));
        QCOMPARE(source->info.source, QStringLiteral("journal"));
        QCOMPARE(trace.complete.size(), 6);
    }
    // After the engine is gone, from the file alone.
    Journal journal;
    QString error;
    QVERIFY2(journal.open(db, &error), qPrintable(error));
    const std::optional<JobTrace> source = JobTraceSource::fromJournal(journal, first);
    ParsedTrace trace;
    QVERIFY(parseSource(source, &trace));
    QCOMPARE(source->info.flowId, QStringLiteral("chain"));
    QCOMPARE(trace.complete.size(), 6);
    QStringList routines;
    for (const QJsonObject &e : trace.complete)
        routines << e.value("name").toString();
    routines.sort();
    QCOMPARE(routines, (QStringList{"r0", "r1", "r2", "r3", "r4", "r5"}));
    QVERIFY(!JobTraceSource::fromJournal(journal, JobId(987654)));
}

void TestChromeTrace::aLargeJobIsWrittenInChunks()
{
    // 200,000 activations on 8 agents: 600,000 events.
    EventFactory f;
    QVector<Event> events;
    const int activations = 200'000;
    events.reserve(activations * 3);
    const char *agents[] = {"w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"};
    for (int i = 0; i < activations; ++i) {
        const char *agent = agents[i % 8];
        const quint64 id = quint64(i + 1);
        events << f.make(EventType::SlotCalled, qint64(i) * 10, agent, "step", id);
        events << f.make(EventType::RoutineStarted, qint64(i) * 10 + 2, agent, "step", id);
        events << f.end(EventType::RoutineEnded, qint64(i) * 10 + 9, 7, agent, "step", id);
    }
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("big.json")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QElapsedTimer timer;
    timer.start();
    ChromeTraceStats stats;
    QString error;
    QVERIFY2(ChromeTrace::write(events, {}, &file, &error, &stats), qPrintable(error));
    const qint64 ms = timer.elapsed();
    file.close();
    qInfo("%d events -> %lld bytes in %lld ms", int(events.size()), stats.bytes, ms);
    QCOMPARE(stats.completeEvents, qint64(activations));
    QCOMPARE(stats.lanes, qint64(9));
    QCOMPARE(file.size(), stats.bytes);
    // Counters are folded to one per 100 µs of trace time, not three per activation.
    QVERIFY2(stats.counterEvents <= activations * 10 / 100 + 2,
             qPrintable(QString::number(stats.counterEvents)));
    QVERIFY(file.open(QIODevice::ReadOnly));
    ParsedTrace trace;
    QVERIFY(parseTrace(file.readAll(), &trace));
    QCOMPARE(trace.complete.size(), activations);
    QCOMPARE(trace.lastCounter().value("completed").toInt(), activations);
    QCOMPARE(trace.lastCounter().value("pending").toInt(), 0);
}

QTEST_GUILESS_MAIN(TestChromeTrace)
#include "tst_chrometrace.moc"
