#pragma once

#include <QStringList>

namespace flowscope {

// `flowscope export-trace --db FILE --job ID [--out FILE]`: one job's trace from a journal in the
// Chrome Trace Event Format (Perfetto, chrome://tracing), with or without the engine that wrote
// it running. arguments start with the program name. Returns the exit code.
int runExportTraceCommand(const QStringList &arguments);

} // namespace flowscope
