#include "report/reportwriter.h"

#include "report/htmlreport.h"
#include "report/jsonreport.h"
#include "report/markdownreport.h"
#include "report/pdfreport.h"

#include <QSaveFile>

namespace flowscope {

bool ReportWriter::render(const HealthReport &report, ReportFormat format, QByteArray *out,
                          QString *error)
{
    switch (format) {
    case ReportFormat::Markdown:
        *out = MarkdownReport::render(report).toUtf8();
        return true;
    case ReportFormat::Json:
        *out = JsonReport::render(report);
        return true;
    case ReportFormat::Html:
        *out = HtmlReport::render(report).toUtf8();
        return true;
    case ReportFormat::Pdf:
        return PdfReport::render(report, out, error);
    }
    if (error)
        *error = QStringLiteral("unknown report format %1").arg(int(format));
    return false;
}

bool ReportWriter::write(const HealthReport &report, ReportFormat format, const QString &path,
                         QString *error)
{
    QByteArray bytes;
    if (!render(report, format, &bytes, error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace flowscope
