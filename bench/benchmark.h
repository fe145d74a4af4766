#pragma once

#include <QString>
#include <QVector>

#include <functional>

namespace flowscope::bench {

// A number a benchmark measures, with its goal.
struct Figure
{
    QString name;
    QString unit;
    double goal = 0; // 0: a baseline, measured for comparison, without a goal
    bool lowerIsBetter = true;

    bool hasGoal() const { return goal != 0; }
    bool meetsGoal(double value) const { return lowerIsBetter ? value <= goal : value >= goal; }
};

struct Options
{
    bool quick = false;
};

// A benchmark runs once and returns one value per figure, in order; the runner repeats it (each
// time in a fresh process) and takes medians.
struct Benchmark
{
    QString name;
    QString description;
    QVector<Figure> figures;
    std::function<QVector<double>(const Options &)> run;
    bool needsGui = false; // runs with a QApplication (offscreen unless a platform is set)
};

// Registration from each benchmark's file, at static-initialization time.
QVector<Benchmark> &registry();
struct Registrar
{
    explicit Registrar(Benchmark b) { registry().push_back(std::move(b)); }
};

double median(QVector<double> values);

} // namespace flowscope::bench
