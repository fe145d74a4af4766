#include "traceexporter.h"

#include "eventlogmodel.h"
#include "trace/chrometrace.h"
#include "trace/jobeventselection.h"

#include <QCoreApplication>
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
{}

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
