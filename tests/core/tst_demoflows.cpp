#include "runtime/engine.h"

#include <QtTest>

using namespace flowscope;

// Each demo flow, made small and quick by its parameters, runs to the end with the result its
// scenario promises.
class TestDemoFlows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_engine.addDemoFlows(); }
    void allThreeAreRegistered();
    void scanSwarm();
    void fastmon();
    void etl();
    void etlWithInjectedFailure();

private:
    JobInfo run(const QString &flow, const QVariantMap &params)
    {
        JobRequest request;
        request.flowId = flow;
        request.params = params;
        JobId id;
        const Status status = m_engine.startJob(request, &id);
        if (!status.ok())
            qFatal("%s", qPrintable(status.message));
        if (!m_engine.waitForJob(id, 20000))
            qFatal("%s did not finish", qPrintable(flow));
        return *m_engine.job(id);
    }
    Engine m_engine;
};

void TestDemoFlows::allThreeAreRegistered()
{
    QStringList ids;
    for (const FlowDefinition &flow : m_engine.flows())
        ids << flow.flowId;
    QCOMPARE(ids, (QStringList{"etl", "fastmon", "scan_swarm"}));
}

void TestDemoFlows::scanSwarm()
{
    const JobInfo job = run(QStringLiteral("scan_swarm"), {{QStringLiteral("probe_ms"), 60},
                                                           {QStringLiteral("probe_steps"), 4},
                                                           {QStringLiteral("waves"), 2}});
    QCOMPARE(job.status, JobStatus::Completed);
    QCOMPARE(job.progress, 1.0);
    QVERIFY(job.variables.contains(QStringLiteral("findings")));
    QSet<QString> probeAgents;
    for (const Event &e : m_engine.trace(job.id)) {
        if (e.type == EventType::RoutineStarted
            && e.routine.toString().startsWith(QStringLiteral("probe_")))
            probeAgents.insert(e.agent.toString());
    }
    QCOMPARE(probeAgents, (QSet<QString>{"probe-sql", "probe-xss", "probe-auth"}));
}

void TestDemoFlows::fastmon()
{
    const JobInfo job = run(QStringLiteral("fastmon"), {{QStringLiteral("files"), 10},
                                                        {QStringLiteral("daq_ms"), 100},
                                                        {QStringLiteral("fraction"), 0.5}});
    QCOMPARE(job.status, JobStatus::Completed);
    // Deterministic sampling: count what the selection rule keeps.
    int expected = 0;
    for (int seq = 1; seq <= 10; ++seq) {
        for (int k = 0; k < 6; ++k)
            expected += ((seq * 31 + k * 17) % 100) < 50 ? 1 : 0;
    }
    QCOMPARE(job.variables.value(QStringLiteral("tf_files")).toInt(), expected);
}

void TestDemoFlows::etl()
{
    const JobInfo job = run(QStringLiteral("etl"), {{QStringLiteral("batches"), 5},
                                                    {QStringLiteral("ingest_ms"), 50},
                                                    {QStringLiteral("process_ms"), 10},
                                                    {QStringLiteral("rows_per_batch"), 100}});
    QCOMPARE(job.status, JobStatus::Completed);
    // rows per batch are 100 - (batch % 3) for batches 1..5
    QCOMPARE(job.variables.value(QStringLiteral("loaded_rows")).toInt(), 99 + 98 + 100 + 99 + 98);
}

void TestDemoFlows::etlWithInjectedFailure()
{
    const JobInfo job = run(QStringLiteral("etl"), {{QStringLiteral("batches"), 3},
                                                    {QStringLiteral("ingest_ms"), 30},
                                                    {QStringLiteral("process_ms"), 5},
                                                    {QStringLiteral("fail_probability"), 1}});
    QCOMPARE(job.status, JobStatus::Failed);
    QVERIFY2(job.error.contains(QStringLiteral("corrupt batch")), qPrintable(job.error));
}

QTEST_GUILESS_MAIN(TestDemoFlows)
#include "tst_demoflows.moc"
