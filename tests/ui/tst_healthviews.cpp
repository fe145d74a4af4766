#include "agenthealthmodel.h"
#include "alertlogmodel.h"
#include "checkpointsdialog.h"
#include "checkpointtablemodel.h"
#include "client/inprocessclient.h"
#include "enginestatusbar.h"
#include "forkjobdialog.h"
#include "healthcontroller.h"
#include "healthreportexporter.h"
#include "interruptedjobswidget.h"
#include "jobtablemodel.h"
#include "jobtableview.h"
#include "journal/journal.h"
#include "mainwindow.h"
#include "metricschart.h"
#include "metricsdock.h"
#include "routinemetricsmodel.h"
#include "runtime/context.h"
#include "runtime/engine.h"
#include "runtime/routineregistry.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QThread>
#include <QTreeWidget>
#include <QtTest>

#include <memory>

using namespace flowscope;

namespace {
constexpr int timeoutMs = 15000;
constexpr int napMs = 1000; // past the FAILED threshold (3 × 100 ms) with room to spare

// Blocks its agent without a checkpoint, so the agent stops beating and looks stuck.
class NapRoutine : public Routine
{
public:
    QStringList slotNames() const override { return {QStringLiteral("in")}; }
    QStringList eventNames() const override { return {}; }
    void handle(Context &, const QString &, const QVariant &) const override
    {
        QThread::msleep(napMs);
    }
};

const char napFlow[] = R"({"flow_id": "napper",
    "routines": {"nap": {"class": "test.Nap"}}, "connections": [], "entry": "nap.in"})";

// A job the journal holds as running, as a crash would leave it, with a checkpoint to resume
// from (nothing pending: it completes at once).
const JobId interruptedJob(4242424242ULL);

bool seedInterruptedJob(const QString &path, QString *error)
{
    Journal journal;
    if (!journal.open(path, error))
        return false;
    JobCheckpoint checkpoint;
    checkpoint.job = interruptedJob;
    checkpoint.flowId = QStringLiteral("napper");
    checkpoint.timeMs = QDateTime::currentMSecsSinceEpoch() - 60000;
    checkpoint.reason = QStringLiteral("periodic");
    checkpoint.status = JobStatus::Running;
    checkpoint.entryRoutine = QStringLiteral("nap");
    checkpoint.entrySlot = QStringLiteral("in");
    journal.saveCheckpoint(&checkpoint);
    JobRecord record;
    record.id = interruptedJob;
    record.flowId = QStringLiteral("napper");
    record.status = JobStatus::Running;
    record.createdMs = record.updatedMs = checkpoint.timeMs;
    record.lastCheckpoint = checkpoint.id;
    journal.recordJob(record);
    journal.flush();
    return true;
}
} // namespace

class TestHealthViews : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void agentsAppearHealthy();
    void stuckAgentRaisesAnAlertAndRecovers();
    void alertLogIsNewestFirstAndCapped();
    void metricsTableListsTheRoutinesOfACompletedJob();
    void chartStaysWithinItsPointBudget();
    void exportsReports_data();
    void exportsReports();
    void exportFormatFollowsSuffixOrFilter();
    void pauseCheckpointCanBeForked();
    void interruptedJobCanBeResumed();

private:
    bool allHealthy() const;
    int stuckRow(const QString &routine) const;
    int jobCountOfFlow(const QString &flowId) const;
    QString jobStatus(JobId id) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<MainWindow> m_window;
};

void TestHealthViews::initTestCase()
{
    QVERIFY(m_dir.isValid());
    EngineConfig config;
    config.workers = 2;
    config.heartbeatIntervalMs = 100;
    config.checkpointIntervalMs = 200;
    m_engine = std::make_unique<Engine>(config);
    m_engine->registry().addClass<NapRoutine>(QStringLiteral("test.Nap"));
    m_engine->addDemoFlows();
    QVERIFY(m_engine->addFlowJson(QByteArray(napFlow), QStringLiteral("test")).ok());
    const QString journal = m_dir.filePath(QStringLiteral("j.db"));
    QString error;
    QVERIFY2(seedInterruptedJob(journal, &error), qPrintable(error));
    QVERIFY(m_engine->openJournal(journal).ok());
    m_client = std::make_unique<InProcessClient>(m_engine.get());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestHealthViews::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_engine.reset();
}

bool TestHealthViews::allHealthy() const
{
    const AgentHealthModel *model = m_window->health()->healthModel();
    if (model->rowCount() == 0)
        return false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex state = model->index(row, AgentHealthModel::StateColumn);
        if (HealthState(state.data(AgentHealthModel::StateRole).toInt()) != HealthState::Healthy)
            return false;
    }
    return true;
}

