#pragma once

#include "events/symbol.h"
#include "flow/flowdefinition.h"
#include "runtime/routine.h"

#include <QHash>

#include <memory>
#include <vector>

namespace flowscope::Internal {

class Agent;
class WorkQueue;

struct SlotTarget
{
    int routine = -1;
    QString slot;
    Symbol slotSymbol;
};

struct EventRoute
{
    Symbol symbol;
    std::vector<SlotTarget> targets;
};

struct RoutineNode
{
    QString id;
    Symbol symbol;
    std::unique_ptr<Routine> routine;
    WorkQueue *queue = nullptr;        // the pool's, or the bound agent's
    QHash<QString, EventRoute> routes; // by event name, one entry per declared event
    QHash<QString, Symbol> slotSymbols;
};

// A registered flow, instantiated: immutable once built, shared by the jobs that run it (a
// replaced flow lives on until its last job is gone).
struct FlowRuntime
{
    FlowDefinition definition;
    Symbol symbol;
    std::vector<RoutineNode> nodes;

    int nodeIndex(const QString &routineId) const
    {
        for (size_t i = 0; i < nodes.size(); ++i) {
            if (nodes[i].id == routineId)
                return int(i);
        }
        return -1;
    }
};

} // namespace flowscope::Internal
