// File > Export Trace… in the console, offscreen: the selected job's Chrome trace from the
// console's event store, written off the GUI thread.
#include "client/inprocessclient.h"
#include "enginestatusbar.h"
#include "jobtablemodel.h"
#include "jobtableview.h"
#include "mainwindow.h"
#include "runtime/engine.h"
#include "traceexporter.h"

#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace flowscope;

namespace {
constexpr int timeoutMs = 10000;

// a -> b -> c, then boom fails: three slices and an error.
const char failingFlow[] = R"({"flow_id": "three_then_boom",
    "routines": {"a": {"class": "flowscope.Work", "config": {"duration_ms": 20}},
                 "b": {"class": "flowscope.Work", "config": {"duration_ms": 20}},
                 "c": {"class": "flowscope.Work", "config": {"duration_ms": 20}},
                 "boom": {"class": "flowscope.Fail", "config": {"message": "out of paper"}}},
    "connections": [{"from": "a.out", "to": "b.in"}, {"from": "b.out", "to": "c.in"},
                    {"from": "c.out", "to": "boom.in"}],
    "entry": "a.in"})";
} // namespace

class TestTraceExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void exportsTheSelectedJob();
    void anUnwritablePathIsReported();

private:
    QFileDialog *triggerExport();

    QTemporaryDir m_dir;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    JobId m_job;
};

void TestTraceExport::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_engine = std::make_unique<Engine>();
    QVERIFY(m_engine->addFlowJson(failingFlow, {}).ok());
    m_client = std::make_unique<InProcessClient>(m_engine.get());
    m_window = std::make_unique<MainWindow>(m_client.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(!m_window->exportTraceAction()->isEnabled()); // no job selected yet

    JobRequest request;
    request.flowId = QStringLiteral("three_then_boom");
    QVERIFY(m_engine->startJob(request, &m_job).ok());
    QVERIFY(m_engine->waitForJob(m_job, timeoutMs));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->jobModel()->rowOf(m_job) >= 0
            && m_window->jobModel()->jobAt(m_window->jobModel()->rowOf(m_job)).status
                   == JobStatus::Failed,
        timeoutMs);
    QVERIFY(m_window->jobView()->selectJob(m_job));
    QTRY_VERIFY(m_window->exportTraceAction()->isEnabled());
}

void TestTraceExport::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_engine.reset();
}

QFileDialog *TestTraceExport::triggerExport()
{
    m_window->exportTraceAction()->trigger();
    return m_window->findChild<QFileDialog *>(QStringLiteral("exportTraceDialog"));
}

void TestTraceExport::exportsTheSelectedJob()
{
    QFileDialog *dialog = triggerExport();
    QVERIFY(dialog);
    QVERIFY(dialog->selectedFiles().value(0).endsWith(
        QStringLiteral("trace-%1.json").arg(m_job.toString())));
    QSignalSpy finished(m_window->traceExporter(), &TraceExporter::finished);
    const QString path = m_dir.filePath(QStringLiteral("console-trace.json"));
    dialog->selectFile(path);
    static_cast<QDialog *>(dialog)->accept(); // what the Save button does
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QVERIFY2(finished.at(0).at(1).toBool(), qPrintable(finished.at(0).at(2).toString()));
    QCOMPARE(finished.at(0).at(0).toString(), path);
    QVERIFY(m_window->engineStatusBar()->currentMessage().contains(
        QLatin1String("console-trace.json")));

    // What the engine says the job did: which agent ran each routine, for how long.
    QHash<QString, QString> agentOf;
    QHash<QString, double> microsOf;
    for (const Event &e : m_engine->trace(m_job)) {
        if (e.type == EventType::RoutineEnded || e.type == EventType::RoutineError) {
            agentOf.insert(e.routine.toString(), e.agent.toString());
            microsOf.insert(e.routine.toString(), double(e.durationNs) / 1000.0);
        }
    }
    QCOMPARE(agentOf.size(), 4);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject trace = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(trace.value("otherData").toObject().value("source").toString(),
             QStringLiteral("console"));
    QHash<int, QString> lanes;
    QVector<QJsonObject> slices;
    QStringList instants;
    for (const QJsonValue &value : trace.value(QStringLiteral("traceEvents")).toArray()) {
        const QJsonObject e = value.toObject();
        const QString phase = e.value("ph").toString();
        if (phase == QLatin1String("X"))
            slices << e;
        else if (phase == QLatin1String("i"))
            instants << e.value("name").toString();
        else if (phase == QLatin1String("M") && e.value("name") == QLatin1String("thread_name"))
            lanes.insert(e.value("tid").toInt(),
                         e.value("args").toObject().value("name").toString());
    }
    QCOMPARE(slices.size(), 4);
    for (const QJsonObject &slice : slices) {
        const QString routine = slice.value("name").toString();
        QCOMPARE(lanes.value(slice.value("tid").toInt()), agentOf.value(routine));
        QCOMPARE(slice.value("dur").toDouble(), microsOf.value(routine));
    }
    QVERIFY(instants.contains(QStringLiteral("error")));
    QVERIFY(instants.contains(QStringLiteral("job failed")));
}

void TestTraceExport::anUnwritablePathIsReported()
{
    QFileDialog *dialog = triggerExport();
    QVERIFY(dialog);
    QSignalSpy finished(m_window->traceExporter(), &TraceExporter::finished);
    dialog->selectFile(m_dir.filePath(QStringLiteral("missing/dir/trace.json")));
    static_cast<QDialog *>(dialog)->accept(); // what the Save button does
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, timeoutMs);
    QVERIFY(!finished.at(0).at(1).toBool());
    // Told in a box (shown, not exec'd: this test goes on) and in the status bar.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>()) != nullptr);
    QVERIFY(box->text().contains(QLatin1String("missing/dir/trace.json")));
    QVERIFY(m_window->engineStatusBar()->currentMessage().contains(QLatin1String("missing/dir")));
    box->close();
}

QTEST_MAIN(TestTraceExport)
#include "tst_traceexport.moc"
