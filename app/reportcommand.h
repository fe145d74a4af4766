#pragma once

#include <QStringList>

namespace flowscope {

// `flowscope report --db FILE [--format md|json|html|pdf] [--out FILE] [--hours N]`: a health
// report from a journal, with or without the engine that wrote it running. Needs a
// QGuiApplication (PDF). arguments start with the program name. Returns the exit code.
int runReportCommand(const QStringList &arguments);

} // namespace flowscope
