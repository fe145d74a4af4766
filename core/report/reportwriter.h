#pragma once

#include "report/healthreport.h"
#include "report/reportformat.h"

#include <QByteArray>
#include <QString>

namespace flowscope {

// The one entry point for engine, console and CLI: a health report in any format, in memory or
// written to a file. Markdown and HTML are UTF-8. Pdf needs a QGuiApplication (see PdfReport).
class ReportWriter
{
public:
    static bool render(const HealthReport &report, ReportFormat format, QByteArray *out,
                       QString *error = nullptr);
    // Renders, then replaces `path` atomically (QSaveFile): readers never see half a report.
    static bool write(const HealthReport &report, ReportFormat format, const QString &path,
                      QString *error = nullptr);
};

} // namespace flowscope
