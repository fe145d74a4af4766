#pragma once

#include <QByteArray>
#include <QString>

namespace flowscope {

// Why a request is refused before the HTTP server reads it; status 0: not refused.
struct RequestRefusal
{
    int status = 0;
    QByteArray reason; // the status line's reason phrase
    QString message;
};

// Follows the requests of one connection through its bytes, in whatever pieces they arrive:
// header blocks are scanned for their size and Content-Length, bodies are skipped by length.
// Pure logic, so the same verdict comes from one piece or many (tests/fuzz/fuzz_requestguard).
class RequestSizeScanner
{
public:
    static constexpr qint64 defaultMaxHeaderBytes = 64 * 1024;

    explicit RequestSizeScanner(qint64 maxBodyBytes, qint64 maxHeaderBytes = defaultMaxHeaderBytes);

    // The first refusal the bytes lead to; once refused, the scanner stays refused.
    RequestRefusal feed(const QByteArray &bytes);
    // Body bytes of the current request still to come.
    qint64 bodyRemaining() const { return m_bodyRemaining; }

private:
    RequestRefusal headersComplete();

    qint64 m_maxBodyBytes;
    qint64 m_maxHeaderBytes;
    QByteArray m_header; // the current request's header bytes so far
    qint64 m_bodyRemaining = 0;
    RequestRefusal m_refusal;
};

} // namespace flowscope
