#include "routines/fanoutroutine.h"

#include "runtime/context.h"

#include <QJsonArray>

namespace flowscope {

bool FanOutRoutine::configure(const QJsonObject &config, ConfigError *error)
{
    if (config.contains(QLatin1String("count")))
        m_count = config.value(QLatin1String("count"));
    if (!m_count.isString() && m_count.toInt() < 1) {
        *error = {QStringLiteral("count"), QStringLiteral("must be >= 1")};
        return false;
    }
    const QJsonArray events = config.value(QLatin1String("events")).toArray();
    for (const QJsonValue &v : events) {
        if (!v.isString() || v.toString().isEmpty() || m_events.contains(v.toString())) {
            *error = {QStringLiteral("events"), QStringLiteral("must be distinct event names")};
            return false;
        }
        m_events << v.toString();
    }
    return true;
}

QStringList FanOutRoutine::eventNames() const
{
    return m_events.isEmpty() ? QStringList{QStringLiteral("out")} : m_events;
}

void FanOutRoutine::handle(Context &ctx, const QString &, const QVariant &data) const
{
    if (!m_events.isEmpty()) {
        for (const QString &event : m_events)
            ctx.emit(event, data);
        return;
    }
    bool ok = false;
    const int count = ctx.resolve(m_count).toInt(&ok);
    if (!ok || count < 1) {
        ctx.fail(QStringLiteral("count resolved to '%1', not a number >= 1")
                     .arg(ctx.resolve(m_count).toString()));
        return;
    }
    for (int i = 0; i < count; ++i) {
        ctx.emit(QStringLiteral("out"), QVariantMap{{QStringLiteral("index"), i},
                                                    {QStringLiteral("count"), count},
                                                    {QStringLiteral("data"), data}});
    }
}

} // namespace flowscope
