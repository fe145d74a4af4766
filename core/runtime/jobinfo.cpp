#include "runtime/jobinfo.h"

namespace flowscope {

namespace {
const char *const statusNames[]
    = {"pending", "running", "paused", "completed", "failed", "cancelled"};
}

QString jobStatusName(JobStatus status)
{
    return QString::fromLatin1(statusNames[int(status)]);
}

bool jobStatusFromName(QStringView name, JobStatus *status)
{
    for (int i = 0; i < 6; ++i) {
        if (name == QLatin1String(statusNames[i])) {
            *status = JobStatus(i);
            return true;
        }
    }
    return false;
}

} // namespace flowscope
