// flowscope-bench [--quick] [--runs N] [NAME...]: runs the benchmarks, prints a table of medians
// and one "FIGURE <name> <value> <unit>" line per figure for scripts. Every run of a benchmark is
// a fresh child process, so that no benchmark measures the heap another one left behind.

#include "benchmark.h"

#ifdef FLOWSCOPE_BENCH_WIDGETS
#include <QApplication>
#endif
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QProcess>
#include <QSysInfo>
#include <QThread>

#include <cstdio>

using namespace flowscope::bench;

int main(int argc, char **argv)
{
#ifdef FLOWSCOPE_BENCH_WIDGETS
    // Some benchmarks paint widgets into images: no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QCoreApplication::setApplicationName(QStringLiteral("flowscope-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Measures Flowscope's figures."));
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("quick"), QStringLiteral("Smaller runs; finishes in under a minute.")});
    parser.addOption({QStringLiteral("runs"),
                      QStringLiteral("Repetitions per benchmark (median taken)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("list"), QStringLiteral("List the benchmarks.")});
    QCommandLineOption childOption(QStringLiteral("child"),
                                   QStringLiteral("Run one benchmark once (internal)."),
                                   QStringLiteral("NAME"));
    childOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(childOption);
    parser.addPositionalArgument(QStringLiteral("NAME"),
                                 QStringLiteral("Benchmarks to run (default: all)."),
                                 QStringLiteral("[NAME...]"));
    parser.process(app);

    if (parser.isSet(QStringLiteral("list"))) {
        for (const Benchmark &b : registry())
            std::printf("%-12s %s\n", qPrintable(b.name), qPrintable(b.description));
        return 0;
    }
    Options options;
    options.quick = parser.isSet(QStringLiteral("quick"));
    bool ok = true;
    const int runs = parser.isSet(QStringLiteral("runs"))
                         ? parser.value(QStringLiteral("runs")).toInt(&ok)
                         : (options.quick ? 3 : 5);
    if (!ok || runs < 1) {
        std::fprintf(stderr, "flowscope-bench: --runs needs a number >= 1\n");
        return 2;
    }
    if (parser.isSet(childOption)) {
        for (const Benchmark &b : registry()) {
            if (b.name != parser.value(childOption))
                continue;
            for (double value : b.run(options))
                std::printf("VALUE %.17g\n", value);
            return 0;
        }
        return 2;
    }
    const QStringList wanted = parser.positionalArguments();
    for (const QString &name : wanted) {
        const bool known = std::any_of(registry().begin(), registry().end(),
                                       [&](const Benchmark &b) { return b.name == name; });
        if (!known) {
            std::fprintf(stderr, "flowscope-bench: no benchmark '%s' (see --list)\n",
                         qPrintable(name));
            return 2;
        }
    }

    std::printf("machine: %s, %d cores; runs: %d%s\n", qPrintable(QSysInfo::prettyProductName()),
                QThread::idealThreadCount(), runs, options.quick ? " (quick)" : "");
    std::printf("%-42s %16s %-14s %12s %s\n", "figure", "median", "unit", "goal", "");
    QVector<std::pair<Figure, double>> results;
    for (const Benchmark &b : registry()) {
        if (!wanted.isEmpty() && !wanted.contains(b.name))
            continue;
        QVector<QVector<double>> samples;
        for (int i = 0; i < runs; ++i) {
            QProcess child;
            QStringList arguments{QStringLiteral("--child"), b.name};
            if (options.quick)
                arguments << QStringLiteral("--quick");
            child.start(QCoreApplication::applicationFilePath(), arguments);
            if (!child.waitForFinished(-1) || child.exitCode() != 0) {
                std::fprintf(stderr, "flowscope-bench: %s failed: %s\n", qPrintable(b.name),
                             child.readAllStandardError().constData());
                return 1;
            }
            // The child prints one value per figure, in the order the benchmark declares them.
            QVector<double> values;
            for (const QByteArray &line : child.readAllStandardOutput().split('\n')) {
                if (line.startsWith("VALUE "))
                    values.push_back(line.mid(6).toDouble());
            }
            if (values.size() != b.figures.size()) {
                std::fprintf(stderr, "flowscope-bench: %s reported %d values for %d figures\n",
                             qPrintable(b.name), int(values.size()), int(b.figures.size()));
                return 1;
            }
            samples.push_back(values);
        }
        for (int f = 0; f < b.figures.size(); ++f) {
            const Figure &figure = b.figures[f];
            QVector<double> values;
            for (const auto &sample : samples)
                values << sample[f];
            const double value = median(values);
            results.push_back({figure, value});
            std::printf("%-42s %16.2f %-14s %12s %s\n", qPrintable(figure.name), value,
                        qPrintable(figure.unit),
                        qPrintable(!figure.hasGoal() ? QStringLiteral("baseline")
                                   : figure.lowerIsBetter
                                       ? QStringLiteral("<= ") + QString::number(figure.goal)
                                       : QStringLiteral(">= ") + QString::number(figure.goal)),
                        !figure.hasGoal()         ? ""
                        : figure.meetsGoal(value) ? "met"
                                                  : "MISSED");
            std::fflush(stdout);
        }
    }
    for (const auto &[figure, value] : results)
        std::printf("FIGURE %s %.3f %s\n", qPrintable(figure.name), value, qPrintable(figure.unit));
    return 0;
}
