#include "debugfixture.h"

namespace EndpointTest {

bool DebugFixture::setUpDebug(QString *error)
{
    if (!setUp(error))
        return false;
    const flowscope::Status added = engine().addFlowJson(scriptChain, QStringLiteral("test"));
    if (!added.ok())
        *error = added.message;
    return added.ok();
}

void DebugFixture::reset()
{
    flowscope::Engine &e = engine();
    const QVector<flowscope::Breakpoint> all = e.allBreakpoints();
    for (const flowscope::Breakpoint &bp : all)
        e.removeBreakpoint(bp.id);
    const QVector<flowscope::JobInfo> jobs = e.jobs();
    for (const flowscope::JobInfo &job : jobs) {
        if (job.status == flowscope::JobStatus::Running
            || job.status == flowscope::JobStatus::Paused)
            e.cancelJob(job.id);
    }
}

QString DebugFixture::flowBreakpoint(const QString &routine)
{
    const HttpResult r = post(QStringLiteral("/api/flows/dchain/breakpoints"),
                              {{QStringLiteral("type"), QStringLiteral("routine")},
                               {QStringLiteral("routine_id"), routine}});
    if (r.status != 201)
        qWarning("breakpoint: %d %s", r.status, r.raw.constData());
    return r.json.value(QStringLiteral("breakpoint_id")).toString();
}

QJsonObject DebugFixture::waitStopped(const QString &job)
{
    for (int i = 0; i < 250; ++i) {
        const HttpResult r = get(QStringLiteral("/api/jobs/%1/debug/session").arg(job));
        if (r.json.value(QStringLiteral("stopped")).toBool())
            return r.json;
        QTest::qWait(20);
    }
    return {};
}

QJsonObject DebugFixture::jobVariables(const QString &job)
{
    return get(QStringLiteral("/api/jobs/%1").arg(job))
        .json.value(QStringLiteral("variables"))
        .toObject();
}

} // namespace EndpointTest
