#include "metrics/metricssummary.h"

namespace flowscope {

namespace {

const char *const scopeNames[] = {"engine", "flow", "job", "routine", "agent"};
constexpr int scopeCount = 5;

} // namespace

QString metricScopeName(MetricScope scope)
{
    const int i = int(scope);
    return i >= 0 && i < scopeCount ? QString::fromLatin1(scopeNames[i]) : QString();
}

bool metricScopeFromName(QStringView name, MetricScope *scope)
{
    for (int i = 0; i < scopeCount; ++i) {
        if (name.compare(QLatin1String(scopeNames[i]), Qt::CaseInsensitive) == 0) {
            if (scope)
                *scope = MetricScope(i);
            return true;
        }
    }
    return false;
}

double MetricsSummary::throughputPerS(qint64 spanMs) const
{
    if (activations == 0)
        return 0;
    qint64 span = spanMs > 0 ? spanMs : toMs - fromMs;
    // Everything within one millisecond (or a single activation): count it over one second
    // rather than dividing by zero.
    if (span <= 0)
        span = 1000;
    return double(activations) * 1000.0 / double(span);
}

} // namespace flowscope
