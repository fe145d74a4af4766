#pragma once

#include "runtime/agentinfo.h"

#include <QAbstractTableModel>
#include <QVector>

namespace flowscope {

// The engine's agents (worker threads) as the last update described them.
class AgentTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StateColumn,
        RoutineColumn,
        CompletedColumn,
        FailedColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The full list of agents; an empty list means "unchanged" (see ClientUpdate::agents).
    void setAgents(const QVector<AgentInfo> &agents);

    static QString stateText(AgentState state);

private:
    QVector<AgentInfo> m_agents;
};

} // namespace flowscope
