#pragma once

namespace flowscope {

struct CommandLineOptions;

// The console window over an in-process engine; needs a QApplication. Returns the exit code.
int runConsole(const CommandLineOptions &options);

} // namespace flowscope
