#include "benchmark.h"

#include <QProcess>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>

namespace flowscope::bench {

namespace {

qint64 monotonicNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

struct Launch
{
    double toFrameMs = 0; // from starting the process to its first painted frame
    double mainToFrameMs = 0;
    double cpuMs = 0;           // CPU time of all its threads until then
    double toEngineReadyMs = 0; // until the demo flows are registered and the journal is open
};

// Starts the real console in profile (its settings and journal) and reads when its first frame
// was painted, on the clock both processes share. The console quits by itself after that frame.
Launch launchConsole(const QString &profile)
{
    QProcess console;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("FLOWSCOPE_FIRST_FRAME"), QStringLiteral("quit"));
    if (!env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), profile + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), profile + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), profile + QStringLiteral("/cache"));
    console.setProcessEnvironment(env);
    console.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const qint64 started = monotonicNs();
    console.start(QStringLiteral(FLOWSCOPE_BINARY),
                  {QStringLiteral("--lang"), QStringLiteral("en")});
    if (!console.waitForFinished(60000) || console.exitCode() != 0)
        qFatal("the console did not start and quit: exit code %d", console.exitCode());
    const QByteArray out = console.readAllStandardOutput();
    const qsizetype line = out.indexOf("FIRST_FRAME ");
    if (line < 0)
        qFatal("the console reported no first frame: %s", out.constData());
    qint64 mainNs = 0, paintedNs = 0, readyNs = 0;
    double cpuMs = 0;
    for (const QByteArray &field : out.simplified().split(' ')) {
        if (field.startsWith("main_ns="))
            mainNs = field.mid(8).toLongLong();
        else if (field.startsWith("painted_ns="))
            paintedNs = field.mid(11).toLongLong();
        else if (field.startsWith("cpu_ms="))
            cpuMs = field.mid(7).toDouble();
        else if (field.startsWith("ready_ns="))
            readyNs = field.mid(9).toLongLong();
    }
    if (readyNs == 0)
        qFatal("the console did not report its engine ready: %s", out.constData());
    return {double(paintedNs - started) / 1e6, double(paintedNs - mainNs) / 1e6, cpuMs,
            double(readyNs - started) / 1e6};
}

// The floor under any start: exec, the dynamic linker loading Qt, static initialisers.
double versionMs()
{
    QProcess process;
    const qint64 started = monotonicNs();
    process.start(QStringLiteral(FLOWSCOPE_BINARY), {QStringLiteral("--version")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        qFatal("flowscope --version failed");
    return double(monotonicNs() - started) / 1e6;
}

const Registrar coldStart{
    {QStringLiteral("coldstart"),
     QStringLiteral("the console from process start to its first painted frame"),
     {{QStringLiteral("cold_start_ms"), QStringLiteral("ms"), 300, true},
      {QStringLiteral("cold_start_main_to_frame_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("cold_start_cpu_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("cold_start_engine_ready_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("cold_start_first_run_ms"), QStringLiteral("ms"), 0, true},
      {QStringLiteral("process_exec_ms"), QStringLiteral("ms"), 0, true}},
     [](const Options &options) {
         QTemporaryDir profile;
         if (!profile.isValid())
             qFatal("no temporary directory");
         // The first start ever creates the settings and the journal; later ones, measured for
         // cold_start_ms, find them as a user's everyday start does.
         const Launch first = launchConsole(profile.path());
         QVector<double> toFrame, mainToFrame, cpu, ready;
         const int launches = options.quick ? 2 : 3;
         for (int i = 0; i < launches; ++i) {
             const Launch launch = launchConsole(profile.path());
             toFrame << launch.toFrameMs;
             mainToFrame << launch.mainToFrameMs;
             cpu << launch.cpuMs;
             ready << launch.toEngineReadyMs;
         }
         QVector<double> exec;
         for (int i = 0; i < launches; ++i)
             exec << versionMs();
         return QVector<double>{median(toFrame), median(mainToFrame), median(cpu),
                                median(ready),   first.toFrameMs,     median(exec)};
     }}};

} // namespace

} // namespace flowscope::bench
