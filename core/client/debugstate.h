#pragma once

#include "debug/debugsession.h"

#include <QMetaType>
#include <QVector>

namespace flowscope {

// Everything the debugger views show about one job at once: where it stands, its call stack,
// and the variables of the selected frame.
struct DebugState
{
    DebugSession session;
    QVector<StackFrame> frames; // empty unless stopped
    int frame = 0;
    FrameVariables variables;
};

} // namespace flowscope

Q_DECLARE_METATYPE(flowscope::DebugState)
Q_DECLARE_METATYPE(flowscope::EvaluationResult)
