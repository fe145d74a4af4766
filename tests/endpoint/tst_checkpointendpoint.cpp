// The checkpoint routes over real loopback sockets, with a real journal in a temporary folder:
// list, take, fork, resume-from, interrupted jobs, their bodies, and 409 without a journal.
#include "endpointfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace flowscope;
using namespace EndpointTest;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestCheckpointEndpoint : public QObject
{
    Q_OBJECT

private:
    Fixture m_fixture;

private Q_SLOTS:
    void init();
    void cleanup();

    void checkpointsPauseForkAndResume();
    void checkpointBodies();
    void withoutJournal();
    void wrongMethods();
};

void TestCheckpointEndpoint::init()
{
    QString error;
    QVERIFY2(m_fixture.setUp(&error), qPrintable(error));
}

void TestCheckpointEndpoint::cleanup()
{
    m_fixture.tearDown();
}

void TestCheckpointEndpoint::checkpointsPauseForkAndResume()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const Status opened = m_fixture.engine().openJournal(dir.filePath(QStringLiteral("j.db")));
    QVERIFY2(opened.ok(), qPrintable(opened.message));

    const QString id = m_fixture.startJob(QStringLiteral("slow"));
    QVERIFY(!id.isEmpty());
    const QString base = QStringLiteral("/api/jobs/%1").arg(id);
    QCOMPARE(m_fixture.request("POST", base + QStringLiteral("/pause")).status, 200);
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("paused")));

    // The pause checkpoint is taken once the running handler has returned.
    quint64 pauseCheckpoint = 0;
    QVERIFY(waitUntil([&] {
        const HttpResult r = m_fixture.request("GET", base + QStringLiteral("/checkpoints"));
        for (const QJsonValue &c : r.json[QStringLiteral("checkpoints")].toArray()) {
            if (c[QStringLiteral("reason")].toString() == QLatin1String("pause"))
                pauseCheckpoint = quint64(c[QStringLiteral("checkpoint_id")].toDouble());
        }
        return pauseCheckpoint > 0;
    }));

    const HttpResult taken = m_fixture.request("POST", base + QStringLiteral("/checkpoints"));
    QCOMPARE(taken.status, 201);
    QVERIFY(taken.json[QStringLiteral("checkpoint_id")].toDouble() > pauseCheckpoint);
    QCOMPARE(taken.json[QStringLiteral("job_id")].toString(), id);
    const HttpResult list = m_fixture.request("GET", base + QStringLiteral("/checkpoints"));
    QCOMPARE(list.status, 200);
    QCOMPARE(list.json[QStringLiteral("total")].toInt(),
             list.json[QStringLiteral("checkpoints")].toArray().size());
    QVERIFY(list.json[QStringLiteral("total")].toInt() >= 2);

    const QJsonObject forkBody{
        {QStringLiteral("checkpoint_id"), double(pauseCheckpoint)},
        {QStringLiteral("variables"), QJsonObject{{QStringLiteral("forked"), true}}}};
    const HttpResult forked
        = m_fixture.request("POST", base + QStringLiteral("/fork"), json(forkBody));
    QCOMPARE(forked.status, 201);
    const QString forkId = forked.json[QStringLiteral("job_id")].toString();
    QVERIFY(!forkId.isEmpty() && forkId != id);
    QCOMPARE(forked.json[QStringLiteral("flow_id")].toString(), QStringLiteral("slow"));
    QVERIFY(m_fixture.waitForStatus(forkId, QStringLiteral("completed")));
    const HttpResult forkJob = m_fixture.request("GET", QStringLiteral("/api/jobs/") + forkId);
    QCOMPARE(forkJob.json[QStringLiteral("variables")][QStringLiteral("forked")].toBool(), true);

    // The original runs on: resuming it from a checkpoint now is a conflict.
    QCOMPARE(m_fixture.request("POST", base + QStringLiteral("/resume")).status, 200);
    QVERIFY(m_fixture.waitForStatus(id, QStringLiteral("running")));
    const QJsonObject resumeBody{{QStringLiteral("checkpoint_id"), double(pauseCheckpoint)}};
    verifyErrorEnvelope(
        m_fixture.request("POST", base + QStringLiteral("/resume-from"), json(resumeBody)), 409);
    verifyErrorEnvelope(m_fixture.request("POST", base + QStringLiteral("/resume-from")), 409);

    // A live job is not interrupted.
    const HttpResult interrupted
        = m_fixture.request("GET", QStringLiteral("/api/jobs/interrupted"));
    QCOMPARE(interrupted.status, 200);
    for (const QJsonValue &job : interrupted.json[QStringLiteral("jobs")].toArray())
        QVERIFY(job[QStringLiteral("job_id")].toString() != id);

    // A checkpoint of another job cannot be forked under this one.
    const QJsonObject foreign{{QStringLiteral("checkpoint_id"), double(pauseCheckpoint)}};
    const HttpResult wrongJob
        = m_fixture.request("POST", QStringLiteral("/api/jobs/%1/fork").arg(forkId), json(foreign));
    verifyErrorEnvelope(wrongJob, 400);
    const QJsonObject unknown{{QStringLiteral("checkpoint_id"), 987654321.0}};
    verifyErrorEnvelope(m_fixture.request("POST", base + QStringLiteral("/fork"), json(unknown)),
                        404);
    verifyErrorEnvelope(m_fixture.request("GET", QStringLiteral("/api/jobs/zz/checkpoints")), 404);
    QCOMPARE(m_fixture.request("POST", base + QStringLiteral("/cancel")).status, 200);
}

