#pragma once

#include "flow/flowdefinition.h"
#include "runtime/result.h"

#include <QHash>

#include <functional>
#include <memory>
#include <shared_mutex>

namespace flowscope {
class RoutineRegistry;
}

namespace flowscope::Internal {

class WorkQueue;
struct FlowRuntime;

// The registered flows, each instantiated once into a FlowRuntime (routines configured, events
// routed to slots, nodes bound to their agent's queue) and shared by the jobs that run it.
class FlowTable
{
public:
    // The queue a node runs on: the pool's for an empty agent name, else that agent's.
    using QueueFor = std::function<WorkQueue *(const QString &agent)>;

    FlowTable(const RoutineRegistry &registry, QueueFor queueFor);

    // Replaces a flow of the same id (running jobs keep the old one), or with replace false
    // answers Conflict.
    Status add(const FlowDefinition &flow, bool replace = true);
    Status remove(const QString &flowId);
    QVector<FlowDefinition> list() const; // by id
    std::shared_ptr<const FlowRuntime> find(const QString &flowId) const;

private:
    const RoutineRegistry &m_registry;
    const QueueFor m_queueFor;
    mutable std::shared_mutex m_lock;
    QHash<QString, std::shared_ptr<const FlowRuntime>> m_flows;
};

} // namespace flowscope::Internal
