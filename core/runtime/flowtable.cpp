#include "runtime/flowtable.h"

#include "runtime/flowruntime.h"
#include "runtime/routineregistry.h"

#include <algorithm>
#include <mutex>

namespace flowscope::Internal {

FlowTable::FlowTable(const RoutineRegistry &registry, QueueFor queueFor)
    : m_registry(registry)
    , m_queueFor(std::move(queueFor))
{}

Status FlowTable::add(const FlowDefinition &flow, bool replace)
{
    auto runtime = std::make_shared<FlowRuntime>();
    runtime->definition = flow;
    runtime->symbol = Symbol::intern(flow.flowId);
    runtime->nodes.resize(size_t(flow.routines.size()));
    for (int i = 0; i < flow.routines.size(); ++i) {
        const RoutineSpec &spec = flow.routines[i];
        RoutineNode &node = runtime->nodes[size_t(i)];
        node.id = spec.id;
        node.symbol = Symbol::intern(spec.id);
        const std::optional<RoutineClass> cls = m_registry.find(spec.className);
        if (!cls)
            return Status::invalid(
                QStringLiteral("routine '%1': unknown class '%2'").arg(spec.id, spec.className));
        node.routine = cls->create();
        ConfigError error;
        if (!node.routine->configure(spec.config, &error))
            return Status::invalid(QStringLiteral("routine '%1': config.%2: %3")
                                       .arg(spec.id, error.field, error.message));
        for (const QString &slot : node.routine->slotNames())
            node.slotSymbols.insert(slot, Symbol::intern(slot));
        for (const QString &event : node.routine->eventNames())
            node.routes.insert(event, EventRoute{Symbol::intern(event), {}});
        node.queue = m_queueFor(spec.agent);
        runtime->definition.routines[i].slotNames = node.routine->slotNames();
        runtime->definition.routines[i].eventNames = node.routine->eventNames();
    }
    for (const ConnectionSpec &c : flow.connections) {
        const int from = runtime->nodeIndex(c.fromRoutine);
        const int to = runtime->nodeIndex(c.toRoutine);
        if (from < 0 || to < 0)
            return Status::invalid(
                QStringLiteral("connection %1.%2 -> %3.%4 names a missing routine")
                    .arg(c.fromRoutine, c.fromEvent, c.toRoutine, c.toSlot));
        RoutineNode &source = runtime->nodes[size_t(from)];
        RoutineNode &target = runtime->nodes[size_t(to)];
        const auto route = source.routes.find(c.fromEvent);
        if (route == source.routes.end())
            return Status::invalid(
                QStringLiteral("routine '%1' has no event '%2'").arg(c.fromRoutine, c.fromEvent));
        if (!target.slotSymbols.contains(c.toSlot))
            return Status::invalid(
                QStringLiteral("routine '%1' has no slot '%2'").arg(c.toRoutine, c.toSlot));
        route->targets.push_back({to, c.toSlot, target.slotSymbols.value(c.toSlot)});
    }
    std::unique_lock lock(m_lock);
    if (!replace && m_flows.contains(flow.flowId))
        return Status::conflict(QStringLiteral("flow '%1' exists already").arg(flow.flowId));
    m_flows.insert(flow.flowId, std::move(runtime));
    return Status::success();
}

Status FlowTable::remove(const QString &flowId)
{
    std::unique_lock lock(m_lock);
    if (!m_flows.remove(flowId))
        return Status::notFound(QStringLiteral("no flow '%1'").arg(flowId));
    return Status::success();
}

QVector<FlowDefinition> FlowTable::list() const
{
    std::shared_lock lock(m_lock);
    QVector<FlowDefinition> list;
    for (const auto &runtime : m_flows)
        list.push_back(runtime->definition);
    std::sort(list.begin(), list.end(),
              [](const FlowDefinition &a, const FlowDefinition &b) { return a.flowId < b.flowId; });
    return list;
}

std::shared_ptr<const FlowRuntime> FlowTable::find(const QString &flowId) const
{
    std::shared_lock lock(m_lock);
    return m_flows.value(flowId);
}

} // namespace flowscope::Internal
