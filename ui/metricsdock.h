#pragma once

#include "client/engineclient.h"

#include <QWidget>

class QComboBox;
class QTableView;
class QTimer;

namespace flowscope {

class MetricsChart;
class RoutineMetricsModel;

// Throughput and latency over the last 5 or 15 minutes for the engine, a flow or a routine,
// and a per-routine table, refreshed every 2 s while visible.
class MetricsDock : public QWidget
{
    Q_OBJECT
public:
    static constexpr int refreshIntervalMs = 2000;

    explicit MetricsDock(EngineClient *client, QWidget *parent = nullptr);

    RoutineMetricsModel *routineModel() const { return m_routines; }
    MetricsChart *chart() const { return m_chart; }
    QComboBox *scopeBox() const { return m_scope; }
    QComboBox *windowBox() const { return m_window; }

    // Asks for the current scope and window now (unless an answer is still due).
    void refresh();
    // Another engine: its flows in the scope list, its metrics asked for now.
    void setClient(EngineClient *client, const QVector<FlowDefinition> &flows);

    // The series step for a window: whole seconds, at most MetricsChart::maxPoints points.
    static int stepMsFor(qint64 windowMs);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setFlows(const QVector<FlowDefinition> &flows);
    void connectClient();
    void applyMetrics(int requestId, const MetricsSummary &summary,
                      const QVector<MetricsPoint> &series, const QVector<MetricsSummary> &routines);

    EngineClient *m_client;
    QComboBox *m_scope;
    QComboBox *m_window;
    MetricsChart *m_chart;
    RoutineMetricsModel *m_routines;
    QTableView *m_table;
    QTimer *m_timer;
    int m_pendingId = 0;
    qint64 m_pendingSinceMs = 0;
    qint64 m_pendingFromMs = 0;
    qint64 m_pendingToMs = 0;
};

} // namespace flowscope
