#include "routines/failroutine.h"

#include "runtime/context.h"

#include <QRandomGenerator>

namespace flowscope {

bool FailRoutine::configure(const QJsonObject &config, ConfigError *error)
{
    if (config.contains(QLatin1String("probability")))
        m_probability = config.value(QLatin1String("probability"));
    if (!m_probability.isString()
        && (m_probability.toDouble() < 0 || m_probability.toDouble() > 1)) {
        *error = {QStringLiteral("probability"), QStringLiteral("must be between 0 and 1")};
        return false;
    }
    m_message = config.value(QLatin1String("message")).toString(m_message);
    return true;
}

void FailRoutine::handle(Context &ctx, const QString &, const QVariant &data) const
{
    const double probability = ctx.resolve(m_probability).toDouble();
    if (probability > 0 && QRandomGenerator::global()->generateDouble() < probability) {
        ctx.fail(m_message);
        return;
    }
    ctx.emit(QStringLiteral("out"), data);
}

} // namespace flowscope
