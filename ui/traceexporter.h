#pragma once

#include "runtime/jobid.h"

#include <QObject>
#include <QPointer>
#include <QString>

class QWidget;

namespace flowscope {

class EngineSession;
class EventLogModel;
struct JobInfo;

// File > Export Trace…: writes a job's Chrome trace from the events the console holds (its
// engine's event store, fed by the client's updates, so a remote engine's jobs export the same
// way). The job's events are picked from a snapshot of the store and the file is written in a
// pool thread, as both may be large.
class TraceExporter : public QObject
{
    Q_OBJECT
public:
    explicit TraceExporter(QObject *parent = nullptr);

    // Asks where to (a non-modal dialog on parent), then exports the job from the session's
    // events. A failure is also shown in a box on parent.
    void exportJob(QWidget *parent, EngineSession *session, const JobInfo &job);

    // The job's events among those the model holds. Answers with finished(); the file is replaced
    // whole or left alone.
    void exportTo(const EventLogModel &events, JobId job, const QString &flowId,
                  const QString &path);
    bool busy() const { return m_running > 0; }

    static QString nameFilter();

Q_SIGNALS:
    void finished(const QString &path, bool ok, const QString &error);
    void statusMessage(const QString &message);

private:
    void reportFinished(const QString &path, bool ok, const QString &error);

    int m_running = 0;
    QPointer<QWidget> m_dialogParent;
};

} // namespace flowscope
