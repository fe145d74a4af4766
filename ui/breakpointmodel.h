#pragma once

#include "debug/breakpoint.h"

#include <QAbstractTableModel>
#include <QVector>

namespace flowscope {

// Every breakpoint of the engine, one row each, replaced as a whole by each breakpointsChanged.
// Ticking "Enabled" asks for the change; the engine's answer updates the row.
class BreakpointModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        LocationColumn,
        ConditionColumn,
        HitConditionColumn,
        LogMessageColumn,
        EnabledColumn,
        HitsColumn,
        ErrorColumn,
        ColumnCount
    };

    explicit BreakpointModel(QObject *parent = nullptr);

    void setBreakpoints(const QVector<Breakpoint> &breakpoints);
    const QVector<Breakpoint> &breakpoints() const { return m_breakpoints; }
    const Breakpoint &breakpointAt(int row) const { return m_breakpoints.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "flow: routine", "flow: routine.slot", "flow: routine ⟶ event".
    static QString locationText(const Breakpoint &breakpoint);

Q_SIGNALS:
    void enabledChangeRequested(const QString &id, bool enabled);

private:
    QVector<Breakpoint> m_breakpoints;
};

} // namespace flowscope
