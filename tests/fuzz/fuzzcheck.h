#pragma once

// What the fuzz targets share: a property that does not hold aborts with the input that broke
// it, so libFuzzer keeps that input as a crash.

#include <QByteArray>

#include <cstdio>
#include <cstdlib>
#include <initializer_list>

namespace FuzzCheck {

inline void check(bool condition, const char *what, const QByteArray &input)
{
    if (condition)
        return;
    std::fprintf(stderr, "violated: %s\ninput: %s\n", what, input.toPercentEncoding().constData());
    std::abort();
}

// A refusal (ok false) has one of the statuses and says what was wrong. Error: a type with
// httpStatus and message (RequestError).
template<typename Error>
void checkRefusal(bool ok, const Error &error, std::initializer_list<int> statuses,
                  const QByteArray &input)
{
    if (ok)
        return;
    bool known = false;
    for (const int status : statuses)
        known = known || error.httpStatus == status;
    check(known, "a refusal has one of the route's error statuses", input);
    check(!error.message.isEmpty(), "a refusal says what is wrong", input);
}

} // namespace FuzzCheck
