#include "traceexporter.h"

#include "enginesession.h"
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
    connect(
        dialog, &QFileDialog::fileSelected, this,
        [this, engine, id = job.id, flowId = job.flowId](const QString &path) {
            if (!engine)
                return; // the engine was removed meanwhile, and its events with it
            const int events = exportTo(*engine->eventModel(), id, flowId, path);
            Q_EMIT statusMessage(
                tr("Exporting %n event(s) of job %1 to %2…", "", events).arg(id.toString(), path));
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

int TraceExporter::exportTo(const EventLogModel &events, JobId job, const QString &flowId,
                            const QString &path)
{
    JobEventSelection selection(job);
    const EventRing &ring = events.ring();
    for (quint64 i = ring.firstIndex(); i < ring.endIndex(); ++i)
        selection.add(ring.at(i));
    const int count = selection.jobEventCount();
    ChromeTraceInfo info{job, flowId, QStringLiteral("console")};
    ++m_running;
    QThreadPool::globalInstance()->start(
        [events = selection.take(), info, path, self = QPointer<TraceExporter>(this)] {
            QString error;
            const bool ok = writeTraceFile(events, info, path, &error);
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
    return count;
}

} // namespace flowscope
