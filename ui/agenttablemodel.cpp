#include "agenttablemodel.h"

#include <algorithm>

namespace flowscope {

int AgentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_agents.size());
}

int AgentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AgentTableModel::stateText(AgentState state)
{
    switch (state) {
    case AgentState::Idle:
        return tr("Idle");
    case AgentState::Busy:
        return tr("Busy");
    case AgentState::Stopped:
        return tr("Stopped");
    case AgentState::Waiting:
        return tr("Waiting (job paused)");
    }
    return {};
}

QVariant AgentTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const AgentInfo &agent = m_agents.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == NameColumn) {
        return agent.pooled ? tr("Serves the shared pool") : tr("Bound to its routines");
    }
    if (role == Qt::TextAlignmentRole
        && (index.column() == CompletedColumn || index.column() == FailedColumn)) {
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return agent.name;
    case StateColumn:
        return stateText(agent.state);
    case RoutineColumn:
        return agent.currentRoutine;
    case CompletedColumn:
        return QString::number(agent.completed);
    case FailedColumn:
        return QString::number(agent.failed);
    default:
        return {};
    }
}

QVariant AgentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Agent");
    case StateColumn:
        return tr("State");
    case RoutineColumn:
        return tr("Routine");
    case CompletedColumn:
        return tr("Completed");
    case FailedColumn:
        return tr("Failed");
    default:
        return {};
    }
}

void AgentTableModel::setAgents(const QVector<AgentInfo> &agents)
{
    if (agents.isEmpty())
        return;
    const bool sameAgents
        = agents.size() == m_agents.size()
          && std::equal(agents.begin(), agents.end(), m_agents.begin(),
                        [](const AgentInfo &a, const AgentInfo &b) { return a.name == b.name; });
    if (sameAgents) {
        m_agents = agents;
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_agents = agents;
    endResetModel();
}

} // namespace flowscope
