#pragma once

#include "client/engineclient.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <optional>

class QAction;
class QMenu;
class QTableView;
class QTimer;
class QWidget;

namespace flowscope {

class BreakpointModel;
class FlowGraphScene;

// Breakpoints as the user sets them: toggled on the graph's markers, edited from a context menu,
// listed in the Breakpoints dock, and kept with their flow (BreakpointStore) between sessions.
class BreakpointController : public QObject
{
    Q_OBJECT
public:
    BreakpointController(EngineClient *client, FlowGraphScene *scene, QWidget *parentWidget);

    BreakpointModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    const QVector<Breakpoint> &breakpointList() const;

    // Another engine: its breakpoints replace the shown ones. flows: the engine's flows so far
    // (not restored again). keepBreakpoints: save and restore its flows' breakpoints.
    void setClient(EngineClient *client, const QVector<FlowDefinition> &flows,
                   bool keepBreakpoints);
    void setFlows(const QVector<FlowDefinition> &flows);
    // A flow (re)loaded: its saved breakpoints are re-created when it is next listed.
    void flowAdded(const QString &flowId);
    // Toggles a flow-level breakpoint on the graph's flow.
    void toggle(const QString &routine, Breakpoint::Kind kind, const QString &port);
    // Hit counts and errors change as jobs run: refreshed (throttled) when the events say so.
    void applyEvents(const QVector<Event> &events);
    std::optional<Breakpoint> find(const QString &flowId, const QString &routine,
                                   Breakpoint::Kind kind, const QString &port) const;

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    enum class Field { Condition, HitCondition, LogMessage };

    void setBreakpoints(const QVector<Breakpoint> &breakpoints);
    void showMenu(const QString &routine, Breakpoint::Kind kind, const QString &port,
                  const QPoint &screenPos);
    void showTableMenu(const QPoint &pos);
    // deleteAction: the table's own (with its Del shortcut) in place of a plain Delete.
    void addMenuActions(QMenu *menu, const Breakpoint &breakpoint, QAction *deleteAction = nullptr);
    void edit(const Breakpoint &breakpoint, Field field);
    void replace(const Breakpoint &old, const Breakpoint &updated);
    void add(const Breakpoint &breakpoint);
    void remove(const QString &id);
    void restore(const FlowDefinition &flow);
    void saveChanged();
    QVector<Breakpoint> flowBreakpoints(const QString &flowId) const;

    EngineClient *m_client;
    FlowGraphScene *m_scene;
    QWidget *m_parentWidget;
    BreakpointModel *m_model;
    QTableView *m_view;
    QTimer *m_refreshTimer;
    QAction *m_deleteAction = nullptr; // Del in the table
    QHash<QString, FlowDefinition> m_flows;
    QSet<QString> m_toRestore;           // flows added again since they were last restored
    QHash<QString, QByteArray> m_stored; // what each known flow has on disk / in settings
    int m_outstanding = 0;               // requests not answered yet; saving waits for quiet
    bool m_keepBreakpoints = true;       // false for engines whose flows are not ours to annotate
};

} // namespace flowscope
