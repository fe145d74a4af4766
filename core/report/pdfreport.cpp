#include "report/pdfreport.h"

#include "report/htmlreport.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QMarginsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace flowscope {

bool PdfReport::render(const HealthReport &report, QByteArray *out, QString *error)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        if (error)
            *error = QStringLiteral("PDF reports need a QGuiApplication (QT_QPA_PLATFORM=offscreen "
                                    "without a display)");
        return false;
    }
    QByteArray bytes;
    {
        QBuffer buffer(&bytes);
        if (!buffer.open(QIODevice::WriteOnly)) {
            if (error)
                *error = QStringLiteral("cannot open the PDF buffer");
            return false;
        }
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
        writer.setResolution(150);
        writer.setTitle(QStringLiteral("Health report: ")
                        + (report.title.isEmpty() ? QStringLiteral("engine") : report.title));
        writer.setCreator(QStringLiteral("Flowscope"));

        QTextDocument document;
        document.setHtml(HtmlReport::render(report));
        document.print(&writer);
    }
    if (!bytes.startsWith("%PDF")) {
        if (error)
            *error = QStringLiteral("the PDF writer produced no document");
        return false;
    }
    *out = std::move(bytes);
    return true;
}

} // namespace flowscope
