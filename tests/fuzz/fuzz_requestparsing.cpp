// Fuzzes the endpoint's request parsing (core/endpoint/requestparsing.h): the bytes as a request
// body (POST /api/jobs) and as the query string of GET /api/jobs and GET /api/jobs/{id}/trace.
#include "endpoint/requestparsing.h"

#include <QUrlQuery>

#include <cstdio>
#include <cstdlib>

using namespace flowscope;

namespace {

void check(bool condition, const char *what, const QByteArray &input)
{
    if (condition)
        return;
    std::fprintf(stderr, "violated: %s\ninput: %s\n", what, input.toPercentEncoding().constData());
    std::abort();
}

void checkError(bool ok, const RequestError &error, const QByteArray &input)
{
    if (ok)
        return;
    check(error.httpStatus == 400 || error.httpStatus == 413, "error status is 400 or 413", input);
    check(!error.message.isEmpty(), "an error says what is wrong", input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));

    // Body of POST /api/jobs.
    QJsonObject object;
    RequestError bodyError;
    const bool isObject = RequestParsing::jsonObjectBody(bytes, &object, &bodyError);
    checkError(isObject, bodyError, bytes);
    if (isObject) {
        JobRequest request;
        RequestError requestError;
        const bool ok = RequestParsing::jobRequest(object, &request, &requestError);
        checkError(ok, requestError, bytes);
        if (ok) {
            check(!request.flowId.isEmpty(), "an accepted job request names a flow", bytes);
            // The engine turns it into a deadline in milliseconds, a qint64.
            check(request.timeoutSeconds >= 0 && request.timeoutSeconds * 1000 < 0x1p62,
                  "an accepted timeout is >= 0 and its deadline fits a qint64", bytes);
        }
    }

    // Query strings, as QHttpServerRequest::query() builds them from the URL.
    const QUrlQuery query(QString::fromUtf8(bytes));
    JobListQuery list;
    RequestError listError;
    const bool listOk = RequestParsing::jobListQuery(query, &list, &listError);
    checkError(listOk, listError, bytes);
    if (listOk) {
        check(list.limit >= 1 && list.limit <= JobListQuery::maxLimit, "limit in range", bytes);
        check(list.offset >= 0, "offset >= 0", bytes);
    }

    int limit = 0;
    RequestError traceError;
    const bool traceOk = RequestParsing::traceLimit(query, &limit, &traceError);
    checkError(traceOk, traceError, bytes);
    if (traceOk)
        check(limit >= -1, "trace limit is -1 (all) or >= 0", bytes);
    return 0;
}
