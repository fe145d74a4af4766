#pragma once

#include <QtGlobal>

#include <chrono>

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#define FLOWSCOPE_HAVE_TSC 1
#endif

namespace flowscope {

// Event timestamps: nanoseconds since the Unix epoch. Where the processor has an invariant
// time-stamp counter it is read directly (about 10 ns, against 35 ns for the kernel's clock on
// the machines we measured) and scaled with a calibration taken once per process; elsewhere the
// monotonic clock is used. Both are anchored to the wall clock once, so they never step back.
class Clock
{
public:
    static qint64 nowNs()
    {
        const Calibration &c = calibration();
#ifdef FLOWSCOPE_HAVE_TSC
        if (c.useTsc)
            return c.baseNs + qint64(double(qint64(__rdtsc() - c.baseTicks)) * c.nsPerTick);
#endif
        return steadyNs() + c.steadyToWallNs;
    }

    static bool usesTsc()
    {
        return calibration().useTsc;
    }

private:
    struct Calibration
    {
        bool useTsc = false;
        quint64 baseTicks = 0;
        qint64 baseNs = 0;
        double nsPerTick = 0;
        qint64 steadyToWallNs = 0;
    };
    static const Calibration &calibration()
    {
        static const Calibration c = calibrate();
        return c;
    }
    static Calibration calibrate();
    static qint64 steadyNs()
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }
};

} // namespace flowscope
