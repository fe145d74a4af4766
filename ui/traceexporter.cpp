#include "traceexporter.h"

#include "enginesession.h"
#include "eventchunk.h"
#include "eventlogmodel.h"
#include "exportnotice.h"
#include "runtime/jobinfo.h"
#include "trace/chrometrace.h"
#include "trace/jobeventselection.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>

namespace flowscope {

namespace {

bool writeTraceFile(const QVector<Event> &events, const ChromeTraceInfo &info, const QString &path,
                    QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    if (!ChromeTrace::write(events, info, &file, error))
        return false;
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

// The job's events and the alerts around them, looking only at the job and type columns of the
// events that cannot belong.
QVector<Event> pickJobEvents(const EventStoreSnapshot &snapshot, JobId job)
{
    std::vector<bool> ofJob(snapshot.jobs->size());
    for (size_t i = 0; i < ofJob.size(); ++i)
        ofJob[i] = (*snapshot.jobs)[i].job == job;
    JobEventSelection selection(job);
    for (const EventStoreSnapshot::Part &part : snapshot.parts) {
        const quint32 *jobs = part.chunk->jobColumn();
        const quint8 *types = part.chunk->typeColumn();
        for (int row = 0; row < part.rows; ++row) {
            if (ofJob[jobs[row]] || types[row] == quint8(EventType::Alert))
                selection.add(snapshot.event(part, row));
        }
    }
    return selection.take();
}

} // namespace

TraceExporter::TraceExporter(QObject *parent)
    : QObject(parent)
{
    connect(this, &TraceExporter::finished, this, &TraceExporter::reportFinished);
}

void TraceExporter::exportJob(QWidget *parent, EngineSession *session, const JobInfo &job)
{
    m_dialogParent = parent;
    // The job's engine, even if another is shown by the time a file is chosen.
    const QPointer<EngineSession> engine = session;
    auto *dialog = new QFileDialog(parent, tr("Export Trace"), QDir::homePath());
    dialog->setObjectName(QStringLiteral("exportTraceDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(nameFilter());
    dialog->setDefaultSuffix(QStringLiteral("json"));
    dialog->selectFile(QStringLiteral("trace-%1.json").arg(job.id.toString()));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, engine, id = job.id, flowId = job.flowId](const QString &path) {
                if (!engine)
                    return; // the engine was removed meanwhile, and its events with it
                exportTo(*engine->eventModel(), id, flowId, path);
                Q_EMIT statusMessage(tr("Exporting job %1 to %2…").arg(id.toString(), path));
            });
    dialog->open(); // not exec(): the console keeps updating behind it
}

void TraceExporter::reportFinished(const QString &path, bool ok, const QString &error)
{
    Q_EMIT statusMessage(
        ExportNotice::tell(ok, tr("Trace written to %1").arg(path),
                           tr("Could not write the trace to %1: %2").arg(path, error),
                           tr("Export Trace"), m_dialogParent));
}

QString TraceExporter::nameFilter()
{
    return tr("Chrome trace (*.json)");
}

void TraceExporter::exportTo(const EventLogModel &events, JobId job, const QString &flowId,
                             const QString &path)
{
    ChromeTraceInfo info{job, flowId, QStringLiteral("console")};
    ++m_running;
    // The events are picked in the pool thread too: the store may hold millions.
    QThreadPool::globalInstance()->start(
        [snapshot = events.store().snapshot(), info, path, self = QPointer<TraceExporter>(this)] {
            const QVector<Event> picked = pickJobEvents(snapshot, info.job);
            QString error;
            const bool ok = writeTraceFile(picked, info, path, &error);
            // Through the application object: the exporter may be gone by now, and only the GUI
            // thread may ask.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, path, ok, error] {
                    if (!self)
                        return;
                    --self->m_running;
                    Q_EMIT self->finished(path, ok, error);
                },
                Qt::QueuedConnection);
        });
}

} // namespace flowscope