int TestHealthViews::stuckRow(const QString &routine) const
{
    const AgentHealthModel *model = m_window->health()->healthModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex state = model->index(row, AgentHealthModel::StateColumn);
        const QString diagnosis
            = model->index(row, AgentHealthModel::DiagnosisColumn).data().toString();
        if (HealthState(state.data(AgentHealthModel::StateRole).toInt()) != HealthState::Healthy
            && diagnosis.contains(QLatin1String("stuck")) && diagnosis.contains(routine))
            return row;
    }
    return -1;
}

void TestHealthViews::agentsAppearHealthy()
{
    const AgentHealthModel *model = m_window->health()->healthModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 2, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(allHealthy(), timeoutMs);
    const QModelIndex state = model->index(0, AgentHealthModel::StateColumn);
    QCOMPARE(state.data().toString(), QStringLiteral("Healthy"));
    QVERIFY(!model->index(0, AgentHealthModel::NameColumn).data().toString().isEmpty());
    // The age is computed here, against the FAILED threshold the update announced.
    QCOMPARE(model->policy().failedAfterMs(), 300);
    const double fraction = model->index(0, AgentHealthModel::BarColumn)
                                .data(AgentHealthModel::AgeFractionRole)
                                .toDouble();
    QVERIFY(fraction >= 0 && fraction <= 1);
    QCOMPARE(model->index(0, AgentHealthModel::BarColumn)
                 .data(AgentHealthModel::ThresholdsRole)
                 .toList()
                 .size(),
             2);
}

void TestHealthViews::stuckAgentRaisesAnAlertAndRecovers()
{
    const AlertLogModel *alerts = m_window->health()->alertModel();
    const int alertsBefore = alerts->rowCount();
    m_client->startJob(QStringLiteral("napper"), QString(), QVariantMap());

    QTRY_VERIFY_WITH_TIMEOUT(stuckRow(QStringLiteral("nap")) >= 0, timeoutMs);
    const AgentHealthModel *model = m_window->health()->healthModel();
    const QString agent
        = model->index(stuckRow(QStringLiteral("nap")), AgentHealthModel::NameColumn)
              .data()
              .toString();

    QTRY_VERIFY_WITH_TIMEOUT(alerts->rowCount() > alertsBefore, timeoutMs);
    const Alert &newest = alerts->alertAt(0);
    QCOMPARE(alerts->index(0, AlertLogModel::AgentColumn).data().toString(), newest.agent);
    bool sawStuckAlert = false;
    for (int row = 0; row < alerts->rowCount(); ++row) {
        const Alert &alert = alerts->alertAt(row);
        sawStuckAlert |= alert.agent == agent && alert.level != AlertLevel::Info
                         && alert.routine == QLatin1String("nap");
    }
    QVERIFY(sawStuckAlert);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->engineStatusBar()->currentMessage().contains(agent),
                             timeoutMs);

    // The nap ends, the agent beats again, and the recovery shows.
    QTRY_VERIFY_WITH_TIMEOUT(allHealthy(), timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(alerts->alertAt(0).level == AlertLevel::Info, timeoutMs);
    QVERIFY(!QApplication::activeModalWidget());
}

int TestHealthViews::jobCountOfFlow(const QString &flowId) const
{
    int count = 0;
    for (int row = 0; row < m_window->jobModel()->rowCount(); ++row)
        count += m_window->jobModel()->jobAt(row).flowId == flowId;
    return count;
}

QString TestHealthViews::jobStatus(JobId id) const
{
    const int row = m_window->jobModel()->rowOf(id);
    return row < 0
               ? QString()
               : m_window->jobModel()->index(row, JobTableModel::StatusColumn).data().toString();
}

void TestHealthViews::alertLogIsNewestFirstAndCapped()
{
    AlertLogModel log(3);
    QVector<Alert> alerts;
    for (int i = 1; i <= 5; ++i) {
        Alert alert;
        alert.id = quint64(i);
        alert.agent = QStringLiteral("w%1").arg(i);
        alert.level = i == 5 ? AlertLevel::Critical : AlertLevel::Warning;
        alerts.append(alert);
    }
    log.appendAlerts(alerts.mid(0, 2));
    log.appendAlerts(alerts.mid(2));
    QCOMPARE(log.rowCount(), 3);
    QCOMPARE(log.alertAt(0).id, quint64(5));
    QCOMPARE(log.alertAt(2).id, quint64(3));
    QCOMPARE(log.index(0, AlertLogModel::LevelColumn).data().toString(),
             QStringLiteral("Critical"));
    QVERIFY(!log.index(0, AlertLogModel::LevelColumn).data(Qt::DecorationRole).isNull());
    QCOMPARE(log.alerts().constFirst().id, quint64(5));
}

