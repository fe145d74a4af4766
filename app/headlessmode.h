#pragma once

namespace flowscope {

struct CommandLineOptions;

// Engine and HTTP endpoint without any window; needs a QCoreApplication. Returns the exit code.
int runHeadless(const CommandLineOptions &options);

} // namespace flowscope
