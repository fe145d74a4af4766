#include "benchmark.h"

#include "runtime/context.h"
#include "runtime/engine.h"
#include "runtime/routineregistry.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <chrono>

namespace flowscope::bench {

namespace {

// r0 feeds `items` messages into the chain; r1..r9 pass each one on.
class Source : public Routine
{
public:
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {QStringLiteral("out")}; }
    void handle(Context &ctx, const QString &, const QVariant &data) const override
    {
        const int items = data.toMap().value(QStringLiteral("items")).toInt();
        for (int i = 0; i < items; ++i)
            ctx.emit(QStringLiteral("out"), i);
    }
};

class Pass : public Routine
{
public:
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {QStringLiteral("out")}; }
    void handle(Context &ctx, const QString &, const QVariant &data) const override
    {
        ctx.emit(QStringLiteral("out"), data);
    }
};

QByteArray chainFlow(int length)
{
    QJsonObject routines;
    QJsonArray connections;
    for (int i = 0; i < length; ++i) {
        routines.insert(
            QStringLiteral("r%1").arg(i),
            QJsonObject{{QStringLiteral("class"),
                         i == 0 ? QStringLiteral("bench.Source") : QStringLiteral("bench.Pass")}});
        if (i > 0)
            connections.append(
                QJsonObject{{QStringLiteral("from"), QStringLiteral("r%1.out").arg(i - 1)},
                            {QStringLiteral("to"), QStringLiteral("r%1.in").arg(i)}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("flow_id"), QStringLiteral("chain10")},
                                     {QStringLiteral("routines"), routines},
                                     {QStringLiteral("connections"), connections},
                                     {QStringLiteral("entry"), QStringLiteral("r0.in")}})
        .toJson();
}

double chainActivationsPerSecond(int items, bool monitoring)
{
    EngineConfig config;
    config.workers = 2;
    config.monitoring = monitoring;
    Engine engine(config);
    engine.registry().addClass<Source>(QStringLiteral("bench.Source"));
    engine.registry().addClass<Pass>(QStringLiteral("bench.Pass"));
    const Status added = engine.addFlowJson(chainFlow(10), QStringLiteral("chain10"));
    if (!added.ok())
        qFatal("%s", qPrintable(added.message));
    JobRequest request;
    request.flowId = QStringLiteral("chain10");
    request.params = {{QStringLiteral("items"), items}};
    JobId id;
    const auto start = std::chrono::steady_clock::now();
    if (!engine.startJob(request, &id).ok() || !engine.waitForJob(id, 600000))
        qFatal("chain10 did not finish");
    const auto end = std::chrono::steady_clock::now();
    const quint64 activations = engine.job(id)->activationsDone;
    return double(activations) / std::chrono::duration<double>(end - start).count();
}

const Registrar chain{
    {QStringLiteral("chain10"),
     QStringLiteral("activations per second through a 10-routine chain, 2 agents, monitoring on; "
                    "the same with monitoring off as the baseline"),
     {{QStringLiteral("chain10_activations_per_s"), QStringLiteral("activations/s"), 1'000'000,
       false},
      {QStringLiteral("chain10_activations_per_s_monitoring_off"), QStringLiteral("activations/s"),
       0, false}},
     [](const Options &options) {
         const int items = options.quick ? 20000 : 100000;
         return QVector<double>{chainActivationsPerSecond(items, true),
                                chainActivationsPerSecond(items, false)};
     }}};

} // namespace

} // namespace flowscope::bench
