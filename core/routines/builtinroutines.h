#pragma once

namespace flowscope {

class RoutineRegistry;

// Registers flowscope.Script, .Work, .FanOut, .Join and .Fail.
void registerBuiltinRoutines(RoutineRegistry &registry);

} // namespace flowscope
