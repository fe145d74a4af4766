#pragma once

#include "debug/debugsession.h"

#include <QMetaType>
#include <QVector>

namespace flowscope {

class Engine;

// Everything the debugger views show about one job at once: where it stands, its call stack,
// and the variables of the selected frame.
struct DebugState
{
    DebugSession session;
    QVector<StackFrame> frames; // empty unless stopped
    int frame = 0;
    FrameVariables variables;
};

// Reads a job's debug state from the engine: session, stack and the frame's variables (frame 0
// when the stack is shorter). Shared by the in-process client and the endpoint.
DebugState debugStateOf(const Engine &engine, JobId job, int frame);

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::DebugState)
Q_DECLARE_METATYPE(flowscope::EvaluationResult)
