#pragma once

#include "metrics/metricssummary.h"

#include <QAbstractTableModel>
#include <QVector>

namespace flowscope {

// One row per routine summary: counts, error rate, duration percentiles and reported fields.
class RoutineMetricsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        RoutineColumn,
        CountColumn,
        ErrorsColumn,
        ErrorRateColumn,
        P50Column,
        P95Column,
        P99Column,
        MaxColumn,
        FieldsColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setSummaries(const QVector<MetricsSummary> &summaries);
    const MetricsSummary &summaryAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &key) const;

    // "tokens Σ120 (avg 12.0), bytes Σ..." for the fields column.
    static QString fieldsText(const QMap<QString, FieldStats> &fields);

private:
    QVector<MetricsSummary> m_rows;
};

} // namespace flowscope
