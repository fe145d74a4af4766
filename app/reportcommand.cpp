#include "reportcommand.h"

#include "journal/journal.h"
#include "report/journalreportsource.h"
#include "report/reportformat.h"
#include "report/reportwriter.h"
#include "subcommandline.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

#include <cstdio>

namespace flowscope {

int runReportCommand(const QStringList &arguments)
{
    SubcommandLine command(
        QStringLiteral("report"),
        QCoreApplication::translate("flowscope", "Writes a health report from a journal."));
    const QCommandLineOption formatOption(
        QStringLiteral("format"),
        QCoreApplication::translate("flowscope", "md, json, html or pdf (default: from --out, "
                                                 "else md)."),
        QStringLiteral("FORMAT"));
    const QCommandLineOption hoursOption(
        QStringLiteral("hours"),
        QCoreApplication::translate("flowscope", "Hours of alerts and metrics (default 24)."),
        QStringLiteral("N"));
    QCommandLineParser &parser = command.parser();
    parser.addOptions({formatOption, hoursOption});
    if (const int exitCode = command.parse(arguments); exitCode >= 0)
        return exitCode;

    const QString out = parser.value(command.outOption());
    QString formatName = parser.value(formatOption);
    if (formatName.isEmpty())
        formatName = out.isEmpty() ? QStringLiteral("md") : QFileInfo(out).suffix();
    ReportFormat format;
    if (!reportFormatFromName(formatName, &format))
        return command.fail(QStringLiteral("unknown format '%1' (formats: %2)")
                                .arg(formatName, reportFormatNames().join(QLatin1String(", "))));
    bool ok = true;
    const int hours = parser.isSet(hoursOption) ? parser.value(hoursOption).toInt(&ok) : 24;
    if (!ok || hours < 1 || hours > 24 * 36500)
        return command.fail(QStringLiteral("--hours needs a whole number of hours from 1"));

    Journal journal;
    if (const int exitCode = command.openJournal(&journal); exitCode >= 0)
        return exitCode;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const HealthReport report = healthReportFromJournal(journal, now, qint64(hours) * 3'600'000);
    QString error;
    if (!out.isEmpty()) {
        if (!ReportWriter::write(report, format, out, &error))
            return command.fail(error);
        return 0;
    }
    QByteArray bytes;
    if (!ReportWriter::render(report, format, &bytes, &error))
        return command.fail(error);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    return 0;
}

} // namespace flowscope
