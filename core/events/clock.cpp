#include "events/clock.h"

#include <QDateTime>

#ifdef FLOWSCOPE_HAVE_TSC
#include <cpuid.h>
#endif

namespace flowscope {

namespace {

#ifdef FLOWSCOPE_HAVE_TSC
bool invariantTsc()
{
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid(0x80000000, &eax, &ebx, &ecx, &edx) || eax < 0x80000007)
        return false;
    __get_cpuid(0x80000007, &eax, &ebx, &ecx, &edx);
    return edx & (1u << 8);
}
#endif

} // namespace

Clock::Calibration Clock::calibrate()
{
    Calibration c;
    const qint64 wallNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    const qint64 steady0 = steadyNs();
    c.steadyToWallNs = wallNs - steady0;
#ifdef FLOWSCOPE_HAVE_TSC
    if (qEnvironmentVariableIsSet("FLOWSCOPE_NO_TSC") || !invariantTsc())
        return c;
    // Count ticks against the monotonic clock over a few milliseconds; the error this leaves
    // (a few parts per million) is far below what a trace needs.
    const quint64 ticks0 = __rdtsc();
    qint64 steady1 = steady0;
    while (steady1 - steady0 < 8'000'000)
        steady1 = steadyNs();
    const quint64 ticks1 = __rdtsc();
    if (ticks1 <= ticks0)
        return c;
    c.nsPerTick = double(steady1 - steady0) / double(ticks1 - ticks0);
    c.baseTicks = ticks1;
    c.baseNs = steady1 + c.steadyToWallNs;
    c.useTsc = true;
#endif
    return c;
}

} // namespace flowscope
