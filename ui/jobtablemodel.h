#pragma once

#include "runtime/jobinfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace flowscope {

// The jobs an engine reported, one row each, in the order they first appeared. Each update is
// applied as a whole: one removal per run of removed rows, one dataChanged over the changed
// rows and one beginInsertRows for the new ones.
class JobTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        FlowColumn,
        StatusColumn,
        ProgressColumn,
        StartedColumn,
        DurationColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role { ProgressRole = Qt::UserRole + 1, StatusRole };

    explicit JobTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void applyJobs(const QVector<JobInfo> &jobs);

    const JobInfo &jobAt(int row) const { return m_jobs.at(row); }
    int rowOf(JobId id) const { return m_rows.value(id.value(), -1); }

    static QString statusText(JobStatus status);

private:
    void removeJobs(const QVector<JobId> &ids);
    void refreshRunningDurations();
    void reindex(int fromRow);

    QVector<JobInfo> m_jobs;
    QHash<quint64, int> m_rows; // job id -> row
};

} // namespace flowscope
