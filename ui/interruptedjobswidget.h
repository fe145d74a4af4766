#pragma once

#include "client/engineclient.h"

#include <QWidget>

class QPushButton;
class QTreeWidget;

namespace flowscope {

// Jobs the journal holds as interrupted (the process ended while they ran), with Resume.
class InterruptedJobsWidget : public QWidget
{
    Q_OBJECT
public:
    enum Column { IdColumn, FlowColumn, StatusColumn, UpdatedColumn, ColumnCount };

    explicit InterruptedJobsWidget(EngineClient *client, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QPushButton *resumeButton() const { return m_resume; }
    JobId selectedJob() const;

    void refresh();
    // Another engine: its interrupted jobs, asked for now.
    void setClient(EngineClient *client);
    void resumeSelected();

private:
    void setJobs(const QVector<JobRecord> &jobs);

    EngineClient *m_client;
    QTreeWidget *m_list;
    QPushButton *m_resume;
    QPushButton *m_refresh;
};

} // namespace flowscope
