#include "jobtablemodel.h"

#include "themecolors.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QGuiApplication>
#include <QPalette>
#include <QTimer>

#include <algorithm>

namespace flowscope {

namespace {
QString durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < 60000)
        return JobTableModel::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    return JobTableModel::tr("%1 min %2 s").arg(ms / 60000).arg(ms / 1000 % 60);
}
} // namespace

JobTableModel::JobTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // Durations of running jobs grow without any update from the engine.
    auto *ticker = new QTimer(this);
    ticker->setInterval(1000);
    connect(ticker, &QTimer::timeout, this, &JobTableModel::refreshRunningDurations);
    ticker->start();
}

int JobTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JobTableModel::statusText(JobStatus status)
{
    switch (status) {
    case JobStatus::Pending:
        return tr("Pending");
    case JobStatus::Running:
        return tr("Running");
    case JobStatus::Paused:
        return tr("Paused");
    case JobStatus::Completed:
        return tr("Completed");
    case JobStatus::Failed:
        return tr("Failed");
    case JobStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QVariant JobTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const JobInfo &job = m_jobs.at(index.row());
    if (role == StatusRole)
        return int(job.status);
    if (role == ProgressRole)
        return job.progress;
    if (role == Qt::ToolTipRole && index.column() == ErrorColumn)
        return job.error;
    if (role == Qt::ForegroundRole && index.column() == StatusColumn) {
        // From the palette the views paint with, read at paint time, so it follows a change.
        const QPalette palette = QGuiApplication::palette();
        if (job.status == JobStatus::Failed)
            return QBrush(ThemeColors::toneOnBase(ThemeColors::Tone::Error, palette));
        if (job.status == JobStatus::Completed)
            return QBrush(ThemeColors::toneOnBase(ThemeColors::Tone::Success, palette));
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return job.id.toString();
    case FlowColumn:
        return job.flowId;
    case StatusColumn:
        return statusText(job.status);
    case ProgressColumn:
        return QStringLiteral("%1%").arg(qRound(job.progress * 100));
    case StartedColumn:
        return job.startedMs > 0 ? QDateTime::fromMSecsSinceEpoch(job.startedMs)
                                       .toString(QStringLiteral("HH:mm:ss"))
                                 : QString();
    case DurationColumn: {
        if (job.startedMs <= 0)
            return QString();
        const qint64 end
            = job.finishedMs > 0 ? job.finishedMs : QDateTime::currentMSecsSinceEpoch();
        return durationText(end - job.startedMs);
    }
    case ErrorColumn:
        return job.error;
    default:
        return {};
    }
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Job");
    case FlowColumn:
        return tr("Flow");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case StartedColumn:
        return tr("Started");
    case DurationColumn:
        return tr("Duration");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

void JobTableModel::applyJobs(const QVector<JobInfo> &jobs)
{
    QVector<JobId> removed;
    QVector<JobInfo> added;
    int firstChanged = int(m_jobs.size());
    int lastChanged = -1;
    for (const JobInfo &job : jobs) {
        const int row = rowOf(job.id);
        if (job.removed) {
            if (row >= 0)
                removed.append(job.id);
            continue;
        }
        if (row < 0) {
            // A job can change twice in one batch before the console knew it.
            auto known = std::find_if(added.begin(), added.end(),
                                      [&](const JobInfo &a) { return a.id == job.id; });
            if (known != added.end())
                *known = job;
            else
                added.append(job);
            continue;
        }
        m_jobs[row] = job;
        firstChanged = std::min(firstChanged, row);
        lastChanged = std::max(lastChanged, row);
    }
    if (lastChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
    if (!removed.isEmpty())
        removeJobs(removed);
    if (!added.isEmpty()) {
        const int first = int(m_jobs.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_jobs.append(added);
        reindex(first);
        endInsertRows();
    }
}

void JobTableModel::removeJobs(const QVector<JobId> &ids)
{
    QVector<int> rows;
    for (JobId id : ids)
        rows.append(rowOf(id));
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Remove runs of adjacent rows from the bottom up, so earlier rows keep their numbers.
    int i = 0;
    while (i < rows.size()) {
        int last = rows[i];
        int first = last;
        while (i + 1 < rows.size() && rows[i + 1] == first - 1)
            first = rows[++i];
        ++i;
        beginRemoveRows({}, first, last);
        m_jobs.remove(first, last - first + 1);
        endRemoveRows();
    }
    m_rows.clear();
    reindex(0);
}

void JobTableModel::reindex(int fromRow)
{
    for (int row = fromRow; row < m_jobs.size(); ++row)
        m_rows.insert(m_jobs.at(row).id.value(), row);
}

void JobTableModel::refreshRunningDurations()
{
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (!isFinished(m_jobs.at(row).status) && m_jobs.at(row).startedMs > 0) {
            if (first < 0)
                first = row;
            last = row;
        }
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, DurationColumn), index(last, DurationColumn),
                           {Qt::DisplayRole});
}

} // namespace flowscope
