#include "jobtablemodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace flowscope;

namespace {
JobInfo makeJob(quint64 id, JobStatus status, double progress = 0)
{
    JobInfo job;
    job.id = JobId(id);
    job.flowId = QStringLiteral("etl");
    job.status = status;
    job.progress = progress;
    job.startedMs = 1700000000000;
    return job;
}

QString cell(const JobTableModel &model, JobId id, int column)
{
    return model.index(model.rowOf(id), column).data().toString();
}
} // namespace

class TestJobTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upsertsByIdInOneStep()
    {
        JobTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        model.applyJobs({makeJob(1, JobStatus::Pending), makeJob(2, JobStatus::Running),
                         makeJob(1, JobStatus::Running)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(cell(model, JobId(1), JobTableModel::StatusColumn), QStringLiteral("Running"));

        model.applyJobs({makeJob(2, JobStatus::Paused, 0.5), makeJob(1, JobStatus::Completed, 1),
                         makeJob(3, JobStatus::Pending)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(cell(model, JobId(2), JobTableModel::StatusColumn), QStringLiteral("Paused"));
        QCOMPARE(cell(model, JobId(2), JobTableModel::ProgressColumn), QStringLiteral("50%"));
        QCOMPARE(cell(model, JobId(1), JobTableModel::StatusColumn), QStringLiteral("Completed"));
        QCOMPARE(cell(model, JobId(1), JobTableModel::IdColumn), JobId(1).toString());
        QCOMPARE(cell(model, JobId(1), JobTableModel::FlowColumn), QStringLiteral("etl"));
    }

    void removesRows()
    {
        JobTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVector<JobInfo> jobs;
        for (quint64 id = 1; id <= 6; ++id)
            jobs.append(makeJob(id, JobStatus::Completed));
        model.applyJobs(jobs);

        JobInfo gone1 = makeJob(2, JobStatus::Completed);
        gone1.removed = true;
        JobInfo gone2 = makeJob(3, JobStatus::Completed);
        gone2.removed = true;
        JobInfo gone3 = makeJob(6, JobStatus::Completed);
        gone3.removed = true;
        model.applyJobs({gone1, gone3, gone2});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(JobId(2)), -1);
        QCOMPARE(model.rowOf(JobId(1)), 0);
        QCOMPARE(model.rowOf(JobId(4)), 1);
        QCOMPARE(model.rowOf(JobId(5)), 2);
        QCOMPARE(model.jobAt(2).id, JobId(5));
    }

    void failedJobShowsItsError()
    {
        JobTableModel model;
        JobInfo job = makeJob(9, JobStatus::Failed);
        job.error = QStringLiteral("probe: timeout");
        job.finishedMs = job.startedMs + 1500;
        model.applyJobs({job});
        QCOMPARE(cell(model, JobId(9), JobTableModel::ErrorColumn),
                 QStringLiteral("probe: timeout"));
        QCOMPARE(cell(model, JobId(9), JobTableModel::DurationColumn), QStringLiteral("1.5 s"));
    }
};

QTEST_MAIN(TestJobTableModel)
#include "tst_jobtablemodel.moc"
