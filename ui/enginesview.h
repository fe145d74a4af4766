#pragma once

#include <QHash>
#include <QTreeWidget>

namespace flowscope {

class EngineList;
class EngineSession;

// The Engines dock: every engine the console knows (the in-process one first), with its
// connection state (icon and text; the last error as tool tip), events per second and jobs.
// Selecting an engine makes the window show it. The context menu connects, disconnects,
// removes and edits.
class EnginesView : public QTreeWidget
{
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, RateColumn, JobsColumn, ColumnCount };

    explicit EnginesView(EngineList *engines, QWidget *parent = nullptr);

    QTreeWidgetItem *itemOf(const EngineSession *session) const;
    EngineSession *sessionAt(const QTreeWidgetItem *item) const;
    // The context menu's actions for a session, as the menu would offer them.
    QList<QAction *> actionsFor(EngineSession *session, QObject *parent);

    static QString stateText(const EngineSession *session);

    // Narrow: the dock shares its side with the flow list and should not widen it.
    QSize sizeHint() const override { return {120, 160}; }

Q_SIGNALS:
    void editRequested(flowscope::EngineSession *session);
    void removeRequested(flowscope::EngineSession *session);

private:
    void addSession(EngineSession *session);
    void removeSession(EngineSession *session);
    void refresh(EngineSession *session);
    void showContextMenu(const QPoint &pos);

    EngineList *m_engines;
    QHash<const EngineSession *, QTreeWidgetItem *> m_items;
};

} // namespace flowscope
