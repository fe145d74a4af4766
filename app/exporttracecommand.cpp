#include "exporttracecommand.h"

#include "journal/journal.h"
#include "subcommandline.h"
#include "trace/chrometrace.h"
#include "trace/jobtracesource.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

namespace flowscope {

int runExportTraceCommand(const QStringList &arguments)
{
    SubcommandLine command(QStringLiteral("export-trace"),
                           QCoreApplication::translate("flowscope", "Writes a job's trace from a "
                                                                    "journal in the Chrome Trace "
                                                                    "Event Format."));
    const QCommandLineOption jobOption(QStringLiteral("job"),
                                       QCoreApplication::translate("flowscope", "Job id."),
                                       QStringLiteral("ID"));
    QCommandLineParser &parser = command.parser();
    parser.addOption(jobOption);
    if (const int exitCode = command.parse(arguments); exitCode >= 0)
        return exitCode;
    if (!parser.isSet(jobOption))
        return command.fail(QStringLiteral("--job ID is required"));
    bool ok = false;
    const QString jobText = parser.value(jobOption);
    const JobId job = JobId::fromString(jobText, &ok);
    if (!ok || job.isNull())
        return command.fail(
            QStringLiteral("--job: '%1' is not a job id (expected iiiiiiii-nnnnnnnn)")
                .arg(jobText));

    Journal journal;
    if (const int exitCode = command.openJournal(&journal); exitCode >= 0)
        return exitCode;
    const std::optional<JobTrace> trace = JobTraceSource::fromJournal(journal, job);
    if (!trace)
        return command.fail(QStringLiteral("%1 has no job %2").arg(journal.path(), job.toString()));

    QString error;
    const QString out = parser.value(command.outOption());
    if (out.isEmpty()) {
        QFile standardOutput;
        if (!standardOutput.open(stdout, QIODevice::WriteOnly))
            return command.fail(QStringLiteral("cannot write to standard output"));
        if (!ChromeTrace::write(trace->events, trace->info, &standardOutput, &error))
            return command.fail(error);
        return 0;
    }
    // Replaced whole or left alone.
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        return command.fail(QStringLiteral("%1: %2").arg(out, file.errorString()));
    if (!ChromeTrace::write(trace->events, trace->info, &file, &error))
        return command.fail(QStringLiteral("%1: %2").arg(out, error));
    if (!file.commit())
        return command.fail(QStringLiteral("%1: %2").arg(out, file.errorString()));
    return 0;
}

} // namespace flowscope
