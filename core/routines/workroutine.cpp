#include "routines/workroutine.h"

#include "runtime/context.h"

#include <QThread>

#include <algorithm>
#include <chrono>

namespace flowscope {

namespace {
constexpr qint64 sliceMs = 2; // how soon a pause or cancel reaches a running Work handler

bool positiveOrReference(const QJsonValue &v)
{
    return v.isString() || v.toDouble() >= 0;
}
} // namespace

bool WorkRoutine::configure(const QJsonObject &config, ConfigError *error)
{
    m_duration = config.value(QLatin1String("duration_ms"));
    if (m_duration.isUndefined())
        m_duration = 1000;
    m_steps = config.value(QLatin1String("steps"));
    if (m_steps.isUndefined())
        m_steps = 10;
    if (!positiveOrReference(m_duration)) {
        *error = {QStringLiteral("duration_ms"), QStringLiteral("must be >= 0")};
        return false;
    }
    if (!m_steps.isString() && m_steps.toInt() < 1) {
        *error = {QStringLiteral("steps"), QStringLiteral("must be >= 1")};
        return false;
    }
    m_emitEachStep = config.value(QLatin1String("emit_each_step")).toBool();
    m_jobProgress = config.value(QLatin1String("job_progress")).toBool();
    const QJsonValue result = config.value(QLatin1String("result"));
    if (!result.isUndefined() && !result.isObject()) {
        *error = {QStringLiteral("result"), QStringLiteral("must be an object")};
        return false;
    }
    m_result = result.toObject().toVariantMap();
    return true;
}

QVariant WorkRoutine::output(const QVariant &data, int step, int steps) const
{
    if (!m_emitEachStep && m_result.isEmpty())
        return data;
    QVariantMap out;
    if (m_emitEachStep) {
        out.insert(QStringLiteral("step"), step);
        out.insert(QStringLiteral("steps"), steps);
        out.insert(QStringLiteral("data"), data);
    } else if (data.typeId() == QMetaType::QVariantMap) {
        out = data.toMap();
    } else if (data.isValid()) {
        out.insert(QStringLiteral("data"), data);
    }
    for (auto it = m_result.begin(); it != m_result.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

void WorkRoutine::handle(Context &ctx, const QString &, const QVariant &data) const
{
    using Clock = std::chrono::steady_clock;
    // Clamped (NaN to 0) so the microsecond arithmetic stays inside qint64: durations come from
    // job parameters, and a double beyond qint64 cast to one is undefined behaviour.
    const double durationMs = ctx.resolve(m_duration).toDouble();
    const qint64 totalUs = durationMs >= 0 ? qint64(std::min(durationMs, 1e12) * 1000) : 0;
    const int steps = std::max(1, ctx.resolve(m_steps).toInt());
    // Only time spent working counts: a pause inside checkpoint() does not shorten the rest.
    qint64 workedUs = 0;
    for (int step = 1; step <= steps; ++step) {
        const qint64 targetUs = qint64(double(totalUs) * step / steps);
        do {
            if (!ctx.checkpoint())
                return;
            const qint64 chunkUs = std::min(targetUs - workedUs, sliceMs * 1000);
            if (chunkUs <= 0)
                break;
            const auto before = Clock::now();
            QThread::usleep(ulong(chunkUs));
            workedUs += std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - before)
                            .count();
        } while (workedUs < targetUs);
        if (m_jobProgress)
            ctx.setProgress(double(step) / steps);
        if (m_emitEachStep)
            ctx.emit(QStringLiteral("out"), output(data, step, steps));
    }
    if (!m_emitEachStep)
        ctx.emit(QStringLiteral("out"), output(data, steps, steps));
}

} // namespace flowscope
