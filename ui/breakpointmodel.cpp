#include "breakpointmodel.h"

namespace flowscope {

BreakpointModel::BreakpointModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void BreakpointModel::setBreakpoints(const QVector<Breakpoint> &breakpoints)
{
    // Few rows, all of which may change (hit counts): one reset per answer.
    beginResetModel();
    m_breakpoints = breakpoints;
    endResetModel();
}

int BreakpointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_breakpoints.size());
}

int BreakpointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BreakpointModel::locationText(const Breakpoint &bp)
{
    QString where;
    switch (bp.kind) {
    case Breakpoint::Kind::Routine:
        where = bp.routine;
        break;
    case Breakpoint::Kind::Slot:
        where = tr("%1.%2 (slot)").arg(bp.routine, bp.port);
        break;
    case Breakpoint::Kind::Event:
        where = tr("%1.%2 (event)").arg(bp.routine, bp.port);
        break;
    }
    QString text = bp.flowId + QLatin1String(": ") + where;
    if (!bp.job.isNull())
        text += QLatin1Char(' ') + tr("[job %1]").arg(bp.job.toString());
    return text;
}

QVariant BreakpointModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_breakpoints.size())
        return {};
    const Breakpoint &bp = m_breakpoints.at(index.row());
    if (role == Qt::CheckStateRole && index.column() == EnabledColumn)
        return bp.enabled ? Qt::Checked : Qt::Unchecked;
    if (role == Qt::ToolTipRole && index.column() == LocationColumn)
        return bp.isLogpoint() ? tr("Logpoint %1").arg(bp.id) : tr("Breakpoint %1").arg(bp.id);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case LocationColumn:
        return locationText(bp);
    case ConditionColumn:
        return bp.condition;
    case HitConditionColumn:
        return bp.hitCondition;
    case LogMessageColumn:
        return bp.logMessage;
    case EnabledColumn:
        return {};
    case HitsColumn:
        return bp.hits;
    case ErrorColumn:
        return bp.lastError;
    case ColumnCount:
        break;
    }
    return {};
}

bool BreakpointModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.column() != EnabledColumn || role != Qt::CheckStateRole)
        return false;
    const Breakpoint &bp = m_breakpoints.at(index.row());
    Q_EMIT enabledChangeRequested(bp.id, value.toInt() == Qt::Checked);
    return true;
}

Qt::ItemFlags BreakpointModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.column() == EnabledColumn)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant BreakpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case LocationColumn:
        return tr("Location");
    case ConditionColumn:
        return tr("Condition");
    case HitConditionColumn:
        return tr("Hit condition");
    case LogMessageColumn:
        return tr("Log message");
    case EnabledColumn:
        return tr("Enabled");
    case HitsColumn:
        return tr("Hits");
    case ErrorColumn:
        return tr("Last error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace flowscope
