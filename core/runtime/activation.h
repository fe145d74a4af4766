#pragma once

#include "events/symbol.h"

#include <QString>
#include <QVariant>

#include <memory>

namespace flowscope::Internal {

class JobState;

// One handler call waiting to run (or running): the unit of tracing, pausing and call stacks.
class Activation
{
public:
    quint64 id = 0;
    quint64 parent = 0; // the activation whose emit caused this one; 0 for a job's entry
    std::shared_ptr<JobState> job;
    int routine = -1; // index into the job's FlowRuntime
    QString slot;
    Symbol slotSymbol;
    QVariant data;
};

} // namespace flowscope::Internal
