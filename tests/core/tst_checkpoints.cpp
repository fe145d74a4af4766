// Checkpoints, resume after a crash, resume-from and fork, on the real engine and a real journal.
// The crash is real: a child process runs the job and is killed with SIGKILL.

#include "events/eventbus.h"
#include "journal/journal.h"
#include "testflows.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <set>

using namespace flowscope;
using namespace flowscope::testing;

namespace {

constexpr int chainLength = 25;
constexpr int stepMs = 20;
const char childVariable[] = "FLOWSCOPE_CHECKPOINT_CHILD";

// Works for stepMs (checking in), then counts itself into the job variables and passes on.
class StepRoutine : public Routine
{
public:
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {QStringLiteral("out")}; }
    void handle(Context &ctx, const QString &, const QVariant &data) const override
    {
        for (int i = 0; i < stepMs / 5; ++i) {
            QThread::msleep(5);
            if (!ctx.checkpoint())
                return;
        }
        const QString me = ctx.routineId();
        ctx.updateJobVariables([&me](QVariantMap &vars) {
            vars.insert(QStringLiteral("count"), vars.value(QStringLiteral("count")).toInt() + 1);
            QStringList visited = vars.value(QStringLiteral("visited")).toStringList();
            visited << me;
            vars.insert(QStringLiteral("visited"), visited);
            return QVariant();
        });
        ctx.emit(QStringLiteral("out"), data);
    }
};

class FanRoutine : public Routine
{
public:
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override
    {
        return {QStringLiteral("left"), QStringLiteral("right")};
    }
    void handle(Context &ctx, const QString &, const QVariant &data) const override
    {
        ctx.emit(QStringLiteral("left"), data);
        ctx.emit(QStringLiteral("right"), data);
    }
};

// A fan into two chains of chainLength steps, so two agents work on the job at once.
QByteArray twoChains()
{
    QJsonObject routines{{QStringLiteral("fan"),
                          QJsonObject{{QStringLiteral("class"), QStringLiteral("test.Fan")}}}};
    QJsonArray connections;
    for (const QString &side : {QStringLiteral("a"), QStringLiteral("b")}) {
        for (int i = 0; i < chainLength; ++i) {
            routines.insert(side + QString::number(i),
                            QJsonObject{{QStringLiteral("class"), QStringLiteral("test.Step")}});
            const QString from = i == 0 ? (side == QLatin1String("a") ? QStringLiteral("fan.left")
                                                                      : QStringLiteral("fan.right"))
                                        : side + QString::number(i - 1) + QStringLiteral(".out");
            connections.append(QJsonObject{
                {QStringLiteral("from"), from},
                {QStringLiteral("to"), side + QString::number(i) + QStringLiteral(".in")}});
        }
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("flow_id"), QStringLiteral("chains")},
                                     {QStringLiteral("routines"), routines},
                                     {QStringLiteral("connections"), connections},
                                     {QStringLiteral("entry"), QStringLiteral("fan.in")}})
        .toJson();
}

QStringList allSteps()
{
    QStringList steps;
    for (const QString &side : {QStringLiteral("a"), QStringLiteral("b")}) {
        for (int i = 0; i < chainLength; ++i)
            steps << side + QString::number(i);
    }
    steps.sort();
    return steps;
}

EngineConfig config()
{
    EngineConfig c;
    c.checkpointIntervalMs = 30;
    return c;
}

void prepare(Engine &engine)
{
    engine.registry().addClass<StepRoutine>(QStringLiteral("test.Step"));
    engine.registry().addClass<FanRoutine>(QStringLiteral("test.Fan"));
}

// The child: runs the job on the journal until it is killed.
int runChild(const QString &db)
{
    Engine engine(config());
    prepare(engine);
    if (const Status s = engine.openJournal(db); !s.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(s.message));
        return 1;
    }
    QString flowId;
    if (!engine.addFlowJson(twoChains(), QStringLiteral("test"), &flowId).ok())
        return 1;
    const JobId id = startOrFail(engine, flowId);
    std::printf("started %s\n", qPrintable(id.toString()));
    std::fflush(stdout);
    QThread::sleep(60); // until killed
    return 0;
}

