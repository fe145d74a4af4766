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

QString hostText(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol
               ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
               : address.toString();
}
} // namespace

int runHeadless(const CommandLineOptions &options)
{
    EngineConfig config;
    if (options.workers > 0)
        config.workers = options.workers;
    config.monitoring = options.monitoring;
    Engine engine(config);

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
    const quint16 port = endpoint.listen(options.listenAddress, options.listenPort, &error);
    if (port == 0) {
        printError(QCoreApplication::translate("flowscope", "Cannot listen on %1:%2: %3")
                       .arg(hostText(options.listenAddress))
                       .arg(options.listenPort)
                       .arg(error));
        return 2;
    }
    std::printf("Flowscope endpoint listening on http://%s:%u\n",
                qUtf8Printable(hostText(options.listenAddress)), unsigned(port));
    std::fflush(stdout);

    QuitOnSignal quitOnSignal;
    return QCoreApplication::exec();
}

} // namespace flowscope
