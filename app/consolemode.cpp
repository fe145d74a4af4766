#include "consolemode.h"

#include "client/inprocessclient.h"
#include "commandline.h"
#include "endpoint/endpointthread.h"
#include "engineprofilecontroller.h"
#include "enginesession.h"
#include "firstframereporter.h"
#include "journal/journal.h"
#include "mainwindow.h"
#include "quitonsignal.h"
#include "remoteengines.h"
#include "runtime/engine.h"
#include "uilanguage.h"

#include <QApplication>
#include <QStatusBar>

#include <cstdio>
#include <functional>
#include <future>

namespace flowscope {

namespace {
// The demo flows (each Script routine is compiled in a JavaScript engine of its own, so that a
// bad script is refused with its flow) and the journal (the writer's thread opens and checks
// the file while this one waits): a good part of a start, done on a thread of its own while
// the window is built. Returns why the journal could not be opened, empty if it was (or none
// is kept).
QString setUpEngine(Engine *engine, const CommandLineOptions &options)
{
    engine->addDemoFlows();
    if (options.noJournal)
        return {};
    // The file asked for, or the default one.
    const QString path
        = options.journalPath.isEmpty() ? Journal::defaultPath() : options.journalPath;
    const Status status = engine->openJournal(path);
    return status.ok() ? QString() : status.message;
}
} // namespace

int runConsole(const CommandLineOptions &options)
{
    UiLanguage::install(options.language, qApp);

    Engine engine(options.engine);
    // Set when the engine is set up, in the GUI thread: the window is shown by then.
    std::function<void(const QString &)> engineReady;
    QObject setUpNotice; // lives in this thread: its queued calls run here
    std::future<QString> setUp
        = std::async(std::launch::async, [&engine, &options, &setUpNotice, &engineReady] {
              const QString journalError = setUpEngine(&engine, options);
              QMetaObject::invokeMethod(
                  &setUpNotice, [&engineReady, journalError] { engineReady(journalError); },
                  Qt::QueuedConnection);
              return journalError;
          });
    // A journal named on the command line that cannot be used ends the program before a window
    // appears; the default one only costs persistence, said in the window.
    if (!options.journalPath.isEmpty()) {
        const QString journalError = setUp.get();
        if (!journalError.isEmpty()) {
            std::fprintf(stderr, "flowscope: %s\n", qUtf8Printable(journalError));
            return 2;
        }
    }

    if (options.maxEvents > 0)
        EngineSession::setEventCapacity(options.maxEvents);
    InProcessClient client(&engine);
    MainWindow window(&client);
    for (const QString &path : options.flowFiles)
        client.addFlowFile(path); // failures show in the status bar

    // The window only asks; serving needs the engine, which only this function knows. start()
    // replaces an endpoint that is already running.
    QHostAddress servedAddress; // outlives the endpoint whose signals read it
    EndpointThread endpoint(&engine);
    endpoint.setSecurity(options.security);
    QObject::connect(&window, &MainWindow::serveRequested, &endpoint,
                     [&](const QHostAddress &address, quint16 port, const QByteArray &controlToken,
                         const QByteArray &readToken) {
                         // The dialog's tokens replace the command line's; TLS stays.
                         EndpointSecurity security = options.security;
                         security.controlToken = controlToken;
                         security.readToken = readToken;
                         endpoint.setSecurity(security);
                         servedAddress = address;
                         endpoint.start(address, port);
                     });
    QObject::connect(&endpoint, &EndpointThread::listening, &window, [&](quint16 port) {
        const QString url = CommandLine::url(servedAddress, port, options.security.usesTls());
        window.showEndpointListening(url);
        std::printf("Flowscope endpoint listening on %s\n", qUtf8Printable(url));
        std::fflush(stdout);
    });
    QObject::connect(&endpoint, &EndpointThread::failed, &window, &MainWindow::showEndpointFailed);

    engineReady = [&](const QString &journalError) {
        if (!journalError.isEmpty())
            window.statusBar()->showMessage(journalError);
        client.refreshFlows(); // the demo flows
        // Served once it has its demo flows, so that what a script asks for first is there.
        if (options.listenGiven) {
            servedAddress = options.listenAddress;
            endpoint.start(options.listenAddress, options.listenPort);
        }
        FirstFrameReporter::markEngineReady();
    };

    // Other engines over the network; those added in earlier runs are listed again, and the ones
    // marked so connect now, in the background.
    enableRemoteEngines(window.engines());
    window.engineProfiles()->restore();

    QuitOnSignal quitOnSignal;
    window.restoreLayout();
    FirstFrameReporter::watch(&window);
    window.show();
    const int code = QApplication::exec();
    endpoint.stop();
    if (setUp.valid())
        setUp.wait(); // the set-up uses the engine (and posts to setUpNotice): both go next
    return code;
}

} // namespace flowscope
