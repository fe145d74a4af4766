#include "commandline.h"
#include "consolemode.h"
#include "exporttracecommand.h"
#include "firstframereporter.h"
#include "headlessmode.h"
#include "reportcommand.h"
#include "uilanguage.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    flowscope::FirstFrameReporter::markMainStarted();
    QCoreApplication::setApplicationName(QStringLiteral("flowscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLOWSCOPE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Flowscope"));

    // Parsed before any application object exists: --headless decides which one to create.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    // Without a window, the offscreen platform still lets reports render PDF (fonts, layout).
    const auto offscreenGui = [] {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    };
    if (arguments.size() > 1 && arguments[1] == QLatin1String("report")) {
        offscreenGui();
        QGuiApplication app(argc, argv);
        flowscope::UiLanguage::install(QString(), &app); // the system's language
        return flowscope::runReportCommand(arguments);
    }
    if (arguments.size() > 1 && arguments[1] == QLatin1String("export-trace")) {
        QCoreApplication app(argc, argv);
        flowscope::UiLanguage::install(QString(), &app);
        return flowscope::runExportTraceCommand(arguments);
    }
    flowscope::CommandLine commandLine;
    if (!commandLine.parse(arguments)) {
        std::fprintf(stderr, "flowscope: %s\n", qUtf8Printable(commandLine.errorText()));
        return 2;
    }
    const flowscope::CommandLineOptions &options = commandLine.options();
    if (options.showHelp) {
        // Parsed again with an application object, so the usage line names the program.
        QCoreApplication app(argc, argv);
        flowscope::UiLanguage::install(options.language, &app);
        commandLine.parse(QCoreApplication::arguments());
        std::printf("%s", qUtf8Printable(commandLine.helpText()));
        return 0;
    }
    if (options.showVersion) {
        std::printf("flowscope %s\n", FLOWSCOPE_VERSION);
        return 0;
    }

    if (options.headless) {
        offscreenGui();
        QGuiApplication app(argc, argv);
        flowscope::UiLanguage::install(options.language, &app);
        return flowscope::runHeadless(options);
    }
    // High-DPI pixmaps need no attribute in Qt 6 (AA_UseHighDpiPixmaps is always on); the
    // icons are drawn from SVG at each screen's scale (ThemedIconEngine).
    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/flowscope.svg")));
    return flowscope::runConsole(options);
}
