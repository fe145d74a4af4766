#pragma once

#include "metrics/metricssummary.h"

#include <QColor>
#include <QVector>
#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace flowscope {

// Throughput and latency percentiles over time. The only class that touches QtCharts, so
// replacing the deprecated module later means replacing this file.
class MetricsChart : public QWidget
{
    Q_OBJECT
public:
    static constexpr int maxPoints = 300;

    explicit MetricsChart(QWidget *parent = nullptr);

    // Plots the series over [fromMs, toMs], downsampled to at most maxPoints.
    void setPoints(const QVector<MetricsPoint> &points, qint64 fromMs, qint64 toMs);
    int plottedPoints() const;

    // Merges neighbours so at most maxCount remain: counts add up, throughput and percentiles
    // are weighted by activations (max stays the max).
    static QVector<MetricsPoint> downsample(const QVector<MetricsPoint> &points, int maxCount);

    QChart *chart() const { return m_chart; }

protected:
    void changeEvent(QEvent *event) override;

private:
    // The chart's own theme is light; its background, text, grid and lines follow the palette.
    void applyPalette();

    QChart *m_chart;
    QChartView *m_view;
    QLineSeries *m_throughput;
    QLineSeries *m_p50;
    QLineSeries *m_p95;
    QLineSeries *m_p99;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_rateAxis;
    QValueAxis *m_latencyAxis;
    QVector<QColor> m_seriesColors; // as the chart's theme chose them
};

} // namespace flowscope
