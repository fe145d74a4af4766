#include "commandline.h"
#include "consolemode.h"
#include "headlessmode.h"

#include <QApplication>
#include <QCoreApplication>
#include <QIcon>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("flowscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FLOWSCOPE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("Flowscope"));

    // Parsed before any application object exists: --headless decides which one to create.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    flowscope::CommandLine commandLine;
    if (!commandLine.parse(arguments)) {
        std::fprintf(stderr, "flowscope: %s\n", qUtf8Printable(commandLine.errorText()));
        return 2;
    }
    const flowscope::CommandLineOptions &options = commandLine.options();
    if (options.showHelp) {
        // Parsed again with an application object, so the usage line names the program.
        QCoreApplication app(argc, argv);
        commandLine.parse(QCoreApplication::arguments());
        std::printf("%s", qUtf8Printable(commandLine.helpText()));
        return 0;
    }
    if (options.showVersion) {
        std::printf("flowscope %s\n", FLOWSCOPE_VERSION);
        return 0;
    }

    if (options.headless) {
        QCoreApplication app(argc, argv);
        return flowscope::runHeadless(options);
    }
    QApplication app(argc, argv);
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/flowscope.svg")));
    return flowscope::runConsole(options);
}
