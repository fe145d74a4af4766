#pragma once

// Small flows and C++ routines shared by the runtime tests.

#include "runtime/context.h"
#include "runtime/engine.h"
#include "runtime/routineregistry.h"

#include <QJsonDocument>
#include <QtTest>

namespace flowscope::testing {

// Passes its input on, adding its routine id to a "path" list.
class PathRoutine : public Routine
{
public:
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {QStringLiteral("out")}; }
    void handle(Context &ctx, const QString &, const QVariant &data) const override
    {
        QVariantMap map = data.toMap();
        QStringList path = map.value(QStringLiteral("path")).toStringList();
        path << ctx.routineId();
        map.insert(QStringLiteral("path"), path);
        ctx.setJobVariable(QStringLiteral("last_path"), path);
        ctx.emit(QStringLiteral("out"), map);
    }
};

// Stores its input as the job variable "result" (appending when "append" is configured).
class ResultRoutine : public Routine
{
public:
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {}; }
    void handle(Context &ctx, const QString &, const QVariant &data) const override
    {
        ctx.setJobVariable(QStringLiteral("result"), data);
        ctx.updateVariables([&](QVariantMap &vars) {
            vars.insert(QStringLiteral("calls"), vars.value(QStringLiteral("calls")).toInt() + 1);
            return QVariant();
        });
    }
};

inline void registerTestRoutines(Engine &engine)
{
    engine.registry().addClass<PathRoutine>(QStringLiteral("test.Path"));
    engine.registry().addClass<ResultRoutine>(QStringLiteral("test.Result"));
}

inline QByteArray chainFlow(const QString &id, int length,
                            const QString &cls = QStringLiteral("test.Path"),
                            const QJsonObject &config = {})
{
    QJsonObject routines;
    QJsonArray connections;
    for (int i = 0; i < length; ++i) {
        QJsonObject r{{QStringLiteral("class"), cls}};
        if (!config.isEmpty())
            r.insert(QStringLiteral("config"), config);
        routines.insert(QStringLiteral("r%1").arg(i), r);
        if (i > 0) {
            connections.append(
                QJsonObject{{QStringLiteral("from"), QStringLiteral("r%1.out").arg(i - 1)},
                            {QStringLiteral("to"), QStringLiteral("r%1.in").arg(i)}});
        }
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("flow_id"), id},
                                     {QStringLiteral("routines"), routines},
                                     {QStringLiteral("connections"), connections},
                                     {QStringLiteral("entry"), QStringLiteral("r0.in")}})
        .toJson();
}

inline JobId startOrFail(Engine &engine, const QString &flow, const QVariantMap &params = {})
{
    JobRequest request;
    request.flowId = flow;
    request.params = params;
    JobId id;
    const Status status = engine.startJob(request, &id);
    if (!status.ok())
        qWarning("startJob(%s): %s", qPrintable(flow), qPrintable(status.message));
    return id;
}

inline JobStatus statusOf(Engine &engine, JobId id)
{
    const auto job = engine.job(id);
    return job ? job->status : JobStatus::Pending;
}

} // namespace flowscope::testing
