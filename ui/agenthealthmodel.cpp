#include "agenthealthmodel.h"

#include <QColor>
#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace flowscope {

namespace {
quint64 metaCount(const AgentHealth &health, const char *key)
{
    return health.metadata.value(QLatin1String(key)).toULongLong();
}

QString seconds(qint64 ms)
{
    return AgentHealthModel::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}
} // namespace

AgentHealthModel::AgentHealthModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_timer(new QTimer(this))
    , m_clock([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer->setInterval(repaintIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &AgentHealthModel::tick);
    m_timer->start();
}

int AgentHealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_agents.size());
}

int AgentHealthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int AgentHealthModel::rowOf(const QString &agent) const
{
    for (int row = 0; row < m_agents.size(); ++row) {
        if (m_agents.at(row).agent == agent)
            return row;
    }
    return -1;
}

QString AgentHealthModel::stateText(HealthState state)
{
    switch (state) {
    case HealthState::Healthy:
        return tr("Healthy");
    case HealthState::Degraded:
        return tr("Degraded");
    case HealthState::Critical:
        return tr("Critical");
    case HealthState::Failed:
        return tr("Failed");
    }
    return {};
}

QString AgentHealthModel::diagnosisText(const AgentHealth &health, qint64 nowMs)
{
    if (health.diagnosis == QLatin1String("dead"))
        return tr("dead");
    if (health.diagnosis == QLatin1String("silent"))
        return tr("silent: idle but not beating");
    if (health.diagnosis != QLatin1String("stuck"))
        return {};
    // The snapshot was taken at lastBeat + beatAge; a stuck agent stays stuck since then.
    const qint64 snapshotMs = health.lastBeatMs + health.beatAgeMs;
    const qint64 stuckMs = health.stuckForMs + std::max<qint64>(0, nowMs - snapshotMs);
    const QString routine
        = health.stuckRoutine.isEmpty() ? tr("an activation") : health.stuckRoutine;
    return tr("stuck in %1 for %2").arg(routine, seconds(stuckMs));
}

qint64 AgentHealthModel::ageMs(const AgentHealth &health, qint64 nowMs) const
{
    return health.lastBeatMs > 0 ? std::max<qint64>(0, nowMs - health.lastBeatMs) : 0;
}

QVariant AgentHealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const AgentHealth &health = m_agents.at(index.row());
    const qint64 now = m_clock();
    const int failedMs = std::max(1, m_policy.failedAfterMs());
    switch (role) {
    case StateRole:
        return int(health.state);
    case AgeFractionRole:
        return std::min(1.0, double(ageMs(health, now)) / failedMs);
    case ThresholdsRole:
        return QVariantList{double(m_policy.degradedAfterMs()) / failedMs,
                            double(m_policy.criticalAfterMs()) / failedMs};
    case SparklineRole: {
        QVariantList values;
        const Throughput t = m_throughput.value(health.agent);
        for (double v : t.perSecond)
            values.append(v);
        return values;
    }
    case Qt::ToolTipRole:
        if (index.column() == NameColumn || index.column() == DiagnosisColumn) {
            return tr("pid %1 on %2, %3 beats")
                .arg(health.metadata.value(QStringLiteral("pid")).toString(),
                     health.metadata.value(QStringLiteral("host")).toString())
                .arg(health.beats);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AgeColumn || index.column() == TasksColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case NameColumn:
        return health.agent;
    case AgeColumn:
        return seconds(ageMs(health, now));
    case StateColumn:
        return stateText(health.state);
    case TasksColumn: {
        const quint64 done = metaCount(health, "completed");
        const quint64 failed = metaCount(health, "failed");
        const double rate = done ? 100.0 * double(failed) / double(done) : 0;
        return tr("%1 / %2 %").arg(done).arg(rate, 0, 'f', 1);
    }
    case DiagnosisColumn:
        return diagnosisText(health, now);
    default:
        return {};
    }
}

QVariant AgentHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Agent");
    case BarColumn:
        return tr("Heartbeat");
    case AgeColumn:
        return tr("Age");
    case StateColumn:
        return tr("Health");
    case TasksColumn:
        return tr("Done / errors");
    case DiagnosisColumn:
        return tr("Diagnosis");
    case ThroughputColumn:
        return tr("Throughput (60 s)");
    default:
        return {};
    }
}

void AgentHealthModel::applyUpdate(const ClientUpdate &update)
{
    if (update.heartbeatIntervalMs > 0) {
        m_policy.intervalMs = update.heartbeatIntervalMs;
        if (update.failedAfterMs > 0)
            m_policy.failedAfterIntervals
                = std::max(1, update.failedAfterMs / update.heartbeatIntervalMs);
    }
    if (update.engineStartedMs > 0)
        m_engineStartedMs = update.engineStartedMs;
    if (update.health.isEmpty())
        return;
    QVector<AgentHealth> agents = update.health;
    std::sort(agents.begin(), agents.end(),
              [](const AgentHealth &a, const AgentHealth &b) { return a.agent < b.agent; });
    const bool sameAgents = agents.size() == m_agents.size()
                            && std::equal(agents.begin(), agents.end(), m_agents.begin(),
                                          [](const AgentHealth &a, const AgentHealth &b) {
                                              return a.agent == b.agent;
                                          });
    if (sameAgents) {
        m_agents = agents;
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_agents = agents;
    endResetModel();
}

void AgentHealthModel::sampleThroughput(qint64 nowMs)
{
    const qint64 second = nowMs / 1000;
    if (second == m_lastSampleSecond)
        return;
    m_lastSampleSecond = second;
    for (const AgentHealth &health : std::as_const(m_agents)) {
        Throughput &t = m_throughput[health.agent];
        const quint64 completed = metaCount(health, "completed");
        const quint64 delta
            = t.seen && completed >= t.lastCompleted ? completed - t.lastCompleted : 0;
        t.lastCompleted = completed;
        t.seen = true;
        t.perSecond.append(double(delta));
        if (t.perSecond.size() > sparklineSeconds)
            t.perSecond.remove(0, t.perSecond.size() - sparklineSeconds);
    }
}

void AgentHealthModel::tick()
{
    if (m_agents.isEmpty())
        return;
    sampleThroughput(m_clock());
    // Only what depends on the clock changes between updates.
    Q_EMIT dataChanged(index(0, BarColumn), index(rowCount() - 1, AgeColumn));
    Q_EMIT dataChanged(index(0, DiagnosisColumn), index(rowCount() - 1, ThroughputColumn));
}

} // namespace flowscope
