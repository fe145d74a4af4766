#pragma once

#include <QObject>

namespace flowscope {

class DebuggerController;
class EngineSession;
class EventLogView;
class TimelinePanel;

// Keeps the timeline, the event log and the flow graph pointing at the same thing, by the
// engine's sequence numbers: a span clicked in the timeline selects its event in the log (which
// shows its routine in the graph; when the log does not show the event, the graph is told
// directly); an event selected in the log is revealed in the timeline; a routine selected in
// the graph is highlighted there.
class TimelineLink : public QObject
{
    Q_OBJECT
public:
    TimelineLink(TimelinePanel *timeline, EventLogView *eventLog, DebuggerController *debugger,
                 QObject *parent = nullptr);

    // The window shows another engine: its timeline, and its event log's selection.
    void setSession(EngineSession *session);

private:
    void timelineClicked(quint64 seq);
    void eventSelected(int row);
    void routineSelected();

    TimelinePanel *m_timeline;
    EventLogView *m_eventLog;
    DebuggerController *m_debugger;
};

} // namespace flowscope