void checkFinalVariables(const QVariantMap &vars)
{
    QCOMPARE(vars.value(QStringLiteral("count")).toInt(), 2 * chainLength);
    QStringList visited = vars.value(QStringLiteral("visited")).toStringList();
    visited.sort();
    QCOMPARE(visited, allSteps()); // every step exactly once
}

} // namespace

class TestCheckpoints : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resumeAfterKill_data();
    void resumeAfterKill();
    void pauseCheckpointForkAndResumeFrom();
    void withoutJournalTheCallsSaySo();
};

void TestCheckpoints::resumeAfterKill_data()
{
    QTest::addColumn<int>("killAfterMs");
    QTest::newRow("first checkpoint only") << 60;
    QTest::newRow("early") << 120;
    QTest::newRow("midway") << 300;
    QTest::newRow("late") << 450;
}

void TestCheckpoints::resumeAfterKill()
{
    QFETCH(int, killAfterMs);
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("journal.db"));

    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(childVariable), db);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForStarted());
    QVERIFY2(child.waitForReadyRead(10000), child.readAllStandardError().constData());
    const QByteArray line = child.readLine().trimmed();
    QVERIFY2(line.startsWith("started "), line.constData());
    bool ok = false;
    const JobId id = JobId::fromString(QString::fromLatin1(line.mid(8)), &ok);
    QVERIFY(ok);
    QThread::msleep(killAfterMs);
    child.kill(); // SIGKILL: no destructor, no last commit
    QVERIFY(child.waitForFinished());

    Engine engine(config());
    prepare(engine);
    QVERIFY(engine.openJournal(db).ok());
    Journal &journal = *engine.journal();
    QCOMPARE(journal.integrityCheck(), QStringLiteral("ok"));

    const std::optional<JobRecord> record = journal.job(id);
    QVERIFY(record);
    if (isFinished(record->status))
        QSKIP("the machine ran the whole job before the kill");
    const QVector<JobRecord> interrupted = engine.interruptedJobs();
    QVERIFY(std::any_of(interrupted.begin(), interrupted.end(),
                        [id](const JobRecord &r) { return r.id == id; }));
    const std::optional<JobCheckpoint> checkpoint = journal.checkpoint(record->lastCheckpoint);
    QVERIFY(checkpoint);

    // What the first run finished before its last checkpoint must not run again.
    std::set<quint64> committed;
    for (const Event &e : journal.events(id, 0, std::numeric_limits<qint64>::max())) {
        if (e.type == EventType::RoutineEnded)
            committed.insert(e.activation);
    }
    for (const PendingActivation &p : checkpoint->pending)
        committed.erase(p.id);
    const qint64 resumedNs = EventSink::nowNs();

    const Status resumed = engine.resumeInterrupted(id);
    QVERIFY2(resumed.ok(), qPrintable(resumed.message));
    QVERIFY(engine.waitForJob(id, 20000));
    const std::optional<JobInfo> info = engine.job(id);
    QCOMPARE(info->status, JobStatus::Completed);
    checkFinalVariables(info->variables);
    QVERIFY(engine.interruptedJobs().isEmpty());

    journal.flush();
    std::set<quint64> startedAgain;
    for (const Event &e : journal.events(id, resumedNs, std::numeric_limits<qint64>::max())) {
        if (e.type != EventType::RoutineStarted)
            continue;
        QVERIFY2(!committed.count(e.activation),
                 qPrintable(QStringLiteral("activation %1 ran twice").arg(e.activation)));
        QVERIFY2(startedAgain.insert(e.activation).second, "an activation ran twice after resume");
    }
    QVERIFY(!startedAgain.empty());
    QCOMPARE(journal.integrityCheck(), QStringLiteral("ok"));
}