void TestCheckpointEndpoint::checkpointBodies()
{
    // Bodies are checked before the journal is: these are 400s even without one.
    const QString base
        = QStringLiteral("/api/jobs/%1").arg(m_fixture.startJob(QStringLiteral("chain")));
    const QList<QPair<QString, QByteArray>> bad{
        {QStringLiteral("/fork"), QByteArray()},
        {QStringLiteral("/fork"), QByteArray("{}")},
        {QStringLiteral("/fork"), QByteArray(R"({"checkpoint_id":"7"})")},
        {QStringLiteral("/fork"), QByteArray(R"({"checkpoint_id":1.5})")},
        {QStringLiteral("/fork"), QByteArray(R"({"checkpoint_id":0})")},
        {QStringLiteral("/fork"), QByteArray(R"({"checkpoint_id":1,"variables":[1]})")},
        {QStringLiteral("/resume-from"), QByteArray("[1]")},
        {QStringLiteral("/resume-from"), QByteArray(R"({"checkpoint_id":-3})")},
        {QStringLiteral("/checkpoints"), QByteArray(R"({"timeout_ms":"soon"})")},
        {QStringLiteral("/checkpoints"), QByteArray(R"({"timeout_ms":999999})")},
    };
    for (const auto &[route, body] : bad) {
        const HttpResult r = m_fixture.request("POST", base + route, body);
        verifyErrorEnvelope(r, 400);
    }
    const HttpResult missing = m_fixture.request("POST", base + QStringLiteral("/fork"), "{}");
    QVERIFY2(missing.json[QStringLiteral("detail")].toString().startsWith(
                 QStringLiteral("checkpoint_id:")),
             missing.raw.constData());
}

void TestCheckpointEndpoint::withoutJournal()
{
    const QString id = m_fixture.startJob(QStringLiteral("slow"));
    const QString base = QStringLiteral("/api/jobs/%1").arg(id);
    const QByteArray one = R"({"checkpoint_id":1})";
    const QList<HttpResult> refused{
        m_fixture.request("GET", base + QStringLiteral("/checkpoints")),
        m_fixture.request("POST", base + QStringLiteral("/checkpoints")),
        m_fixture.request("POST", base + QStringLiteral("/resume-from"), one),
        m_fixture.request("POST", base + QStringLiteral("/resume-from")),
        m_fixture.request("POST", base + QStringLiteral("/fork"), one),
        m_fixture.request("GET", QStringLiteral("/api/jobs/interrupted")),
    };
    for (const HttpResult &r : refused) {
        verifyErrorEnvelope(r, 409);
        QVERIFY2(r.json[QStringLiteral("detail")].toString().contains(QStringLiteral("journal")),
                 r.raw.constData());
    }
    QCOMPARE(m_fixture.request("POST", base + QStringLiteral("/cancel")).status, 200);
}

void TestCheckpointEndpoint::wrongMethods()
{
    const HttpResult checkpoints
        = m_fixture.request("PUT", QStringLiteral("/api/jobs/x/checkpoints"));
    verifyErrorEnvelope(checkpoints, 405);
    QCOMPARE(checkpoints.allow, QByteArray("GET, POST"));
    for (const char *route : {"/fork", "/resume-from"}) {
        const HttpResult r
            = m_fixture.request("GET", QStringLiteral("/api/jobs/x") + QLatin1String(route));
        verifyErrorEnvelope(r, 405);
        QCOMPARE(r.allow, QByteArray("POST"));
    }
    const HttpResult interrupted
        = m_fixture.request("POST", QStringLiteral("/api/jobs/interrupted"));
    verifyErrorEnvelope(interrupted, 405);
    QCOMPARE(interrupted.allow, QByteArray("GET"));
}

QTEST_MAIN(TestCheckpointEndpoint)
#include "tst_checkpointendpoint.moc"
