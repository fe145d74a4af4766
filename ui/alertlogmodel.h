#pragma once

#include "health/alert.h"

#include <QAbstractTableModel>
#include <QVector>

namespace flowscope {

// The health alerts seen by this console, newest first, capped so a flapping swarm cannot grow
// it without bound (the oldest go first).
class AlertLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, AgentColumn, MessageColumn, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1 }; // AlertLevel as int

    static constexpr int defaultCapacity = 10000;

    explicit AlertLogModel(int capacity = defaultCapacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // New alerts, oldest first (as ClientUpdate::alerts has them).
    void appendAlerts(const QVector<Alert> &alerts);
    void clear();

    // Row 0 is the newest.
    const Alert &alertAt(int row) const;
    QVector<Alert> alerts() const; // newest first
    int capacity() const { return m_capacity; }

    static QString levelText(AlertLevel level);
    static QColor levelColor(AlertLevel level);

private:
    int m_capacity;
    QVector<Alert> m_alerts; // oldest first; rows count from the back
};

} // namespace flowscope
