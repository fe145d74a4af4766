#pragma once

#include "runtime/jobid.h"

#include <QObject>
#include <QString>

namespace flowscope {

class EventLogModel;

// Writes a job's Chrome trace from the events the console holds (its event store, fed by the
// engine client's updates, so a remote engine's jobs export the same way). The job's events are
// picked in the GUI thread; the file is written in a pool thread, as it may be large.
class TraceExporter : public QObject
{
    Q_OBJECT
public:
    explicit TraceExporter(QObject *parent = nullptr);

    // The job's events among those the model holds. Answers with finished(); the file is replaced
    // whole or left alone. Returns the number of the job's events that go into it.
    int exportTo(const EventLogModel &events, JobId job, const QString &flowId,
                 const QString &path);
    bool busy() const { return m_running > 0; }

    static QString nameFilter();

Q_SIGNALS:
    void finished(const QString &path, bool ok, const QString &error);

private:
    int m_running = 0;
};

} // namespace flowscope
