#include "client/debugstate.h"

#include "runtime/engine.h"

namespace flowscope {

DebugState debugStateOf(const Engine &engine, JobId job, int frame)
{
    DebugState state;
    state.frame = frame;
    if (const auto session = engine.debugSession(job))
        state.session = *session;
    if (state.session.stopped) {
        engine.callStack(job, &state.frames);
        if (frame >= state.frames.size())
            state.frame = 0;
        engine.variables(job, state.frame, &state.variables);
    }
    return state;
}

} // namespace flowscope
