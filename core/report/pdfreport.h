#pragma once

#include "report/healthreport.h"

#include <QByteArray>
#include <QString>

namespace flowscope {

// A health report as an A4 PDF: the HTML report laid out by QTextDocument and printed through
// QPdfWriter. Text layout needs fonts, so a QGuiApplication must exist (on a machine without a
// display, run with QT_QPA_PLATFORM=offscreen); call it from the GUI thread unless the platform
// renders fonts in other threads. Without a QGuiApplication render() fails with an error.
class PdfReport
{
public:
    static bool render(const HealthReport &report, QByteArray *out, QString *error = nullptr);
};

} // namespace flowscope
