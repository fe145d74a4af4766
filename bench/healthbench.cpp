#include "benchmark.h"

#include "health/healthmonitor.h"
#include "health/healthtimer.h"

#include <QDateTime>
#include <QThread>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace flowscope::bench {

namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr int intervalMs = 100;
constexpr int failedAfterIntervals = 3;
constexpr int agentCount = 8;

QString agentName(int i)
{
    return QStringLiteral("worker-%1").arg(i);
}

// The engine's arrangement: a HealthTimer in its own thread with an event loop, agents beating
// from their own threads. Each round one agent stops beating; the value is the time from its last
// beat (steady clock, taken as beat() returns) to the FAILED alert reaching the handler.
QVector<double> failedDetectionMs(int rounds)
{
    HealthPolicy policy;
    policy.intervalMs = intervalMs;
    policy.failedAfterIntervals = failedAfterIntervals;
    HealthMonitor monitor(policy);

    std::mutex mutex;
    std::condition_variable failed;
    int silent = -1; // the agent that stops beating this round, under mutex
    bool declared = false;
    SteadyClock::time_point failedAt;

    QThread thread;
    thread.setObjectName(QStringLiteral("health"));
    thread.start();
    auto *timer = new HealthTimer(&monitor, [&](const QVector<Alert> &alerts) {
        const auto now = SteadyClock::now();
        std::lock_guard<std::mutex> lock(mutex);
        for (const Alert &alert : alerts) {
            if (alert.to == HealthState::Failed && silent >= 0 && alert.agent == agentName(silent)
                && !declared) {
                declared = true;
                failedAt = now;
                failed.notify_all();
            }
        }
    });
    timer->moveToThread(&thread);
    for (int i = 0; i < agentCount; ++i)
        monitor.addAgent(agentName(i), QDateTime::currentMSecsSinceEpoch());
    timer->rearm();

    std::atomic<int> stopped{-1}; // read by the beating threads
    std::atomic<bool> quit{false};
    std::vector<std::atomic<SteadyClock::rep>> lastBeat(agentCount);
    std::vector<std::thread> agents;
    const auto start = SteadyClock::now();
    for (int i = 0; i < agentCount; ++i) {
        agents.emplace_back([&, i] {
            const QString name = agentName(i);
            const QVariantMap metadata{{QStringLiteral("routine"), QStringLiteral("scan")}};
            // Staggered, as real agents are: their deadlines spread over the interval.
            const auto first = start + std::chrono::milliseconds(i * intervalMs / agentCount);
            for (int k = 0; !quit; ++k) {
                std::this_thread::sleep_until(first + std::chrono::milliseconds(k * intervalMs));
                if (stopped == i)
                    continue;
                if (monitor.beat(name, QDateTime::currentMSecsSinceEpoch(), metadata, nullptr))
                    timer->rearm(); // back from FAILED: it has deadlines again
                lastBeat[i] = SteadyClock::now().time_since_epoch().count();
            }
        });
    }

    QVector<double> values;
    std::this_thread::sleep_for(std::chrono::milliseconds(3 * intervalMs));
    for (int round = 0; round < rounds; ++round) {
        const int victim = round % agentCount;
        {
            std::lock_guard<std::mutex> lock(mutex);
            silent = victim;
            declared = false;
        }
        stopped = victim;
        bool ok = false;
        {
            std::unique_lock<std::mutex> lock(mutex);
            ok = failed.wait_for(lock, std::chrono::seconds(5), [&] { return declared; });
        }
        // A round whose alert never came counts as the whole wait.
        double ms = 5000;
        if (ok) {
            const SteadyClock::time_point last{SteadyClock::duration(lastBeat[victim].load())};
            ms = std::chrono::duration<double, std::milli>(failedAt - last).count();
        }
        values << ms;
        {
            std::lock_guard<std::mutex> lock(mutex);
            silent = -1;
        }
        stopped = -1;
        // Let it recover and settle before the next round.
        std::this_thread::sleep_for(std::chrono::milliseconds(3 * intervalMs));
    }

    quit = true;
    for (std::thread &agent : agents)
        agent.join();
    QMetaObject::invokeMethod(
        timer, [timer] { delete timer; }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    return values;
}

const Registrar health{
    {QStringLiteral("health"),
     QStringLiteral("time from an agent's last heartbeat to its FAILED alert, 100 ms interval"),
     {{QStringLiteral("failed_detection_ms"), QStringLiteral("ms"), 350, true},
      {QStringLiteral("failed_detection_ideal_ms"), QStringLiteral("ms"), 0, true}},
     [](const Options &options) {
         return QVector<double>{median(failedDetectionMs(options.quick ? 3 : 7)),
                                double(failedAfterIntervals * intervalMs)};
     }}};

} // namespace

} // namespace flowscope::bench
