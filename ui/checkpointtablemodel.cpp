#include "checkpointtablemodel.h"

#include "jobtablemodel.h"

#include <QDateTime>

namespace flowscope {

int CheckpointTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_checkpoints.size());
}

int CheckpointTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int CheckpointTableModel::rowOfReason(const QString &reason) const
{
    for (int row = int(m_checkpoints.size()) - 1; row >= 0; --row) {
        if (m_checkpoints.at(row).reason == reason)
            return row;
    }
    return -1;
}

QVariant CheckpointTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const JobCheckpoint &checkpoint = m_checkpoints.at(index.row());
    if (role == Qt::TextAlignmentRole
        && (index.column() == ProgressColumn || index.column() == PendingColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole)
        return tr("Checkpoint %1, %2 activations done")
            .arg(checkpoint.id)
            .arg(checkpoint.activationsDone);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(checkpoint.timeMs)
            .toString(QStringLiteral("yyyy-MM-dd hh:mm:ss.zzz"));
    case ReasonColumn:
        // The journal's own word ("pause", "periodic", ...): it is what the docs and CLI use.
        return checkpoint.reason;
    case StatusColumn:
        return JobTableModel::statusText(checkpoint.status);
    case ProgressColumn:
        return QStringLiteral("%1 %").arg(100.0 * checkpoint.progress, 0, 'f', 0);
    case PendingColumn:
        return QString::number(checkpoint.pending.size());
    default:
        return {};
    }
}

QVariant CheckpointTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ReasonColumn:
        return tr("Reason");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case PendingColumn:
        return tr("Pending");
    default:
        return {};
    }
}

void CheckpointTableModel::setCheckpoints(const QVector<JobCheckpoint> &checkpoints)
{
    beginResetModel();
    m_checkpoints = checkpoints;
    endResetModel();
}

} // namespace flowscope
