#include "benchmark.h"

#include <algorithm>

namespace flowscope::bench {

QVector<Benchmark> &registry()
{
    static QVector<Benchmark> list;
    return list;
}

double median(QVector<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const int n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

} // namespace flowscope::bench
