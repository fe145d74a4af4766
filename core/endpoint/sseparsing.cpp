#include "sseparsing.h"

#include "events/eventtype.h"

#include <QUrlQuery>

namespace flowscope {

namespace {

QStringList commaList(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString trimmed = part.trimmed();
        if (!trimmed.isEmpty())
            out.append(trimmed);
    }
    return out;
}

bool parseSeq(const QString &text, quint64 *seq)
{
    bool ok = false;
    *seq = text.trimmed().toULongLong(&ok);
    return ok;
}

} // namespace

bool SseRequest::matchesNames(const Event &event) const
{
    if (!routine.isEmpty() && event.routine.toString() != routine)
        return false;
    return agents.isEmpty() || agents.contains(event.agent.toString());
}

SseRequest parseSseRequest(const QUrlQuery &query, const QByteArray &lastEventId)
{
    SseRequest request;
    const auto value = [&query](const char *key) {
        return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
    };

    request.msgTypes = commaList(value("msg_types"));
    if (!request.msgTypes.isEmpty()) {
        request.filter.typeMask = 0;
        for (const QString &name : std::as_const(request.msgTypes)) {
            EventType type;
            if (!eventTypeFromName(name, &type)) {
                request.error = QStringLiteral("unknown event type in msg_types: %1").arg(name);
                return request;
            }
            request.filter.typeMask |= eventTypeBit(type);
        }
    }

    request.agents = commaList(value("agents"));

    request.job = value("job").trimmed();
    if (!request.job.isEmpty()) {
        bool ok = false;
        request.filter.job = JobId::fromString(request.job, &ok);
        if (!ok || request.filter.job.isNull()) {
            request.error = QStringLiteral("invalid job id: %1").arg(request.job);
            return request;
        }
    }

    request.routine = value("routine").trimmed();

    // Trimmed as bytes: a header of only non-ASCII bytes is given, and so is invalid.
    const QString header = QString::fromLatin1(lastEventId.trimmed());
    const QString since = value("since").trimmed();
    const QString resumeFrom = !header.isEmpty() ? header : since;
    if (!resumeFrom.isEmpty()) {
        if (!parseSeq(resumeFrom, &request.resumeAfter)) {
            request.error = QStringLiteral("invalid event id to resume after: %1").arg(resumeFrom);
            return request;
        }
        request.resume = true;
    }
    return request;
}

} // namespace flowscope