void TestCheckpoints::pauseCheckpointForkAndResumeFrom()
{
    QTemporaryDir dir;
    Engine engine(config());
    prepare(engine);
    QVERIFY(engine.openJournal(dir.filePath(QStringLiteral("j.db"))).ok());
    QString flowId;
    QVERIFY(engine.addFlowJson(twoChains(), QStringLiteral("test"), &flowId).ok());
    const JobId id = startOrFail(engine, flowId);
    QThread::msleep(150);
    QVERIFY(engine.pauseJob(id).ok());

    // The pause leads to a checkpoint once the running handlers are parked or waiting.
    JobCheckpoint pause;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const JobCheckpoint &c : engine.checkpoints(id)) {
                if (c.reason == QLatin1String("pause"))
                    pause = c;
            }
            return pause.id != 0;
        }(),
        5000);
    QCOMPARE(pause.status, JobStatus::Paused);
    QVERIFY(!pause.pending.isEmpty());
    const int doneAtPause = pause.variables.value(QStringLiteral("count")).toInt();
    QVERIFY(doneAtPause < 2 * chainLength);

    QCOMPARE(engine.resumeFrom(id, pause.id).kind, Status::Kind::Conflict); // it is live
    // Handlers of a paused job wait in checkpoint() on their agents: cancel it to free them.
    QVERIFY(engine.cancelJob(id).ok());
    QVERIFY(engine.waitForJob(id, 5000));

    JobId forked;
    const Status fork
        = engine.forkJob(pause.id, {{QStringLiteral("tag"), QStringLiteral("forked")}}, &forked);
    QVERIFY2(fork.ok(), qPrintable(fork.message));
    QVERIFY(forked != id);
    if (!engine.waitForJob(forked, 20000)) {
        const JobInfo j = *engine.job(forked);
        qWarning() << "fork" << jobStatusName(j.status) << j.activationsDone << j.activationsPending
                   << j.variables << pause.pending.size();
        QFAIL("fork did not finish");
    }
    const JobInfo forkInfo = *engine.job(forked);
    QCOMPARE(forkInfo.status, JobStatus::Completed);
    QCOMPARE(forkInfo.variables.value(QStringLiteral("tag")).toString(), QStringLiteral("forked"));
    checkFinalVariables(forkInfo.variables);
    QCOMPARE(engine.journal()->job(forked)->forkedFrom, id);

    // The original, cancelled, runs on from its pause checkpoint under its own id.
    const Status again = engine.resumeFrom(id, pause.id);
    QVERIFY2(again.ok(), qPrintable(again.message));
    QVERIFY(engine.waitForJob(id, 20000));
    QCOMPARE(engine.job(id)->status, JobStatus::Completed);
    checkFinalVariables(engine.job(id)->variables);

    const QVector<JobCheckpoint> all = engine.checkpoints(id);
    QCOMPARE(all.first().reason, QStringLiteral("start"));
    QCOMPARE(all.last().reason, QStringLiteral("completion"));
    QVERIFY(all.last().pending.isEmpty());
}

void TestCheckpoints::withoutJournalTheCallsSaySo()
{
    Engine engine(config());
    prepare(engine);
    QString flowId;
    QVERIFY(engine.addFlowJson(twoChains(), QStringLiteral("test"), &flowId).ok());
    const JobId id = startOrFail(engine, flowId);
    const Status s = engine.checkpointJob(id, 100);
    QCOMPARE(s.kind, Status::Kind::Conflict);
    QVERIFY(s.message.contains(QLatin1String("journal")));
    QCOMPARE(engine.forkJob(1, {}, nullptr).kind, Status::Kind::Conflict);
    QVERIFY(engine.interruptedJobs().isEmpty());
    QVERIFY(engine.waitForJob(id, 20000));
    checkFinalVariables(engine.job(id)->variables);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariableIsSet(childVariable))
        return runChild(qEnvironmentVariable(childVariable));
    TestCheckpoints test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_checkpoints.moc"
