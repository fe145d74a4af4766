#include "runtime/jobdetail.h"

namespace flowscope {

QString waitingPlaceName(WaitingActivation::Place place)
{
    switch (place) {
    case WaitingActivation::Place::Queued:
        return QStringLiteral("queued");
    case WaitingActivation::Place::Parked:
        return QStringLiteral("parked");
    case WaitingActivation::Place::Held:
        return QStringLiteral("held");
    case WaitingActivation::Place::Stopped:
        return QStringLiteral("stopped");
    case WaitingActivation::Place::Waiting:
        return QStringLiteral("waiting");
    }
    return QStringLiteral("queued");
}

} // namespace flowscope
