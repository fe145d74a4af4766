#pragma once

#include <QString>
#include <QStringList>

namespace flowscope {

enum class ReportFormat { Markdown, Json, Html, Pdf };

QString reportFormatName(ReportFormat format); // "markdown", "json", "html", "pdf"
// Accepts "md" or "markdown", "json", "html" (or "htm"), "pdf"; case-insensitive.
bool reportFormatFromName(QStringView name, ReportFormat *format);
QStringList reportFormatNames();
QString reportMimeType(ReportFormat format);   // text/markdown; charset=utf-8, ...
QString reportFileSuffix(ReportFormat format); // "md", "json", "html", "pdf" (no dot)

} // namespace flowscope
