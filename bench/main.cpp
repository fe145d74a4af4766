// flowscope-bench [--quick] [--runs N] [NAME...]: runs the benchmarks, prints a table of medians
// and one "FIGURE <name> <value> <unit>" line per figure for scripts.

#include "benchmark.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSysInfo>
#include <QThread>

#include <cstdio>

using namespace flowscope::bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
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
    std::printf("%-30s %16s %-14s %12s %s\n", "figure", "median", "unit", "goal", "");
    QVector<Figure> results;
    for (const Benchmark &b : registry()) {
        if (!wanted.isEmpty() && !wanted.contains(b.name))
            continue;
        QVector<QVector<Figure>> samples;
        for (int i = 0; i < runs; ++i)
            samples.push_back(b.run(options));
        for (int f = 0; f < samples.first().size(); ++f) {
            Figure figure = samples.first()[f];
            QVector<double> values;
            for (const auto &sample : samples)
                values << sample[f].value;
            figure.value = median(values);
            results << figure;
            std::printf(
                "%-30s %16.2f %-14s %12s %s\n", qPrintable(figure.name), figure.value,
                qPrintable(figure.unit),
                qPrintable((figure.lowerIsBetter ? QStringLiteral("<= ") : QStringLiteral(">= "))
                           + QString::number(figure.goal)),
                figure.meetsGoal() ? "met" : "MISSED");
            std::fflush(stdout);
        }
    }
    for (const Figure &figure : results)
        std::printf("FIGURE %s %.3f %s\n", qPrintable(figure.name), figure.value,
                    qPrintable(figure.unit));
    return 0;
}
