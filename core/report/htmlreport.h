#pragma once

#include "report/healthreport.h"

#include <QString>

namespace flowscope {

// A health report as one self-contained HTML page (inline CSS, no scripts or external files).
// Bars are table cells rather than CSS boxes so that QTextDocument (the PDF renderer) draws
// them too. Every string from the report is HTML-escaped.
class HtmlReport
{
public:
    static QString render(const HealthReport &report);
    static QString escape(const QString &text); // & < > " (attributes are double-quoted)
};

} // namespace flowscope
