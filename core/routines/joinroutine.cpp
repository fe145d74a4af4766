#include "routines/joinroutine.h"

#include "runtime/context.h"

namespace flowscope {

bool JoinRoutine::configure(const QJsonObject &config, ConfigError *error)
{
    if (config.contains(QLatin1String("count")))
        m_count = config.value(QLatin1String("count"));
    if (!m_count.isString() && m_count.toInt() < 0) {
        *error = {QStringLiteral("count"), QStringLiteral("must be >= 0")};
        return false;
    }
    return true;
}

void JoinRoutine::handle(Context &ctx, const QString &, const QVariant &data) const
{
    int expected = ctx.resolve(m_count).toInt();
    if (expected <= 0)
        expected = data.toMap().value(QStringLiteral("count")).toInt();
    if (expected <= 0) {
        ctx.fail(QStringLiteral("count is 0 and the input carries no 'count' to wait for"));
        return;
    }
    // Collect and, when complete, take the batch under the routine's lock: inputs arrive on
    // several agents at once.
    const QVariant complete = ctx.updateVariables([&](QVariantMap &vars) -> QVariant {
        QVariantList items = vars.value(QStringLiteral("pending")).toList();
        items.push_back(data);
        if (items.size() < expected) {
            vars.insert(QStringLiteral("pending"), items);
            return {};
        }
        vars.remove(QStringLiteral("pending"));
        vars.insert(QStringLiteral("joined"), vars.value(QStringLiteral("joined")).toInt() + 1);
        return items;
    });
    if (complete.isValid()) {
        ctx.emit(QStringLiteral("out"), QVariantMap{{QStringLiteral("count"), expected},
                                                    {QStringLiteral("items"), complete}});
    }
}

} // namespace flowscope
