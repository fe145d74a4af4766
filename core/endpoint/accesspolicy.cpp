#include "accesspolicy.h"

#include <QUrlQuery>

namespace flowscope {

namespace {

// The credentials of a request: the Authorization header ("Bearer" or the SWF clients' "Token"),
// else the token query item. Empty when neither is there.
QByteArray presentedToken(const AccessPolicy::Headers &headers, const QUrlQuery &query)
{
    for (const auto &header : headers) {
        if (header.first.compare("authorization", Qt::CaseInsensitive) != 0)
            continue;
        const QByteArray value = header.second.trimmed();
        const int space = value.indexOf(' ');
        if (space <= 0)
            return {};
        const QByteArray scheme = value.left(space);
        if (scheme.compare("bearer", Qt::CaseInsensitive) != 0
            && scheme.compare("token", Qt::CaseInsensitive) != 0)
            return {};
        return value.mid(space + 1).trimmed();
    }
    return query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded).toUtf8();
}

} // namespace

void AccessPolicy::setReadToken(const QByteArray &token)
{
    m_readToken = token;
}

void AccessPolicy::setControlToken(const QByteArray &token)
{
    m_controlToken = token;
}

bool AccessPolicy::requiresToken() const
{
    return !m_readToken.isEmpty() || !m_controlToken.isEmpty();
}

AccessRole AccessPolicy::roleFor(const Headers &headers, const QUrlQuery &query) const
{
    if (!requiresToken())
        return AccessRole::Control;
    const QByteArray token = presentedToken(headers, query);
    if (token.isEmpty())
        return AccessRole::None;
    // Both comparisons always run, so the time taken does not tell which token matched.
    const bool control = !m_controlToken.isEmpty() && sameToken(token, m_controlToken);
    const bool read = !m_readToken.isEmpty() && sameToken(token, m_readToken);
    if (control)
        return AccessRole::Control;
    return read ? AccessRole::Read : AccessRole::None;
}

bool AccessPolicy::mayListenOn(const QString &addressText, bool loopback, QString *why) const
{
    if (loopback || requiresToken())
        return true;
    if (why) {
        *why = QStringLiteral("refusing to serve %1 without a token: any machine that reaches it "
                              "could drive the engine. Give --token (or --read-token) or listen on "
                              "127.0.0.1")
                   .arg(addressText);
    }
    return false;
}

bool AccessPolicy::sameToken(const QByteArray &a, const QByteArray &b)
{
    // XOR-accumulate over the longer length so neither content nor a common prefix shortens it.
    const qsizetype length = qMax(a.size(), b.size());
    unsigned char difference = a.size() == b.size() ? 0 : 1;
    for (qsizetype i = 0; i < length; ++i) {
        const unsigned char x = i < a.size() ? uchar(a.at(i)) : 0;
        const unsigned char y = i < b.size() ? uchar(b.at(i)) : 0;
        difference |= x ^ y;
    }
    return difference == 0;
}

} // namespace flowscope
