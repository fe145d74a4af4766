#pragma once

#include "client/engineclient.h"

#include <QDialog>

class QPushButton;
class QTableView;

namespace flowscope {

class CheckpointTableModel;

// One job's checkpoints, with "Fork…" (a new job from the selected one, variables edited) and
// "Resume from here". Non-modal: updates keep flowing while it is open.
class CheckpointsDialog : public QDialog
{
    Q_OBJECT
public:
    CheckpointsDialog(EngineClient *client, JobId job, QWidget *parent = nullptr);

    JobId job() const { return m_job; }
    EngineClient *client() const { return m_client; }
    CheckpointTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *forkButton() const { return m_fork; }
    QPushButton *resumeButton() const { return m_resume; }

    void refresh();
    // -1: none selected.
    int selectedRow() const;
    void selectRow(int row);
    // Opens the variables editor for the selected checkpoint; forks when it is accepted.
    void forkSelected();
    void resumeSelected();

private:
    void setCheckpoints(JobId job, const QVector<JobCheckpoint> &checkpoints);
    void updateButtons();

    EngineClient *m_client;
    JobId m_job;
    CheckpointTableModel *m_model;
    QTableView *m_view;
    QPushButton *m_fork;
    QPushButton *m_resume;
};

} // namespace flowscope
