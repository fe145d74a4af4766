#include "metricsdock.h"

#include "metricschart.h"
#include "requestid.h"
#include "routinemetricsmodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace flowscope {

namespace {
constexpr int scopeRole = Qt::UserRole;
constexpr int keyRole = Qt::UserRole + 1;
// An answer this late is taken as lost, and the next refresh asks again.
constexpr qint64 staleAfterMs = 10000;
} // namespace

MetricsDock::MetricsDock(EngineClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_scope(new QComboBox(this))
    , m_window(new QComboBox(this))
    , m_chart(new MetricsChart(this))
    , m_routines(new RoutineMetricsModel(this))
    , m_table(new QTableView(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("metricsDockWidget"));
    m_scope->setObjectName(QStringLiteral("metricsScope"));
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scope->addItem(tr("Engine"));
    m_scope->setItemData(0, int(MetricScope::Engine), scopeRole);
    m_window->setObjectName(QStringLiteral("metricsWindow"));
    m_window->addItem(tr("5 min"), 5 * 60 * 1000);
    m_window->addItem(tr("15 min"), 15 * 60 * 1000);

    m_table->setObjectName(QStringLiteral("routineMetricsTable"));
    m_table->setModel(m_routines);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(RoutineMetricsModel::RoutineColumn, 160);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Scope:"), this));
    controls->addWidget(m_scope);
    controls->addWidget(new QLabel(tr("Window:"), this));
    controls->addWidget(m_window);
    controls->addStretch();

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_table);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    layout->addWidget(splitter);

    const auto refreshNow = [this] {
        m_pendingId = 0; // a new question: the old answer no longer matters
        refresh();
    };
    connect(m_scope, &QComboBox::currentIndexChanged, this, refreshNow);
    connect(m_window, &QComboBox::currentIndexChanged, this, refreshNow);
    connectClient();
    m_timer->setInterval(refreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_timer->start();
}

void MetricsDock::connectClient()
{
    connect(m_client, &EngineClient::flowsChanged, this, &MetricsDock::setFlows);
    connect(m_client, &EngineClient::metricsReceived, this, &MetricsDock::applyMetrics);
}

void MetricsDock::setClient(EngineClient *client, const QVector<FlowDefinition> &flows)
{
    disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    connectClient();
    setFlows(flows);
    m_chart->setPoints({}, 0, 0);
    m_routines->setSummaries({});
    m_pendingId = 0; // the old engine's answer no longer matters
    if (isVisible())
        refresh();
}

int MetricsDock::stepMsFor(qint64 windowMs)
{
    const qint64 perPoint = (windowMs + MetricsChart::maxPoints - 1) / MetricsChart::maxPoints;
    return int(std::max<qint64>(1, (perPoint + 999) / 1000) * 1000);
}

void MetricsDock::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

void MetricsDock::setFlows(const QVector<FlowDefinition> &flows)
{
    const QString current = m_scope->currentData(keyRole).toString();
    const int currentScope = m_scope->currentData(scopeRole).toInt();
    const QSignalBlocker blocker(m_scope);
    while (m_scope->count() > 1)
        m_scope->removeItem(1);
    const auto add = [this](const QString &text, MetricScope scope, const QString &key) {
        m_scope->addItem(text);
        m_scope->setItemData(m_scope->count() - 1, int(scope), scopeRole);
        m_scope->setItemData(m_scope->count() - 1, key, keyRole);
    };
    for (const FlowDefinition &flow : flows) {
        add(tr("Flow %1").arg(flow.flowId), MetricScope::Flow, flow.flowId);
        for (const RoutineSpec &routine : flow.routines) {
            const QString key = flow.flowId + QLatin1Char('/') + routine.id;
            add(tr("  Routine %1").arg(key), MetricScope::Routine, key);
        }
    }
    for (int i = 0; i < m_scope->count(); ++i) {
        if (m_scope->itemData(i, scopeRole).toInt() == currentScope
            && m_scope->itemData(i, keyRole).toString() == current) {
            m_scope->setCurrentIndex(i);
            return;
        }
    }
    m_scope->setCurrentIndex(0);
}

void MetricsDock::refresh()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_pendingId != 0 && now - m_pendingSinceMs < staleAfterMs)
        return; // one question at a time: a slow engine is not asked faster than it answers
    const qint64 windowMs = m_window->currentData().toLongLong();
    m_pendingId = nextRequestId();
    m_pendingSinceMs = now;
    m_pendingFromMs = now - windowMs;
    m_pendingToMs = now;
    const auto scope = MetricScope(m_scope->currentData(scopeRole).toInt());
    m_client->requestMetrics(m_pendingId, scope, m_scope->currentData(keyRole).toString(),
                             m_pendingFromMs, m_pendingToMs, stepMsFor(windowMs));
}

void MetricsDock::applyMetrics(int requestId, const MetricsSummary &summary,
                               const QVector<MetricsPoint> &series,
                               const QVector<MetricsSummary> &routines)
{
    if (requestId != m_pendingId)
        return;
    m_pendingId = 0;
    m_chart->setPoints(series, m_pendingFromMs, m_pendingToMs);
    // A routine scope has no routines beneath it: its own summary is the row.
    if (routines.isEmpty() && summary.scope == MetricScope::Routine)
        m_routines->setSummaries({summary});
    else
        m_routines->setSummaries(routines);
}

} // namespace flowscope
