#include "routinemetricsmodel.h"

#include <QStringList>

#include <algorithm>

namespace flowscope {

int RoutineMetricsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RoutineMetricsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int RoutineMetricsModel::rowOf(const QString &key) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).key == key)
            return row;
    }
    return -1;
}

QString RoutineMetricsModel::fieldsText(const QMap<QString, FieldStats> &fields)
{
    QStringList parts;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        parts << tr("%1 Σ%2 (avg %3)")
                     .arg(it.key())
                     .arg(it->sum, 0, 'g', 6)
                     .arg(it->mean(), 0, 'f', 1);
    }
    return parts.join(QStringLiteral(", "));
}

QVariant RoutineMetricsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const MetricsSummary &s = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() != RoutineColumn && index.column() != FieldsColumn;
        return numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    if (role != Qt::DisplayRole)
        return {};
    const auto ms = [](double value) { return QString::number(value, 'f', 2); };
    switch (index.column()) {
    case RoutineColumn:
        return s.key;
    case CountColumn:
        return QString::number(s.activations);
    case ErrorsColumn:
        return QString::number(s.errors);
    case ErrorRateColumn:
        return QStringLiteral("%1 %").arg(100.0 * s.errorRate(), 0, 'f', 1);
    case P50Column:
        return ms(s.durations.medianMs);
    case P95Column:
        return ms(s.durations.p95Ms);
    case P99Column:
        return ms(s.durations.p99Ms);
    case MaxColumn:
        return ms(s.durations.maxMs);
    case FieldsColumn:
        return fieldsText(s.fields);
    default:
        return {};
    }
}

QVariant RoutineMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RoutineColumn:
        return tr("Routine");
    case CountColumn:
        return tr("Count");
    case ErrorsColumn:
        return tr("Errors");
    case ErrorRateColumn:
        return tr("Error rate");
    case P50Column:
        return tr("p50 ms");
    case P95Column:
        return tr("p95 ms");
    case P99Column:
        return tr("p99 ms");
    case MaxColumn:
        return tr("Max ms");
    case FieldsColumn:
        return tr("Fields");
    default:
        return {};
    }
}

void RoutineMetricsModel::setSummaries(const QVector<MetricsSummary> &summaries)
{
    QVector<MetricsSummary> rows = summaries;
    std::sort(rows.begin(), rows.end(),
              [](const MetricsSummary &a, const MetricsSummary &b) { return a.key < b.key; });
    const bool sameKeys = rows.size() == m_rows.size()
                          && std::equal(rows.begin(), rows.end(), m_rows.begin(),
                                        [](const MetricsSummary &a, const MetricsSummary &b) {
                                            return a.key == b.key;
                                        });
    if (sameKeys) {
        // Keeps the selection and scroll position across the 2 s refreshes.
        m_rows = rows;
        if (!m_rows.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

} // namespace flowscope
