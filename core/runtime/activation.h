#pragma once

#include "events/symbol.h"

#include <QString>
#include <QVariant>

#include <memory>

namespace flowscope::Internal {

class JobState;

class Activation;
using ActivationPtr = std::shared_ptr<Activation>;

// One handler call waiting to run (or running): the unit of tracing, pausing and call stacks.
// Each activation holds its caller (the activation whose emit caused it), so the causal chain of
// any live activation stays inspectable and is freed with its last descendant.
class Activation
{
public:
    // Caller chains longer than this are cut, so a flow that loops forever keeps bounded memory.
    static constexpr int maxCallerDepth = 256;

    quint64 id = 0;
    quint64 parent = 0; // the activation whose emit caused this one; 0 for a job's entry
    std::shared_ptr<JobState> job;
    int routine = -1; // index into the job's FlowRuntime
    QString slot;
    Symbol slotSymbol;
    QVariant data;
    std::shared_ptr<const Activation> caller; // null for the entry, or where the chain was cut
    int depth = 0;                            // frames in its caller chain
    bool resumed = false;       // the debugger stopped here already: do not break on it again
    quint32 stepGeneration = 0; // counted in that step of the job (0: in none)

    // keepChain: link the caller itself (for call stacks), not only its id. Holding callers
    // keeps them in memory, which halves throughput on fan-out-heavy flows, so the engine does
    // it only for jobs being debugged.
    void setCaller(const std::shared_ptr<const Activation> &from, bool keepChain)
    {
        parent = from->id;
        if (keepChain && from->depth + 1 < maxCallerDepth) {
            caller = from;
            depth = from->depth + 1;
        }
    }
};

} // namespace flowscope::Internal
