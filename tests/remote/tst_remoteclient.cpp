// RemoteClient against a real engine behind a real HttpEndpoint on loopback: every request does
// what it does in-process (flows, jobs and their control, breakpoints, stepping, variables,
// evaluation, metrics, checkpoints), a read-only token is refused control, events arrive batched
// and complete, and an endpoint restarted on the same port is reconnected to without a gap.
#include "debugfixture.h"
#include "endpointfixture.h"

#include "endpoint/httpendpoint.h"
#include "events/eventbus.h"
#include "remote/remoteclient.h"
#include "runtime/engine.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace flowscope;
using EndpointTest::waitUntil;
using State = EngineClient::ConnectionState;

namespace {

// What a console would have seen: every update's events and the latest state of every job.
struct Watcher
{
    QVector<Event> events;
    QHash<JobId, JobInfo> jobs;
    int updates = 0;
    quint64 dropped = 0;
    QStringList failures;

    void watch(RemoteClient &client)
    {
        QObject::connect(&client, &EngineClient::updateReceived, &client,
                         [this](const ClientUpdate &update) {
                             ++updates;
                             events += update.events;
                             for (const JobInfo &job : update.jobs)
                                 jobs.insert(job.id, job);
                             dropped = update.droppedEvents;
                         });
        QObject::connect(&client, &EngineClient::requestFailed, &client,
                         [this](const QString &what, const QString &message) {
                             failures << what + QStringLiteral(": ") + message;
                         });
    }
    bool jobIs(JobId id, JobStatus status) const
    {
        return jobs.contains(id) && jobs.value(id).status == status;
    }
    QVector<quint64> seqsOf(JobId job) const
    {
        QVector<quint64> seqs;
        for (const Event &e : events) {
            if (e.job == job)
                seqs.push_back(e.seq);
        }
        return seqs;
    }
};

// Publishes count SlotCalled events of job straight to the bus.
void publish(Engine &engine, int count, JobId job)
{
    const Symbol routine = Symbol::intern(u"r");
    std::vector<Event> batch;
    for (int i = 0; i < count; ++i) {
        Event e;
        e.timeNs = EventSink::nowNs();
        e.job = job;
        e.routine = routine;
        e.type = EventType::SlotCalled;
        batch.push_back(e);
        if (batch.size() == 500 || i == count - 1)
            engine.bus().publish(batch);
    }
}

} // namespace

class TestRemoteClient : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<HttpEndpoint> m_endpoint;
    quint16 m_port = 0;

    bool startEndpoint(const AccessPolicy *policy = nullptr)
    {
        m_endpoint = std::make_unique<HttpEndpoint>(m_engine.get());
        if (policy)
            m_endpoint->setAccessPolicy(*policy);
        return m_endpoint->listen(QHostAddress::LocalHost, m_port) == m_port || m_port == 0;
    }
    RemoteEndpoint endpoint(bool cbor = true, const QString &token = {}) const
    {
        return {QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_endpoint->port())), token, cbor};
    }
    static bool connected(RemoteClient &client)
    {
        return waitUntil([&] { return client.connectionState() == State::Connected; });
    }
    JobId startAndWait(RemoteClient &client, const QString &flowId)
    {
        QSignalSpy started(&client, &EngineClient::jobStarted);
        client.startJob(flowId, QString(), {});
        if (!started.wait(5000))
            return {};
        return started.first().first().value<JobId>();
    }

