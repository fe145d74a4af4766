#pragma once

#include <QString>
#include <QVector>

#include <functional>

namespace flowscope::bench {

// One measured number, with its goal.
struct Figure
{
    QString name;
    double value = 0;
    QString unit;
    double goal = 0;
    bool lowerIsBetter = true;

    bool meetsGoal() const { return lowerIsBetter ? value <= goal : value >= goal; }
};

struct Options
{
    bool quick = false;
};

// A benchmark runs once and returns its figures; the runner repeats it and takes medians.
struct Benchmark
{
    QString name;
    QString description;
    std::function<QVector<Figure>(const Options &)> run;
};

// Registration from each benchmark's file, at static-initialization time.
QVector<Benchmark> &registry();
struct Registrar
{
    explicit Registrar(Benchmark b) { registry().push_back(std::move(b)); }
};

double median(QVector<double> values);

} // namespace flowscope::bench
