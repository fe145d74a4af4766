// Fuzzes the request size scanner (core/endpoint/requestsizescanner.h) that reads every
// connection's bytes before the HTTP server: whatever the bytes, it must not crash, must answer
// only with the documented refusals, and must reach the same verdict whether the bytes arrive in
// one piece, in two, or one byte at a time.
#include "endpoint/requestsizescanner.h"
#include "fuzzcheck.h"

using namespace flowscope;
using FuzzCheck::check;

namespace {

constexpr qint64 maxBody = 1000;
constexpr qint64 maxHeader = 512;

struct Verdict
{
    int status;
    qint64 bodyRemaining;
};

Verdict scanInPieces(const QByteArray &bytes, qsizetype pieceSize)
{
    RequestSizeScanner scanner(maxBody, maxHeader);
    RequestRefusal refusal;
    for (qsizetype at = 0; at < bytes.size() && refusal.status == 0; at += pieceSize)
        refusal = scanner.feed(bytes.mid(at, pieceSize));
    return {refusal.status, refusal.status ? 0 : scanner.bodyRemaining()};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    const qsizetype split = bytes.isEmpty() ? 0 : data[0] % bytes.size();

    const Verdict whole = scanInPieces(bytes, qMax<qsizetype>(1, bytes.size()));
    check(whole.status == 0 || whole.status == 400 || whole.status == 411 || whole.status == 413
              || whole.status == 431,
          "only documented refusals", bytes);
    check(whole.bodyRemaining >= 0 && whole.bodyRemaining <= maxBody, "body within limit", bytes);

    RequestSizeScanner twoPieces(maxBody, maxHeader);
    RequestRefusal refusal = twoPieces.feed(bytes.left(split));
    if (refusal.status == 0)
        refusal = twoPieces.feed(bytes.mid(split));
    check(refusal.status == whole.status, "two pieces: same verdict", bytes);

    if (bytes.size() <= 4096) {
        const Verdict single = scanInPieces(bytes, 1);
        check(single.status == whole.status, "byte by byte: same verdict", bytes);
        check(single.bodyRemaining == whole.bodyRemaining, "byte by byte: same body", bytes);
    }
    return 0;
}