private Q_SLOTS:
    void init()
    {
        EngineConfig config = EndpointTest::Fixture::defaultConfig();
        config.heartbeatIntervalMs = 3600 * 1000; // only the tests' own events flow
        m_engine = std::make_unique<Engine>(config);
        QVERIFY(m_engine->addFlowJson(EndpointTest::slowFlow, QStringLiteral("test")).ok());
        QVERIFY(m_engine->addFlowJson(EndpointTest::chainFlow, QStringLiteral("test")).ok());
        QVERIFY(m_engine->addFlowJson(EndpointTest::scriptChain, QStringLiteral("test")).ok());
        m_port = 0;
        QVERIFY(startEndpoint());
        m_port = m_endpoint->port();
    }
    void cleanup()
    {
        m_endpoint.reset();
        m_engine.reset();
    }

    void encodings_data()
    {
        QTest::addColumn<bool>("cbor");
        QTest::newRow("json") << false;
        QTest::newRow("cbor") << true;
    }

    void jobsAreStartedAndControlled_data() { encodings_data(); }
    void jobsAreStartedAndControlled()
    {
        QFETCH(bool, cbor);
        RemoteClient client(endpoint(cbor));
        Watcher watcher;
        watcher.watch(client);
        QSignalSpy flows(&client, &EngineClient::flowsChanged);
        QSignalSpy states(&client, &EngineClient::connectionStateChanged);
        client.open();
        QVERIFY(connected(client));
        QCOMPARE(states.first().first().value<State>(), State::Connecting);
        QCOMPARE(client.displayName(), QStringLiteral("127.0.0.1:%1").arg(m_port));
        // Connecting fetches the flows, as the in-process client does on start.
        QVERIFY(flows.wait(5000) || !flows.isEmpty());
        QStringList ids;
        for (const FlowDefinition &flow : flows.last().first().value<QVector<FlowDefinition>>())
            ids << flow.flowId;
        ids.sort();
        QCOMPARE(ids, QStringList({"chain", "dchain", "slow"}));

        const JobId job = startAndWait(client, QStringLiteral("slow"));
        QVERIFY(!job.isNull());
        QVERIFY(waitUntil([&] { return watcher.jobIs(job, JobStatus::Running); }));
        client.pauseJob(job);
        QVERIFY(waitUntil([&] { return watcher.jobIs(job, JobStatus::Paused); }));
        QCOMPARE(m_engine->job(job)->status, JobStatus::Paused);
        client.resumeJob(job);
        QVERIFY(waitUntil([&] { return watcher.jobIs(job, JobStatus::Running); }));
        client.cancelJob(job);
        QVERIFY(waitUntil([&] { return watcher.jobIs(job, JobStatus::Cancelled); }));
        // The job's events came, in order, the same the engine holds.
        QVERIFY(
            waitUntil([&] { return watcher.seqsOf(job).size() == m_engine->trace(job).size(); }));
        QVector<quint64> held;
        for (const Event &e : m_engine->trace(job))
            held.push_back(e.seq);
        QCOMPARE(watcher.seqsOf(job), held);
        const auto started = std::find_if(watcher.events.begin(), watcher.events.end(),
                                          [&](const Event &e) { return e.job == job; });
        QCOMPARE(started->type, EventType::JobStarted);
        QCOMPARE(started->flow.toString(), QStringLiteral("slow"));
        QVERIFY(client.lastSequence() >= held.last());
        QVERIFY(watcher.failures.isEmpty());

        // A refused request names what was asked and why.
        client.pauseJob(JobId(0x1234));
        QVERIFY(waitUntil([&] { return !watcher.failures.isEmpty(); }));
        QVERIFY2(watcher.failures.first().startsWith(u"Pause job: "),
                 qPrintable(watcher.failures.first()));
    }

    void flowsAreAdded()
    {
        RemoteClient client(endpoint());
        Watcher watcher;
        watcher.watch(client);
        client.open();
        QVERIFY(connected(client));
        QSignalSpy added(&client, &EngineClient::flowAdded);
        client.addFlowJson(
            R"({"flow_id":"one","routines":{"a":{"class":"flowscope.Work"}},"entry":"a.in"})",
            QStringLiteral("typed"));
        QVERIFY(added.wait(5000));
        QCOMPARE(added.first().first().toString(), QStringLiteral("one"));
        QVERIFY(m_engine->flow(QStringLiteral("one")).has_value());

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("two.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            R"({"flow_id":"two","routines":{"a":{"class":"flowscope.Work"}},"entry":"a.in"})");
        file.close();
        client.addFlowFile(path);
        QVERIFY(added.wait(5000));
        QCOMPARE(added.last().first().toString(), QStringLiteral("two"));
        QCOMPARE(m_engine->flow(QStringLiteral("two"))->source, path);

        client.addFlowJson("{", QStringLiteral("broken"));
        client.addFlowFile(dir.filePath(QStringLiteral("missing.json")));
        QVERIFY(waitUntil([&] { return watcher.failures.size() == 2; }));
        watcher.failures.sort(); // the file's failure comes without a round trip
        QVERIFY2(watcher.failures[0].startsWith(u"Add flow: "), qPrintable(watcher.failures[0]));
        QVERIFY2(watcher.failures[1].startsWith(u"Open flow: ")
                     && watcher.failures[1].contains(u"missing.json"),
                 qPrintable(watcher.failures[1]));
    }

    void debuggingWorksRemotely()
    {
        RemoteClient client(endpoint());
        Watcher watcher;
        watcher.watch(client);
        client.open();
        QVERIFY(connected(client));
        QSignalSpy breakpoints(&client, &EngineClient::breakpointsChanged);
        Breakpoint bp;
        bp.flowId = QStringLiteral("dchain");
        bp.routine = QStringLiteral("b");
        client.addBreakpoint(bp);
        QVERIFY(breakpoints.wait(5000));
        const QVector<Breakpoint> all = breakpoints.last().first().value<QVector<Breakpoint>>();
        QCOMPARE(all.size(), 1);
        QCOMPARE(all[0].routine, QStringLiteral("b"));
        QVERIFY(!all[0].id.isEmpty());

        const JobId job = startAndWait(client, QStringLiteral("dchain"));
        QVERIFY(!job.isNull());
        QSignalSpy states(&client, &EngineClient::debugStateReceived);
        DebugState state;
        QVERIFY(waitUntil([&] {
            client.refreshDebugState(job, 0);
            if (!states.wait(2000))
                return false;
            state = states.last().first().value<DebugState>();
            return state.session.stopped;
        }));
        QCOMPARE(state.session.routine, QStringLiteral("b"));
        QCOMPARE(state.session.reason, QStringLiteral("breakpoint"));
        QCOMPARE(state.session.breakpointId, all[0].id);
        QVERIFY(state.frames.size() >= 2);
        QCOMPARE(state.frames[0].routine, QStringLiteral("b"));
        QCOMPARE(state.variables.data.toMap().value(QStringLiteral("n")).toInt(), 1);

        client.setVariable(job, QStringLiteral("data"), QStringLiteral("n"), 4);
        QVERIFY(states.wait(5000));
        state = states.last().first().value<DebugState>();
        QCOMPARE(state.variables.data.toMap().value(QStringLiteral("n")).toInt(), 4);

        QSignalSpy evaluated(&client, &EngineClient::evaluated);
        client.evaluate(job, QStringLiteral("data.n * 3"), 0, 77);
        QVERIFY(evaluated.wait(5000));
        QCOMPARE(evaluated.first().at(0).toInt(), 77);
        const auto result = evaluated.first().at(1).value<EvaluationResult>();
        QCOMPARE(result.value.toInt(), 12);
        QCOMPARE(result.type, QStringLiteral("number"));
        client.evaluate(job, QStringLiteral("no_such_thing.x"), 0, 78);
        QVERIFY(evaluated.wait(5000));
        QCOMPARE(evaluated.last().at(1).value<EvaluationResult>().type, QStringLiteral("error"));

        client.step(job, StepMode::Into); // to c, the activation b caused
        QVERIFY(waitUntil([&] {
            const auto session = m_engine->debugSession(job);
            return session && session->stopped && session->routine == QLatin1String("c");
        }));
        client.setBreakpointEnabled(all[0].id, false);
        QVERIFY(breakpoints.wait(5000));
        QCOMPARE(breakpoints.last().first().value<QVector<Breakpoint>>()[0].enabled, false);
        client.removeBreakpoint(all[0].id);
        QVERIFY(breakpoints.wait(5000));
        QVERIFY(breakpoints.last().first().value<QVector<Breakpoint>>().isEmpty());
        client.resumeJob(job);
        QVERIFY(waitUntil([&] { return watcher.jobIs(job, JobStatus::Completed); }));
        // The changed input went through: b stored n * 10.
        QCOMPARE(m_engine->job(job)->variables.value(QStringLiteral("result")).toInt(), 40);
        QVERIFY2(watcher.failures.isEmpty(), qPrintable(watcher.failures.join(u'\n')));
    }

    void metricsAndCheckpoints()
    {
        QTemporaryDir dir;
        QVERIFY(m_engine->openJournal(dir.filePath(QStringLiteral("journal.db"))).ok());
        RemoteClient client(endpoint());
        Watcher watcher;
        watcher.watch(client);
        client.open();
        QVERIFY(connected(client));
        const JobId job = startAndWait(client, QStringLiteral("chain"));
        QVERIFY(waitUntil([&] { return watcher.jobIs(job, JobStatus::Completed); }));

        QSignalSpy metrics(&client, &EngineClient::metricsReceived);
        QVERIFY(waitUntil([&] {
            client.requestMetrics(5, MetricScope::Flow, QStringLiteral("chain"), 0, 0, 0);
            return metrics.wait(2000)
                   && metrics.last().at(1).value<MetricsSummary>().activations == 2;
        }));
        QCOMPARE(metrics.last().at(0).toInt(), 5);
        const auto summary = metrics.last().at(1).value<MetricsSummary>();
        QCOMPARE(summary.scope, MetricScope::Flow);
        QCOMPARE(summary.jobsCompleted, 1u);
        QVERIFY(summary.durations.meanMs >= 90);
        QCOMPARE(metrics.last().at(3).value<QVector<MetricsSummary>>().size(), 2);

        QSignalSpy checkpoints(&client, &EngineClient::checkpointsReceived);
        QVector<JobCheckpoint> list;
        QVERIFY(waitUntil([&] {
            client.refreshCheckpoints(job);
            if (!checkpoints.wait(2000))
                return false;
            list = checkpoints.last().at(1).value<QVector<JobCheckpoint>>();
            return !list.isEmpty();
        }));
        QCOMPARE(checkpoints.last().at(0).value<JobId>(), job);
        QCOMPARE(list.first().job, job);
        QCOMPARE(list.first().flowId, QStringLiteral("chain"));

        QSignalSpy started(&client, &EngineClient::jobStarted);
        client.forkJob(list.first().id, {{QStringLiteral("forked"), true}});
        QVERIFY(started.wait(5000));
        const JobId fork = started.first().first().value<JobId>();
        QCOMPARE(started.first().at(1).toString(), QStringLiteral("chain"));
        QVERIFY(fork != job);
        QVERIFY(waitUntil([&] { return watcher.jobIs(fork, JobStatus::Completed); }));

        QSignalSpy interrupted(&client, &EngineClient::interruptedJobsReceived);
        client.refreshInterruptedJobs();
        QVERIFY(interrupted.wait(5000));
        QVERIFY(interrupted.first().first().value<QVector<JobRecord>>().isEmpty());
        QVERIFY2(watcher.failures.isEmpty(), qPrintable(watcher.failures.join(u'\n')));
    }

    void readOnlyTokenMayWatchButNotStart()
    {
        AccessPolicy policy;
        policy.setReadToken("watch");
        policy.setControlToken("drive");
        m_endpoint.reset();
        QVERIFY(startEndpoint(&policy));
        RemoteClient client(endpoint(true, QStringLiteral("watch")));
        Watcher watcher;
        watcher.watch(client);
        client.open();
        QVERIFY(connected(client));
        client.startJob(QStringLiteral("slow"), QString(), {});
        QVERIFY(waitUntil([&] { return !watcher.failures.isEmpty(); }));
        QVERIFY2(watcher.failures.first().startsWith(u"Start job: 'start_job' changes the engine"),
                 qPrintable(watcher.failures.first()));
        QVERIFY(m_engine->jobs().isEmpty());

        // A wrong token is refused at the upgrade; the client says why and keeps trying.
        RemoteClient stranger(endpoint(true, QStringLiteral("guess")));
        stranger.open();
        QVERIFY(waitUntil([&] { return !stranger.lastError().isEmpty(); }));
        QCOMPARE(stranger.connectionState() == State::Connected, false);
    }

    void requestsFailAtOnceWhileDisconnected()
    {
        RemoteClient client(RemoteEndpoint{QUrl(QStringLiteral("http://127.0.0.1:1")), {}, true});
        Watcher watcher;
        watcher.watch(client);
        client.open();
        QVERIFY(waitUntil([&] { return !client.lastError().isEmpty(); }));
        QCOMPARE(client.connectionState() == State::Connected, false);
        QElapsedTimer timer;
        timer.start();
        client.startJob(QStringLiteral("slow"), QString(), {});
        QVERIFY(waitUntil([&] { return !watcher.failures.isEmpty(); }, 1000));
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY2(watcher.failures.first().contains(u"not connected"),
                 qPrintable(watcher.failures.first()));

        RemoteClient bad(RemoteEndpoint{QUrl(QStringLiteral("ftp://127.0.0.1:1")), {}, true});
        bad.open();
        QVERIFY(waitUntil([&] { return !bad.lastError().isEmpty(); }));
        QVERIFY2(bad.lastError().contains(u"http, https, ws or wss"), qPrintable(bad.lastError()));
    }

    // The endpoint goes away mid-stream and comes back on the same port, on the same engine:
    // the client reconnects by itself and resumes with since, so no event is missing.
    void reconnectsAndResumesWithoutGap_data() { encodings_data(); }
    void reconnectsAndResumesWithoutGap()
    {
        QFETCH(bool, cbor);
        RemoteClient client(endpoint(cbor));
        Watcher watcher;
        watcher.watch(client);
        client.open();
        QVERIFY(connected(client));
        const JobId job(0x77);
        publish(*m_engine, 5000, job);
        QVERIFY(waitUntil([&] { return watcher.seqsOf(job).size() == 5000; }));

        m_endpoint.reset();
        QVERIFY(waitUntil([&] { return client.connectionState() != State::Connected; }));
        QVERIFY(!client.lastError().isEmpty());
        publish(*m_engine, 7000, job); // while nobody listens
        QVERIFY(startEndpoint());
        QVERIFY(waitUntil([&] { return client.connectionState() == State::Connected; }, 15000));
        publish(*m_engine, 3000, job);
        QVERIFY(waitUntil([&] { return watcher.seqsOf(job).size() >= 15000; }));
        QTest::qWait(100);
        QVector<quint64> held;
        EventFilter filter;
        filter.job = job;
        for (const Event &e : m_engine->bus().history(filter))
            held.push_back(e.seq);
        QCOMPARE(watcher.seqsOf(job), held);
        QCOMPARE(watcher.dropped, 0u);
        QVERIFY(watcher.updates < 15000 / 100); // batched
    }
};

QTEST_MAIN(TestRemoteClient)
#include "tst_remoteclient.moc"
