#pragma once

#include "report/healthreport.h"

#include <QString>

namespace flowscope {

// A health report as GitHub-flavoured Markdown: a headline, tables of agents (with a bar of
// each heartbeat's age against the FAILED threshold), unhealthy agents in detail, alerts,
// engine metrics and per-routine durations.
class MarkdownReport
{
public:
    static QString render(const HealthReport &report);
    // Escapes what Markdown or a table cell would interpret (| * _ ` < > [ ] \ and newlines).
    static QString escape(const QString &text);
};

} // namespace flowscope
