#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QTimer;
class QToolButton;

namespace flowscope {

class EventLogModel;
class EventTableView;

// The event log with its filter bar: event types, agent, routine and free text; a line that says
// when the oldest events were dropped to stay within the log's capacity.
class EventLogView : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogView(EventLogModel *model, QWidget *parent = nullptr);

    EventTableView *view() const { return m_view; }
    QLabel *droppedNotice() const { return m_dropped; }
    EventLogModel *model() const { return m_model; }
    // Another engine's events, with the filter the user set.
    void setModel(EventLogModel *model);
    QMenu *typeMenu() const { return m_typeMenu; }
    QLineEdit *textFilter() const { return m_text; }
    QComboBox *agentFilter() const { return m_agent; }
    QComboBox *routineFilter() const { return m_routine; }

private:
    void applyFilter();
    void connectModel();
    void updateNameChoices();
    void updateCount();
    void updateDroppedNotice();
    void setAllTypes(bool checked);

    EventLogModel *m_model;
    EventTableView *m_view;
    QToolButton *m_typeButton;
    QMenu *m_typeMenu;
    QComboBox *m_agent;
    QComboBox *m_routine;
    QLineEdit *m_text;
    QLabel *m_count;
    QLabel *m_dropped;
    QTimer *m_textDelay;
};

} // namespace flowscope
