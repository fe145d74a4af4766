#pragma once

#include "journal/jobcheckpoint.h"

#include <QAbstractTableModel>
#include <QVector>

namespace flowscope {

// One job's checkpoints, oldest first, as the journal lists them.
class CheckpointTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        ReasonColumn,
        StatusColumn,
        ProgressColumn,
        PendingColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setCheckpoints(const QVector<JobCheckpoint> &checkpoints);
    const JobCheckpoint &checkpointAt(int row) const { return m_checkpoints.at(row); }
    int rowOfReason(const QString &reason) const; // the newest with that reason; -1: none

private:
    QVector<JobCheckpoint> m_checkpoints;
};

} // namespace flowscope
