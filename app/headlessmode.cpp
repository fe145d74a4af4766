#include "headlessmode.h"

#include "commandline.h"
#include "endpoint/httpendpoint.h"
#include "quitonsignal.h"
#include "runtime/engine.h"

#include <QCoreApplication>

#include <cstdio>

namespace flowscope {

namespace {
void printError(const QString &message)
{
    std::fprintf(stderr, "flowscope: %s\n", qUtf8Printable(message));
}
} // namespace

int runHeadless(const CommandLineOptions &options)
{
    Engine engine(options.engine);
    if (!options.journalPath.isEmpty()) {
        const Status status = engine.openJournal(options.journalPath);
        if (!status.ok()) {
            printError(status.message);
            return 2;
        }
        const int interrupted = engine.interruptedJobs().size();
        if (interrupted > 0)
            std::printf("%d interrupted job(s) in %s: resume them with POST "
                        "/api/jobs/{id}/resume-from\n",
                        interrupted, qUtf8Printable(options.journalPath));
    }

    for (const QString &path : options.flowFiles) {
        const Status status = engine.addFlowFile(path);
        if (!status.ok()) {
            printError(status.message);
            return 2;
        }
    }
    if (options.demo)
        engine.addDemoFlows();

    HttpEndpoint endpoint(&engine);
    QString error;
    const quint16 port = endpoint.configure(options.security, &error)
                             ? endpoint.listen(options.listenAddress, options.listenPort, &error)
                             : 0;
    if (port == 0) {
        printError(QCoreApplication::translate("flowscope", "Cannot listen on %1: %2")
                       .arg(CommandLine::url(options.listenAddress, options.listenPort), error));
        return 2;
    }
    std::printf(
        "Flowscope endpoint listening on %s\n",
        qUtf8Printable(CommandLine::url(options.listenAddress, port, options.security.usesTls())));
    std::fflush(stdout);

    QuitOnSignal quitOnSignal;
    return QCoreApplication::exec();
}

} // namespace flowscope
