#include "reportrendering.h"

#include "report/reportwriter.h"

#include <QGuiApplication>
#include <QSemaphore>
#include <QThread>

#include <memory>

namespace flowscope::ReportRendering {

namespace {

// Shared with the GUI thread's task, which may outlive a request that stopped waiting for it.
struct PdfTask
{
    HealthReport report;
    QSemaphore done;
    QByteArray bytes;
    QString error;
    bool ok = false;
};

} // namespace

bool renderPdf(const HealthReport &report, QByteArray *out, QString *error, int *httpStatus)
{
    auto *gui = qobject_cast<QGuiApplication *>(QCoreApplication::instance());
    if (!gui) {
        *httpStatus = 501;
        *error = QStringLiteral("PDF reports need a QGuiApplication and this process has a "
                                "QCoreApplication: create a QGuiApplication (with "
                                "QT_QPA_PLATFORM=offscreen where there is no display), as "
                                "flowscope --headless does, or ask for format=html");
        return false;
    }
    *httpStatus = 500;
    if (QThread::currentThread() == gui->thread())
        return ReportWriter::render(report, ReportFormat::Pdf, out, error);

    // Not waiting forever: the GUI thread may itself be waiting for this one (stopping it).
    auto task = std::make_shared<PdfTask>();
    task->report = report;
    QMetaObject::invokeMethod(
        gui,
        [task] {
            task->ok
                = ReportWriter::render(task->report, ReportFormat::Pdf, &task->bytes, &task->error);
            task->done.release();
        },
        Qt::QueuedConnection);
    if (!task->done.tryAcquire(1, guiThreadTimeoutMs)) {
        *httpStatus = 503;
        *error = QStringLiteral("the GUI thread did not lay out the PDF within %1 ms: try again")
                     .arg(guiThreadTimeoutMs);
        return false;
    }
    if (!task->ok) {
        *error = task->error;
        return false;
    }
    *out = std::move(task->bytes);
    return true;
}

} // namespace flowscope::ReportRendering
