#include "reportcommand.h"

#include "journal/journal.h"
#include "report/journalreportsource.h"
#include "report/reportformat.h"
#include "report/reportwriter.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

#include <cstdio>

namespace flowscope {

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "flowscope report: %s\n", qUtf8Printable(message));
    return 2;
}

} // namespace

int runReportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("flowscope", "Writes a health report from a journal."));
    parser.addHelpOption();
    const QCommandLineOption dbOption(QStringLiteral("db"),
                                      QCoreApplication::translate("flowscope", "Journal file."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption formatOption(
        QStringLiteral("format"),
        QCoreApplication::translate("flowscope", "md, json, html or pdf (default: from --out, "
                                                 "else md)."),
        QStringLiteral("FORMAT"));
    const QCommandLineOption outOption(
        QStringLiteral("out"),
        QCoreApplication::translate("flowscope", "Output file (default: standard output)."),
        QStringLiteral("FILE"));
    const QCommandLineOption hoursOption(
        QStringLiteral("hours"),
        QCoreApplication::translate("flowscope", "Hours of alerts and metrics (default 24)."),
        QStringLiteral("N"));
    parser.addOptions({dbOption, formatOption, outOption, hoursOption});
    // The first argument after the program is the word "report".
    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1);
    if (!parser.parse(args))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::printf("%s", qUtf8Printable(parser.helpText()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("unexpected argument: %1").arg(parser.positionalArguments()[0]));
    if (!parser.isSet(dbOption))
        return fail(QStringLiteral("--db FILE is required"));
    const QString db = parser.value(dbOption);
    if (!QFileInfo::exists(db))
        return fail(QStringLiteral("%1: no such file").arg(db));

    const QString out = parser.value(outOption);
    QString formatName = parser.value(formatOption);
    if (formatName.isEmpty())
        formatName = out.isEmpty() ? QStringLiteral("md") : QFileInfo(out).suffix();
    ReportFormat format;
    if (!reportFormatFromName(formatName, &format))
        return fail(QStringLiteral("unknown format '%1' (formats: %2)")
                        .arg(formatName, reportFormatNames().join(QLatin1String(", "))));
    bool ok = true;
    const int hours = parser.isSet(hoursOption) ? parser.value(hoursOption).toInt(&ok) : 24;
    if (!ok || hours < 1 || hours > 24 * 36500)
        return fail(QStringLiteral("--hours needs a whole number of hours from 1"));

    Journal journal;
    QString error;
    if (!journal.open(db, &error))
        return fail(error);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const HealthReport report = healthReportFromJournal(journal, now, qint64(hours) * 3'600'000);
    if (!out.isEmpty()) {
        if (!ReportWriter::write(report, format, out, &error))
            return fail(error);
        return 0;
    }
    QByteArray bytes;
    if (!ReportWriter::render(report, format, &bytes, &error))
        return fail(error);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    return 0;
}

} // namespace flowscope
