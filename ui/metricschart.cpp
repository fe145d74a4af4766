#include "metricschart.h"

#include "themecolors.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace flowscope {

MetricsChart::MetricsChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_throughput(new QLineSeries(m_chart))
    , m_p50(new QLineSeries(m_chart))
    , m_p95(new QLineSeries(m_chart))
    , m_p99(new QLineSeries(m_chart))
    , m_timeAxis(new QDateTimeAxis(m_chart))
    , m_rateAxis(new QValueAxis(m_chart))
    , m_latencyAxis(new QValueAxis(m_chart))
{
    m_throughput->setName(tr("Throughput (/s)"));
    m_p50->setName(tr("p50 (ms)"));
    m_p95->setName(tr("p95 (ms)"));
    m_p99->setName(tr("p99 (ms)"));
    m_timeAxis->setFormat(QStringLiteral("hh:mm:ss"));
    m_timeAxis->setTickCount(6);
    m_rateAxis->setTitleText(tr("activations/s"));
    m_rateAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_latencyAxis->setTitleText(tr("ms"));
    m_latencyAxis->setLabelFormat(QStringLiteral("%.1f"));

    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_rateAxis, Qt::AlignLeft);
    m_chart->addAxis(m_latencyAxis, Qt::AlignRight);
    for (QLineSeries *series : {m_throughput, m_p50, m_p95, m_p99}) {
        m_chart->addSeries(series);
        series->attachAxis(m_timeAxis);
        series->attachAxis(series == m_throughput ? m_rateAxis : m_latencyAxis);
        m_seriesColors.append(series->color());
    }
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    // Plain raster drawing: OpenGL is neither needed for 300 points nor available offscreen.
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(180);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyPalette();
}

void MetricsChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

void MetricsChart::applyPalette()
{
    const QPalette p = palette();
    const QColor background = p.color(QPalette::Base);
    const QColor text = p.color(QPalette::Text);
    // Grid lines: a fifth of the way from the background to the text.
    const QColor grid = QColor::fromRgbF(background.redF() * 0.8f + text.redF() * 0.2f,
                                         background.greenF() * 0.8f + text.greenF() * 0.2f,
                                         background.blueF() * 0.8f + text.blueF() * 0.2f);
    m_chart->setBackgroundBrush(background);
    m_chart->setBackgroundPen(QPen(grid));
    m_chart->setPlotAreaBackgroundVisible(false);
    m_view->setBackgroundBrush(background);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis :
         {static_cast<QAbstractAxis *>(m_timeAxis), static_cast<QAbstractAxis *>(m_rateAxis),
          static_cast<QAbstractAxis *>(m_latencyAxis)}) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setLinePenColor(grid);
    }
    const QList<QLineSeries *> series{m_throughput, m_p50, m_p95, m_p99};
    for (int i = 0; i < series.size(); ++i) {
        QPen pen = series[i]->pen();
        pen.setColor(ThemeColors::readableOn(m_seriesColors.value(i), background, 3.0));
        series[i]->setPen(pen);
    }
}

int MetricsChart::plottedPoints() const
{
    return int(m_throughput->count());
}

QVector<MetricsPoint> MetricsChart::downsample(const QVector<MetricsPoint> &points, int maxCount)
{
    if (maxCount <= 0 || points.size() <= maxCount)
        return points;
    const int group = int((points.size() + maxCount - 1) / maxCount);
    QVector<MetricsPoint> merged;
    merged.reserve(maxCount);
    for (int start = 0; start < points.size(); start += group) {
        const int end = std::min(int(points.size()), start + group);
        MetricsPoint m = points.at(start);
        m.spanMs = 0;
        double weight = 0, rate = 0, p50 = 0, p95 = 0, p99 = 0;
        m.activations = m.errors = 0;
        m.maxMs = 0;
        for (int i = start; i < end; ++i) {
            const MetricsPoint &p = points.at(i);
            const double w = double(p.activations);
            m.spanMs += p.spanMs;
            m.activations += p.activations;
            m.errors += p.errors;
            m.maxMs = std::max(m.maxMs, p.maxMs);
            rate += p.throughputPerS * p.spanMs;
            weight += w;
            p50 += p.p50Ms * w;
            p95 += p.p95Ms * w;
            p99 += p.p99Ms * w;
        }
        m.throughputPerS = m.spanMs > 0 ? rate / m.spanMs : 0;
        m.p50Ms = weight > 0 ? p50 / weight : 0;
        m.p95Ms = weight > 0 ? p95 / weight : 0;
        m.p99Ms = weight > 0 ? p99 / weight : 0;
        merged.append(m);
    }
    return merged;
}

void MetricsChart::setPoints(const QVector<MetricsPoint> &points, qint64 fromMs, qint64 toMs)
{
    const QVector<MetricsPoint> plotted = downsample(points, maxPoints);
    QList<QPointF> rate, p50, p95, p99;
    double rateMax = 1, latencyMax = 1;
    for (const MetricsPoint &p : plotted) {
        const double x = double(p.startMs);
        rate.append(QPointF(x, p.throughputPerS));
        p50.append(QPointF(x, p.p50Ms));
        p95.append(QPointF(x, p.p95Ms));
        p99.append(QPointF(x, p.p99Ms));
        rateMax = std::max(rateMax, p.throughputPerS);
        latencyMax = std::max(latencyMax, p.p99Ms);
    }
    // replace() redraws once per series instead of once per point.
    m_throughput->replace(rate);
    m_p50->replace(p50);
    m_p95->replace(p95);
    m_p99->replace(p99);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(fromMs),
                         QDateTime::fromMSecsSinceEpoch(toMs));
    m_rateAxis->setRange(0, rateMax * 1.1);
    m_latencyAxis->setRange(0, latencyMax * 1.1);
}

} // namespace flowscope
