#pragma once

#include "report/healthreport.h"

#include <QByteArray>
#include <QString>

namespace flowscope {

// Where a PDF report can be rendered. Text layout needs a QGuiApplication and, in general, its
// thread; the console serves HTTP from a thread of its own, so the PDF is laid out over there.
namespace ReportRendering {

constexpr int guiThreadTimeoutMs = 10000;

// False with *error and *httpStatus set: 501 without a QGuiApplication (a QCoreApplication), 503
// when the GUI thread did not render it in guiThreadTimeoutMs, 500 when the renderer fails.
bool renderPdf(const HealthReport &report, QByteArray *out, QString *error, int *httpStatus);

} // namespace ReportRendering
} // namespace flowscope
