#pragma once

#include "health/alert.h"
#include "journal/jobcheckpoint.h"
#include "metrics/metricsrollup.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace flowscope::Internal {

// Writes the journal's rows other than events (alerts, rollups, jobs, checkpoints), and the
// meta values the writer keeps up to date, with prepared statements on the writer's connection.
// They are few next to events, so Qt's binding is fast enough.
class RecordWriter
{
public:
    explicit RecordWriter(const QSqlDatabase &db);

    bool prepare(QString *error);
    void finish();

    bool writeAlert(const Alert &alert, QString *error);
    bool writeRollup(const MetricsRollup &rollup, QString *error);
    bool writeJob(const JobRecord &job, QString *error);
    bool writeCheckpoint(const JobCheckpoint &checkpoint, QString *error);
    bool writeMeta(const QString &key, qint64 value, QString *error);

private:
    static bool run(QSqlQuery &q, QString *error);

    QSqlDatabase m_db;
    QSqlQuery m_alert;
    QSqlQuery m_rollup;
    QSqlQuery m_job;
    QSqlQuery m_checkpoint;
    QSqlQuery m_checkpointJob;
    QSqlQuery m_meta;
};

} // namespace flowscope::Internal
