#include "requestsizescanner.h"

#include <QList>

#include <algorithm>

namespace flowscope {

namespace {

RequestRefusal refusal(int status, const char *reason, const QString &message)
{
    return {status, reason, message};
}

} // namespace

RequestSizeScanner::RequestSizeScanner(qint64 maxBodyBytes, qint64 maxHeaderBytes)
    : m_maxBodyBytes(maxBodyBytes)
    , m_maxHeaderBytes(maxHeaderBytes)
{}

RequestRefusal RequestSizeScanner::feed(const QByteArray &bytes)
{
    qsizetype at = 0;
    while (m_refusal.status == 0 && at < bytes.size()) {
        if (m_bodyRemaining > 0) {
            const qint64 step = qMin<qint64>(m_bodyRemaining, bytes.size() - at);
            m_bodyRemaining -= step;
            at += step;
            continue;
        }
        // Only as much as could still belong to a header block is kept.
        const qsizetype room = qsizetype(m_maxHeaderBytes + 1) - m_header.size();
        const qsizetype taken = qMin(room, bytes.size() - at);
        const qsizetype before = m_header.size();
        m_header.append(bytes.constData() + at, taken);
        // The terminator may straddle the previous piece: search from just before it.
        const qsizetype end = m_header.indexOf("\r\n\r\n", qMax<qsizetype>(0, before - 3));
        const qsizetype headerBytes = end < 0 ? m_header.size() : end + 4;
        if (headerBytes > m_maxHeaderBytes) {
            m_refusal
                = refusal(431, "Request Header Fields Too Large",
                          QStringLiteral("request headers over %1 bytes").arg(m_maxHeaderBytes));
            break;
        }
        if (end < 0) {
            at += taken;
            continue;
        }
        at += end + 4 - before;
        m_header.truncate(end + 4);
        m_refusal = headersComplete();
        m_header.clear();
    }
    return m_refusal;
}

RequestRefusal RequestSizeScanner::headersComplete()
{
    qint64 length = -1;
    const QList<QByteArray> lines = m_header.split('\n');
    for (const QByteArray &line : lines) {
        const int colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            return refusal(411, "Length Required",
                           QStringLiteral("chunked request bodies are not accepted: send "
                                          "Content-Length"));
        }
        if (name != "content-length")
            continue;
        bool ok = false;
        const qint64 value64 = value.toLongLong(&ok);
        // Digits only: "+5", " 5 5" or "0x10" would be read differently by another parser.
        const bool digits = !value.isEmpty() && std::all_of(value.begin(), value.end(), [](char c) {
            return c >= '0' && c <= '9';
        });
        if (!ok || !digits || (length >= 0 && length != value64)) {
            return refusal(400, "Bad Request",
                           QStringLiteral("Content-Length: expected one decimal number of "
                                          "bytes"));
        }
        length = value64;
    }
    if (length > m_maxBodyBytes) {
        return refusal(413, "Payload Too Large",
                       QStringLiteral("request body of %1 bytes is over the limit of %2 bytes")
                           .arg(length)
                           .arg(m_maxBodyBytes));
    }
    m_bodyRemaining = qMax<qint64>(0, length);
    return {};
}

} // namespace flowscope
