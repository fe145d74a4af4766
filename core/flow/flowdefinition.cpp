#include "flow/flowdefinition.h"

#include <QJsonArray>

namespace flowscope {

int FlowDefinition::routineIndex(const QString &id) const
{
    for (int i = 0; i < routines.size(); ++i) {
        if (routines[i].id == id)
            return i;
    }
    return -1;
}

const RoutineSpec *FlowDefinition::routine(const QString &id) const
{
    const int i = routineIndex(id);
    return i < 0 ? nullptr : &routines[i];
}

QJsonObject FlowDefinition::toDsl() const
{
    QJsonObject routinesJson;
    for (const RoutineSpec &r : routines) {
        QJsonObject o{{QStringLiteral("class"), r.className}};
        if (!r.config.isEmpty())
            o.insert(QStringLiteral("config"), r.config);
        if (!r.agent.isEmpty())
            o.insert(QStringLiteral("agent"), r.agent);
        routinesJson.insert(r.id, o);
    }
    QJsonArray connectionsJson;
    for (const ConnectionSpec &c : connections) {
        connectionsJson.append(
            QJsonObject{{QStringLiteral("from"), c.fromRoutine + QLatin1Char('.') + c.fromEvent},
                        {QStringLiteral("to"), c.toRoutine + QLatin1Char('.') + c.toSlot}});
    }
    QJsonObject execution;
    if (maxWorkers > 0)
        execution.insert(QStringLiteral("max_workers"), maxWorkers);
    if (timeoutSeconds > 0)
        execution.insert(QStringLiteral("timeout"), timeoutSeconds);
    QJsonObject dsl{{QStringLiteral("flow_id"), flowId},
                    {QStringLiteral("routines"), routinesJson},
                    {QStringLiteral("connections"), connectionsJson}};
    if (!description.isEmpty())
        dsl.insert(QStringLiteral("description"), description);
    if (!execution.isEmpty())
        dsl.insert(QStringLiteral("execution"), execution);
    if (!entryRoutine.isEmpty())
        dsl.insert(QStringLiteral("entry"), entryRoutine + QLatin1Char('.') + entrySlot);
    if (!variables.isEmpty())
        dsl.insert(QStringLiteral("variables"), variables);
    return dsl;
}

} // namespace flowscope
