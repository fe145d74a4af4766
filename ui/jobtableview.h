#pragma once

#include "runtime/jobid.h"

#include <QTableView>

namespace flowscope {

class JobTableModel;

// The jobs table: one selected job at a time, progress drawn as a bar.
class JobTableView : public QTableView
{
    Q_OBJECT
public:
    explicit JobTableView(JobTableModel *model, QWidget *parent = nullptr);

    // Another engine's jobs; the selection is cleared.
    void setJobModel(JobTableModel *model);

    // Null when no job is selected.
    JobId selectedJob() const;
    // Selects and shows the job's row; false when the table has no such job (yet).
    bool selectJob(JobId id);

private:
    JobTableModel *m_model;
};

} // namespace flowscope