void TestHealthViews::metricsTableListsTheRoutinesOfACompletedJob()
{
    m_client->startJob(QStringLiteral("etl"), QString(), QVariantMap());
    QTRY_VERIFY_WITH_TIMEOUT(jobCountOfFlow(QStringLiteral("etl")) == 1, timeoutMs);
    JobId job;
    for (int row = 0; row < m_window->jobModel()->rowCount(); ++row) {
        if (m_window->jobModel()->jobAt(row).flowId == QLatin1String("etl"))
            job = m_window->jobModel()->jobAt(row).id;
    }
    QTRY_COMPARE_WITH_TIMEOUT(jobStatus(job), QStringLiteral("Completed"), timeoutMs);

    MetricsDock *metrics = m_window->health()->metricsDock();
    QVERIFY(metrics);
    const RoutineMetricsModel *routines = metrics->routineModel();
    const auto etlRoutineCounted = [routines] {
        for (int row = 0; row < routines->rowCount(); ++row) {
            const MetricsSummary &s = routines->summaryAt(row);
            if (s.key.startsWith(QLatin1String("etl/")) && s.activations > 0)
                return true;
        }
        return false;
    };
    // Hidden docks do not poll; asking directly is what showing it would do.
    QTRY_VERIFY_WITH_TIMEOUT((metrics->refresh(), etlRoutineCounted()), timeoutMs);
    const int row = [routines] {
        for (int r = 0; r < routines->rowCount(); ++r) {
            if (routines->summaryAt(r).key.startsWith(QLatin1String("etl/")))
                return r;
        }
        return -1;
    }();
    QVERIFY(row >= 0);
    QVERIFY(routines->index(row, RoutineMetricsModel::CountColumn).data().toInt() > 0);
    QVERIFY(!routines->index(row, RoutineMetricsModel::P95Column).data().toString().isEmpty());
    QVERIFY(metrics->chart()->plottedPoints() > 0);
    QVERIFY(metrics->chart()->plottedPoints() <= MetricsChart::maxPoints);
}

void TestHealthViews::chartStaysWithinItsPointBudget()
{
    QCOMPARE(MetricsDock::stepMsFor(5 * 60 * 1000), 1000);
    QCOMPARE(MetricsDock::stepMsFor(15 * 60 * 1000), 3000);

    QVector<MetricsPoint> points;
    quint64 total = 0;
    for (int i = 0; i < 1000; ++i) {
        MetricsPoint p;
        p.startMs = 1000LL * i;
        p.spanMs = 1000;
        p.activations = quint64(i % 7);
        p.throughputPerS = double(p.activations);
        p.p99Ms = 10;
        p.maxMs = i;
        total += p.activations;
        points.append(p);
    }
    const QVector<MetricsPoint> merged = MetricsChart::downsample(points, MetricsChart::maxPoints);
    QVERIFY(merged.size() <= MetricsChart::maxPoints);
    quint64 mergedTotal = 0;
    for (const MetricsPoint &p : merged)
        mergedTotal += p.activations;
    QCOMPARE(mergedTotal, total);
    QCOMPARE(merged.constLast().maxMs, 999.0);
    QCOMPARE(merged.constFirst().p99Ms, 10.0);
}

void TestHealthViews::exportsReports_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("format");
    QTest::newRow("markdown") << QStringLiteral("report.md") << int(ReportFormat::Markdown);
    QTest::newRow("html") << QStringLiteral("report.html") << int(ReportFormat::Html);
}

void TestHealthViews::exportsReports()
{
    QFETCH(QString, file);
    QFETCH(int, format);
    const AgentHealthModel *model = m_window->health()->healthModel();
    QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 2, timeoutMs);

    HealthReportExporter *exporter = m_window->health()->exporter();
    QSignalSpy finished(exporter, &HealthReportExporter::finished);
    const QString path = m_dir.filePath(file);
    exporter->exportTo(path, ReportFormat(format));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QCOMPARE(finished.at(0).at(0).toString(), path);
    QVERIFY2(finished.at(0).at(1).toBool(), qPrintable(finished.at(0).at(2).toString()));

    QFile report(path);
    QVERIFY(report.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(report.readAll());
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString agent = model->index(row, AgentHealthModel::NameColumn).data().toString();
        QVERIFY2(text.contains(agent), qPrintable(agent));
    }

    // A path that cannot be written is reported, not thrown at the user.
    finished.clear();
    exporter->exportTo(m_dir.filePath(QStringLiteral("missing/dir/") + file), ReportFormat(format));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QVERIFY(!finished.at(0).at(1).toBool());
    QVERIFY(!finished.at(0).at(2).toString().isEmpty());
}

