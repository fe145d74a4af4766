#include "report/reportformat.h"

namespace flowscope {

namespace {

struct FormatInfo
{
    const char *name;
    const char *suffix;
    const char *mime;
};

const FormatInfo formats[] = {
    {"markdown", "md", "text/markdown; charset=utf-8"},
    {"json", "json", "application/json"},
    {"html", "html", "text/html; charset=utf-8"},
    {"pdf", "pdf", "application/pdf"},
};
constexpr int formatCount = 4;

const FormatInfo *info(ReportFormat format)
{
    const int i = int(format);
    return i >= 0 && i < formatCount ? &formats[i] : nullptr;
}

} // namespace

QString reportFormatName(ReportFormat format)
{
    const FormatInfo *f = info(format);
    return f ? QString::fromLatin1(f->name) : QString();
}

bool reportFormatFromName(QStringView name, ReportFormat *format)
{
    const QString lower = name.trimmed().toString().toLower();
    for (int i = 0; i < formatCount; ++i) {
        if (lower == QLatin1String(formats[i].name) || lower == QLatin1String(formats[i].suffix)) {
            if (format)
                *format = ReportFormat(i);
            return true;
        }
    }
    if (lower == QLatin1String("htm")) {
        if (format)
            *format = ReportFormat::Html;
        return true;
    }
    return false;
}

QStringList reportFormatNames()
{
    QStringList names;
    for (const FormatInfo &f : formats)
        names << QString::fromLatin1(f.name);
    return names;
}

QString reportMimeType(ReportFormat format)
{
    const FormatInfo *f = info(format);
    return f ? QString::fromLatin1(f->mime) : QString();
}

QString reportFileSuffix(ReportFormat format)
{
    const FormatInfo *f = info(format);
    return f ? QString::fromLatin1(f->suffix) : QString();
}

} // namespace flowscope
