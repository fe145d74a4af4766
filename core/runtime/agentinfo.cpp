#include "runtime/agentinfo.h"

namespace flowscope {

QString agentStateName(AgentState state)
{
    switch (state) {
    case AgentState::Idle:
        return QStringLiteral("idle");
    case AgentState::Busy:
        return QStringLiteral("busy");
    case AgentState::Stopped:
        return QStringLiteral("stopped");
    case AgentState::Waiting:
        return QStringLiteral("waiting");
    }
    return {};
}

} // namespace flowscope
