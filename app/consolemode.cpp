#include "consolemode.h"

#include "client/inprocessclient.h"
#include "commandline.h"
#include "endpoint/endpointthread.h"
#include "engineprofilecontroller.h"
#include "enginesession.h"
#include "journal/journal.h"
#include "mainwindow.h"
#include "quitonsignal.h"
#include "remoteengines.h"
#include "runtime/engine.h"

#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QStatusBar>
#include <QTranslator>

#include <cstdio>

namespace flowscope {

namespace {
void installTranslations(const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    if (locale.language() != QLocale::German)
        return;
    auto *qtTranslator = new QTranslator(qApp);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    }
    auto *translator = new QTranslator(qApp);
    if (translator->load(locale, QStringLiteral("flowscope"), QStringLiteral("_"),
                         QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(translator);
    }
}
} // namespace

int runConsole(const CommandLineOptions &options)
{
    installTranslations(options.language);

    Engine engine(options.engine);
    engine.addDemoFlows();
    // The journal: the file asked for, or the default one. A file given explicitly that cannot
    // be used ends the program; the default one only costs persistence, said in the window.
    QString journalWarning;
    if (!options.noJournal) {
        const QString path
            = options.journalPath.isEmpty() ? Journal::defaultPath() : options.journalPath;
        const Status status = engine.openJournal(path);
        if (!status.ok() && !options.journalPath.isEmpty()) {
            std::fprintf(stderr, "flowscope: %s\n", qUtf8Printable(status.message));
            return 2;
        }
        if (!status.ok())
            journalWarning = status.message;
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
    if (options.listenGiven) {
        servedAddress = options.listenAddress;
        endpoint.start(options.listenAddress, options.listenPort);
    }

    // Other engines over the network; those added in earlier runs are listed again, and the ones
    // marked so connect now, in the background.
    enableRemoteEngines(window.engines());
    window.engineProfiles()->restore();

    if (!journalWarning.isEmpty())
        window.statusBar()->showMessage(journalWarning);

    QuitOnSignal quitOnSignal;
    window.show();
    const int code = QApplication::exec();
    endpoint.stop();
    return code;
}

} // namespace flowscope
