#pragma once

#include "client/clientupdate.h"
#include "health/healthpolicy.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

#include <functional>

class QTimer;

namespace flowscope {

// Every agent's health as the last update described it. Ages are computed here from lastBeatMs
// and refreshed by a 250 ms timer, so the bars move between updates without asking the engine.
class AgentHealthModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        BarColumn,
        AgeColumn,
        StateColumn,
        TasksColumn,
        DiagnosisColumn,
        ThroughputColumn,
        ColumnCount
    };
    enum Role {
        StateRole = Qt::UserRole + 1, // HealthState as int
        AgeFractionRole,              // heartbeat age / failed threshold, 0..1
        ThresholdsRole,               // QVariantList: degraded and critical fractions
        SparklineRole,                // QVariantList of completions per second, oldest first
    };

    static constexpr int repaintIntervalMs = 250;
    static constexpr int sparklineSeconds = 60;

    explicit AgentHealthModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Takes the health part of an update; an empty health list means "unchanged".
    void applyUpdate(const ClientUpdate &update);

    QVector<AgentHealth> health() const { return m_agents; }
    HealthPolicy policy() const { return m_policy; }
    qint64 engineStartedMs() const { return m_engineStartedMs; }
    int rowOf(const QString &agent) const;

    // Tests pin the clock; the default is the wall clock.
    void setClock(std::function<qint64()> clock) { m_clock = std::move(clock); }

    static QString stateText(HealthState state);
    // "stuck in scan for 2.1 s", "dead", ...; empty while healthy.
    static QString diagnosisText(const AgentHealth &health, qint64 nowMs);

private:
    void tick();
    void sampleThroughput(qint64 nowMs);
    qint64 ageMs(const AgentHealth &health, qint64 nowMs) const;

    struct Throughput
    {
        QVector<double> perSecond; // ring, oldest first after rotation
        quint64 lastCompleted = 0;
        bool seen = false;
    };

    QVector<AgentHealth> m_agents;
    QHash<QString, Throughput> m_throughput;
    HealthPolicy m_policy;
    qint64 m_engineStartedMs = 0;
    qint64 m_lastSampleSecond = 0;
    QTimer *m_timer;
    std::function<qint64()> m_clock;
};

} // namespace flowscope
