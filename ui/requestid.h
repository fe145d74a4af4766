#pragma once

#include <atomic>

namespace flowscope {

// Every listener of a client sees every metricsReceived answer; ids unique in the process let
// each pick out its own.
inline int nextRequestId()
{
    static std::atomic<int> next{1};
    return next++;
}

} // namespace flowscope
