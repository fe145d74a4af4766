#pragma once

#include <QObject>

class QWidget;

namespace flowscope {

// For flowscope-bench's cold_start_ms: with FLOWSCOPE_FIRST_FRAME in the environment, prints
// "FIRST_FRAME main_ns=… painted_ns=… cpu_ms=…" once the window's first frame is painted and
// "ENGINE_READY ready_ns=…" once the engine's set-up is done (CLOCK_MONOTONIC, comparable across
// processes), and quits after both when the variable says "quit". Does nothing otherwise.
class FirstFrameReporter : public QObject
{
    Q_OBJECT
public:
    // Call first thing in main(): the start of the program's own code.
    static void markMainStarted();
    static void watch(QWidget *window);
    // The demo flows are registered and the journal is open.
    static void markEngineReady();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    FirstFrameReporter(QWidget *window, bool quit);
    void reportFrame();
    void quitWhenDone();

    QWidget *m_window;
    bool m_quit;
    bool m_painted = false;
    bool m_reported = false;
    bool m_engineReady = false;
};

} // namespace flowscope