void TestHealthViews::exportFormatFollowsSuffixOrFilter()
{
    const QStringList filters = HealthReportExporter::nameFilters();
    QCOMPARE(filters.size(), 4);
    QString path = QStringLiteral("/tmp/r.json");
    ReportFormat format = ReportFormat::Markdown;
    QVERIFY(HealthReportExporter::formatFor(&path, filters.at(0), &format));
    QCOMPARE(format, ReportFormat::Json);
    QCOMPARE(path, QStringLiteral("/tmp/r.json"));
    path = QStringLiteral("/tmp/r");
    QVERIFY(HealthReportExporter::formatFor(&path, filters.at(3), &format));
    QCOMPARE(format, ReportFormat::Pdf);
    QCOMPARE(path, QStringLiteral("/tmp/r.pdf"));
}

void TestHealthViews::pauseCheckpointCanBeForked()
{
    m_client->startJob(QStringLiteral("scan_swarm"), QString(), QVariantMap());
    QTRY_COMPARE_WITH_TIMEOUT(jobCountOfFlow(QStringLiteral("scan_swarm")), 1, timeoutMs);
    // The console selects the job it started.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->selectedJob().isNull(), timeoutMs);
    const JobId job = m_window->selectedJob();
    QTRY_COMPARE_WITH_TIMEOUT(jobStatus(job), QStringLiteral("Running"), timeoutMs);
    m_client->pauseJob(job);
    QTRY_COMPARE_WITH_TIMEOUT(jobStatus(job), QStringLiteral("Paused"), timeoutMs);

    QVERIFY(m_window->checkpointsAction()->isEnabled());
    m_window->checkpointsAction()->trigger();
    auto *dialog = m_window->findChild<CheckpointsDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->job(), job);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->model()->rowOfReason(QStringLiteral("pause")) >= 0, timeoutMs);
    const int row = dialog->model()->rowOfReason(QStringLiteral("pause"));
    QCOMPARE(dialog->model()->index(row, CheckpointTableModel::StatusColumn).data().toString(),
             QStringLiteral("Paused"));
    dialog->selectRow(row);
    QVERIFY(dialog->forkButton()->isEnabled());

    QTest::mouseClick(dialog->forkButton(), Qt::LeftButton);
    auto *fork = dialog->findChild<ForkJobDialog *>();
    QVERIFY(fork);
    // Prefilled with the checkpoint's variables.
    QVERIFY(fork->editor()->toPlainText().trimmed().startsWith(QLatin1Char('{')));
    fork->editor()->setPlainText(QStringLiteral("{\n  \"forked\": ,\n}"));
    fork->accept();
    QVERIFY(fork->isVisible());
    QVERIFY(!fork->errorLabel()->isHidden());
    QVERIFY2(fork->errorLabel()->text().contains(QLatin1String("line 2")),
             qPrintable(fork->errorLabel()->text()));
    QVERIFY(!QApplication::activeModalWidget());

    fork->editor()->setPlainText(QStringLiteral("{\"forked\": true}"));
    fork->accept();
    QTRY_COMPARE_WITH_TIMEOUT(jobCountOfFlow(QStringLiteral("scan_swarm")), 2, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->selectedJob() != job, timeoutMs);
    const JobId forked = m_window->selectedJob();
    const int forkedRow = m_window->jobModel()->rowOf(forked);
    QVERIFY(forkedRow >= 0);
    QCOMPARE(m_window->jobModel()->jobAt(forkedRow).flowId, QStringLiteral("scan_swarm"));

    m_client->cancelJob(forked);
    m_client->cancelJob(job);
    dialog->close();
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<CheckpointsDialog *>(), timeoutMs);
}

void TestHealthViews::interruptedJobCanBeResumed()
{
    InterruptedJobsWidget *interrupted = m_window->health()->interruptedJobs();
    QVERIFY(interrupted);
    QTreeWidget *list = interrupted->list();
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, timeoutMs);
    QTreeWidgetItem *item = list->topLevelItem(0);
    QCOMPARE(item->text(InterruptedJobsWidget::IdColumn), interruptedJob.toString());
    QCOMPARE(item->text(InterruptedJobsWidget::FlowColumn), QStringLiteral("napper"));
    QVERIFY(!interrupted->resumeButton()->isEnabled());
    item->setSelected(true);
    QVERIFY(interrupted->resumeButton()->isEnabled());

    interrupted->resumeSelected();
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 0, timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->jobModel()->rowOf(interruptedJob) >= 0, timeoutMs);
}

QTEST_MAIN(TestHealthViews)
#include "tst_healthviews.moc"
