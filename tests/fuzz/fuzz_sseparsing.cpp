// Fuzzes the event stream's request parsing (core/endpoint/sseparsing.h): the bytes up to the
// first newline as the query string of GET /api/events/stream, the rest as its Last-Event-ID.
#include "endpoint/sseparsing.h"
#include "fuzzcheck.h"

#include <QUrlQuery>

using namespace flowscope;
using FuzzCheck::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = bytes.indexOf('\n');
    const QByteArray query = newline < 0 ? bytes : bytes.left(newline);
    const QByteArray header = newline < 0 ? QByteArray() : bytes.mid(newline + 1);

    const SseRequest request = parseSseRequest(QUrlQuery(QString::fromUtf8(query)), header);
    if (!request.error.isEmpty())
        return 0;
    check(request.msgTypes.isEmpty() || request.filter.typeMask != 0,
          "msg_types given: some type is let through", bytes);
    check(request.job.isEmpty() || !request.filter.job.isNull(), "a job given is a job", bytes);
    check(request.filter.agent.isNull() && request.filter.routine.isNull(),
          "names from a client are never interned", bytes);
    if (!header.trimmed().isEmpty())
        check(request.resume, "a Last-Event-ID resumes", bytes);
    for (const QString &agent : request.agents)
        check(!agent.isEmpty() && !agent.contains(QLatin1Char(',')), "agents are split", bytes);
    return 0;
}
