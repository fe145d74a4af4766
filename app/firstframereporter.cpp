#include "firstframereporter.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <sys/resource.h>

#include <chrono>
#include <cstdio>

namespace flowscope {

namespace {
qint64 monotonicNs()
{
    // steady_clock is CLOCK_MONOTONIC on Linux: the bench reads the same clock.
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// User and system time of every thread so far: what the start cost, whatever the machine's load.
double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms
        = [](const timeval &t) { return double(t.tv_sec) * 1e3 + double(t.tv_usec) / 1e3; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

qint64 mainStartedNs = 0;
QPointer<FirstFrameReporter> instance;
bool engineReadyEarly = false; // before the window was watched
} // namespace

void FirstFrameReporter::markMainStarted()
{
    mainStartedNs = monotonicNs();
}

FirstFrameReporter::FirstFrameReporter(QWidget *window, bool quit)
    : QObject(window)
    , m_window(window)
    , m_quit(quit)
    , m_engineReady(engineReadyEarly)
{
    window->installEventFilter(this);
}

void FirstFrameReporter::watch(QWidget *window)
{
    const QByteArray mode = qgetenv("FLOWSCOPE_FIRST_FRAME");
    if (!mode.isEmpty())
        instance = new FirstFrameReporter(window, mode == "quit");
}

void FirstFrameReporter::markEngineReady()
{
    if (qEnvironmentVariableIsEmpty("FLOWSCOPE_FIRST_FRAME"))
        return;
    std::printf("ENGINE_READY ready_ns=%lld\n", static_cast<long long>(monotonicNs()));
    std::fflush(stdout);
    engineReadyEarly = true;
    if (instance) {
        instance->m_engineReady = true;
        instance->quitWhenDone();
    }
}

bool FirstFrameReporter::eventFilter(QObject *watched, QEvent *event)
{
    // The window's paint event starts the paint of the whole frame; the frame is complete (every
    // child painted, the backing store flushed) when the event loop runs again.
    if (watched == m_window && event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        QTimer::singleShot(0, this, &FirstFrameReporter::reportFrame);
    }
    return QObject::eventFilter(watched, event);
}

void FirstFrameReporter::reportFrame()
{
    std::printf("FIRST_FRAME main_ns=%lld painted_ns=%lld cpu_ms=%.3f\n",
                static_cast<long long>(mainStartedNs), static_cast<long long>(monotonicNs()),
                cpuMs());
    std::fflush(stdout);
    m_window->removeEventFilter(this);
    m_reported = true;
    quitWhenDone();
}

void FirstFrameReporter::quitWhenDone()
{
    if (m_quit && m_reported && m_engineReady)
        QCoreApplication::quit();
}

} // namespace flowscope
